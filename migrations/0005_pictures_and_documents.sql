-- Photos and PDFs join recordings as sources. SQLite cannot change a CHECK constraint,
-- so `sources` is rebuilt; migrations run with foreign keys off (a dropped table would
-- otherwise take its segments with it) and the store checks them afterwards.
CREATE TABLE sources_new (
    id TEXT PRIMARY KEY NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('audio', 'image', 'document')),
    title TEXT NOT NULL,
    status TEXT NOT NULL
        CHECK (status IN ('queued', 'transcribing', 'ready', 'failed', 'cancelled')),
    file_name TEXT,
    blob_id TEXT NOT NULL REFERENCES blobs (id),
    language TEXT,
    duration_ms INTEGER,
    pages INTEGER,
    text TEXT NOT NULL DEFAULT '',
    error_code TEXT,
    error_message TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
) STRICT;

INSERT INTO sources_new (id, kind, title, status, file_name, blob_id, language, duration_ms,
                         text, error_code, error_message, created_at, updated_at)
SELECT id, kind, title, status, file_name, blob_id, language, duration_ms,
       text, error_code, error_message, created_at, updated_at
FROM sources;

DROP TABLE sources;
ALTER TABLE sources_new RENAME TO sources;
CREATE INDEX sources_by_updated_at ON sources (updated_at DESC);

-- Text placed on a page: an OCR line with its box (in the page image's pixels) and
-- confidence, or a PDF page's whole text layer (no box).
CREATE TABLE regions (
    source_id TEXT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    page INTEGER NOT NULL,
    x REAL,
    y REAL,
    width REAL,
    height REAL,
    confidence REAL,
    text TEXT NOT NULL,
    PRIMARY KEY (source_id, seq)
) STRICT, WITHOUT ROWID;
