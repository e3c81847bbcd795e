//! The catalogue's schema version and its ordered migrations.
//!
//! Version history:
//! - 1: the first layout (records under `org:`, `person:`, `offer:`,
//!   `need:`, `match:`, `trash:` keys).
//! - 2: every offer and need carries `created_at` (backfilled with the time
//!   of the migration where missing).

use chrono::Utc;

use crate::error::{Error, Result};
use crate::keys;
use crate::model::Entry;
use crate::storage::{Batch, Storage};

/// The schema this build writes and reads.
pub const CURRENT: u32 = 2;

/// One step from version `from` to `from + 1`, collected into a batch.
type Migration = fn(&Storage, &mut Batch) -> Result<()>;

/// Migrations in order; `MIGRATIONS[i]` goes from version `i + 1` to `i + 2`.
const MIGRATIONS: &[Migration] = &[backfill_created_at];

/// Read the stored version (a non-empty store without one is version 1).
pub fn stored_version(storage: &Storage) -> Result<Option<u32>> {
    match storage.get::<u32>(keys::SCHEMA)? {
        Some(v) => Ok(Some(v)),
        None if storage.is_empty() => Ok(None),
        None => Ok(Some(1)),
    }
}

/// Bring the store to [`CURRENT`], refusing a newer one. Each step is one
/// atomic batch that also records the new version.
pub fn migrate(storage: &Storage) -> Result<u32> {
    let Some(mut version) = stored_version(storage)? else {
        let mut batch = Batch::default();
        batch.put(keys::SCHEMA, &CURRENT);
        storage.commit(batch)?;
        return Ok(CURRENT);
    };
    if version > CURRENT {
        return Err(Error::TooNew {
            path: storage.path().to_path_buf(),
            found: version,
            supported: CURRENT,
        });
    }
    while version < CURRENT {
        let mut batch = Batch::default();
        MIGRATIONS[(version - 1) as usize](storage, &mut batch)?;
        version += 1;
        batch.put(keys::SCHEMA, &version);
        storage.commit(batch)?;
    }
    Ok(version)
}

fn backfill_created_at(storage: &Storage, batch: &mut Batch) -> Result<()> {
    let now = Utc::now();
    for prefix in [keys::OFFER, keys::NEED] {
        for (key, mut entry) in storage.scan::<Entry>(prefix)? {
            if entry.created_at.is_none() {
                entry.created_at = Some(entry.updated_at.unwrap_or(now));
                batch.put(&key, &entry);
            }
        }
    }
    Ok(())
}
