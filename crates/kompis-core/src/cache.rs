//! A value derived from the store, built on first use and dropped or
//! patched when the store changes: the offer index and the typeahead.

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::RwLock;

use crate::error::Result;

/// A lazily built, shareable value.
pub struct Cached<T> {
    slot: RwLock<Option<T>>,
    builds: AtomicU32,
}

impl<T> Default for Cached<T> {
    fn default() -> Self {
        Cached {
            slot: RwLock::new(None),
            builds: AtomicU32::new(0),
        }
    }
}

impl<T> Cached<T> {
    /// Run `f` on the value, building it with `build` if there is none.
    pub fn with<R>(&self, build: impl FnOnce() -> Result<T>, f: impl FnOnce(&T) -> R) -> Result<R> {
        {
            let slot = self.slot.read().unwrap_or_else(|e| e.into_inner());
            if let Some(v) = slot.as_ref() {
                return Ok(f(v));
            }
        }
        let mut slot = self.slot.write().unwrap_or_else(|e| e.into_inner());
        if slot.is_none() {
            *slot = Some(build()?);
            self.builds.fetch_add(1, Ordering::Relaxed);
        }
        Ok(f(slot.as_ref().expect("the value was just built")))
    }

    /// Change the value in place, if it is built.
    pub fn update(&self, f: impl FnOnce(&mut T)) {
        if let Some(v) = self
            .slot
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .as_mut()
        {
            f(v);
        }
    }

    /// Drop the value; the next use builds it again.
    pub fn clear(&self) {
        *self.slot.write().unwrap_or_else(|e| e.into_inner()) = None;
    }

    /// Whether the value is built.
    pub fn is_built(&self) -> bool {
        self.slot
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .is_some()
    }

    /// How many times the value was built.
    pub fn builds(&self) -> u32 {
        self.builds.load(Ordering::Relaxed)
    }
}
