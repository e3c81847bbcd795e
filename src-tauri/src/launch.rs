//! What the app needs to know before Tauri starts: which catalogue to open
//! and under which name this instance is single.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// The catalogue folder from the command line (`--db DIR` or `--db=DIR`),
/// else `KOMPIS_DB`, else the platform's data folder. Other arguments are
/// left alone; `--db` without a folder is an error sentence.
pub fn catalogue_dir(args: impl IntoIterator<Item = OsString>) -> Result<PathBuf, String> {
    Ok(kompis_core::api::resolve_catalogue_dir(explicit_dir(args)?))
}

/// Which catalogue the app opens: `--db`, else `KOMPIS_DB`, else the folder
/// chosen in the settings (`settings_file`), else the platform's data folder.
pub fn launch(
    args: impl IntoIterator<Item = OsString>,
    settings_file: PathBuf,
) -> Result<kompis_core::api::Launch, String> {
    Ok(kompis_core::api::launch(explicit_dir(args)?, settings_file))
}

/// The folder `--db` names, if any.
fn explicit_dir(args: impl IntoIterator<Item = OsString>) -> Result<Option<PathBuf>, String> {
    let mut explicit = None;
    let mut args = args.into_iter().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--db" {
            let dir = args.next().filter(|d| !d.is_empty());
            explicit = Some(dir.ok_or("`--db` needs a folder, e.g. `--db ~/kompis-test`.")?);
        } else if let Some(dir) = arg.to_str().and_then(|a| a.strip_prefix("--db=")) {
            if dir.is_empty() {
                return Err("`--db=` needs a folder, e.g. `--db=~/kompis-test`.".into());
            }
            explicit = Some(OsString::from(dir));
        }
    }
    Ok(explicit.map(PathBuf::from))
}

/// The file the app was started with, as the desktop's file association
/// passes it (`kompis-app FILE.kompis.json`): the first argument that is
/// neither an option nor `--db`'s folder and names a file, taken from `cwd`
/// when relative. The page gets it as a one-time handle for the import
/// review, never the path.
pub fn opened_file(args: impl IntoIterator<Item = OsString>, cwd: &Path) -> Option<PathBuf> {
    let mut args = args.into_iter().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--db" {
            args.next();
        } else if !arg.to_str().is_some_and(|a| a.starts_with('-')) {
            let path = cwd.join(arg);
            if path.is_file() {
                return Some(path);
            }
        }
    }
    None
}

/// The D-Bus name under which this instance is single: one per catalogue
/// folder, so a second launch on the same catalogue brings the first
/// window forward, while a test on a temporary catalogue runs beside the
/// person's own Kompis.
pub fn instance_id(identifier: &str, catalogue: &Path) -> String {
    let absolute = std::path::absolute(catalogue).unwrap_or_else(|_| catalogue.to_path_buf());
    let absolute = absolute.canonicalize().unwrap_or(absolute);
    // FNV-1a: stable across builds, unlike std's hasher.
    let hash = absolute
        .as_os_str()
        .as_encoded_bytes()
        .iter()
        .fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
            (h ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3)
        });
    format!("{identifier}.c{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        std::iter::once("kompis-app")
            .chain(list.iter().copied())
            .map(OsString::from)
            .collect()
    }

    #[test]
    fn db_flag_in_both_spellings_names_the_folder() {
        assert_eq!(
            catalogue_dir(args(&["--db", "/tmp/a"])),
            Ok("/tmp/a".into())
        );
        assert_eq!(catalogue_dir(args(&["--db=/tmp/b"])), Ok("/tmp/b".into()));
        assert_eq!(
            catalogue_dir(args(&["--verbose", "--db", "/tmp/c", "x"])),
            Ok("/tmp/c".into())
        );
    }

    #[test]
    fn db_flag_comes_before_the_folder_chosen_in_the_settings() {
        let tmp = tempfile::tempdir().unwrap();
        let file = tmp.path().join("settings.json");
        std::fs::write(&file, r#"{"catalogue": "/tmp/chosen"}"#).unwrap();
        let l = launch(args(&["--db", "/tmp/a"]), file.clone()).unwrap();
        assert_eq!(l.catalogue, PathBuf::from("/tmp/a"));
        assert_eq!(l.fixed_by.as_deref(), Some("--db"));
        assert_eq!(l.settings_file, file);
    }

    #[test]
    fn db_flag_without_a_folder_is_refused_with_a_sentence() {
        let err = catalogue_dir(args(&["--db"])).unwrap_err();
        assert!(err.contains("needs a folder"), "{err}");
        assert!(catalogue_dir(args(&["--db="])).is_err());
    }

    #[test]
    fn opened_file_is_the_first_existing_file_not_the_catalogue() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("backup.kompis.json");
        std::fs::write(&file, "{}").unwrap();
        let cwd = dir.path();
        assert_eq!(
            opened_file(args(&["--db", "backup.kompis.json", "missing.json"]), cwd),
            None
        );
        assert_eq!(
            opened_file(args(&["--db=/tmp/a", "backup.kompis.json"]), cwd),
            Some(file.clone())
        );
        let absolute = file.to_str().unwrap();
        assert_eq!(
            opened_file(args(&[absolute]), Path::new("/")),
            Some(file.clone())
        );
        assert_eq!(opened_file(args(&[]), cwd), None);
    }

    #[test]
    fn instance_id_is_a_valid_dbus_name_and_differs_per_catalogue() {
        let a = instance_id("no.kompis.desktop", Path::new("/tmp/kompis-a"));
        let b = instance_id("no.kompis.desktop", Path::new("/tmp/kompis-b"));
        assert_ne!(a, b);
        assert_eq!(
            a,
            instance_id("no.kompis.desktop", Path::new("/tmp/kompis-a"))
        );
        // D-Bus: dot-separated elements of [A-Za-z0-9_-], none starting with a digit.
        for element in a.split('.') {
            assert!(!element.is_empty() && !element.starts_with(|c: char| c.is_ascii_digit()));
            assert!(element
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-'));
        }
    }
}
