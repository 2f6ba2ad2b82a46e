//! Creating a vault: keyring first (if it refuses, nothing has been written), then the
//! database, then `vault.json` last, so no half-made vault can be mistaken for a real one.

use std::sync::{Arc, RwLock};

use chrono::{SecondsFormat, Utc};

use super::key::{self, Key};
use super::manifest::Protectors;
use super::store::{self, Access, Connector, Pool};
use super::{
    files, migrations, protectors, CreateOptions, Created, KeyStore, Manifest, OpenVault,
    ProtectorKind, RecoveryCode, State, Vault, VaultPaths, FORMAT_VERSION,
};
use crate::{Error, Result};

impl Vault {
    /// Creates a vault in an empty (or missing) folder. Refuses if any vault file is there.
    #[tracing::instrument(skip_all)]
    pub fn create(
        paths: VaultPaths,
        keystore: Arc<dyn KeyStore>,
        options: CreateOptions,
    ) -> Result<Created> {
        if !options.use_keyring && options.passphrase.is_none() {
            return Err(Error::invalid(
                "a vault needs the keyring or a passphrase (or both) besides its recovery code",
            ));
        }
        if let Some(passphrase) = &options.passphrase {
            protectors::validate_passphrase(passphrase)?;
        }
        if paths.hold_any_vault_file() {
            return Err(Error::Conflict(
                "a vault (or part of one) already exists in this folder; nothing was changed"
                    .into(),
            ));
        }
        let vault_id = uuid::Uuid::new_v4().to_string();
        let data_key = Arc::new(key::random_key()?);
        let cost = options.kdf.cost()?;
        let recovery_code = RecoveryCode::generate()?;
        let recovery = protectors::derived(
            &vault_id,
            ProtectorKind::RecoveryCode,
            cost,
            recovery_code.canonical(),
            &data_key,
        )?;
        let passphrase = match &options.passphrase {
            Some(p) => Some(protectors::derived(
                &vault_id,
                ProtectorKind::Passphrase,
                cost,
                p.expose().as_bytes(),
                &data_key,
            )?),
            None => None,
        };
        // The keyring first: if it refuses, nothing has been written yet.
        let keyring = if options.use_keyring {
            Some(protectors::keyring(&*keystore, &vault_id, &data_key)?)
        } else {
            None
        };
        if let Err(error) = std::fs::create_dir_all(paths.dir()) {
            if let Some(k) = &keyring {
                let _ = keystore.delete(&k.account);
            }
            return Err(Error::io("create the data folder")(error));
        }
        let in_use = match files::claim_in_use(&paths.in_use_lock()) {
            Ok(in_use) => in_use,
            Err(error) => {
                if let Some(k) = &keyring {
                    let _ = keystore.delete(&k.account);
                }
                return Err(error);
            }
        };
        let manifest = Manifest {
            format_version: FORMAT_VERSION,
            vault_id,
            schema_version: 0,
            created_at: Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true),
            protectors: Protectors {
                keyring,
                passphrase,
                recovery_code: recovery,
            },
            pending_rotation: None,
            pending_key: None,
            recovery_code_unseen: false,
            seal: None,
            loaded_bytes: Vec::new(),
        };
        let unlocked_with = if options.use_keyring {
            ProtectorKind::Keyring
        } else {
            ProtectorKind::Passphrase
        };
        match Self::write_new(&paths, manifest.clone(), &data_key) {
            Ok((pool, manifest)) => Ok(Created {
                vault: Vault {
                    paths,
                    keystore,
                    state: RwLock::new(State {
                        manifest,
                        open: Some(OpenVault {
                            pool,
                            data_key,
                            unlocked_with,
                            in_use,
                        }),
                    }),
                },
                recovery_code,
            }),
            Err(error) => {
                // Only files this call created are removed: the folder held no vault before.
                drop(in_use);
                for path in [paths.database(), paths.manifest(), paths.in_use_lock()]
                    .into_iter()
                    .chain(paths.database_companions())
                {
                    let _ = std::fs::remove_file(path);
                }
                if let Some(k) = &manifest.protectors.keyring {
                    let _ = keystore.delete(&k.account);
                }
                Err(error)
            }
        }
    }

    fn write_new(
        paths: &VaultPaths,
        mut manifest: Manifest,
        key: &Arc<Key>,
    ) -> Result<(Pool, Manifest)> {
        {
            let conn = store::open(&paths.database(), Some(key), Access::Create)?;
            conn.execute_batch(&format!(
                "PRAGMA application_id = {};",
                store::APPLICATION_ID
            ))?;
            store::configure(&conn)?;
        }
        let pool = store::pool(Connector::new(paths.database(), Some(Arc::clone(key))))?;
        manifest.schema_version = migrations::migrate(&mut *pool.get()?)?;
        // vault.json last: until it exists, no half-made vault can be mistaken for a real one.
        manifest.save(&paths.manifest(), key)?;
        files::sync_dir(paths.dir())?;
        Ok((pool, Manifest::load(&paths.manifest())?))
    }
}
