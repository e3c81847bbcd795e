//! Kompis core: the catalogue model, its sled store, bundle import and
//! export, search and matching, as plain Rust with no Tauri dependency. The
//! `kompis` CLI and the desktop app both call [`api`].

pub mod api;
pub mod bundle;
mod cache;
pub mod catalogue;
pub mod collate;
pub mod demo;
pub mod error;
mod keys;
pub mod matching;
pub mod model;
pub mod paths;
pub mod schema;
pub mod search;
mod storage;
pub mod synthetic;
mod validate;
pub mod workflow;

pub use catalogue::Catalogue;
pub use error::{Error, IpcError, Result};
pub use paths::{default_catalogue_dir, resolve_catalogue_dir};
