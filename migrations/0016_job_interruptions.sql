-- A try cut short from outside (the app closed or killed, the power gone) is told from
-- one that crashed the app: `stalls` counts crashes in a row without progress, this
-- counts interruptions in a row without progress (see crates/core/src/jobs/crash.rs).
ALTER TABLE jobs ADD COLUMN interruptions INTEGER NOT NULL DEFAULT 0;
