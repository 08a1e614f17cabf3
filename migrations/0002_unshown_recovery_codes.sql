-- A recovery code lives here, inside the encrypted database, from the moment it is
-- made until the learner has seen it. A crash between making a code and showing it
-- (at profile creation, or mid key rotation) then never leaves a valid code unseen.
CREATE TABLE unshown_recovery_codes (
    code TEXT PRIMARY KEY NOT NULL,
    -- 1 while it belongs to a key rotation that has not finished yet.
    for_rotation INTEGER NOT NULL,
    created_at INTEGER NOT NULL
) STRICT;
