//! How domains reach the store while the vault is unlocked: a pooled connection for reads, and
//! `write` for a durable transaction that commits on `Ok` and rolls back on `Err`.

use std::ops::{Deref, DerefMut};

use chrono::{SecondsFormat, Utc};
use rusqlite::{Connection, Transaction, TransactionBehavior};

use super::manifest::ProtectorKind;
use super::store::{Connector, Pool};
use super::Vault;
use crate::Result;

/// A connection borrowed from the vault's pool; returned to it when dropped.
#[derive(Debug)]
pub struct VaultConnection(r2d2::PooledConnection<Connector>);

impl Deref for VaultConnection {
    type Target = Connection;
    fn deref(&self) -> &Connection {
        &self.0
    }
}

impl DerefMut for VaultConnection {
    fn deref_mut(&mut self) -> &mut Connection {
        &mut self.0
    }
}

impl Vault {
    /// A connection with the key applied and every setting of DESIGN.md in force.
    pub fn connection(&self) -> Result<VaultConnection> {
        let pool = self.with_open(|open| Ok(open.pool.clone()))?;
        Ok(VaultConnection(pool.get()?))
    }

    pub fn read<T>(&self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        f(&*self.connection()?)
    }

    /// One durable transaction (`synchronous = FULL`): when this returns `Ok`, the write
    /// survives a crash or a power cut.
    pub fn write<T>(&self, f: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
        let mut conn = self.connection()?;
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let value = f(&tx)?;
        tx.commit()?;
        Ok(value)
    }
}

pub(crate) fn record_unlock(pool: &Pool, kind: ProtectorKind) -> Result<()> {
    pool.get()?.execute(
        "INSERT INTO vault_unlock (unlocked_at, protector) VALUES (?1, ?2)",
        rusqlite::params![
            Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true),
            kind.as_str()
        ],
    )?;
    Ok(())
}
