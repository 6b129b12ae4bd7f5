-- Storyline store, schema 3: stories (groups of articles) and the events inside them.

-- What story clustering knows of each analysed article (so a re-cluster needs no model).
CREATE TABLE story_features (
    pk INTEGER PRIMARY KEY REFERENCES articles (pk) ON DELETE CASCADE,
    vector BLOB NOT NULL,  -- float32, unit length
    terms TEXT NOT NULL,  -- JSON {term: weight}
    entities TEXT NOT NULL,  -- JSON {entity id: weight}
    date TEXT,
    date_source TEXT
);

CREATE TABLE stories (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    start TEXT,
    "end" TEXT,
    entity_ids TEXT NOT NULL DEFAULT '[]',
    outlets TEXT NOT NULL DEFAULT '[]',
    n_articles INTEGER NOT NULL,
    n_events INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE story_members (
    pk INTEGER PRIMARY KEY REFERENCES articles (pk) ON DELETE CASCADE,
    story_id TEXT NOT NULL
);
CREATE INDEX story_members_story ON story_members (story_id);

-- Events inside a story: grouped event candidates (mentions as JSON [[article id, sentence start,
-- sentence end, date, granularity, timex start, timex end], ...]).
CREATE TABLE story_events (
    id TEXT NOT NULL,
    story_id TEXT NOT NULL,
    date TEXT NOT NULL,
    granularity TEXT NOT NULL,
    background INTEGER NOT NULL DEFAULT 0,
    entity_ids TEXT NOT NULL DEFAULT '[]',
    mentions TEXT NOT NULL,
    PRIMARY KEY (story_id, id)
) WITHOUT ROWID;

-- Derived per-story results (disagreements, ...) as JSON, keyed by kind.
CREATE TABLE story_results (
    story_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (story_id, kind)
) WITHOUT ROWID;

-- The incremental index (StoryIndex.to_state), so the next ingest goes on where this one stopped.
CREATE TABLE story_index (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    state TEXT NOT NULL,
    settings TEXT NOT NULL
);
