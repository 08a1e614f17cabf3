-- Durable jobs: long work (transcription, reading, indexing, study packs) survives a
-- crash and is retried with backoff; a job that keeps failing rests in a dead-letter
-- state until the learner retries it.
CREATE TABLE jobs (
    id TEXT PRIMARY KEY NOT NULL,
    -- What it does ("transcribe", "pack", …) and the class that bounds its time and
    -- how many run at once.
    kind TEXT NOT NULL,
    class TEXT NOT NULL CHECK (class IN ('database', 'ai', 'file')),
    -- What it works on (a source's id), for the window to show progress beside it.
    subject TEXT,
    -- Its input, JSON.
    payload TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('queued', 'running', 'done', 'dead', 'cancelled')),
    -- Tries that ended in failure (an interrupted try is not one).
    attempts INTEGER NOT NULL DEFAULT 0,
    max_attempts INTEGER NOT NULL,
    -- Tries in a row cut short by the app stopping before they made any progress: a
    -- job that keeps taking the app down.
    stalls INTEGER NOT NULL DEFAULT 0,
    -- Not before (Unix ms): a retry's backoff.
    run_after INTEGER NOT NULL,
    -- The claim of the try that runs it: a try whose claim was taken from it (it went
    -- silent past its timeout) can no longer finish it.
    claim TEXT,
    heartbeat_at INTEGER,
    done INTEGER NOT NULL DEFAULT 0,
    total INTEGER,
    -- The last failure: {code, message}, JSON.
    error TEXT,
    -- What it produced, JSON.
    result TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
) STRICT;

CREATE INDEX jobs_ready ON jobs (class, state, run_after);
CREATE INDEX jobs_by_subject ON jobs (subject);
