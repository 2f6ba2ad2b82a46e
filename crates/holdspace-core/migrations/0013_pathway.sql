-- The newcomer pathway: the steps of finding one's place in a group that the user ticked
-- themselves. Steps the record already shows (a meeting attended, a share, a reflection
-- written) are worked out on read and never stored, so they cannot drift from the record.
CREATE TABLE pathway_tick (
    group_id  INTEGER NOT NULL REFERENCES support_group (id) ON DELETE CASCADE,
    step      TEXT NOT NULL CHECK (step IN ('research', 'first-meeting', 'etiquette', 'share', 'reflect')),
    ticked_on TEXT NOT NULL,            -- YYYY-MM-DD
    PRIMARY KEY (group_id, step)
) STRICT, WITHOUT ROWID;
