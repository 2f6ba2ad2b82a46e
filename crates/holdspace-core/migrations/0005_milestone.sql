-- An optional private milestone ("since" date, such as a clean date). Resetting ends the run
-- and starts another: earlier runs are kept, never erased.
CREATE TABLE milestone_run (
    id       INTEGER PRIMARY KEY,
    label    TEXT NOT NULL,
    since    TEXT NOT NULL,          -- YYYY-MM-DD
    ended_on TEXT                    -- YYYY-MM-DD; NULL for the current run
) STRICT;
CREATE UNIQUE INDEX milestone_one_current ON milestone_run (ended_on IS NULL) WHERE ended_on IS NULL;
