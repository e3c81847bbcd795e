//! The app's own settings, outside any catalogue: which catalogue folder the
//! window opens. A small JSON file in the platform's config folder
//! (`~/.config/kompis/settings.json` on Linux; the shell says where, so a
//! test gives a temp file). `--db` and `KOMPIS_DB` come before it; without
//! any of them the platform's data folder is opened.
//!
//! A folder chosen for the catalogue is either empty (a new catalogue is
//! made there), missing (likewise), or a catalogue (a sled store); anything
//! else is refused with a sentence, so Kompis never writes its store among
//! someone's files.

use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};

use serde::{Deserialize, Serialize};

use crate::catalogue::Catalogue;
use crate::error::{Error, Result};
use crate::paths::{default_catalogue_dir, ENV_DB};

/// The settings file's name in the config folder.
pub const FILE_NAME: &str = "settings.json";

/// What the settings file holds. Unknown fields are ignored, so an older
/// Kompis reads a newer file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppSettings {
    /// The catalogue folder chosen in the settings (none: the default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catalogue: Option<PathBuf>,
}

/// The platform's settings file (`~/.config/kompis/settings.json` on Linux).
pub fn default_file() -> PathBuf {
    directories::ProjectDirs::from("no", "Kompis", "kompis")
        .map(|d| d.config_dir().join(FILE_NAME))
        .unwrap_or_else(|| PathBuf::from(".kompis-settings.json"))
}

/// Reads the settings file; a missing file is the defaults.
pub fn load(file: &Path) -> Result<AppSettings> {
    let text = match std::fs::read_to_string(file) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(AppSettings::default()),
        Err(source) => {
            return Err(Error::Io {
                action: "read the settings file",
                path: file.to_path_buf(),
                source,
            })
        }
    };
    serde_json::from_str(&text).map_err(|e| Error::Io {
        action: "read the settings file",
        path: file.to_path_buf(),
        source: std::io::Error::new(std::io::ErrorKind::InvalidData, e),
    })
}

/// Writes the settings file atomically (its folder made if needed).
pub fn save(file: &Path, settings: &AppSettings) -> Result<()> {
    if let Some(parent) = file.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|source| Error::Io {
            action: "create the settings folder",
            path: parent.to_path_buf(),
            source,
        })?;
    }
    let text = serde_json::to_string_pretty(settings).expect("settings serialise");
    kompis_sheet::write_atomically(file, text.as_bytes())?;
    Ok(())
}

/// Which catalogue the app opens and why, found before it starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Launch {
    /// The catalogue folder to open.
    pub catalogue: PathBuf,
    /// The settings file the choice is kept in.
    pub settings_file: PathBuf,
    /// `--db` or `KOMPIS_DB` when one of them named the folder: a choice
    /// in the settings then waits for a start without it.
    pub fixed_by: Option<String>,
}

/// The catalogue folder: `explicit` (the shell's `--db`), else `KOMPIS_DB`,
/// else the one chosen in `settings_file`, else the platform's data folder.
/// A settings file that cannot be read is passed over with a line on
/// standard error: the app still opens.
pub fn launch(explicit: Option<PathBuf>, settings_file: PathBuf) -> Launch {
    let env = std::env::var_os(ENV_DB)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from);
    let (catalogue, fixed_by) = match (explicit, env) {
        (Some(dir), _) => (dir, Some("--db".to_string())),
        (None, Some(dir)) => (dir, Some(ENV_DB.to_string())),
        (None, None) => {
            let chosen = load(&settings_file).unwrap_or_else(|e| {
                eprintln!("kompis: {e}; opening the default catalogue");
                AppSettings::default()
            });
            (chosen.catalogue.unwrap_or_else(default_catalogue_dir), None)
        }
    };
    Launch {
        catalogue,
        settings_file,
        fixed_by,
    }
}

/// Whether a folder chosen for the catalogue holds a catalogue already
/// (else it is empty or missing, and a new one is made there); a folder
/// with anything else in it is refused.
pub fn catalogue_folder(dir: &Path) -> Result<bool> {
    let Ok(read) = std::fs::read_dir(dir) else {
        return if dir.exists() {
            Err(Error::NotACatalogue {
                path: dir.to_path_buf(),
            })
        } else {
            Ok(false)
        };
    };
    let names: Vec<String> = read
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    if names.is_empty() {
        return Ok(false);
    }
    // A sled store: its `conf` and `db` files.
    if ["conf", "db"].iter().all(|n| names.iter().any(|m| m == n)) {
        return Ok(true);
    }
    Err(Error::NotACatalogue {
        path: dir.to_path_buf(),
    })
}

/// The shell's way to reopen Kompis on the chosen catalogue (a restart).
pub type Reopener = Arc<dyn Fn() + Send + Sync>;

/// What the shell told the open catalogue about its start.
#[derive(Default)]
struct Shell {
    launch: RwLock<Option<Launch>>,
    reopen: RwLock<Option<Reopener>>,
}

/// Installs what the shell knows: how the catalogue was found and how to
/// reopen.
pub(crate) fn install(cat: &Catalogue, launch: Launch, reopen: Reopener) {
    let shell = cat.kept::<Shell>();
    *shell.launch.write().unwrap_or_else(|e| e.into_inner()) = Some(launch);
    *shell.reopen.write().unwrap_or_else(|e| e.into_inner()) = Some(reopen);
}

/// How the catalogue was found, when the shell said.
pub(crate) fn installed(cat: &Catalogue) -> Option<Launch> {
    cat.kept::<Shell>()
        .launch
        .read()
        .unwrap_or_else(|e| e.into_inner())
        .clone()
}

/// Keeps `dir` as the catalogue to open (checked first); answers whether
/// it is new (empty or missing) and whether Kompis reopens on it now.
pub(crate) fn choose_catalogue(cat: &Catalogue, dir: &Path) -> Result<(bool, bool)> {
    let launch = installed(cat).ok_or(Error::NoAppSettings)?;
    let created = !catalogue_folder(dir)?;
    let mut settings = load(&launch.settings_file).unwrap_or_default();
    settings.catalogue = Some(dir.to_path_buf());
    save(&launch.settings_file, &settings)?;
    let same = std::fs::canonicalize(dir).ok() == std::fs::canonicalize(cat.path()).ok();
    let reopening = launch.fixed_by.is_none() && !same;
    if reopening {
        let reopen = cat
            .kept::<Shell>()
            .reopen
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone();
        if let Some(reopen) = reopen {
            reopen();
        }
    }
    Ok((created, reopening))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_settings_file_round_trips_and_a_missing_one_is_the_defaults() {
        let tmp = tempfile::tempdir().unwrap();
        let file = tmp.path().join("config").join(FILE_NAME);
        assert_eq!(load(&file).unwrap(), AppSettings::default());
        let chosen = AppSettings {
            catalogue: Some(tmp.path().join("min katalog")),
        };
        save(&file, &chosen).unwrap();
        assert_eq!(load(&file).unwrap(), chosen);
        std::fs::write(&file, r#"{"catalogue": "/x", "later": true}"#).unwrap();
        assert_eq!(load(&file).unwrap().catalogue, Some("/x".into()));
        std::fs::write(&file, "not json").unwrap();
        let err = load(&file).unwrap_err().to_string();
        assert!(err.contains("settings file"), "{err}");
    }

    #[test]
    fn the_db_flag_comes_before_the_settings_file() {
        let tmp = tempfile::tempdir().unwrap();
        let file = tmp.path().join(FILE_NAME);
        save(
            &file,
            &AppSettings {
                catalogue: Some("/chosen".into()),
            },
        )
        .unwrap();
        let l = launch(Some("/flag".into()), file.clone());
        assert_eq!(l.catalogue, PathBuf::from("/flag"));
        assert_eq!(l.fixed_by.as_deref(), Some("--db"));
        if std::env::var_os(ENV_DB).is_none() {
            let l = launch(None, file);
            assert_eq!(l.catalogue, PathBuf::from("/chosen"));
            assert_eq!(l.fixed_by, None);
        }
    }

    #[test]
    fn a_folder_is_a_catalogue_empty_or_refused() {
        let tmp = tempfile::tempdir().unwrap();
        assert!(!catalogue_folder(&tmp.path().join("missing")).unwrap());
        let empty = tmp.path().join("empty");
        std::fs::create_dir(&empty).unwrap();
        assert!(!catalogue_folder(&empty).unwrap());
        let store = tmp.path().join("store");
        drop(Catalogue::open(&store).unwrap());
        assert!(catalogue_folder(&store).unwrap());
        let papers = tmp.path().join("papers");
        std::fs::create_dir(&papers).unwrap();
        std::fs::write(papers.join("budsjett.xlsx"), "x").unwrap();
        let err = catalogue_folder(&papers).unwrap_err();
        assert_eq!(err.code(), "not_a_catalogue");
        assert!(err.to_string().contains("papers"), "{err}");
    }
}
