-- What this profile shares with the learner's other devices: Automerge documents
-- (see crates/sync), each kept as the changes made to it, appended as they are made
-- in the same transaction as the change to the tables.
CREATE TABLE shared_changes (
    doc_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    bytes BLOB NOT NULL,
    PRIMARY KEY (doc_id, seq)
) STRICT, WITHOUT ROWID;
