-- Meetings that came from a calendar file keep the event's UID, so importing the same file
-- again updates them instead of adding them twice; the exceptions the calendar brought are
-- marked, so a new import replaces them while the user's own stay.
ALTER TABLE meeting ADD COLUMN calendar_uid TEXT;
CREATE UNIQUE INDEX meeting_calendar_uid ON meeting (calendar_uid) WHERE calendar_uid IS NOT NULL;
ALTER TABLE meeting_exception ADD COLUMN from_calendar INTEGER NOT NULL DEFAULT 0;
