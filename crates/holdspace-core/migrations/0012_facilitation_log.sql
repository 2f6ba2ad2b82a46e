-- A facilitator's own log of the meetings they ran: the date, the role they held, how it went
-- for them, what they need and a note of self-care. By design it has no place for other
-- members: no names, nothing anyone else said.
CREATE TABLE facilitation_log (
    id          INTEGER PRIMARY KEY,
    group_id    INTEGER NOT NULL REFERENCES support_group (id) ON DELETE CASCADE,
    held_on     TEXT NOT NULL,            -- YYYY-MM-DD
    role        TEXT NOT NULL CHECK (role IN ('facilitator', 'co-facilitator')),
    how_it_went TEXT NOT NULL DEFAULT '',
    what_i_need TEXT NOT NULL DEFAULT '',
    self_care   TEXT NOT NULL DEFAULT '',
    recorded_at TEXT NOT NULL
) STRICT;
CREATE INDEX facilitation_log_group ON facilitation_log (group_id, held_on);
