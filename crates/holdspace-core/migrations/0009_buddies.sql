-- Buddies: the user's contacts, their own card with what they choose to share, and the log of
-- what they shared with whom.
CREATE TABLE contact (
    id                  INTEGER PRIMARY KEY,
    display_name        TEXT NOT NULL,
    pronouns            TEXT NOT NULL DEFAULT '',
    relation            TEXT CHECK (relation IN ('buddy', 'mentor', 'sponsor', 'temporary-sponsor',
                                                 'newcomer-i-support', 'peer', 'professional')),
    phones              TEXT NOT NULL DEFAULT '[]',   -- JSON [{label, value}]
    emails              TEXT NOT NULL DEFAULT '[]',
    messengers          TEXT NOT NULL DEFAULT '[]',   -- label = the service
    availability        TEXT NOT NULL DEFAULT '',
    ok_to_call_any_time INTEGER NOT NULL DEFAULT 0 CHECK (ok_to_call_any_time IN (0, 1)),
    notes               TEXT NOT NULL DEFAULT '',
    since               TEXT,                         -- YYYY-MM-DD
    photo_type          TEXT,
    photo               TEXT,                         -- base64, only when the user kept it
    created_utc         TEXT NOT NULL,
    updated_utc         TEXT NOT NULL,
    CHECK ((photo IS NULL) = (photo_type IS NULL))
) STRICT;

CREATE TABLE contact_group (
    contact_id INTEGER NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
    group_id   INTEGER NOT NULL REFERENCES support_group (id) ON DELETE CASCADE,
    PRIMARY KEY (contact_id, group_id)
) STRICT;
CREATE INDEX contact_group_group ON contact_group (group_id);

-- One row: the name on the user's own card.
CREATE TABLE my_card (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    display_name TEXT NOT NULL DEFAULT ''
) STRICT;
INSERT INTO my_card (id) VALUES (1);

-- AUTOINCREMENT: a field's id is never given to another field, so a preset or a share can
-- never come to point at a number the user did not choose.
CREATE TABLE my_card_field (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    kind     TEXT NOT NULL CHECK (kind IN ('pronouns', 'phone', 'email', 'messenger', 'availability', 'note')),
    label    TEXT NOT NULL DEFAULT '',
    value    TEXT NOT NULL,
    shared   INTEGER NOT NULL DEFAULT 0 CHECK (shared IN (0, 1)),  -- the card's own choice
    position INTEGER NOT NULL
) STRICT;

CREATE TABLE share_preset (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
) STRICT;

CREATE TABLE share_preset_field (
    preset_id INTEGER NOT NULL REFERENCES share_preset (id) ON DELETE CASCADE,
    field_id  INTEGER NOT NULL REFERENCES my_card_field (id) ON DELETE CASCADE,
    PRIMARY KEY (preset_id, field_id)
) STRICT;

-- What was shared, as it was at the time: names and values are copied, so the log still says
-- who has which number after a contact, a preset or a field is changed or deleted.
CREATE TABLE card_share (
    id                   INTEGER PRIMARY KEY,
    shared_utc           TEXT NOT NULL,
    method               TEXT NOT NULL CHECK (method IN ('qr-code', 'vcard3-file', 'vcard4-file', 'text')),
    subject              TEXT NOT NULL CHECK (subject IN ('my-card', 'contact')),
    subject_contact_id   INTEGER REFERENCES contact (id) ON DELETE SET NULL,
    subject_name         TEXT NOT NULL,
    preset               TEXT,
    fields               TEXT NOT NULL,              -- JSON [{kind, label, value}]
    recipient_contact_id INTEGER REFERENCES contact (id) ON DELETE SET NULL,
    recipient            TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX card_share_time ON card_share (shared_utc);

-- One row: a crisis or support line the user entered themselves (Holdspace ships none it
-- cannot verify), shown in the Support now panel.
CREATE TABLE support_line (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    name        TEXT NOT NULL DEFAULT '',
    phone       TEXT NOT NULL DEFAULT '',
    text_number TEXT NOT NULL DEFAULT '',
    notes       TEXT NOT NULL DEFAULT ''
) STRICT;
INSERT INTO support_line (id) VALUES (1);
