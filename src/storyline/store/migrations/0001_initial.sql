-- Storyline store, schema 1. Applied inside one transaction by storyline.store.migrate.

-- Marks the file as a Storyline store, so another program's SQLite file is refused, not altered.
PRAGMA application_id = 1398033486;

-- Small, often-listed columns; the large texts live in article_texts so listing and grouping
-- never read them.
CREATE TABLE articles (
    pk INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    -- Duplicate group: the smallest pk of the group, NULL while the article has no duplicate.
    grp INTEGER,
    origin TEXT NOT NULL,
    format TEXT NOT NULL,
    title TEXT,
    url TEXT,
    outlet TEXT,
    outlet_source TEXT,
    byline TEXT,
    published TEXT,
    published_source TEXT,
    language TEXT,
    content_hash TEXT NOT NULL,
    n_chars INTEGER NOT NULL,
    n_removed INTEGER NOT NULL,
    metadata TEXT NOT NULL DEFAULT '{}',
    added_at TEXT NOT NULL
);
CREATE INDEX articles_grp ON articles (grp) WHERE grp IS NOT NULL;
CREATE INDEX articles_content_hash ON articles (content_hash);
CREATE INDEX articles_outlet ON articles (outlet);

CREATE TABLE article_texts (
    pk INTEGER PRIMARY KEY REFERENCES articles (pk) ON DELETE CASCADE,
    raw_text TEXT NOT NULL,
    clean_text TEXT NOT NULL,
    offsets TEXT NOT NULL,   -- OffsetMap.to_json()
    removed TEXT NOT NULL,   -- JSON list of [start, end, text, reason]
    original BLOB            -- zlib-compressed UTF-8, or NULL
);

CREATE TABLE signatures (
    pk INTEGER PRIMARY KEY REFERENCES articles (pk) ON DELETE CASCADE,
    sig BLOB NOT NULL
);

CREATE TABLE lsh_bands (
    band INTEGER NOT NULL,
    hash BLOB NOT NULL,
    pk INTEGER NOT NULL REFERENCES articles (pk) ON DELETE CASCADE,
    PRIMARY KEY (band, hash, pk)
) WITHOUT ROWID;
CREATE INDEX lsh_bands_pk ON lsh_bands (pk);

-- One row per unordered pair (a < b).
CREATE TABLE duplicates (
    a INTEGER NOT NULL REFERENCES articles (pk) ON DELETE CASCADE,
    b INTEGER NOT NULL REFERENCES articles (pk) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('exact', 'near')),
    similarity REAL NOT NULL,
    PRIMARY KEY (a, b),
    CHECK (a < b)
) WITHOUT ROWID;
CREATE INDEX duplicates_b ON duplicates (b);

-- Short lines of each article, by outlet, to find boilerplate that recurs across an outlet's
-- articles. kept = 0 once the line has been removed from that article as recurring.
CREATE TABLE line_keys (
    outlet TEXT NOT NULL,
    key TEXT NOT NULL,
    pk INTEGER NOT NULL REFERENCES articles (pk) ON DELETE CASCADE,
    kept INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (outlet, key, pk)
) WITHOUT ROWID;
CREATE INDEX line_keys_pk ON line_keys (pk);

CREATE TABLE restored_lines (
    pk INTEGER NOT NULL REFERENCES articles (pk) ON DELETE CASCADE,
    raw_start INTEGER NOT NULL,
    PRIMARY KEY (pk, raw_start)
) WITHOUT ROWID;

CREATE TABLE inputs (
    sha256 TEXT PRIMARY KEY,
    origin TEXT NOT NULL,
    n_articles INTEGER NOT NULL,
    n_quarantined INTEGER NOT NULL,
    seen_at TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    argv TEXT NOT NULL,       -- JSON list
    started_at TEXT NOT NULL,
    finished_at TEXT,
    summary TEXT              -- JSON object, NULL until the run finishes
);

CREATE TABLE quarantine (
    id INTEGER PRIMARY KEY,
    run_id INTEGER REFERENCES runs (id) ON DELETE SET NULL,
    origin TEXT NOT NULL,
    code TEXT NOT NULL,
    reason TEXT NOT NULL,
    detail TEXT NOT NULL,
    payload BLOB,             -- zlib-compressed, or NULL
    size INTEGER NOT NULL,
    payload_sha TEXT NOT NULL,
    UNIQUE (origin, code, payload_sha)
);
CREATE INDEX quarantine_run ON quarantine (run_id);
