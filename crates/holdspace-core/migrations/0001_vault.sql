-- The vault's own bookkeeping. Domains add their tables in later files of this list.

-- Which protector unlocked the vault, recorded only after the key and the file were verified
-- (a lesson from Signal Desktop's key history: know how a vault was opened).
CREATE TABLE vault_unlock (
    id          INTEGER PRIMARY KEY,
    unlocked_at TEXT NOT NULL,      -- RFC 3339, UTC
    protector   TEXT NOT NULL CHECK (protector IN ('keyring', 'passphrase', 'recovery-code'))
) STRICT;
