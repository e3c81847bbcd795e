//! The Tauri commands: each one line over [`kompis_core::api`], with the
//! open catalogue from Tauri-managed state and errors as [`IpcError`].
//!
//! They are `async` so that a long import or ranking runs off the main
//! thread and the window stays responsive. A new command must also be
//! listed in `build.rs` and allowed in `capabilities/main.json`.

use std::path::PathBuf;

use kompis_core::api::{
    self, CatalogueInfo, EntryFilter, EntryRow, ImportSummary, SearchHit, Side, TrashItem,
};
use kompis_core::matching::MatchView;
use kompis_core::model::MatchRecord;
use kompis_core::model::{EntityKind, Entry, Organisation, Person};
use kompis_core::workflow::{self, Concept, NeedMatchView, StatusChange, ThesaurusEdit};
use kompis_core::{Catalogue, IpcError};
use kompis_sheet::from_catalogue::{self as sheets, SheetRequest};
use kompis_sheet::{Preview, SheetSummary};
use tauri::State;

/// The open catalogue, as Tauri hands it to a command.
type Cat<'a> = State<'a, Catalogue>;
/// What a command answers: a value, or `{code, message, field?}`.
type Reply<T> = Result<T, IpcError>;

/// Builds the invoke handler with every command of this module.
pub fn handler<R: tauri::Runtime>() -> impl Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync + 'static
{
    tauri::generate_handler![
        catalogue_info,
        list_organisations,
        list_people,
        list_entries,
        get_entry,
        save_organisation,
        save_person,
        save_entry,
        delete_entity,
        list_trash,
        restore_entity,
        search,
        matches_for_need,
        import_bundle,
        export_bundle,
        load_demo,
        set_match_status,
        declined_for_need,
        needs_for_offer,
        competence_gaps,
        list_concepts,
        edit_thesaurus,
        sheet_preview,
        export_sheet,
    ]
}

/// Where the catalogue is, its schema version and how much it holds.
#[tauri::command(async)]
pub fn catalogue_info(cat: Cat<'_>) -> Reply<CatalogueInfo> {
    api::catalogue_info(&cat).map_err(IpcError::from)
}

/// All organisations, sorted by name.
#[tauri::command(async)]
pub fn list_organisations(cat: Cat<'_>) -> Reply<Vec<Organisation>> {
    api::list_organisations(&cat).map_err(IpcError::from)
}

/// All people, sorted by name.
#[tauri::command(async)]
pub fn list_people(cat: Cat<'_>) -> Reply<Vec<Person>> {
    api::list_people(&cat).map_err(IpcError::from)
}

/// Offers or needs matching `filter` (all of them without one).
#[tauri::command(async)]
pub fn list_entries(cat: Cat<'_>, side: Side, filter: Option<EntryFilter>) -> Reply<Vec<EntryRow>> {
    api::list_entries(&cat, side, &filter.unwrap_or_default()).map_err(IpcError::from)
}

/// One offer or need.
#[tauri::command(async)]
pub fn get_entry(cat: Cat<'_>, side: Side, id: String) -> Reply<Entry> {
    api::get_entry(&cat, side, &id).map_err(IpcError::from)
}

/// Creates (id "") or updates an organisation; flushed before it returns.
#[tauri::command(async)]
pub fn save_organisation(cat: Cat<'_>, organisation: Organisation) -> Reply<Organisation> {
    api::save_organisation(&cat, organisation).map_err(IpcError::from)
}

/// Creates (id "") or updates a person; flushed before it returns.
#[tauri::command(async)]
pub fn save_person(cat: Cat<'_>, person: Person) -> Reply<Person> {
    api::save_person(&cat, person).map_err(IpcError::from)
}

/// Creates (id "") or updates an offer or need; flushed before it returns.
#[tauri::command(async)]
pub fn save_entry(cat: Cat<'_>, side: Side, entry: Entry) -> Reply<Entry> {
    api::save_entry(&cat, side, entry).map_err(IpcError::from)
}

/// Moves an entity to the trash.
#[tauri::command(async)]
pub fn delete_entity(cat: Cat<'_>, kind: EntityKind, id: String) -> Reply<()> {
    api::delete_entity(&cat, kind, &id).map_err(IpcError::from)
}

/// What is in the trash, newest first.
#[tauri::command(async)]
pub fn list_trash(cat: Cat<'_>) -> Reply<Vec<TrashItem>> {
    api::list_trash(&cat).map_err(IpcError::from)
}

/// Brings an entity back from the trash.
#[tauri::command(async)]
pub fn restore_entity(cat: Cat<'_>, kind: EntityKind, id: String) -> Reply<()> {
    api::restore_entity(&cat, kind, &id).map_err(IpcError::from)
}

/// Fuzzy search over everything, best hit first.
#[tauri::command(async)]
pub fn search(cat: Cat<'_>, text: String) -> Reply<Vec<SearchHit>> {
    api::search(&cat, &text).map_err(IpcError::from)
}

/// The offers ranked for one need, best first (10 without `top`).
#[tauri::command(async)]
pub fn matches_for_need(cat: Cat<'_>, need_id: String, top: Option<u32>) -> Reply<Vec<MatchView>> {
    api::matches_for_need(&cat, &need_id, top).map_err(IpcError::from)
}

/// Imports a bundle file the person chose in the file dialog.
#[tauri::command(async)]
pub fn import_bundle(cat: Cat<'_>, path: PathBuf) -> Reply<ImportSummary> {
    api::import_bundle(&cat, &path).map_err(IpcError::from)
}

/// Exports the catalogue to the file the person chose in the save dialog.
#[tauri::command(async)]
pub fn export_bundle(cat: Cat<'_>, path: PathBuf) -> Reply<ImportSummary> {
    api::export_bundle(&cat, &path).map_err(IpcError::from)
}

/// Loads the example network of the region.
#[tauri::command(async)]
pub fn load_demo(cat: Cat<'_>) -> Reply<ImportSummary> {
    api::load_demo(&cat).map_err(IpcError::from)
}

/// Records a match's status (and note; a reason when declining).
#[tauri::command(async)]
pub fn set_match_status(cat: Cat<'_>, change: StatusChange) -> Reply<MatchRecord> {
    workflow::set_match_status(&cat, change).map_err(IpcError::from)
}

/// The offers declined for a need, to bring back.
#[tauri::command(async)]
pub fn declined_for_need(cat: Cat<'_>, need_id: String) -> Reply<Vec<MatchView>> {
    api::declined_for_need(&cat, &need_id).map_err(IpcError::from)
}

/// The needs an offer could serve, best first.
#[tauri::command(async)]
pub fn needs_for_offer(
    cat: Cat<'_>,
    offer_id: String,
    top: Option<u32>,
) -> Reply<Vec<NeedMatchView>> {
    workflow::needs_for_offer(&cat, &offer_id, top).map_err(IpcError::from)
}

/// Active needs with no suggestion: the network's competence gaps.
#[tauri::command(async)]
pub fn competence_gaps(cat: Cat<'_>) -> Reply<Vec<EntryRow>> {
    workflow::competence_gaps(&cat).map_err(IpcError::from)
}

/// The thesaurus' concept groups.
#[tauri::command(async)]
pub fn list_concepts(cat: Cat<'_>) -> Reply<Vec<Concept>> {
    workflow::list_concepts(&cat).map_err(IpcError::from)
}

/// Applies one thesaurus edit and returns the groups after it.
#[tauri::command(async)]
pub fn edit_thesaurus(cat: Cat<'_>, edit: ThesaurusEdit) -> Reply<Vec<Concept>> {
    workflow::edit_thesaurus(&cat, edit).map_err(IpcError::from)
}

/// The first page (or rows) of the match sheet a request would write.
#[tauri::command(async)]
pub fn sheet_preview(cat: Cat<'_>, request: SheetRequest) -> Reply<Preview> {
    sheets::sheet_preview(&cat, &request)
}

/// Writes a match sheet to the file the person chose in the save dialog.
#[tauri::command(async)]
pub fn export_sheet(cat: Cat<'_>, request: SheetRequest, path: PathBuf) -> Reply<SheetSummary> {
    sheets::export_sheet(&cat, &request, &path)
}
