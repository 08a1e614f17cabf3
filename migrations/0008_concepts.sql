-- Concepts: the key phrases of each note and source, merged across them by meaning.
-- A concept is kept while some note or source names it.
CREATE TABLE concepts (
    id INTEGER PRIMARY KEY,
    -- The phrase that first named it; the one most owners use is shown.
    label TEXT NOT NULL,
    -- The first phrase's vector (f32, little-endian): later phrases join by it.
    vector BLOB NOT NULL
) STRICT;

CREATE TABLE owner_concepts (
    -- A note's or a source's id.
    owner_id TEXT NOT NULL,
    concept_id INTEGER NOT NULL REFERENCES concepts (id) ON DELETE CASCADE,
    -- The phrase as this owner says it.
    phrase TEXT NOT NULL,
    -- How central the phrase is to the owner's text (cosine with its mean vector).
    weight REAL NOT NULL,
    PRIMARY KEY (owner_id, concept_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX owner_concepts_by_concept ON owner_concepts (concept_id);

-- The version of each owner whose concepts were found (as chunked.updated_at): every
-- owner already cut has its concepts found on the next refresh.
ALTER TABLE chunked ADD COLUMN concepts_at INTEGER;
