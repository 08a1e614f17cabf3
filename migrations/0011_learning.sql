-- Learning: decks, cards written by hand or brought from Anki beside the generated
-- ones, their schedule, and the review log the schedule is projected from.

CREATE TABLE decks (
    id TEXT PRIMARY KEY NOT NULL,
    -- Nested decks are named "Parent::Child", as Anki names them.
    name TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL
) STRICT;

-- Every card, whatever wrote it. A generated card keeps its pack and the words it was
-- made from; a card written by hand or imported has neither.
CREATE TABLE cards_new (
    id TEXT PRIMARY KEY NOT NULL,
    pack_id TEXT REFERENCES packs (id) ON DELETE CASCADE,
    owner_id TEXT,
    deck_id TEXT REFERENCES decks (id),
    kind TEXT NOT NULL
        CHECK (kind IN ('cloze', 'definition', 'term', 'basic', 'reversed', 'choice')),
    generator TEXT NOT NULL,
    front TEXT NOT NULL,
    back TEXT NOT NULL,
    -- Where it came from: the passage's words and place, JSON (a SourceRef); NULL for
    -- a card written by hand.
    source_ref TEXT,
    -- The concept a generated card tests, when one (for mastery).
    concept_id INTEGER,
    -- A multiple-choice card's choices (JSON), the right one being `back`.
    choices TEXT,
    -- Pictures and sounds on the card, JSON: [{blob_id, name, mime, side}].
    media TEXT,
    -- Where a card brought in came from ("anki:GUID:ORD"): brought in again, it is
    -- the same card.
    external_id TEXT,
    -- Cards made from one note (a card and its reverse, a cloze's numbers): answering
    -- one keeps the others for another day.
    family TEXT,
    state TEXT NOT NULL DEFAULT 'new' CHECK (state IN ('new', 'kept', 'edited', 'deleted')),
    seq INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    -- Kept out of reviews until the learner lets it back.
    suspended INTEGER NOT NULL DEFAULT 0,
    -- Kept out of reviews until then (ms), usually the next day.
    buried_until INTEGER,
    -- The schedule, projected from the card's latest review that was not undone; all
    -- NULL while the card is new.
    due INTEGER,
    stability REAL,
    difficulty REAL,
    last_review INTEGER,
    reps INTEGER NOT NULL DEFAULT 0,
    lapses INTEGER NOT NULL DEFAULT 0
) STRICT;

INSERT INTO cards_new (id, pack_id, owner_id, kind, generator, front, back, source_ref, state,
                       seq, created_at, updated_at)
SELECT id, pack_id, owner_id, kind, generator, front, back, source_ref, state, seq, created_at,
       updated_at
FROM cards;

DROP TABLE cards;
ALTER TABLE cards_new RENAME TO cards;
CREATE INDEX cards_by_pack ON cards (pack_id, seq);
CREATE INDEX cards_by_deck ON cards (deck_id);
CREATE INDEX cards_by_owner ON cards (owner_id);
CREATE INDEX cards_by_family ON cards (family) WHERE family IS NOT NULL;
CREATE UNIQUE INDEX cards_by_external_id ON cards (external_id) WHERE external_id IS NOT NULL;
-- "What is due next" and "what is new next" are each one step down an index, and
-- what is left today is counted from the indexes alone (a card's row is read only
-- when it is shown: in SQLCipher each page read is a page decrypted).
CREATE INDEX cards_due ON cards (due, last_review, buried_until, deck_id)
    WHERE due IS NOT NULL AND suspended = 0 AND state != 'deleted';
-- New cards come in the order they were made: ids are time-ordered (UUIDv7), so a
-- pack's or a deck's cards made in one moment keep their order.
CREATE INDEX cards_new_first ON cards (created_at, id, buried_until, deck_id)
    WHERE due IS NULL AND suspended = 0 AND state != 'deleted';

-- The review log: append-only, each review with an id unique across devices, so logs
-- from several devices merge by union and none is ever lost.
CREATE TABLE reviews (
    id TEXT PRIMARY KEY NOT NULL,
    card_id TEXT NOT NULL,
    reviewed_at INTEGER NOT NULL,
    -- 1 again, 2 hard, 3 good, 4 easy.
    rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
    -- What the card was when answered: new, learning (answered again and due within
    -- the day), or a review.
    kind TEXT NOT NULL CHECK (kind IN ('new', 'learning', 'review')),
    -- Whole days since the card's previous review.
    elapsed_days INTEGER NOT NULL,
    -- Time spent on the card, ms.
    duration_ms INTEGER NOT NULL,
    -- The schedule this answer set.
    stability REAL NOT NULL,
    difficulty REAL NOT NULL,
    due INTEGER NOT NULL,
    -- Where the review was made: "satchel" or "anki".
    origin TEXT NOT NULL DEFAULT 'satchel'
) STRICT;

CREATE INDEX reviews_by_card ON reviews (card_id, reviewed_at);
CREATE INDEX reviews_by_time ON reviews (reviewed_at);

CREATE TRIGGER reviews_are_never_changed BEFORE UPDATE ON reviews
BEGIN
    SELECT RAISE(ABORT, 'the review log is append-only');
END;

CREATE TRIGGER reviews_are_never_removed BEFORE DELETE ON reviews
BEGIN
    SELECT RAISE(ABORT, 'the review log is append-only');
END;

-- An undone review stays in the log, marked here (append-only as well).
CREATE TABLE undone_reviews (
    review_id TEXT PRIMARY KEY NOT NULL,
    undone_at INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

-- Answers to quiz questions, for mastery.
CREATE TABLE quiz_answers (
    id TEXT PRIMARY KEY NOT NULL,
    question_id TEXT NOT NULL,
    owner_id TEXT NOT NULL,
    correct INTEGER NOT NULL,
    answered_at INTEGER NOT NULL
) STRICT;

CREATE INDEX quiz_answers_by_owner ON quiz_answers (owner_id, answered_at);
