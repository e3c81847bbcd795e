//! The small storage interface: one sled tree of JSON records under string
//! keys, with atomic batches and explicit flushes. Only this module touches
//! sled; the rest of the core talks to [`Storage`].

use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::error::{Error, Result};

/// sled's page cache, kept small: the catalogue is a few MB at most.
const CACHE_BYTES: u64 = 16 * 1024 * 1024;

/// An open sled database holding the catalogue.
pub struct Storage {
    db: sled::Db,
    path: PathBuf,
}

/// Writes collected for one atomic apply.
#[derive(Default)]
pub struct Batch {
    inner: sled::Batch,
}

impl Batch {
    /// Put a JSON record.
    pub fn put<T: Serialize>(&mut self, key: &str, value: &T) {
        let bytes = serde_json::to_vec(value).expect("catalogue records serialise");
        self.inner.insert(key.as_bytes(), bytes);
    }

    /// Remove a record.
    pub fn remove(&mut self, key: &str) {
        self.inner.remove(key.as_bytes());
    }
}

/// How often, and how long apart, opening retries a lock that is held.
const LOCK_TRIES: u32 = 10;
const LOCK_WAIT: std::time::Duration = std::time::Duration::from_millis(100);

impl Storage {
    /// Open (or create) the database in `path`, mapping a held lock to
    /// [`Error::Locked`].
    pub fn open(path: &Path) -> Result<Self> {
        std::fs::create_dir_all(path).map_err(|source| Error::Io {
            action: "create the catalogue folder",
            path: path.to_path_buf(),
            source,
        })?;
        let config = sled::Config::new()
            .path(path)
            .cache_capacity(CACHE_BYTES)
            .mode(sled::Mode::LowSpace);
        // A lock is given a moment before it counts as held: the process
        // that just closed the database (a restart, a backup restore) may
        // still be letting go of its file.
        let mut tries = 0;
        let db = loop {
            match config.open() {
                Ok(db) => break db,
                Err(sled::Error::Io(io)) if is_lock_error(&io) && tries < LOCK_TRIES => {
                    tries += 1;
                    std::thread::sleep(LOCK_WAIT);
                }
                Err(sled::Error::Io(io)) if is_lock_error(&io) => {
                    return Err(Error::Locked {
                        path: path.to_path_buf(),
                    })
                }
                Err(other) => return Err(Error::Store(other)),
            }
        };
        Ok(Storage {
            db,
            path: path.to_path_buf(),
        })
    }

    /// The folder the database lives in.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Read and decode one record.
    pub fn get<T: DeserializeOwned>(&self, key: &str) -> Result<Option<T>> {
        match self.db.get(key.as_bytes())? {
            None => Ok(None),
            Some(bytes) => decode(key, &bytes).map(Some),
        }
    }

    /// Whether a key exists.
    pub fn contains(&self, key: &str) -> Result<bool> {
        Ok(self.db.contains_key(key.as_bytes())?)
    }

    /// All records whose key starts with `prefix`, in key order.
    pub fn scan<T: DeserializeOwned>(&self, prefix: &str) -> Result<Vec<(String, T)>> {
        let mut out = Vec::new();
        for item in self.db.scan_prefix(prefix.as_bytes()) {
            let (k, v) = item?;
            let key = String::from_utf8_lossy(&k).into_owned();
            let value = decode(&key, &v)?;
            out.push((key, value));
        }
        Ok(out)
    }

    /// All records under `prefix`, decoded on every core (for large scans at
    /// start-up); the order is key order, as with [`Storage::scan`].
    pub fn scan_parallel<T: DeserializeOwned + Send>(&self, prefix: &str) -> Result<Vec<T>> {
        let mut raw = Vec::new();
        for item in self.db.scan_prefix(prefix.as_bytes()) {
            raw.push(item?);
        }
        raw.par_iter()
            .map(|(k, v)| decode(&String::from_utf8_lossy(k), v))
            .collect()
    }

    /// Number of keys under `prefix`.
    pub fn count(&self, prefix: &str) -> Result<u32> {
        let mut n = 0;
        for item in self.db.scan_prefix(prefix.as_bytes()) {
            item?;
            n += 1;
        }
        Ok(n)
    }

    /// Whether the database holds no records at all.
    pub fn is_empty(&self) -> bool {
        self.db.is_empty()
    }

    /// Apply a batch atomically and flush it to disk before returning.
    pub fn commit(&self, batch: Batch) -> Result<()> {
        self.db.apply_batch(batch.inner)?;
        self.db.flush()?;
        Ok(())
    }
}

impl Storage {
    /// One record of the tree `tree` (records kept apart from the
    /// catalogue's own tree, such as the job seekers).
    pub fn tree_get<T: DeserializeOwned>(&self, tree: &str, key: &str) -> Result<Option<T>> {
        match self.db.open_tree(tree)?.get(key.as_bytes())? {
            None => Ok(None),
            Some(bytes) => decode(&format!("{tree}/{key}"), &bytes).map(Some),
        }
    }

    /// Every record of the tree `tree`, in key order.
    pub fn tree_scan<T: DeserializeOwned>(&self, tree: &str) -> Result<Vec<(String, T)>> {
        let mut out = Vec::new();
        for item in self.db.open_tree(tree)?.iter() {
            let (k, v) = item?;
            let key = String::from_utf8_lossy(&k).into_owned();
            let value = decode(&format!("{tree}/{key}"), &v)?;
            out.push((key, value));
        }
        Ok(out)
    }

    /// Apply `main` to the catalogue's tree and `other` to the tree
    /// `tree` in one transaction, and flush both to disk before returning.
    pub fn commit_with(&self, main: Batch, tree: &str, other: Batch) -> Result<()> {
        use sled::transaction::{TransactionError, Transactional};
        let second = self.db.open_tree(tree)?;
        let first: &sled::Tree = &self.db;
        (first, &second)
            .transaction(|(a, b)| {
                a.apply_batch(&main.inner)?;
                b.apply_batch(&other.inner)?;
                Ok::<(), sled::transaction::ConflictableTransactionError<()>>(())
            })
            .map_err(|e| match e {
                TransactionError::Storage(e) => Error::Store(e),
                TransactionError::Abort(()) => {
                    Error::Store(sled::Error::Unsupported("the write was aborted".into()))
                }
            })?;
        self.db.flush()?;
        second.flush()?;
        Ok(())
    }
}

fn decode<T: DeserializeOwned>(key: &str, bytes: &[u8]) -> Result<T> {
    serde_json::from_slice(bytes).map_err(|e| Error::Corrupt {
        key: key.to_string(),
        reason: e.to_string(),
    })
}

fn is_lock_error(e: &std::io::Error) -> bool {
    e.kind() == ErrorKind::WouldBlock || e.to_string().contains("lock")
}
