-- Each shared document's heads when a sync with a peer last ended. A sync speaks first
-- only of documents whose heads moved since (the peer tells of its own changes), so a
-- learner with a thousand documents does not send a thousand messages each time.
CREATE TABLE synced_heads (
    peer TEXT NOT NULL,
    doc_id TEXT NOT NULL,
    heads TEXT NOT NULL,
    PRIMARY KEY (peer, doc_id)
) STRICT, WITHOUT ROWID;
