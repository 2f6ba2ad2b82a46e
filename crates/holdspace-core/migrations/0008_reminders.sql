-- Reminders: rules the user adds (none exist until then), the settings that shape delivery,
-- and the log that makes sure nothing is delivered twice.
CREATE TABLE reminder_rule (
    id              INTEGER PRIMARY KEY,
    kind            TEXT NOT NULL
                    CHECK (kind IN ('before-meeting', 'daily-check-in', 'weekly-buddy-call', 'custom')),
    group_id        INTEGER REFERENCES support_group (id) ON DELETE CASCADE,
    minutes_before  INTEGER,                -- before-meeting
    time_of_day     TEXT,                   -- HH:MM in the user's zone: daily, weekly
    weekday         INTEGER CHECK (weekday BETWEEN 0 AND 6),  -- weekly; 0 = Sunday
    start_local     TEXT,                   -- custom: YYYY-MM-DDTHH:MM in time_zone
    time_zone       TEXT,                   -- custom
    rrule           TEXT,                   -- custom; NULL for once
    label           TEXT NOT NULL DEFAULT '',
    enabled         INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
    created_utc     TEXT NOT NULL,
    -- Set on creation, on each edit and when resumed: reminders due before it belong to the
    -- rule as it was (or to its pause), so catching up never shows them.
    active_from_utc TEXT NOT NULL
) STRICT;
CREATE INDEX reminder_rule_group ON reminder_rule (group_id);

-- One row per reminder once its time has come: delivered, missed (its meeting had started, or
-- it was too late to be useful), dismissed, or snoozed until a later time. (rule, due) is the
-- identity, so a second delivery of the same reminder cannot be recorded.
CREATE TABLE reminder_log (
    rule_id           INTEGER NOT NULL REFERENCES reminder_rule (id) ON DELETE CASCADE,
    due_utc           TEXT NOT NULL,
    occurrence_id     TEXT,
    outcome           TEXT NOT NULL CHECK (outcome IN ('delivered', 'missed', 'dismissed', 'snoozed')),
    snoozed_until_utc TEXT,
    recorded_utc      TEXT NOT NULL,
    PRIMARY KEY (rule_id, due_utc),
    CHECK ((outcome = 'snoozed') = (snoozed_until_utc IS NOT NULL))
) STRICT;
CREATE INDEX reminder_log_due ON reminder_log (due_utc);
-- Snoozes come back whenever they were due, so the schedule reads them apart (and cheaply).
CREATE INDEX reminder_log_snoozed ON reminder_log (rule_id) WHERE outcome = 'snoozed';

-- One row: quiet hours (both or neither, HH:MM in the user's zone) and "pause all".
CREATE TABLE reminder_settings (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    quiet_start  TEXT,
    quiet_end    TEXT,
    paused       INTEGER NOT NULL DEFAULT 0 CHECK (paused IN (0, 1)),
    resumed_utc  TEXT,                     -- when "pause all" last ended
    CHECK ((quiet_start IS NULL) = (quiet_end IS NULL))
) STRICT;
INSERT INTO reminder_settings (id) VALUES (1);

-- Groups whose reminders may name the group and its place (the default says only "Meeting").
CREATE TABLE reminder_group_detail (
    group_id  INTEGER PRIMARY KEY REFERENCES support_group (id) ON DELETE CASCADE
) STRICT;
