//! What the app needs to know before Tauri starts: which catalogue to open
//! and under which name this instance is single.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// The catalogue folder from the command line (`--db DIR` or `--db=DIR`),
/// else `KOMPIS_DB`, else the platform's data folder. Other arguments are
/// left alone; `--db` without a folder is an error sentence.
pub fn catalogue_dir(args: impl IntoIterator<Item = OsString>) -> Result<PathBuf, String> {
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
    Ok(kompis_core::api::resolve_catalogue_dir(
        explicit.map(PathBuf::from),
    ))
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
    fn db_flag_without_a_folder_is_refused_with_a_sentence() {
        let err = catalogue_dir(args(&["--db"])).unwrap_err();
        assert!(err.contains("needs a folder"), "{err}");
        assert!(catalogue_dir(args(&["--db="])).is_err());
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
