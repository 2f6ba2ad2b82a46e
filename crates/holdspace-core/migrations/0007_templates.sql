-- Journal templates: the three built-in prompts of peer-support practice, which the user may
-- reword (and reset), and templates of the user's own. A built-in row holds NULL name and body
-- until the user changes them, so its wording can improve in later versions for everyone who
-- kept it.
CREATE TABLE journal_template (
    id          INTEGER PRIMARY KEY,
    builtin     TEXT UNIQUE CHECK (builtin IN ('daily-check-in', 'pre-meeting', 'post-meeting')),
    name        TEXT,
    kind        TEXT NOT NULL CHECK (kind IN ('check-in', 'reflection', 'note')),
    body        TEXT,
    position    INTEGER NOT NULL,
    edited_utc  TEXT,
    CHECK (builtin IS NOT NULL OR (name IS NOT NULL AND body IS NOT NULL))
);

INSERT INTO journal_template (builtin, kind, position) VALUES
    ('daily-check-in', 'check-in', 1),
    ('pre-meeting', 'check-in', 2),
    ('post-meeting', 'reflection', 3);
