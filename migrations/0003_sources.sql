-- What a learner brings in (a recording now; photos and documents later), the
-- original kept encrypted in the database, and the text made from it.

-- Originals, in chunks so that no single row is large and a blob can be written and
-- read back a piece at a time. A blob is `complete` only once every chunk is in; an
-- import cut short leaves an incomplete blob that the next open removes.
CREATE TABLE blobs (
    id TEXT PRIMARY KEY NOT NULL,
    media_type TEXT NOT NULL,
    size_bytes INTEGER NOT NULL DEFAULT 0,
    sha256 TEXT,
    complete INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL
) STRICT;

CREATE TABLE blob_chunks (
    blob_id TEXT NOT NULL REFERENCES blobs (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    bytes BLOB NOT NULL,
    PRIMARY KEY (blob_id, seq)
) STRICT, WITHOUT ROWID;

CREATE TABLE sources (
    id TEXT PRIMARY KEY NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('audio')),
    title TEXT NOT NULL,
    status TEXT NOT NULL
        CHECK (status IN ('queued', 'transcribing', 'ready', 'failed', 'cancelled')),
    file_name TEXT,
    blob_id TEXT NOT NULL REFERENCES blobs (id),
    language TEXT,
    duration_ms INTEGER,
    text TEXT NOT NULL DEFAULT '',
    error_code TEXT,
    error_message TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
) STRICT;

CREATE INDEX sources_by_updated_at ON sources (updated_at DESC);

CREATE TABLE segments (
    source_id TEXT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    start_ms INTEGER NOT NULL,
    end_ms INTEGER NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (source_id, seq)
) STRICT, WITHOUT ROWID;
