//! Where the catalogue lives by default: the platform's data folder
//! (`~/.local/share/kompis/` on Linux), unless `--db` or `KOMPIS_DB` say
//! otherwise.

use std::path::PathBuf;

/// The environment variable that overrides the catalogue folder.
pub const ENV_DB: &str = "KOMPIS_DB";

/// The platform's default catalogue folder.
pub fn default_catalogue_dir() -> PathBuf {
    directories::ProjectDirs::from("no", "Kompis", "kompis")
        .map(|d| d.data_dir().to_path_buf())
        .unwrap_or_else(|| PathBuf::from(".kompis"))
}

/// The catalogue folder: an explicit path, else `KOMPIS_DB`, else the default.
pub fn resolve_catalogue_dir(explicit: Option<PathBuf>) -> PathBuf {
    explicit
        .or_else(|| {
            std::env::var_os(ENV_DB)
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        })
        .unwrap_or_else(default_catalogue_dir)
}
