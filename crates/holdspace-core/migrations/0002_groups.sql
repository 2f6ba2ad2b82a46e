-- Groups the user belongs to, and the history of their membership.
CREATE TABLE support_group (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL,
    kind         TEXT NOT NULL,                -- a built-in kind or one the user added
    description  TEXT NOT NULL DEFAULT '',
    venue        TEXT NOT NULL CHECK (venue IN ('community-centre', 'private-home', 'online', 'other')),
    address      TEXT NOT NULL DEFAULT '',
    meeting_link TEXT NOT NULL DEFAULT '',
    venue_notes  TEXT NOT NULL DEFAULT '',
    norms        TEXT NOT NULL DEFAULT '[]',   -- JSON array of known norms
    own_norms    TEXT NOT NULL DEFAULT '[]',   -- JSON array of the user's own
    my_role      TEXT NOT NULL CHECK (my_role IN ('newcomer', 'member', 'facilitator', 'co-facilitator', 'organiser')),
    colour       TEXT NOT NULL,
    archived_at  TEXT,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
) STRICT;

CREATE TABLE membership_event (
    id       INTEGER PRIMARY KEY,
    group_id INTEGER NOT NULL REFERENCES support_group (id) ON DELETE CASCADE,
    event    TEXT NOT NULL CHECK (event IN ('joined', 'paused', 'left', 'rejoined')),
    on_date  TEXT NOT NULL                     -- YYYY-MM-DD
) STRICT;
CREATE INDEX membership_event_group ON membership_event (group_id, on_date);
