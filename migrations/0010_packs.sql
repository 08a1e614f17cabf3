-- Study packs: a summary, cards and a quiz made from one note or source by the
-- agents, step by step (each step a durable job), every card tied to the words it
-- came from.
CREATE TABLE packs (
    id TEXT PRIMARY KEY NOT NULL,
    -- The note or source it is made from.
    owner_id TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('building', 'ready', 'failed')),
    -- The summary's sentences with where each is from, JSON.
    summary TEXT,
    -- The same in a helper's words, when a helper on the network wrote it.
    plain_summary TEXT,
    error TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
) STRICT;

CREATE INDEX packs_by_owner ON packs (owner_id);

-- Each step of a pack's making: what it produced (JSON) once done. A step's result and
-- the queueing of the steps it unblocks are written with its job's end, once.
CREATE TABLE pack_tasks (
    pack_id TEXT NOT NULL REFERENCES packs (id) ON DELETE CASCADE,
    task TEXT NOT NULL,
    done INTEGER NOT NULL DEFAULT 0,
    result TEXT,
    PRIMARY KEY (pack_id, task)
) STRICT, WITHOUT ROWID;

CREATE TABLE cards (
    id TEXT PRIMARY KEY NOT NULL,
    pack_id TEXT NOT NULL REFERENCES packs (id) ON DELETE CASCADE,
    owner_id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('cloze', 'definition', 'term')),
    generator TEXT NOT NULL,
    front TEXT NOT NULL,
    back TEXT NOT NULL,
    -- Where it came from: the passage's words and place, JSON (a SourceRef).
    source_ref TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'new' CHECK (state IN ('new', 'kept', 'edited', 'deleted')),
    seq INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
) STRICT;

CREATE INDEX cards_by_pack ON cards (pack_id, seq);

CREATE TABLE quiz_questions (
    id TEXT PRIMARY KEY NOT NULL,
    pack_id TEXT NOT NULL REFERENCES packs (id) ON DELETE CASCADE,
    question TEXT NOT NULL,
    -- The choices, JSON; `answer` indexes the right one.
    choices TEXT NOT NULL,
    answer INTEGER NOT NULL,
    source_ref TEXT NOT NULL,
    seq INTEGER NOT NULL
) STRICT;

CREATE INDEX quiz_by_pack ON quiz_questions (pack_id, seq);

-- What learners made of each generator's cards: the next pack leans on the kept.
CREATE TABLE generator_feedback (
    generator TEXT PRIMARY KEY NOT NULL,
    kept INTEGER NOT NULL DEFAULT 0,
    edited INTEGER NOT NULL DEFAULT 0,
    deleted INTEGER NOT NULL DEFAULT 0
) STRICT, WITHOUT ROWID;

-- The learner's settings, one value each (JSON): for now the helper on the network.
CREATE TABLE settings (
    key TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) STRICT, WITHOUT ROWID;
