//! What the command-line tests share: the real `kompis` binary on a temp
//! catalogue, and reading what it printed.
#![allow(dead_code)] // each test file uses some of these

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

/// `kompis --db DB`, with no `KOMPIS_DB` of the person's in the way.
pub fn kompis(db: &Path) -> Command {
    let mut c = Command::cargo_bin("kompis").unwrap();
    c.arg("--db").arg(db).env_remove("KOMPIS_DB");
    c
}

/// Runs the command, which must succeed; answers its stdout.
pub fn stdout(c: &mut Command) -> String {
    let out = c.output().unwrap();
    assert!(
        out.status.success(),
        "failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Runs the command, which must succeed; answers its stdout as JSON.
pub fn json(c: &mut Command) -> Value {
    serde_json::from_str(&stdout(c)).unwrap()
}

/// Runs the command, which must fail printing nothing on stdout; answers its stderr.
pub fn refused(c: &mut Command) -> String {
    let out = c.output().unwrap();
    assert!(
        !out.status.success(),
        "succeeded: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(
        out.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    String::from_utf8(out.stderr).unwrap()
}
