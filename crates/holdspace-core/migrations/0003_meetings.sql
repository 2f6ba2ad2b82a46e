-- When groups meet: a wall-clock start in an IANA zone, a duration, an optional RRULE, and the
-- exceptions to it. Occurrences are expanded on read, never stored.
CREATE TABLE meeting (
    id               INTEGER PRIMARY KEY,
    group_id         INTEGER NOT NULL REFERENCES support_group (id) ON DELETE CASCADE,
    title            TEXT NOT NULL DEFAULT '',
    start_local      TEXT NOT NULL,            -- YYYY-MM-DDTHH:MM in time_zone
    time_zone        TEXT NOT NULL,
    duration_minutes INTEGER NOT NULL CHECK (duration_minutes BETWEEN 1 AND 1440),
    rrule            TEXT,                     -- NULL for a one-off meeting
    created_at       TEXT NOT NULL
) STRICT;
CREATE INDEX meeting_group ON meeting (group_id);

-- One occurrence changed: skipped (gone), cancelled (shown as cancelled) or moved.
CREATE TABLE meeting_exception (
    meeting_id         INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    original_start_utc TEXT NOT NULL,          -- RFC 3339, identifies the occurrence
    kind               TEXT NOT NULL CHECK (kind IN ('skipped', 'cancelled', 'moved')),
    moved_start_local  TEXT,                   -- for 'moved', in the meeting's zone
    PRIMARY KEY (meeting_id, original_start_utc)
) STRICT;

-- Where expansion may start instead of the first occurrence (a wall time of an earlier one).
CREATE TABLE meeting_cursor (
    meeting_id  INTEGER PRIMARY KEY REFERENCES meeting (id) ON DELETE CASCADE,
    cursor_wall TEXT NOT NULL
) STRICT;
