//! Kompis core: the catalogue model, its sled store, bundle import and
//! export, listing, search, matching and match sheets, as plain Rust with no
//! Tauri dependency. [`api`] is its one door: the `kompis` CLI, the desktop
//! app and the preview server call nothing else. The modules below are
//! layered, lowest first; none uses one listed after it.

pub mod api;
mod app_settings;
pub use kompis_model as model;

mod backups;
mod bundle;
mod cache;
mod calendar;
mod catalogue;
mod collate;
mod commute;
mod demo;
mod docs;
mod editing;
mod error;
mod files;
mod insight;
mod intake;
mod job_matching;
mod job_rules;
mod job_sheets;
mod keys;
mod listing;
mod matching;
mod outcomes;
mod overview;
mod paths;
mod person_data;
mod phrasing;
mod progress;
mod report;
mod schema;
mod search;
mod seekers;
mod sheets;
mod storage;
mod suggestions;
pub mod synthetic;
mod vacancies;
mod validate;
mod window;
pub mod wire;
mod workflow;

pub use api::{Catalogue, Error, Result};
pub use wire::IpcError;
