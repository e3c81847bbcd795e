//! How far a long piece of work has come (an intake reading, reviewing or
//! saving a large file), for the page to show while it waits.

use std::sync::atomic::{AtomicU32, AtomicU8, Ordering};

use serde::Serialize;
use ts_rs::TS;

/// What the long work is doing now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Stage {
    /// Nothing is running.
    Idle,
    /// Reading the file.
    Reading,
    /// Comparing rows with the catalogue.
    Reviewing,
    /// Writing the one batch.
    Saving,
}

impl Stage {
    const ALL: [Stage; 4] = [Stage::Idle, Stage::Reading, Stage::Reviewing, Stage::Saving];
}

/// A snapshot of the work: its stage and, while reviewing, rows done of all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Progress {
    pub stage: Stage,
    pub done: u32,
    pub total: u32,
}

/// The running work's progress, shared between the work and the page.
#[derive(Default)]
pub(crate) struct Tracker {
    stage: AtomicU8,
    done: AtomicU32,
    total: AtomicU32,
}

impl Tracker {
    /// Starts a stage with `total` steps (0 when not counted); the returned
    /// guard sets the tracker back to idle when the work ends, however.
    pub(crate) fn start(&self, stage: Stage, total: usize) -> Running<'_> {
        self.enter(stage, total);
        Running(self)
    }

    /// Moves the running work to another stage.
    pub(crate) fn enter(&self, stage: Stage, total: usize) {
        self.done.store(0, Ordering::Relaxed);
        self.total
            .store(u32::try_from(total).unwrap_or(u32::MAX), Ordering::Relaxed);
        self.stage.store(stage as u8, Ordering::Release);
    }

    /// One more step done.
    pub(crate) fn step(&self) {
        self.done.fetch_add(1, Ordering::Relaxed);
    }

    /// Where the work is.
    pub(crate) fn now(&self) -> Progress {
        let stage = Stage::ALL[usize::from(self.stage.load(Ordering::Acquire)).min(3)];
        Progress {
            stage,
            done: self.done.load(Ordering::Relaxed),
            total: self.total.load(Ordering::Relaxed),
        }
    }
}

/// Sets the tracker back to idle when dropped.
pub(crate) struct Running<'a>(&'a Tracker);

impl Running<'_> {
    /// The tracker, to move on to another stage or count steps.
    pub(crate) fn tracker(&self) -> &Tracker {
        self.0
    }
}

impl Drop for Running<'_> {
    fn drop(&mut self) {
        self.0.enter(Stage::Idle, 0);
    }
}
