//! Writing a backup: the database exported by SQLCipher under a fresh key of the backup's
//! own, checked, hashed, and sealed with vault.json and the data key under the backup
//! passphrase.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::Path;

use chrono::{SecondsFormat, Utc};
use zeroize::Zeroizing;

use super::{
    aad, hash_file, seal, verify_database, BackupSummary, Header, Inner, Scratch, FORMAT_VERSION,
    MAGIC,
};
use crate::vault::kdf::{KdfParams, KdfTuning};
use crate::vault::key::KEY_LEN;
use crate::vault::{files, migrations, protectors, store, Vault};
use crate::{Error, Result, Secret};

impl Vault {
    /// Writes an encrypted backup of the whole vault to `out` (replaced atomically if it
    /// exists). Needs the vault unlocked; the backup passphrase follows the vault's rules.
    #[tracing::instrument(skip_all)]
    pub fn backup(
        &self,
        passphrase: &Secret<String>,
        out: &Path,
        kdf: KdfTuning,
    ) -> Result<BackupSummary> {
        protectors::validate_passphrase(passphrase)?;
        let (manifest, data_key) = self.with_open_manifest(|manifest, key| {
            let mut copy = Secret::new([0u8; KEY_LEN]);
            copy.expose_mut().copy_from_slice(key.expose());
            Ok((manifest.clone(), copy))
        })?;
        let part = Scratch::beside(out, "backup-db")?;
        let target = part
            .0
            .to_str()
            .ok_or_else(|| Error::invalid("the backup's folder must have a UTF-8 path"))?
            .to_string();
        // Vault connections never create files: the attached database's file is made first.
        File::create(&part.0).map_err(Error::io("create the backup file"))?;
        let backup_key = crate::vault::key::random_key()?;
        let key_text = Zeroizing::new(format!("x'{}'", hex::encode(backup_key.expose())));
        let schema_version = self.read(|conn| {
            conn.execute(
                "ATTACH DATABASE ?1 AS backup KEY ?2",
                rusqlite::params![target, key_text.as_str()],
            )?;
            let exported = conn
                .query_row("SELECT sqlcipher_export('backup')", [], |_| Ok(()))
                .and_then(|()| {
                    conn.execute_batch(&format!(
                        "PRAGMA backup.application_id = {};",
                        store::APPLICATION_ID
                    ))
                });
            conn.execute("DETACH DATABASE backup", [])?;
            exported?;
            migrations::current_version(conn)
        })?;
        verify_database(&part.0, &backup_key)?;
        let (database_len, database_blake2b) = hash_file(&part.0)?;
        let vault_json = serde_json::to_string(&manifest)
            .map_err(|_| Error::Storage("the vault description could not be encoded".into()))?;
        let inner = Inner {
            vault_json,
            data_key: hex::encode(data_key.expose()),
            backup_key: hex::encode(backup_key.expose()),
            schema_version,
            database_len,
            database_blake2b,
        };
        let plain = Zeroizing::new(
            serde_json::to_vec(&inner)
                .map_err(|_| Error::Storage("the backup could not be encoded".into()))?,
        );
        let kdf = KdfParams::new(kdf.cost()?)?;
        let key = kdf.derive(passphrase.expose().as_bytes())?;
        let (nonce, sealed) = seal(&key, &plain, &aad(&kdf)?)?;
        let created_utc = Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true);
        let header = serde_json::to_string(&Header {
            format_version: FORMAT_VERSION,
            created_utc: created_utc.clone(),
            kdf,
            nonce,
            sealed,
        })
        .map_err(|_| Error::Storage("the backup header could not be encoded".into()))?;

        let whole = Scratch::beside(out, "backup")?;
        {
            let mut file = OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&whole.0)
                .map_err(Error::io("create the backup file"))?;
            let write = Error::io("write the backup file");
            writeln!(file, "{MAGIC}").map_err(write)?;
            writeln!(file, "{header}").map_err(Error::io("write the backup file"))?;
            let mut database = File::open(&part.0).map_err(Error::io("read the exported vault"))?;
            std::io::copy(&mut database, &mut file).map_err(Error::io("write the backup file"))?;
            file.sync_all()
                .map_err(Error::io("save the backup file to disk"))?;
        }
        fs::rename(&whole.0, out).map_err(Error::io("put the backup file in place"))?;
        if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
            files::sync_dir(dir)?;
        }
        Ok(BackupSummary {
            created_utc,
            schema_version,
            database_bytes: database_len,
        })
    }
}
