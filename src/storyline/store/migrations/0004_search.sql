-- Storyline store, schema 4: search. Keyword indexes (SQLite FTS5, BM25) over articles and
-- sentences, publication dates for range filters, and sentence vectors for semantic search.
-- Triggers keep the keyword indexes and dates in step with the tables ingest and analysis write,
-- so neither needs to know that search exists.

-- Articles: title and clean text, read from the tables themselves (external content), so the
-- article text is not stored twice. rowid = articles.pk.
CREATE VIEW search_article_docs AS
SELECT a.pk AS pk, a.title AS title, t.clean_text AS body
FROM articles a JOIN article_texts t ON t.pk = a.pk;

CREATE VIRTUAL TABLE article_fts USING fts5(
    title, body,
    content = 'search_article_docs', content_rowid = 'pk',
    tokenize = 'porter unicode61 remove_diacritics 2'
);

-- Sentences keep their own copy of the text: an external-content index must be told the old text
-- to forget a row, and when an article is re-cleaned or deleted that text is already gone.
-- rowid = article pk * 2^32 + sentence start, so one article's sentences are a rowid range.
CREATE VIRTUAL TABLE sentence_fts USING fts5(
    text,
    tokenize = 'porter unicode61 remove_diacritics 2'
);

-- Document frequencies of the indexed terms (no storage of their own): a query's common words
-- are left out of its any-word fallback when they would make it scan too much.
CREATE VIRTUAL TABLE sentence_vocab USING fts5vocab(sentence_fts, 'row');
CREATE VIRTUAL TABLE article_vocab USING fts5vocab(article_fts, 'row');

-- A day range per article for --since/--until: the publication date (or the inferred one) at its
-- granularity, "2017" covering 2017-01-01..2017-12-31. NULL when nothing dates the article.
CREATE TABLE search_dates (
    pk INTEGER PRIMARY KEY REFERENCES articles (pk) ON DELETE CASCADE,
    lo TEXT,
    hi TEXT
);
CREATE INDEX search_dates_hi ON search_dates (hi);

-- Semantic search: per article, the unit vector of title + sentences (float16) and one int8 vector
-- per sentence with its scale (float16) and span (int32 starts and ends), all little-endian.
-- content_hash says which clean text they were computed from; a re-cleaned article is stale.
CREATE TABLE search_vectors (
    pk INTEGER PRIMARY KEY REFERENCES articles (pk) ON DELETE CASCADE,
    model TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    dim INTEGER NOT NULL,
    article BLOB NOT NULL,
    starts BLOB NOT NULL,
    ends BLOB NOT NULL,
    scales BLOB NOT NULL,
    sentences BLOB NOT NULL
);

-- Bumped whenever vectors or dates change, so a search process knows when its in-memory copy of
-- the vector matrix is out of date without reading the table.
CREATE TABLE search_meta (
    key TEXT PRIMARY KEY,
    value INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO search_meta (key, value) VALUES ('version', 0);

-- Keyword index of articles.
CREATE TRIGGER search_article_text_ai AFTER INSERT ON article_texts BEGIN
    INSERT INTO article_fts (rowid, title, body)
    VALUES (NEW.pk, (SELECT title FROM articles WHERE pk = NEW.pk), NEW.clean_text);
END;

CREATE TRIGGER search_article_text_au AFTER UPDATE OF clean_text ON article_texts BEGIN
    INSERT INTO article_fts (article_fts, rowid, title, body)
    VALUES ('delete', OLD.pk, (SELECT title FROM articles WHERE pk = OLD.pk), OLD.clean_text);
    INSERT INTO article_fts (rowid, title, body)
    VALUES (NEW.pk, (SELECT title FROM articles WHERE pk = NEW.pk), NEW.clean_text);
    -- The sentence spans refer to the old text until the article is analysed again.
    DELETE FROM sentence_fts
    WHERE rowid BETWEEN OLD.pk * 4294967296 AND OLD.pk * 4294967296 + 4294967295;
END;

CREATE TRIGGER search_article_title_au AFTER UPDATE OF title ON articles BEGIN
    INSERT INTO article_fts (article_fts, rowid, title, body)
    SELECT 'delete', OLD.pk, OLD.title, clean_text FROM article_texts WHERE pk = OLD.pk;
    INSERT INTO article_fts (rowid, title, body)
    SELECT NEW.pk, NEW.title, clean_text FROM article_texts WHERE pk = NEW.pk;
END;

-- BEFORE: the article's texts still exist (the cascade removes them after the row).
CREATE TRIGGER search_article_bd BEFORE DELETE ON articles BEGIN
    INSERT INTO article_fts (article_fts, rowid, title, body)
    SELECT 'delete', OLD.pk, OLD.title, clean_text FROM article_texts WHERE pk = OLD.pk;
    DELETE FROM sentence_fts
    WHERE rowid BETWEEN OLD.pk * 4294967296 AND OLD.pk * 4294967296 + 4294967295;
END;

-- Keyword index of sentences.
CREATE TRIGGER search_sentence_ai AFTER INSERT ON sentences WHEN NEW.start < 4294967296 BEGIN
    INSERT INTO sentence_fts (rowid, text)
    SELECT NEW.pk * 4294967296 + NEW.start, substr(clean_text, NEW.start + 1, NEW."end" - NEW.start)
    FROM article_texts WHERE pk = NEW.pk;
END;

CREATE TRIGGER search_sentence_ad AFTER DELETE ON sentences BEGIN
    DELETE FROM sentence_fts WHERE rowid = OLD.pk * 4294967296 + OLD.start;
END;

-- Date ranges: from the inferred/given DCT when there is one, else the publication metadata.
CREATE TRIGGER search_dates_article_ai AFTER INSERT ON articles BEGIN
    INSERT OR REPLACE INTO search_dates (pk, lo, hi)
    SELECT NEW.pk,
           d || substr('-01-01', length(d) - 3),
           d || substr('-12-31', length(d) - 3)
    FROM (SELECT CASE WHEN substr(NEW.published, 1, 10) GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'
                      THEN substr(NEW.published, 1, 10) END AS d);
END;

CREATE TRIGGER search_dates_article_au AFTER UPDATE OF published ON articles
WHEN NOT EXISTS (SELECT 1 FROM dcts WHERE pk = NEW.pk AND value GLOB '[0-9][0-9][0-9][0-9]*') BEGIN
    INSERT OR REPLACE INTO search_dates (pk, lo, hi)
    SELECT NEW.pk,
           d || substr('-01-01', length(d) - 3),
           d || substr('-12-31', length(d) - 3)
    FROM (SELECT CASE WHEN substr(NEW.published, 1, 10) GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'
                      THEN substr(NEW.published, 1, 10) END AS d);
END;

CREATE TRIGGER search_dates_dct_ai AFTER INSERT ON dcts BEGIN
    INSERT OR REPLACE INTO search_dates (pk, lo, hi)
    SELECT NEW.pk,
           d || substr('-01-01', length(d) - 3),
           d || substr('-12-31', length(d) - 3)
    FROM (SELECT COALESCE(
            CASE WHEN substr(NEW.value, 1, 10) GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'
                   OR substr(NEW.value, 1, 10) GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'
                   OR substr(NEW.value, 1, 10) GLOB '[0-9][0-9][0-9][0-9]'
                 THEN substr(NEW.value, 1, 10) END,
            (SELECT CASE WHEN substr(published, 1, 10) GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'
                         THEN substr(published, 1, 10) END FROM articles WHERE pk = NEW.pk)) AS d);
END;

CREATE TRIGGER search_dates_dct_au AFTER UPDATE OF value ON dcts BEGIN
    INSERT OR REPLACE INTO search_dates (pk, lo, hi)
    SELECT NEW.pk,
           d || substr('-01-01', length(d) - 3),
           d || substr('-12-31', length(d) - 3)
    FROM (SELECT COALESCE(
            CASE WHEN substr(NEW.value, 1, 10) GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'
                   OR substr(NEW.value, 1, 10) GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'
                   OR substr(NEW.value, 1, 10) GLOB '[0-9][0-9][0-9][0-9]'
                 THEN substr(NEW.value, 1, 10) END,
            (SELECT CASE WHEN substr(published, 1, 10) GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'
                         THEN substr(published, 1, 10) END FROM articles WHERE pk = NEW.pk)) AS d);
END;

CREATE TRIGGER search_dates_bump AFTER UPDATE ON search_dates BEGIN
    UPDATE search_meta SET value = value + 1 WHERE key = 'version';
END;

CREATE TRIGGER search_dates_bump_i AFTER INSERT ON search_dates BEGIN
    UPDATE search_meta SET value = value + 1 WHERE key = 'version';
END;

CREATE TRIGGER search_vectors_bump_i AFTER INSERT ON search_vectors BEGIN
    UPDATE search_meta SET value = value + 1 WHERE key = 'version';
END;

CREATE TRIGGER search_vectors_bump_u AFTER UPDATE ON search_vectors BEGIN
    UPDATE search_meta SET value = value + 1 WHERE key = 'version';
END;

CREATE TRIGGER search_vectors_bump_d AFTER DELETE ON search_vectors BEGIN
    UPDATE search_meta SET value = value + 1 WHERE key = 'version';
END;

CREATE TRIGGER search_outlet_bump AFTER UPDATE OF outlet, content_hash ON articles BEGIN
    UPDATE search_meta SET value = value + 1 WHERE key = 'version';
END;

-- What was stored before this schema.
INSERT INTO article_fts (article_fts) VALUES ('rebuild');

INSERT INTO sentence_fts (rowid, text)
SELECT s.pk * 4294967296 + s.start, substr(t.clean_text, s.start + 1, s."end" - s.start)
FROM sentences s JOIN article_texts t ON t.pk = s.pk
WHERE s.start < 4294967296;

INSERT INTO search_dates (pk, lo, hi)
SELECT pk, d || substr('-01-01', length(d) - 3), d || substr('-12-31', length(d) - 3)
FROM (
    SELECT a.pk AS pk, COALESCE(
        CASE WHEN substr(x.value, 1, 10) GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'
               OR substr(x.value, 1, 10) GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'
               OR substr(x.value, 1, 10) GLOB '[0-9][0-9][0-9][0-9]'
             THEN substr(x.value, 1, 10) END,
        CASE WHEN substr(a.published, 1, 10) GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'
             THEN substr(a.published, 1, 10) END) AS d
    FROM articles a LEFT JOIN dcts x ON x.pk = a.pk
);
