//! Generates the Tauri context and the permissions of our own commands.
//!
//! The commands come from the one registry (`kompis-commands`), so every
//! command gets its `allow-*` permission; with an app manifest Tauri refuses
//! every app command that no capability allows, and `tests/registry.rs`
//! checks that `capabilities/main.json` grants exactly these.

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(kompis_commands::NAMES)),
    )
    .expect("failed to run tauri-build");
}
