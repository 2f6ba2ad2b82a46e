-- The trash page, newest first, from an index of the trashed entries alone. Without SQLite's
-- statistics the planner does not narrow `trashed_utc IS NOT NULL` with journal_timeline, so
-- the page read every entry to find the few in the trash (2,999 rows for 10 in the query-plan
-- test); this index serves the page in order, whatever the journal's size.
CREATE INDEX journal_trash ON journal_entry (created_utc, id) WHERE trashed_utc IS NOT NULL;
