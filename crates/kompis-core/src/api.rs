//! The façade: the one door of the core for the app, the CLI and the
//! preview server. Every command of `kompis-commands`' registry is a
//! function here of the same name, taking the open [`Catalogue`] and its
//! arguments by value; [`dispatch`] reaches each of them by name with JSON
//! arguments. The wire types are in [`wire`].
//!
//! Layers, lowest first (a module uses only those before it): `error`,
//! `collate`, `keys`, `storage`, `schema`, `validate`, `bundle`, `cache`,
//! `docs`, `catalogue`, `wire`, `matching`, `editing`, `workflow`,
//! `outcomes`, `listing`, `vacancies`, `seekers`, `job_matching`,
//! `insight`, `overview`, `search`, `sheets`, `report`, `job_sheets`,
//! `demo`, `api` (see `tests/layers.rs` for the whole list).

use std::path::Path;

use serde_json::Value;

use crate::app_settings;
use crate::backups;
use crate::bundle;
use crate::listing;
use crate::{
    editing, insight, job_matching, job_sheets, matching, outcomes, overview, person_data, report,
    search, seekers, sheets, suggestions, vacancies, validate, workflow,
};

pub use crate::app_settings::{AppSettings, Launch, Reopener};
pub use crate::bundle::Bundle;
pub use crate::catalogue::Catalogue;
pub use crate::error::{Error, Result};
pub use crate::matching::{NeedMatches, RankedOffer};
pub use crate::paths::{default_catalogue_dir, resolve_catalogue_dir, ENV_DB};
pub use crate::schema::CURRENT as SCHEMA_VERSION;
pub use crate::wire;
pub use kompis_commands::NAMES as COMMANDS;
pub use kompis_match::THRESHOLD;

use wire::*;

/// Open (or create) the catalogue in `dir`, running its migrations.
pub fn open(dir: &Path) -> Result<Catalogue> {
    Catalogue::open(dir)
}

/// Where the catalogue is and what it holds.
pub fn catalogue_info(cat: &Catalogue) -> Result<CatalogueInfo> {
    Ok(CatalogueInfo {
        path: cat.path().display().to_string(),
        schema_version: cat.schema_version()?,
        counts: CatalogueCounts {
            organisations: cat.count(EntityKind::Organisation)?,
            people: cat.count(EntityKind::Person)?,
            offers: cat.count(EntityKind::Offer)?,
            needs: cat.count(EntityKind::Need)?,
            trash: cat.trash_count()?,
        },
        version: env!("CARGO_PKG_VERSION").to_string(),
        backups: backups::folder(cat.path()).display().to_string(),
    })
}

/// The organisations and municipalities the list filters offer.
pub fn facets(cat: &Catalogue) -> Result<Facets> {
    listing::facets(cat)
}

/// One page of the offers or needs that pass the query: by relevance when
/// it has words, otherwise in the order it asks for (title by default).
pub fn list_entries(cat: &Catalogue, side: Side, query: EntryQuery) -> Result<Page<EntryRow>> {
    query_text(query.text.as_deref())?;
    listing::entries(cat, side.into(), &query)
}

/// One page of the organisations that pass the query.
pub fn list_organisations(
    cat: &Catalogue,
    query: OrganisationQuery,
) -> Result<Page<OrganisationRow>> {
    query_text(query.text.as_deref())?;
    listing::organisations(cat, &query)
}

/// One page of the people who pass the query.
pub fn list_people(cat: &Catalogue, query: PersonQuery) -> Result<Page<PersonRow>> {
    query_text(query.text.as_deref())?;
    listing::people(cat, &query)
}

/// Every offer or need that passes the query, in its order (for the CLI).
pub fn all_entries(cat: &Catalogue, side: Side, query: EntryQuery) -> Result<Vec<EntryRow>> {
    let mut out = Vec::new();
    loop {
        let query = EntryQuery {
            offset: Some(out.len() as u32),
            limit: Some(PAGE_MAX),
            ..query.clone()
        };
        let page = list_entries(cat, side, query)?;
        let done = page.rows.is_empty() || out.len() + page.rows.len() >= page.total as usize;
        out.extend(page.rows);
        if done {
            return Ok(out);
        }
    }
}

/// Every organisation, in Norwegian name order.
pub fn all_organisations(cat: &Catalogue) -> Result<Vec<crate::model::Organisation>> {
    let mut v = cat.organisations()?;
    v.sort_by(|a, b| crate::collate::cmp_nb(&a.name, &b.name));
    Ok(v)
}

/// Every person, in Norwegian name order.
pub fn all_people(cat: &Catalogue) -> Result<Vec<crate::model::Person>> {
    let mut v = cat.people()?;
    v.sort_by(|a, b| crate::collate::cmp_nb(&a.name, &b.name));
    Ok(v)
}

/// One offer or need.
pub fn get_entry(cat: &Catalogue, side: Side, id: String) -> Result<crate::model::Entry> {
    cat.entry(side.into(), &id)
}

/// One offer or need as its page shows it: with its organisation and
/// whether its deadline has passed.
pub fn entry_row(cat: &Catalogue, side: Side, id: String) -> Result<EntryRow> {
    let entry = cat.entry(side.into(), &id)?;
    let org = match &entry.organisation {
        Some(o) => cat.organisation(o).ok(),
        None => None,
    };
    Ok(EntryRow::new(entry, org.as_ref()))
}

/// One organisation.
pub fn get_organisation(cat: &Catalogue, id: String) -> Result<crate::model::Organisation> {
    cat.organisation(&id)
}

/// One person.
pub fn get_person(cat: &Catalogue, id: String) -> Result<crate::model::Person> {
    cat.person(&id)
}

/// An organisation's page: its details, its people (by name only with
/// their consent), its offers and needs, and the pairs with them the
/// coordinator has taken a step on.
pub fn organisation_overview(cat: &Catalogue, id: String) -> Result<OrganisationOverview> {
    validate::length("organisation", "", "id", &id, validate::MAX_ID_LEN)?;
    overview::organisation(cat, &id)
}

/// A person's page: their details, organisation, consent and the offers and
/// needs they are the contact of.
pub fn person_overview(cat: &Catalogue, id: String) -> Result<PersonOverview> {
    validate::length("person", "", "id", &id, validate::MAX_ID_LEN)?;
    overview::person(cat, &id)
}

/// Create (empty id) or update an organisation; returns what was stored.
pub fn save_organisation(
    cat: &Catalogue,
    organisation: crate::model::Organisation,
) -> Result<crate::model::Organisation> {
    editing::save_organisation(cat, organisation)
}

/// Create (empty id) or update a person; returns what was stored.
pub fn save_person(cat: &Catalogue, person: crate::model::Person) -> Result<crate::model::Person> {
    editing::save_person(cat, person)
}

/// Create (empty id) or update an offer or need; returns what was stored.
pub fn save_entry(
    cat: &Catalogue,
    side: Side,
    entry: crate::model::Entry,
) -> Result<crate::model::Entry> {
    editing::save_entry(cat, side, entry)
}

/// Move an entity to the trash.
pub fn delete_entity(cat: &Catalogue, kind: EntityKind, id: String) -> Result<()> {
    cat.delete(kind, &id)
}

/// What the trash holds, newest first.
pub fn all_trash(cat: &Catalogue) -> Result<Vec<TrashItem>> {
    Ok(cat
        .trash()?
        .into_iter()
        .map(|t| {
            let label = ["title", "name"]
                .iter()
                .find_map(|f| t.value.get(*f).and_then(|v| v.as_str()))
                .unwrap_or(&t.id)
                .to_string();
            TrashItem {
                kind: t.kind,
                id: t.id,
                label,
                deleted_at: t.deleted_at.to_rfc3339(),
            }
        })
        .collect())
}

/// One page of the trash, newest first.
pub fn list_trash(cat: &Catalogue, query: PageQuery) -> Result<Page<TrashItem>> {
    Ok(listing::page_of(all_trash(cat)?, query))
}

/// Bring an entity back from the trash.
pub fn restore_entity(cat: &Catalogue, kind: EntityKind, id: String) -> Result<()> {
    cat.restore(kind, &id)
}

/// Search as you type over titles, names and full text, best hit first.
pub fn search(cat: &Catalogue, text: String) -> Result<Vec<SearchHit>> {
    query_text(Some(&text))?;
    search::search(cat, &text)
}

/// The ranked offers for one need with the coordinator's status, best
/// first (10 without `top`); declined pairs are left out.
pub fn matches_for_need(
    cat: &Catalogue,
    need_id: String,
    top: Option<u32>,
) -> Result<Vec<MatchView>> {
    workflow::matches_for_need(cat, &need_id, top)
}

/// The offers declined for a need, so they can be brought back.
pub fn declined_for_need(cat: &Catalogue, need_id: String) -> Result<Vec<MatchView>> {
    workflow::declined_for_need(cat, &need_id)
}

/// The active needs an offer could serve, best first; declined pairs left out.
pub fn needs_for_offer(
    cat: &Catalogue,
    offer_id: String,
    top: Option<u32>,
) -> Result<Vec<NeedMatchView>> {
    workflow::needs_for_offer(cat, &offer_id, top)
}

/// Record a status (and note) for a need–offer pair; declining needs a reason.
pub fn set_match_status(cat: &Catalogue, change: StatusChange) -> Result<MatchRecord> {
    let id = format!("{}→{}", change.need, change.offer);
    if let Some(note) = &change.note {
        validate::length("match", &id, "note", note, validate::MAX_LONG)?;
    }
    cat.entry(crate::model::EntityKind::Need, &change.need)?;
    cat.entry(crate::model::EntityKind::Offer, &change.offer)?;
    workflow::set_match_status(cat, change)
}

/// Take back a pair's last status change: it returns to the status before
/// (a declined match to where it stood before the decline).
pub fn step_back_match(cat: &Catalogue, need: String, offer: String) -> Result<MatchRecord> {
    cat.entry(crate::model::EntityKind::Need, &need)?;
    cat.entry(crate::model::EntityKind::Offer, &offer)?;
    workflow::step_back_match(cat, &need, &offer)
}

/// Record what came of an agreed match (several per match); refused when
/// the pair is not agreed now, or the date is after today. Flushed before
/// it returns.
pub fn record_outcome(cat: &Catalogue, request: OutcomeRequest) -> Result<MatchRecord> {
    let id = format!("{}→{}", request.need, request.offer);
    validate::length("match", &id, "need", &request.need, validate::MAX_ID_LEN)?;
    validate::length("match", &id, "offer", &request.offer, validate::MAX_ID_LEN)?;
    if let Some(note) = &request.note {
        validate::length("match", &id, "note", note, validate::MAX_LONG)?;
    }
    let date = match request.date.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(text) => Some(day("match", &id, "date", text)?),
    };
    cat.entry(crate::model::EntityKind::Need, &request.need)?;
    cat.entry(crate::model::EntityKind::Offer, &request.offer)?;
    outcomes::record_outcome(
        cat,
        &request.need,
        &request.offer,
        outcomes::NewOutcome {
            kind: request.kind,
            date,
            note: request.note,
            level: request.level,
        },
    )
}

/// Take back the outcome at `index` (0 first, as the record lists them).
pub fn remove_outcome(
    cat: &Catalogue,
    need: String,
    offer: String,
    index: u32,
) -> Result<MatchRecord> {
    validate::length("match", "", "need", &need, validate::MAX_ID_LEN)?;
    validate::length("match", "", "offer", &offer, validate::MAX_ID_LEN)?;
    outcomes::remove_outcome(cat, &need, &offer, index)
}

/// Agreed matches with no outcome, agreed at least `weeks` weeks ago,
/// oldest first (`0`: every one of them).
pub fn follow_ups(cat: &Catalogue, weeks: u32) -> Result<Vec<FollowUp>> {
    outcomes::follow_ups(cat, weeks)
}

/// The network's figures for a period and a municipality: what the insight
/// screen draws and the network report prints.
pub fn insight(cat: &Catalogue, query: InsightQuery) -> Result<Insight> {
    for (field, value) in [("from", &query.from), ("to", &query.to)] {
        if let Some(text) = value {
            validate::length("insight query", "", field, text, validate::MAX_SHORT)?;
        }
    }
    if let Some(m) = &query.municipality {
        validate::length("insight query", "", "municipality", m, validate::MAX_SHORT)?;
    }
    insight::insight(cat, &query)
}

/// Write the network report for `request` into the file the person chose
/// (PDF or XLSX).
pub fn export_report(
    cat: &Catalogue,
    request: ReportRequest,
    file: String,
) -> Result<ReportSummary> {
    let path = cat
        .files()
        .take(&file, &[FilePurpose::SheetPdf, FilePurpose::SheetXlsx])?;
    export_report_file(cat, request, &path)
}

/// Write the network report for `request` to `path`, a `.pdf` or `.xlsx`
/// (the command line; the app goes through [`export_report`]).
pub fn export_report_file(
    cat: &Catalogue,
    request: ReportRequest,
    path: &Path,
) -> Result<ReportSummary> {
    report::write_report(insight(cat, request.query)?, request.lang, path)
}

/// Everything the catalogue holds about one person ("Innsyn"): the person
/// and their consent history, the entries they are the contact of, the
/// match records whose notes name them.
pub fn person_export(cat: &Catalogue, id: String) -> Result<PersonExport> {
    validate::length("person", "", "id", &id, validate::MAX_ID_LEN)?;
    person_data::export(cat, &id)
}

/// Write what the catalogue holds about one person into the file the
/// coordinator chose: a readable PDF in the request's language, or JSON.
pub fn export_person(
    cat: &Catalogue,
    request: PersonExportRequest,
    file: String,
) -> Result<ReportSummary> {
    validate::length("person", "", "id", &request.id, validate::MAX_ID_LEN)?;
    let path = cat
        .files()
        .take(&file, &[FilePurpose::SheetPdf, FilePurpose::PersonJson])?;
    export_person_file(cat, &request.id, request.lang, &path)
}

/// Write what the catalogue holds about one person to `path`, `.pdf` or
/// `.json`, atomically (the command line; the app goes through
/// [`export_person`]).
pub fn export_person_file(
    cat: &Catalogue,
    id: &str,
    lang: SheetLang,
    path: &Path,
) -> Result<ReportSummary> {
    person_data::write_export(cat, id, lang, path)
}

/// Erase a person everywhere ("Slett person"): the store, the trash, their
/// name in match notes, entries' contact, the caches; the answer says what
/// older backups still hold them and until when.
pub fn erase_person(cat: &Catalogue, id: String) -> Result<ErasureSummary> {
    validate::length("person", "", "id", &id, validate::MAX_ID_LEN)?;
    person_data::erase(cat, &id)
}

/// People with no active entry and no change for `months` months (18
/// without), oldest first: to renew their consent or erase them.
pub fn retention(cat: &Catalogue, months: Option<u32>) -> Result<Vec<RetentionRow>> {
    person_data::retention(
        cat,
        months.unwrap_or(crate::model::privacy::RETENTION_MONTHS),
    )
}

/// The job market: the vacancies that pass the query (open ones first, by
/// field and title; closed ones only with `include_closed`), how many are
/// open and closed, and the open ones per municipality and per field.
pub fn list_vacancies(cat: &Catalogue, query: VacancyQuery) -> Result<VacancyList> {
    query_text(query.text.as_deref())?;
    for (field, value) in [
        ("municipality", &query.municipality),
        ("field", &query.field),
    ] {
        if let Some(v) = value {
            validate::length("vacancy query", "", field, v, validate::MAX_SHORT)?;
        }
    }
    vacancies::list(cat, &query)
}

/// The occupation fields (STYRK-08 major groups) with their names.
pub fn job_fields(_cat: &Catalogue) -> Result<Vec<JobField>> {
    Ok(crate::model::jobs::job_fields())
}

/// Reopens a vacancy closed by its deadline: the deadline is cleared, so it
/// is open until a new one is set.
pub fn reopen_vacancy(cat: &Catalogue, id: String) -> Result<crate::model::Entry> {
    validate::length("offer", "", "id", &id, validate::MAX_ID_LEN)?;
    vacancies::reopen(cat, &id)
}

/// Every job seeker, those due for deletion first.
pub fn list_seekers(cat: &Catalogue) -> Result<Vec<SeekerRow>> {
    seekers::rows(cat)
}

/// One job seeker.
pub fn get_seeker(cat: &Catalogue, id: String) -> Result<JobSeeker> {
    validate::length("job seeker", "", "id", &id, validate::MAX_ID_LEN)?;
    cat.seeker(&id)
}

/// Create (empty id) or update a job seeker; refused without consent
/// ([`crate::model::Problem::NoConsent`]), nothing stored.
pub fn save_seeker(cat: &Catalogue, seeker: JobSeeker) -> Result<JobSeeker> {
    seekers::save(cat, seeker)
}

/// Keep a job seeker another six months from now.
pub fn renew_seeker(cat: &Catalogue, id: String) -> Result<JobSeeker> {
    validate::length("job seeker", "", "id", &id, validate::MAX_ID_LEN)?;
    seekers::renew(cat, &id)
}

/// Erase a job seeker for good: from the store, never into the trash, so
/// from every later export too.
pub fn erase_seeker(cat: &Catalogue, id: String) -> Result<()> {
    validate::length("job seeker", "", "id", &id, validate::MAX_ID_LEN)?;
    cat.erase_seeker(&id)
}

/// The most vacancies one ranking answers.
const MAX_TOP: u32 = 500;

/// The open vacancies (and for a student, student projects) ranked for a
/// job seeker, best first, `top` at most.
pub fn match_seeker(cat: &Catalogue, id: String, top: u32) -> Result<SeekerMatches> {
    let seeker = get_seeker(cat, id)?;
    job_matching::match_seeker(cat, &seeker, top.min(MAX_TOP) as usize)
}

/// The job seekers a vacancy could suit, best first.
pub fn seekers_for_vacancy(cat: &Catalogue, id: String) -> Result<Vec<VacancySeeker>> {
    validate::length("offer", "", "id", &id, validate::MAX_ID_LEN)?;
    job_matching::seekers_for_vacancy(cat, &id)
}

/// The coordinator's short text about the region ("" when none).
pub fn region_text(cat: &Catalogue) -> Result<String> {
    job_sheets::region_text(cat)
}

/// The longest text about the region.
const MAX_REGION_TEXT: usize = 4_000;

/// Store the coordinator's text about the region (trimmed; "" clears it).
pub fn set_region_text(cat: &Catalogue, text: String) -> Result<()> {
    validate::length("region text", "", "text", &text, MAX_REGION_TEXT)?;
    cat.put_region_text(text.trim())
}

/// Write the job sheet for `request` into the file the person chose (PDF
/// or XLSX).
pub fn export_job_sheet(
    cat: &Catalogue,
    request: JobSheetRequest,
    file: String,
) -> Result<JobSheetSummary> {
    job_sheet_request(&request)?;
    let path = cat
        .files()
        .take(&file, &[FilePurpose::SheetPdf, FilePurpose::SheetXlsx])?;
    export_job_sheet_file(cat, &request, &path)
}

/// Write the job sheet to `path`, a `.pdf` or `.xlsx` (the command line;
/// the app goes through [`export_job_sheet`]).
pub fn export_job_sheet_file(
    cat: &Catalogue,
    request: &JobSheetRequest,
    path: &Path,
) -> Result<JobSheetSummary> {
    job_sheet_request(request)?;
    job_sheets::write(cat, request, path)
}

/// Refuses a job sheet request's texts longer than any name.
fn job_sheet_request(request: &JobSheetRequest) -> Result<()> {
    for (field, value, max) in [
        ("seeker", &request.seeker, validate::MAX_ID_LEN),
        ("municipality", &request.municipality, validate::MAX_SHORT),
        ("field", &request.field, validate::MAX_SHORT),
    ] {
        if let Some(v) = value {
            validate::length("job sheet request", "", field, v, max)?;
        }
    }
    Ok(())
}

/// The occupation field code a text names (a code or a name in bokmål or
/// English), for the command line's `--field`.
pub fn job_field_code(text: &str) -> Option<&'static str> {
    vacancies::field_code(text)
}

/// The catalogue's backups, newest first.
pub fn list_backups(cat: &Catalogue) -> Result<Vec<BackupInfo>> {
    backups::list(cat)
}

/// Writes a backup of the whole catalogue now (and prunes the old ones).
pub fn backup_now(cat: &Catalogue) -> Result<BackupInfo> {
    backups::backup_now(cat)
}

/// Writes a backup when the catalogue changed since the last one (or none
/// was written since it was opened): what the app runs at start and every
/// few minutes.
pub fn backup_if_changed(cat: &Catalogue) -> Result<Option<BackupInfo>> {
    backups::backup_if_changed(cat)
}

/// Restores the backup (a bundle) at `file` into a new catalogue at `to`,
/// which must not exist or be empty; the damaged or current one is never
/// written to.
pub fn restore_backup_file(file: &Path, to: &Path) -> Result<ImportSummary> {
    let occupied = std::fs::read_dir(to).is_ok_and(|mut d| d.next().is_some());
    if occupied {
        return Err(Error::NotEmpty {
            path: to.to_path_buf(),
        });
    }
    let b = bundle::read_file(file)?;
    let cat = Catalogue::open(to)?;
    cat.import(&b)?;
    Ok(summary(&b))
}

/// Opens the catalogue in `dir` and checks it whole; a catalogue that sled
/// cannot read, or whose check fails, is refused (and never written to):
/// the app then offers [`restore_newest_backup`].
pub fn open_checked(dir: &Path) -> Result<Catalogue> {
    let cat = open(dir)?;
    let report = backups::check(&cat)?;
    if report.ok {
        return Ok(cat);
    }
    Err(Error::Damaged {
        path: dir.to_path_buf(),
        first: report
            .problems
            .first()
            .map(|p| p.trim_end_matches('.').to_string())
            .unwrap_or_default(),
        problems: report.problems.len(),
    })
}

/// Whether an error opening a catalogue is one a backup can mend (the
/// store unreadable or damaged; not a lock or a newer version).
pub fn backup_can_mend(error: &Error) -> bool {
    matches!(error.code(), "store" | "damaged")
}

/// The newest backup of the catalogue in `dir`, if there is one.
pub fn newest_backup(dir: &Path) -> Result<Option<BackupInfo>> {
    Ok(backups::list_in(dir)?.into_iter().next())
}

/// Restores the newest backup of the catalogue in `dir` into a new folder
/// beside it (`<name>-gjenopprettet-YYYYMMDD-HHMMSS`), leaving the damaged
/// one as it is; answers the new folder.
pub fn restore_newest_backup(dir: &Path) -> Result<std::path::PathBuf> {
    let Some(b) = newest_backup(dir)? else {
        return Err(Error::NotFound {
            entity: "backup of".into(),
            id: dir.display().to_string(),
        });
    };
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "catalogue".into());
    let to = dir.with_file_name(format!(
        "{name}-gjenopprettet-{}",
        chrono::Local::now().format("%Y%m%d-%H%M%S")
    ));
    restore_backup_file(&Path::new(&b.folder).join(&b.file), &to)?;
    Ok(to)
}

/// The platform's file for the app's own settings (which catalogue folder
/// it opens): `~/.config/kompis/settings.json` on Linux.
pub fn default_app_settings_file() -> std::path::PathBuf {
    app_settings::default_file()
}

/// Which catalogue the app opens: `explicit` (`--db`), else `KOMPIS_DB`,
/// else the folder chosen in `settings_file`, else the default.
pub fn launch(explicit: Option<std::path::PathBuf>, settings_file: std::path::PathBuf) -> Launch {
    app_settings::launch(explicit, settings_file)
}

/// Reads the app's settings file (a missing one is the defaults).
pub fn load_app_settings(file: &Path) -> Result<AppSettings> {
    app_settings::load(file)
}

/// Writes the app's settings file atomically.
pub fn save_app_settings(file: &Path, settings: &AppSettings) -> Result<()> {
    app_settings::save(file, settings)
}

/// Install what the desktop shell knows (how the catalogue was found, and
/// how to reopen Kompis on another one); the settings can then choose
/// the catalogue folder.
pub fn set_app_shell(cat: &Catalogue, launch: Launch, reopen: Reopener) {
    app_settings::install(cat, launch, reopen);
}

/// What the settings show: the catalogue's folder, the backups' folders,
/// the last backup and how its copy to the second folder went.
pub fn settings(cat: &Catalogue) -> Result<SettingsView> {
    let launch = app_settings::installed(cat);
    Ok(SettingsView {
        catalogue: cat.path().display().to_string(),
        can_choose: launch.is_some(),
        fixed_by: launch.and_then(|l| l.fixed_by),
        backups: backups::folder(cat.path()).display().to_string(),
        second: backups::second_folder(cat)?.map(|f| f.display().to_string()),
        last: backups::list_in(cat.path())?.into_iter().next(),
        second_copy: backups::second_copy(cat),
    })
}

/// Chooses the second folder the backups are also written to (`file`, a
/// handle from `choose_file` for a backup folder) and writes a backup at
/// once, or, with none, stops writing there (its backups stay).
pub fn set_second_backup(cat: &Catalogue, file: Option<String>) -> Result<SettingsView> {
    let chosen = match file {
        Some(handle) => Some(cat.files().take(&handle, &[FilePurpose::BackupFolder])?),
        None => None,
    };
    set_second_backup_folder(cat, chosen.as_deref())
}

/// [`set_second_backup`] with a folder the command line was given.
pub fn set_second_backup_folder(cat: &Catalogue, second: Option<&Path>) -> Result<SettingsView> {
    let Some(chosen) = second else {
        backups::set_second_folder(cat, None)?;
        return settings(cat);
    };
    let canonical = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    let chosen_c = canonical(chosen);
    if chosen_c == canonical(&backups::folder(cat.path()))
        || chosen_c.starts_with(canonical(cat.path()))
    {
        return Err(Error::invalid(
            "backup folder",
            "",
            "file",
            "is the catalogue's own folder or its backups folder; choose another one, such as a USB stick or a synced folder",
        ));
    }
    let chosen = std::path::absolute(chosen).unwrap_or_else(|_| chosen.to_path_buf());
    backups::set_second_folder(cat, Some(&chosen))?;
    backups::backup_now(cat)?;
    settings(cat)
}

/// Chooses the catalogue folder Kompis opens (`file`, a handle from
/// `choose_file` for a catalogue folder): a catalogue, or an empty folder
/// for a new one; a folder with other files is refused. Kept in the app's
/// settings file; Kompis then reopens on it (unless `--db` or `KOMPIS_DB`
/// named this one).
pub fn set_catalogue(cat: &Catalogue, file: String) -> Result<CatalogueChange> {
    let chosen = cat.files().take(&file, &[FilePurpose::CatalogueFolder])?;
    let (created, reopening) = app_settings::choose_catalogue(cat, &chosen)?;
    Ok(CatalogueChange {
        catalogue: chosen.display().to_string(),
        created,
        reopening,
    })
}

/// Checks the catalogue whole: every record reads, every reference
/// resolves, the counts agree.
pub fn check_catalogue(cat: &Catalogue) -> Result<CheckReport> {
    backups::check(cat)
}

/// A `YYYY-MM-DD` day, or a refusal naming the field.
fn day(entity: &str, id: &str, field: &str, text: &str) -> Result<chrono::NaiveDate> {
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| {
        Error::invalid(
            entity,
            id,
            field,
            crate::model::Problem::BundleDate {
                found: String::new(),
            },
        )
    })
}

/// Every active need with no suggestion above the threshold, in title order.
pub fn all_competence_gaps(cat: &Catalogue) -> Result<Vec<EntryRow>> {
    workflow::competence_gaps(cat)
}

/// One page of the network's competence gaps.
pub fn competence_gaps(cat: &Catalogue, query: PageQuery) -> Result<Page<EntryRow>> {
    Ok(listing::page_of(workflow::competence_gaps(cat)?, query))
}

/// The thesaurus as concept groups, in Norwegian order of their ids.
pub fn list_concepts(cat: &Catalogue) -> Result<Vec<Concept>> {
    workflow::list_concepts(cat)
}

/// The concept groups whose id or a term holds every typed word as a word
/// or word start (folded, `æøå` also as `a`/`o`), in Norwegian order, with
/// the terms that do; every group when `text` has no words.
pub fn find_concepts(cat: &Catalogue, text: String) -> Result<Vec<ConceptHit>> {
    query_text(Some(&text))?;
    listing::find_concepts(cat, &text)
}

/// Apply one thesaurus edit and return every group after it.
pub fn edit_thesaurus(cat: &Catalogue, edit: ThesaurusEdit) -> Result<Vec<Concept>> {
    let words: Vec<(&str, &String)> = match &edit {
        ThesaurusEdit::AddTerm { group, term } | ThesaurusEdit::RemoveTerm { group, term } => {
            vec![("group", group), ("term", term)]
        }
        ThesaurusEdit::Merge { from, into } => vec![("from", from), ("into", into)],
        ThesaurusEdit::RemoveGroup { group } => vec![("group", group)],
    };
    for (field, word) in words {
        validate::length("thesaurus edit", "", field, word, validate::MAX_SHORT)?;
    }
    workflow::edit_thesaurus(cat, edit)
}

/// Thesaurus additions proposed from the coordinator's decisions, most
/// evidence first (rejected ones never come back).
pub fn thesaurus_suggestions(cat: &Catalogue) -> Result<Vec<ThesaurusSuggestion>> {
    suggestions::thesaurus_suggestions(cat)
}

/// Accept or reject one proposed thesaurus addition; returns those left.
pub fn decide_thesaurus_suggestion(
    cat: &Catalogue,
    decision: ThesaurusDecision,
) -> Result<Vec<ThesaurusSuggestion>> {
    for (field, word) in [
        ("need_word", &decision.need_word),
        ("offer_word", &decision.offer_word),
    ] {
        validate::length("thesaurus suggestion", "", field, word, validate::MAX_SHORT)?;
        if word.trim().is_empty() {
            return Err(Error::invalid(
                "thesaurus suggestion",
                "",
                field,
                "must not be empty",
            ));
        }
    }
    suggestions::decide_thesaurus_suggestion(cat, decision)
}

/// The first page (or rows) of the match sheet a request would write.
pub fn sheet_preview(cat: &Catalogue, request: SheetRequest) -> Result<SheetPreview> {
    sheet_request(&request)?;
    sheets::sheet_preview(cat, &request)
}

/// The most needs one sheet request may name.
const MAX_SHEET_NEEDS: usize = 10_000;

/// Refuses a sheet request naming more needs than a catalogue holds, or
/// ids no id could be.
fn sheet_request(request: &SheetRequest) -> Result<()> {
    match &request.scope {
        SheetScope::Needs { ids } => {
            if ids.len() > MAX_SHEET_NEEDS {
                return Err(Error::invalid(
                    "sheet request",
                    "",
                    "scope",
                    format!(
                        "names {} needs; at most {MAX_SHEET_NEEDS} are allowed",
                        ids.len()
                    ),
                ));
            }
            for id in ids {
                validate::length("sheet request", "", "scope", id, validate::MAX_ID_LEN)?;
            }
        }
        SheetScope::Organisation { id } => {
            validate::length("sheet request", "", "scope", id, validate::MAX_ID_LEN)?;
        }
        SheetScope::All | SheetScope::Status { .. } => {}
    }
    Ok(())
}

/// The most column choices or left-out rows one intake may carry.
const MAX_INTAKE_CHOICES: usize = 100_000;

/// Refuses intake options larger than any file's.
fn intake_options(options: &IntakeOptions) -> Result<()> {
    if options.map.len() > MAX_INTAKE_CHOICES || options.skip.len() > MAX_INTAKE_CHOICES {
        return Err(Error::invalid(
            "intake options",
            "",
            "map",
            format!("at most {MAX_INTAKE_CHOICES} column choices and left-out rows are allowed"),
        ));
    }
    for choice in &options.map {
        validate::length(
            "intake options",
            "",
            "map",
            &choice.header,
            validate::MAX_SHORT,
        )?;
        validate::length(
            "intake options",
            "",
            "map",
            &choice.field,
            validate::MAX_SHORT,
        )?;
    }
    for row in &options.skip {
        validate::length(
            "intake options",
            "",
            "skip",
            &row.sheet,
            validate::MAX_SHORT,
        )?;
    }
    Ok(())
}

/// Write the match sheet a request asks for to `path`, atomically.
pub fn export_sheet(cat: &Catalogue, request: SheetRequest, file: String) -> Result<SheetSummary> {
    sheet_request(&request)?;
    let purpose = sheet_purpose(request.format);
    let path = cat.files().take(&file, &[purpose])?;
    export_sheet_file(cat, &request, &path)
}

/// Write a match sheet to `path` (the command line; the app goes through
/// [`export_sheet`] and a chosen file).
pub fn export_sheet_file(
    cat: &Catalogue,
    request: &SheetRequest,
    path: &Path,
) -> Result<SheetSummary> {
    sheets::export_sheet(cat, request, path)
}

/// Import the bundle file at `path` (the command line).
pub fn import_bundle_file(cat: &Catalogue, path: &Path) -> Result<ImportSummary> {
    let b = bundle::read_file(path)?;
    cat.import(&b)?;
    Ok(summary(&b))
}

/// Export the whole catalogue as a bundle into the file the person chose.
pub fn export_bundle(cat: &Catalogue, file: String) -> Result<ImportSummary> {
    let path = cat.files().take(&file, &[FilePurpose::ExportBundle])?;
    export_bundle_file(cat, &path)
}

/// Export the whole catalogue as a bundle file at `path`, written
/// atomically (the command line).
pub fn export_bundle_file(cat: &Catalogue, path: &Path) -> Result<ImportSummary> {
    let b = cat.export()?;
    let text = serde_json::to_string_pretty(&b).expect("a bundle serialises");
    kompis_sheet::write_atomically(path, text.as_bytes())?;
    Ok(summary(&b))
}

/// Let the person choose a file in the shell's dialog, for `request.purpose`;
/// answers a one-time handle for the command that reads or writes it, and
/// the file's name, or nothing when the person cancels.
pub fn choose_file(cat: &Catalogue, request: FileRequest) -> Result<Option<FileChoice>> {
    // A folder dialog starts beside the catalogue, not in "recently used".
    let start = request
        .purpose
        .is_folder()
        .then(|| cat.path().parent().map(Path::to_path_buf))
        .flatten();
    cat.files().choose_from(&request, start)
}

/// Opens a file the person saved (a match sheet, a workbook, a bundle) with
/// the desktop's application for it, or with `in_folder` the folder it is in;
/// `file` is the handle it was saved through.
pub fn open_saved(cat: &Catalogue, file: String, in_folder: bool) -> Result<()> {
    cat.files().open_written(&file, in_folder)
}

/// Install the shell's file dialog (the app does, at start; the preview
/// server has none, and [`choose_file`] says so).
pub fn set_file_picker(cat: &Catalogue, picker: std::sync::Arc<dyn FilePicker>) {
    cat.files().set_picker(picker);
}

/// How far the running intake has come (the page asks while it waits).
pub fn intake_progress(cat: &Catalogue) -> Result<Progress> {
    Ok(cat.progress().now())
}

/// The page says whether it holds typed changes not yet saved; while it
/// does, closing the window asks first.
pub fn set_unsaved(cat: &Catalogue, unsaved: bool) -> Result<()> {
    cat.window().set_unsaved(unsaved);
    Ok(())
}

/// Whether closing the window now would lose typed changes (the shell asks
/// before it closes).
pub fn has_unsaved(cat: &Catalogue) -> bool {
    cat.window().unsaved()
}

/// Closes the window after the person chose to leave unsaved changes.
pub fn close_window(cat: &Catalogue) -> Result<()> {
    cat.window().close()
}

/// Install the shell's way to close its window (the app does, at start).
pub fn set_window_closer(cat: &Catalogue, closer: crate::window::Closer) {
    cat.window().set_closer(closer);
}

/// The file purpose of a sheet format.
fn sheet_purpose(format: SheetFormat) -> FilePurpose {
    match format {
        SheetFormat::Pdf => FilePurpose::SheetPdf,
        SheetFormat::Xlsx => FilePurpose::SheetXlsx,
        SheetFormat::Csv => FilePurpose::SheetCsv,
    }
}

/// Load the example network of the region.
pub fn load_demo(cat: &Catalogue) -> Result<ImportSummary> {
    let b = crate::demo::bundle();
    cat.import(&b)?;
    Ok(summary(&b))
}

/// Refuses a filter or search text too long to be one.
fn query_text(text: Option<&str>) -> Result<()> {
    crate::validate::length(
        "filter",
        "text",
        "text",
        text.unwrap_or(""),
        crate::validate::MAX_QUERY,
    )
}

/// What a bundle holds.
fn summary(b: &Bundle) -> ImportSummary {
    let n = |len: usize| len as u32;
    ImportSummary {
        organisations: n(b.organisations.len()),
        people: n(b.people.len()),
        offers: n(b.offers.len()),
        needs: n(b.needs.len()),
        matches: n(b.matches.len()),
    }
}

/// The review of a file for intake (a spreadsheet, a registration
/// workbook or a bundle): row by row, what applying it would do. Writes
/// nothing.
pub fn intake_review(
    cat: &Catalogue,
    path: &Path,
    options: &IntakeOptions,
) -> Result<IntakeReview> {
    crate::intake::review(cat, path, options)
}

/// Apply a file's intake as one atomic batch and answer its review.
/// Refused whole ([`Error::IntakeRefused`], nothing written) when any row
/// is an error; reading the same file again changes nothing.
pub fn intake_apply(cat: &Catalogue, path: &Path, options: &IntakeOptions) -> Result<IntakeReview> {
    crate::intake::apply(cat, path, options)
}

/// The sheets of a file as intake would read them (each column's field
/// and the first rows), for the mapping step. Writes nothing.
pub fn intake_mapping(
    cat: &Catalogue,
    path: &Path,
    options: &IntakeOptions,
) -> Result<IntakeMapping> {
    crate::intake::mapping(cat, path, options)
}

/// Write a registration workbook (XLSX) to `out`: for one organisation (id
/// or name), pre-filled with what the catalogue holds for it, or blank.
pub fn intake_form(
    cat: &Catalogue,
    organisation: Option<&str>,
    lang: SheetLang,
    out: &Path,
) -> Result<FormSummary> {
    crate::intake::form(cat, organisation, lang, out)
}

/// The mapping step of an intake of a file the person chose (`file`, a
/// handle from [`choose_file`] for [`FilePurpose::IntakeTable`]): each
/// sheet's columns, the fields they fill and the first rows. Writes nothing.
pub fn map_intake(cat: &Catalogue, file: String, options: IntakeOptions) -> Result<IntakeMapping> {
    intake_options(&options)?;
    let path = cat.files().peek(&file, &[FilePurpose::IntakeTable])?;
    intake_mapping(cat, &path, &options)
}

/// The review of an intake of a chosen file: row by row what applying it
/// would do. Writes nothing; the handle stays valid for [`apply_intake`].
pub fn review_intake(
    cat: &Catalogue,
    file: String,
    options: IntakeOptions,
) -> Result<IntakeReview> {
    intake_options(&options)?;
    let path = cat.files().peek(&file, &[FilePurpose::IntakeTable])?;
    intake_review(cat, &path, &options)
}

/// Applies the intake of a chosen file as one atomic batch (refused whole
/// when any row is an error); the handle is used up.
pub fn apply_intake(cat: &Catalogue, file: String, options: IntakeOptions) -> Result<IntakeReview> {
    intake_options(&options)?;
    let path = cat.files().peek(&file, &[FilePurpose::IntakeTable])?;
    let review = intake_apply(cat, &path, &options)?;
    cat.files().take(&file, &[FilePurpose::IntakeTable])?;
    Ok(review)
}

/// Writes a registration workbook into the file the person chose (a handle
/// for [`FilePurpose::IntakeForm`]): for one organisation, or blank.
pub fn save_intake_form(
    cat: &Catalogue,
    request: FormRequest,
    file: String,
) -> Result<FormSummary> {
    if let Some(id) = &request.organisation {
        get_organisation(cat, id.clone())?;
    }
    let path = cat.files().take(&file, &[FilePurpose::IntakeForm])?;
    intake_form(cat, request.organisation.as_deref(), request.lang, &path)
}

/// Gives out a handle for a file dropped on the window (the app's drop
/// handler; never a command), to read in through the intake review.
pub fn grant_dropped_file(cat: &Catalogue, path: std::path::PathBuf) -> FileChoice {
    cat.files().grant(path, FilePurpose::IntakeTable)
}

/// Read a bundle file, refusing it with a sentence if it is not one.
pub fn read_bundle(path: &Path) -> Result<Bundle> {
    bundle::read_file(path)
}

/// Parse a bundle from its JSON text.
pub fn parse_bundle(text: &str) -> Result<Bundle> {
    bundle::parse(text)
}

/// Rank offers for every need, or one, `top` each (for `kompis match`).
pub fn rank_needs(cat: &Catalogue, need: Option<&str>, top: usize) -> Result<Vec<NeedMatches>> {
    matching::rank_catalogue(cat, need, top)
}

/// Rank offers for every need, as [`rank_needs`] with `None` does, handing
/// each need's ranking to `each` in id order as soon as it is ranked, with
/// the bokmål reasons only: `kompis match --json` streams its output so.
pub fn rank_needs_each<E: From<Error>>(
    cat: &Catalogue,
    top: usize,
    each: impl FnMut(NeedMatches) -> std::result::Result<(), E>,
) -> std::result::Result<(), E> {
    matching::rank_catalogue_each(cat, top, each)
}

/// Build the offer index into the catalogue's cache now (start-up,
/// benches); answers how many offers it holds.
pub fn warm_offer_index(cat: &Catalogue) -> Result<usize> {
    matching::with_offer_index(cat, |index| index.len())
}

/// Builds what the first screen (the needs list) asks for, and nothing
/// more: [`warm_up`]'s first step, so the first screen waits for nothing
/// else.
fn warm_up_first_screen(cat: &Catalogue) -> Result<()> {
    list_entries(cat, Side::Need, EntryQuery::default())?;
    facets(cat)?;
    Ok(())
}

/// Builds what the screens will ask for (the lists, the offer index, the
/// needs no offer answers (the gaps), the search index, the rankings behind
/// the match sheets, the
/// themes behind the insight figures), so the first visit to a screen finds
/// it ready. The app runs it on a thread of its own after the window opens;
/// a command that needs a value being built waits for it rather than
/// building it twice.
pub fn warm_up(cat: &Catalogue) -> Result<()> {
    warm_up_first_screen(cat)?;
    // The longest build a screen waits for (the offer index, then the
    // needs no offer answers, behind the gaps) side by side with the lists.
    let (ranked, lists) = rayon::join(
        || -> Result<()> {
            warm_offer_index(cat)?;
            competence_gaps(cat, PageQuery::default())?;
            Ok(())
        },
        || -> Result<()> {
            list_entries(cat, Side::Offer, EntryQuery::default())?;
            list_people(cat, PersonQuery::default())?;
            Ok(())
        },
    );
    ranked?;
    lists?;
    search::warm(cat)?;
    // The ten best offers of every need, behind the match sheets.
    matching::active_needs_ranked(cat)?;
    // Last: the themes of every text, which the insight screen counts
    // (kept through writes; the longest step on a large catalogue).
    insight(cat, InsightQuery::default())?;
    Ok(())
}

/// Generates [`dispatch`] from the registry: one arm per command, its
/// arguments read from a JSON object with camelCase keys (as Tauri's).
macro_rules! dispatcher {
    ($( $(#[$doc:meta])* $name:ident ( $($arg:ident : $ty:ty),* ) -> $ret:ty ; )*) => {
        /// Run the command `name` with JSON `args` (camelCase keys) and
        /// answer JSON: what the preview server does for each request.
        pub fn dispatch(cat: &Catalogue, name: &str, args: Value) -> Result<Value> {
            match name {
                $(stringify!($name) => {
                    #[derive(serde::Deserialize)]
                    #[serde(rename_all = "camelCase", deny_unknown_fields)]
                    #[allow(dead_code)]
                    struct Args { $($arg: $ty,)* }
                    let args = if args.is_null() { Value::Object(Default::default()) } else { args };
                    let Args { $($arg,)* } = serde_json::from_value(args).map_err(|e| Error::BadArguments {
                        command: name.to_string(),
                        reason: e.to_string(),
                    })?;
                    let reply: $ret = $name(cat, $($arg),*)?;
                    Ok(serde_json::to_value(reply).expect("a reply serialises"))
                })*
                other => Err(Error::UnknownCommand(other.to_string())),
            }
        }
    };
}

kompis_commands::for_each_command!(dispatcher);
