-- Media (by sha256) a sync server is known to hold whole, so a sync does not ask
-- about them again. Signing in to another server asks again.
CREATE TABLE synced_media (
    server TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    PRIMARY KEY (server, sha256)
) STRICT, WITHOUT ROWID;
