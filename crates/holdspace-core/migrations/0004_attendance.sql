-- The user's own record of each occurrence: whether they went, their role, how they felt.
CREATE TABLE attendance (
    occurrence_id TEXT PRIMARY KEY,            -- <meeting id>@<original start UTC>
    meeting_id    INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    original_start_utc TEXT NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('attended-in-person', 'attended-online', 'missed', 'excused', 'cancelled')),
    shared        INTEGER NOT NULL DEFAULT 0 CHECK (shared IN (0, 1)),
    role          TEXT NOT NULL DEFAULT 'none' CHECK (role IN ('facilitator', 'co-facilitator', 'timekeeper', 'greeter', 'reader', 'set-up', 'none')),
    mood_before   INTEGER CHECK (mood_before BETWEEN 1 AND 5),
    mood_after    INTEGER CHECK (mood_after BETWEEN 1 AND 5),
    note          TEXT NOT NULL DEFAULT '',
    recorded_at   TEXT NOT NULL
) STRICT;
CREATE INDEX attendance_meeting ON attendance (meeting_id, original_start_utc);
