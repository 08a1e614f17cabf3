-- Recordings being made from the microphone. Their blob fills a chunk at a time while
-- the learner speaks (complete = 0), so a recording cut off by a killed app or a flat
-- battery is not swept like an interrupted import: the next unlock closes it at its
-- last saved chunk and queues it for transcription. A recording that another process
-- is still making holds a lock file named after its blob, and is left alone.
CREATE TABLE recordings (
    blob_id TEXT PRIMARY KEY NOT NULL REFERENCES blobs (id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    started_at INTEGER NOT NULL
) STRICT;
