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
    /// The number of commits the store holds (under [`WRITES_KEY`], and in
    /// the [`WRITES_FILE`] beside sled's files); held while committing, so
    /// commits are counted in the order they land.
    writes: std::sync::Mutex<u64>,
}

/// The key of the store's commit count.
const WRITES_KEY: &str = "meta:writes";
/// The file beside sled's own that counts the commits acknowledged: written
/// after each commit is flushed, so it never counts more than the store
/// holds, unless the store lost writes (sled reads a damaged log up to the
/// damage and silently drops the rest).
const WRITES_FILE: &str = "kompis-writes";

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
        if std::fs::read_dir(path).is_ok_and(|mut d| d.next().is_some()) {
            verify(path)?;
        }
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
                Err(other) => return Err(damaged(path, &other)),
            }
        };
        let writes = stored_writes(&db).map_err(|e| damaged(path, &e))?;
        let storage = Storage {
            db,
            path: path.to_path_buf(),
            writes: std::sync::Mutex::new(writes),
        };
        // A new catalogue (or one from before the count) gets its count file
        // before its first commit, so a store with a count and no file is
        // known as damaged; every open renews the fingerprint (sled writes
        // a snapshot as it opens).
        storage.write_count(writes)?;
        Ok(storage)
    }

    /// Records in [`WRITES_FILE`] that the store holds `n` commits, with a
    /// fingerprint of sled's files as they are now (known good: just
    /// flushed, or just opened after they were checked), so the next open
    /// of the same bytes needs no check.
    fn write_count(&self, n: u64) -> Result<()> {
        let file = self.path.join(WRITES_FILE);
        let tmp = self.path.join(format!("{WRITES_FILE}.tmp"));
        let io = |source| Error::Io {
            action: "write the write count of",
            path: self.path.clone(),
            source,
        };
        let seal = fingerprint(&self.path).map_err(io)?;
        std::fs::write(&tmp, format!("kompis writes {n} {seal:016x}\n")).map_err(io)?;
        std::fs::rename(&tmp, &file).map_err(io)
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
    pub fn commit(&self, mut batch: Batch) -> Result<()> {
        let mut writes = self.writes.lock().unwrap_or_else(|e| e.into_inner());
        batch.put(WRITES_KEY, &(*writes + 1));
        self.db.apply_batch(batch.inner)?;
        self.db.flush()?;
        *writes += 1;
        self.write_count(*writes)
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
    pub fn commit_with(&self, mut main: Batch, tree: &str, other: Batch) -> Result<()> {
        use sled::transaction::{TransactionError, Transactional};
        let mut writes = self.writes.lock().unwrap_or_else(|e| e.into_inner());
        main.put(WRITES_KEY, &(*writes + 1));
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
        *writes += 1;
        self.write_count(*writes)
    }
}

/// The commit count a sled database holds (0 for none).
fn stored_writes(db: &sled::Db) -> sled::Result<u64> {
    Ok(db
        .get(WRITES_KEY.as_bytes())?
        .and_then(|v| serde_json::from_slice(&v).ok())
        .unwrap_or(0))
}

/// The refusal of a catalogue sled cannot read, in one sentence.
fn damaged(path: &Path, e: &sled::Error) -> Error {
    Error::Damaged {
        path: path.to_path_buf(),
        first: crate::error::store_reason(e),
        problems: 1,
    }
}

/// Checks an existing catalogue folder before sled writes into it: a copy
/// of it is opened in a scratch folder (sled's recovery cuts a damaged log
/// and writes while it opens), and refused when sled cannot read it or it
/// holds fewer commits than were acknowledged; a folder whose files are
/// still as the count file's fingerprint knew them good is not copied.
/// The folder's own lock is held meanwhile, so no Kompis writes into it.
fn verify(path: &Path) -> Result<()> {
    let refuse = |first: String| Error::Damaged {
        path: path.to_path_buf(),
        first,
        problems: 1,
    };
    // The lock sled takes (on its `db` file), given a moment as in
    // [`Storage::open`].
    let db_file = std::fs::File::open(path.join("db")).ok();
    if let Some(f) = &db_file {
        let mut tries = 0;
        while let Err(std::fs::TryLockError::WouldBlock) = f.try_lock() {
            tries += 1;
            if tries > LOCK_TRIES {
                return Err(Error::Locked {
                    path: path.to_path_buf(),
                });
            }
            std::thread::sleep(LOCK_WAIT);
        }
    }
    let (acknowledged, seal) = match std::fs::read(path.join(WRITES_FILE)) {
        Ok(bytes) => {
            let text = String::from_utf8_lossy(&bytes);
            let mut words = text
                .trim()
                .strip_prefix("kompis writes ")
                .unwrap_or("")
                .split(' ');
            let count = words.next().and_then(|n| n.parse::<u64>().ok());
            let seal = words.next().map(|f| u64::from_str_radix(f, 16).ok());
            match (count, seal, words.next()) {
                (Some(n), None, None) => (Some(n), None),
                (Some(n), Some(Some(f)), None) => (Some(n), Some(f)),
                _ => return Err(refuse("its count of saved writes does not read".into())),
            }
        }
        Err(e) if e.kind() == ErrorKind::NotFound => (None, None),
        Err(e) => {
            return Err(refuse(format!(
                "its count of saved writes cannot be read ({})",
                e.kind()
            )))
        }
    };
    // Byte for byte as it was after its last acknowledged write (or its
    // last good open): nothing to check.
    let files = fingerprint(path)
        .map_err(|e| refuse(format!("its files cannot be read ({})", e.kind())))?;
    if seal == Some(files) {
        return Ok(());
    }
    let scratch = Scratch::new()?;
    copy_folder(path, &scratch.0)
        .map_err(|e| refuse(format!("its files cannot be read ({})", e.kind())))?;
    // A snapshot sled was killed while writing (`snap.….generating`, never
    // renamed into place) is read by sled 0.34 as the newest and refused
    // as corrupt (sled issue 1527); it is only ever a part-written copy of
    // what the log holds, so it is set aside.
    for part in incomplete_snapshots(&scratch.0) {
        let _ = std::fs::remove_file(part);
    }
    let db = sled::Config::new()
        .path(&scratch.0)
        .cache_capacity(CACHE_BYTES)
        .mode(sled::Mode::LowSpace)
        .open()
        .map_err(|e| damaged(path, &e))?;
    let stored = stored_writes(&db).map_err(|e| damaged(path, &e))?;
    drop(db);
    match acknowledged {
        Some(n) if stored < n => {
            return Err(refuse(format!(
                "it holds {stored} of the {n} saved writes; sled lost the rest"
            )))
        }
        None if stored > 0 => return Err(refuse("its count of saved writes is missing".into())),
        _ => {}
    }
    // The copy opened whole without them: so will the folder (still under
    // its lock).
    for part in incomplete_snapshots(path) {
        std::fs::remove_file(&part).map_err(|source| Error::Io {
            action: "remove the part-written snapshot",
            path: part.clone(),
            source,
        })?;
    }
    drop(db_file);
    Ok(())
}

/// sled's part-written snapshots in `dir`.
fn incomplete_snapshots(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|i| {
            let name = i.file_name().to_string_lossy().into_owned();
            name.starts_with("snap.") && name.ends_with(".generating")
        })
        .map(|i| i.path())
        .collect()
}

/// A fingerprint of sled's files in `dir` (every file but the count file):
/// their names, lengths, modification times (and inodes on Unix). Any
/// write to a file, by sled or by anything else, changes it, so a folder
/// that still matches is as it was when last known good; reading only the
/// files' metadata keeps every commit and open as cheap on a large
/// catalogue as on a small one.
fn fingerprint(dir: &Path) -> std::io::Result<u64> {
    use std::hash::{Hash, Hasher};
    fn walk(root: &Path, at: &Path, h: &mut impl Hasher) -> std::io::Result<()> {
        let mut items = std::fs::read_dir(at)?.collect::<std::io::Result<Vec<_>>>()?;
        items.sort_by_key(|i| i.file_name());
        for item in items {
            let name = item.file_name();
            if name.to_string_lossy().starts_with(WRITES_FILE) {
                continue;
            }
            let path = item.path();
            path.strip_prefix(root).unwrap_or(&path).hash(h);
            let meta = item.metadata()?;
            if meta.is_dir() {
                walk(root, &path, h)?;
            } else {
                meta.len().hash(h);
                meta.modified()?.hash(h);
                #[cfg(unix)]
                std::os::unix::fs::MetadataExt::ino(&meta).hash(h);
            }
        }
        Ok(())
    }
    let mut h = std::hash::DefaultHasher::new();
    walk(dir, dir, &mut h)?;
    Ok(h.finish())
}

/// A scratch folder, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new() -> Result<Self> {
        use std::sync::atomic::{AtomicU64, Ordering};
        static N: AtomicU64 = AtomicU64::new(0);
        let dir = std::env::temp_dir().join(format!(
            "kompis-open-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::SeqCst)
        ));
        let _ = std::fs::remove_dir_all(&dir);
        // Those of processes that were killed while they checked (on Linux,
        // where a process's id shows in /proc while it runs).
        if cfg!(target_os = "linux") {
            for item in std::fs::read_dir(std::env::temp_dir())
                .into_iter()
                .flatten()
                .flatten()
            {
                let name = item.file_name().to_string_lossy().into_owned();
                let pid = name
                    .strip_prefix("kompis-open-")
                    .and_then(|r| r.split('-').next());
                if pid.is_some_and(|p| !Path::new("/proc").join(p).exists()) {
                    let _ = std::fs::remove_dir_all(item.path());
                }
            }
        }
        std::fs::create_dir_all(&dir).map_err(|source| Error::Io {
            action: "create the scratch folder",
            path: dir.clone(),
            source,
        })?;
        Ok(Scratch(dir))
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn copy_folder(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for item in std::fs::read_dir(from)? {
        let item = item?;
        let target = to.join(item.file_name());
        if item.file_type()?.is_dir() {
            copy_folder(&item.path(), &target)?;
        } else {
            std::fs::copy(item.path(), &target)?;
        }
    }
    Ok(())
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
