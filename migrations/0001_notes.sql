-- Markdown notes a learner writes. Ids are UUIDv7 strings, so they sort by creation
-- time and are safe to merge across devices later.
CREATE TABLE notes (
    id TEXT PRIMARY KEY NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
) STRICT;

CREATE INDEX notes_by_updated_at ON notes (updated_at DESC);
