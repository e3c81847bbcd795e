//! What the page and the shell tell each other about the window: whether the
//! page holds typed changes not yet saved (so closing the window asks
//! first), and the shell's way to close it once the person has decided.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, RwLock};

use crate::error::{Error, Result};

/// Closes the window the page lives in (installed by the shell).
pub type Closer = Arc<dyn Fn() + Send + Sync>;

/// The page's unsaved flag and the shell's closer.
#[derive(Default)]
pub(crate) struct WindowState {
    unsaved: AtomicBool,
    closer: RwLock<Option<Closer>>,
}

impl WindowState {
    /// Records whether the page holds unsaved changes.
    pub(crate) fn set_unsaved(&self, unsaved: bool) {
        self.unsaved.store(unsaved, Ordering::SeqCst);
    }

    /// Whether closing now would lose typed changes.
    pub(crate) fn unsaved(&self) -> bool {
        self.unsaved.load(Ordering::SeqCst)
    }

    /// Installs the shell's closer.
    pub(crate) fn set_closer(&self, closer: Closer) {
        *self.closer.write().unwrap_or_else(|e| e.into_inner()) = Some(closer);
    }

    /// Closes the window, the person having chosen to leave; the unsaved
    /// flag is cleared first so the shell lets the window go.
    pub(crate) fn close(&self) -> Result<()> {
        let closer = self
            .closer
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
            .ok_or(Error::NoWindow)?;
        self.set_unsaved(false);
        closer();
        Ok(())
    }
}
