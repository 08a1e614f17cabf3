-- Lessons a teacher assigned to this learner, as they arrived from the class server: what
-- to study (a deck, and the material it came from) and which concept each card tests, so
-- the progress summary the teacher reads says how each concept of the lesson is known.
CREATE TABLE lessons (
    id TEXT PRIMARY KEY NOT NULL,
    title TEXT NOT NULL,
    teacher TEXT NOT NULL,
    class_name TEXT NOT NULL,
    source_id TEXT,
    deck_id TEXT NOT NULL,
    -- Card id → concept label, JSON.
    concepts TEXT NOT NULL,
    assigned_at INTEGER NOT NULL,
    received_at INTEGER NOT NULL
) STRICT;
