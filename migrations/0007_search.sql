-- Understanding: every note and source cut into chunks that keep where they came from
-- (page, moment, region), each with its meaning as a vector, searchable by words
-- (FTS5) and by meaning. Plain text files join the sources as kind 'text'.

-- SQLite cannot change a CHECK constraint, so `sources` is rebuilt (with foreign keys
-- off, as every migration runs; the store checks them afterwards).
CREATE TABLE sources_new (
    id TEXT PRIMARY KEY NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('audio', 'image', 'document', 'text')),
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
    updated_at INTEGER NOT NULL,
    document_password TEXT
) STRICT;

INSERT INTO sources_new
SELECT id, kind, title, status, file_name, blob_id, language, duration_ms, pages, text,
       error_code, error_message, created_at, updated_at, document_password
FROM sources;

DROP TABLE sources;
ALTER TABLE sources_new RENAME TO sources;
CREATE INDEX sources_by_updated_at ON sources (updated_at DESC);

-- A chunk of a note or of a source, in reading order, with its provenance: the page
-- and box it is on (pictures, documents) or the moments it spans (recordings).
CREATE TABLE chunks (
    id INTEGER PRIMARY KEY,
    note_id TEXT REFERENCES notes (id) ON DELETE CASCADE,
    source_id TEXT REFERENCES sources (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    text TEXT NOT NULL,
    page INTEGER,
    start_ms INTEGER,
    end_ms INTEGER,
    x REAL,
    y REAL,
    width REAL,
    height REAL,
    -- sha256 of the text: an unchanged chunk keeps its vector when its owner changes.
    text_hash BLOB NOT NULL,
    -- 384 little-endian f32, unit length; NULL until embedded.
    vector BLOB,
    CHECK ((note_id IS NULL) != (source_id IS NULL))
) STRICT;

CREATE INDEX chunks_by_note ON chunks (note_id, seq) WHERE note_id IS NOT NULL;
CREATE INDEX chunks_by_source ON chunks (source_id, seq) WHERE source_id IS NOT NULL;
CREATE INDEX chunks_unembedded ON chunks (id) WHERE vector IS NULL;

-- The words of every chunk. External content: the text lives once, in `chunks`.
CREATE VIRTUAL TABLE chunks_fts USING fts5 (
    text,
    content = 'chunks',
    content_rowid = 'id',
    -- Porter stemming: "cells" finds "cell", "dividing" finds "divides".
    tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER chunks_fts_insert AFTER INSERT ON chunks BEGIN
    INSERT INTO chunks_fts (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER chunks_fts_delete AFTER DELETE ON chunks BEGIN
    INSERT INTO chunks_fts (chunks_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER chunks_fts_update AFTER UPDATE OF text ON chunks BEGIN
    INSERT INTO chunks_fts (chunks_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO chunks_fts (rowid, text) VALUES (new.id, new.text);
END;

-- Which version of each note and source its chunks were cut from.
CREATE TABLE chunked (
    owner_id TEXT PRIMARY KEY NOT NULL,
    updated_at INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
