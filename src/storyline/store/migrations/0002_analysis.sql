-- Storyline store, schema 2: what the analysis stage learns about each article.
-- Every span is [start, end) in the article's clean text.

-- Which articles are analysed, against which clean text and which analyser version: an article
-- whose content_hash or version differs is analysed again.
CREATE TABLE analyses (
    pk INTEGER PRIMARY KEY REFERENCES articles (pk) ON DELETE CASCADE,
    content_hash TEXT NOT NULL,
    version TEXT NOT NULL,
    analysed_at TEXT NOT NULL
);

CREATE TABLE sentences (
    pk INTEGER NOT NULL REFERENCES articles (pk) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    PRIMARY KEY (pk, start)
) WITHOUT ROWID;

CREATE TABLE entities (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    aliases TEXT NOT NULL DEFAULT '[]',  -- JSON list of surface forms
    n_mentions INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE INDEX entities_name ON entities (name);

CREATE TABLE mentions (
    pk INTEGER NOT NULL REFERENCES articles (pk) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    label TEXT NOT NULL,
    entity_id TEXT,
    PRIMARY KEY (pk, start, "end")
) WITHOUT ROWID;
CREATE INDEX mentions_entity ON mentions (entity_id);

CREATE TABLE quotes (
    id INTEGER PRIMARY KEY,
    pk INTEGER NOT NULL REFERENCES articles (pk) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    kind TEXT NOT NULL,
    speaker TEXT,
    speaker_entity_id TEXT,
    speaker_start INTEGER,
    speaker_end INTEGER,
    cue TEXT,
    sentence_start INTEGER NOT NULL,
    sentence_end INTEGER NOT NULL,
    attribution TEXT  -- how the speaker was found: name, pronoun, title, org, anonymous, continuation
);
CREATE INDEX quotes_pk ON quotes (pk);
CREATE INDEX quotes_speaker ON quotes (speaker_entity_id);

CREATE TABLE timexes (
    pk INTEGER NOT NULL REFERENCES articles (pk) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    type TEXT NOT NULL,
    value TEXT NOT NULL,
    granularity TEXT,
    anchored INTEGER NOT NULL,
    mod TEXT,
    PRIMARY KEY (pk, start, "end")
) WITHOUT ROWID;

-- The article's document creation time: given (metadata/user) or inferred, with its evidence.
CREATE TABLE dcts (
    pk INTEGER PRIMARY KEY REFERENCES articles (pk) ON DELETE CASCADE,
    value TEXT,
    granularity TEXT,
    confidence REAL NOT NULL,
    source TEXT NOT NULL,
    evidence TEXT NOT NULL DEFAULT '[]',  -- JSON list of strings
    anchor TEXT  -- the most probable day, even when value is coarser
);

CREATE TABLE event_candidates (
    pk INTEGER NOT NULL REFERENCES articles (pk) ON DELETE CASCADE,
    sentence_start INTEGER NOT NULL,
    sentence_end INTEGER NOT NULL,
    date TEXT NOT NULL,
    granularity TEXT NOT NULL,
    timex_start INTEGER NOT NULL,
    timex_end INTEGER NOT NULL,
    entity_ids TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (pk, sentence_start, timex_start)
) WITHOUT ROWID;
CREATE INDEX event_candidates_date ON event_candidates (date);
