//! Generates the Tauri context and the permissions of our own commands.
//!
//! Only the commands listed here get `allow-*` permissions, and with an app
//! manifest Tauri refuses every app command that no capability allows, so a
//! command added to `invoke_handler` must also be listed here and granted in
//! `capabilities/main.json`.

/// Every `#[tauri::command]` of `src/commands.rs`.
const COMMANDS: &[&str] = &[
    "catalogue_info",
    "list_organisations",
    "list_people",
    "list_entries",
    "get_entry",
    "save_organisation",
    "save_person",
    "save_entry",
    "delete_entity",
    "list_trash",
    "restore_entity",
    "search",
    "matches_for_need",
    "import_bundle",
    "export_bundle",
    "load_demo",
    "set_match_status",
    "declined_for_need",
    "needs_for_offer",
    "competence_gaps",
    "list_concepts",
    "edit_thesaurus",
    "sheet_preview",
    "export_sheet",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("failed to run tauri-build");
}
