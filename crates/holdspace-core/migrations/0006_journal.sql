-- The journal: check-ins, reflections and notes, searchable inside the encrypted vault.
CREATE TABLE journal_entry (
    id            INTEGER PRIMARY KEY,
    kind          TEXT NOT NULL CHECK (kind IN ('check-in', 'reflection', 'note')),
    title         TEXT NOT NULL DEFAULT '',
    body          TEXT NOT NULL,
    mood          INTEGER CHECK (mood BETWEEN 1 AND 5),
    feelings      TEXT NOT NULL DEFAULT '[]',   -- JSON array of words
    group_id      INTEGER REFERENCES support_group (id) ON DELETE SET NULL,
    occurrence_id TEXT,                         -- an attended meeting occurrence
    created_utc   TEXT NOT NULL,
    created_local TEXT NOT NULL,                -- RFC 3339 with the writer's offset at the time
    edited_utc    TEXT NOT NULL,
    trashed_utc   TEXT                          -- in the trash since; NULL when not
) STRICT;
CREATE INDEX journal_timeline ON journal_entry (trashed_utc, created_utc, id);

CREATE TABLE journal_tag (
    entry_id INTEGER NOT NULL REFERENCES journal_entry (id) ON DELETE CASCADE,
    tag      TEXT NOT NULL,
    PRIMARY KEY (entry_id, tag)
) STRICT, WITHOUT ROWID;
CREATE INDEX journal_tag_by_tag ON journal_tag (tag, entry_id);

-- Full-text search over titles and bodies; the index lives inside the encrypted database.
CREATE VIRTUAL TABLE journal_fts USING fts5 (
    title, body,
    content = 'journal_entry', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER journal_fts_insert AFTER INSERT ON journal_entry BEGIN
    INSERT INTO journal_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER journal_fts_delete AFTER DELETE ON journal_entry BEGIN
    INSERT INTO journal_fts (journal_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;
CREATE TRIGGER journal_fts_update AFTER UPDATE OF title, body ON journal_entry BEGIN
    INSERT INTO journal_fts (journal_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
    INSERT INTO journal_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
END;
