-- Search in every learner's language: each chunk knows its language, and the word
-- index holds what Rust makes of each chunk's words — folded (accents aside, for
-- exact words in any language) and stemmed in the chunk's language (Snowball for
-- English, Spanish, French, Portuguese and Arabic, a light stemmer for Hindi). The
-- old index stemmed every language as English (Porter) and broke Hindi words at
-- their vowel signs.
ALTER TABLE chunks ADD COLUMN language TEXT;

DROP TRIGGER chunks_fts_insert;
DROP TRIGGER chunks_fts_delete;
DROP TRIGGER chunks_fts_update;
DROP TABLE chunks_fts;

-- Contentless: the terms are computed in Rust (search/index.rs) and written beside
-- each chunk; the text itself lives once, in `chunks`. Marks (M*) are word
-- characters, so a Devanagari word stays whole; the terms arrive already folded.
CREATE VIRTUAL TABLE chunks_fts USING fts5 (
    words,
    stems,
    content = '',
    contentless_delete = 1,
    tokenize = "unicode61 remove_diacritics 0 categories 'L* N* Co M*'"
);

CREATE TRIGGER chunks_fts_delete AFTER DELETE ON chunks BEGIN
    DELETE FROM chunks_fts WHERE rowid = old.id;
END;

-- Every note and source is cut again at the next refresh, its chunks indexed by
-- language; a chunk whose text is unchanged keeps its vector.
DELETE FROM chunked;
