//! The one list of Kompis' commands.
//!
//! [`for_each_command!`] hands every command, as
//! `/// doc  name(arg: Type, …) -> Reply;`, to a macro of the caller's. Types
//! are tokens here, resolved where the list is expanded (with
//! `kompis_core::api::wire::*` in scope). Each command is a function of the
//! same name in `kompis_core::api` taking `&Catalogue` and the arguments in
//! this order. From this list come:
//!
//! - `kompis_core::api::dispatch` (the `kompis serve` preview server),
//! - the Tauri commands and their handler (`src-tauri/src/commands.rs`),
//! - the app manifest (`src-tauri/build.rs`, through [`NAMES`]),
//! - the check of `src-tauri/capabilities/main.json` and the generated
//!   TypeScript client `ui/src/lib/commands.ts` (tests of `kompis-app`).
//!
//! To add a command: write its function in `kompis_core::api`, add one line
//! here, and run the tests once with `KOMPIS_BLESS=1` to regenerate the
//! client and the capability file.
//!
//! This crate has no dependencies, so the app's build script can use it.

/// Calls `$callback! { … }` with every command of Kompis.
#[macro_export]
macro_rules! for_each_command {
    ($callback:ident) => {
        $callback! {
            /// Where the catalogue is, its schema version and how much it holds.
            catalogue_info() -> CatalogueInfo;
            /// The values the list filters offer: organisations and municipalities.
            facets() -> Facets;
            /// One page of the offers or needs that pass the query, best or first first.
            list_entries(side: Side, query: EntryQuery) -> Page<EntryRow>;
            /// One page of the organisations that pass the query.
            list_organisations(query: OrganisationQuery) -> Page<OrganisationRow>;
            /// One page of the people who pass the query.
            list_people(query: PersonQuery) -> Page<PersonRow>;
            /// One offer or need.
            get_entry(side: Side, id: String) -> Entry;
            /// One offer or need as its page shows it: with its organisation and whether its deadline has passed.
            entry_row(side: Side, id: String) -> EntryRow;
            /// One organisation.
            get_organisation(id: String) -> Organisation;
            /// One person.
            get_person(id: String) -> Person;
            /// An organisation's page: details, people, offers, needs and the pairs the coordinator took a step on.
            organisation_overview(id: String) -> OrganisationOverview;
            /// A person's page: details, organisation, consent and the entries they are the contact of.
            person_overview(id: String) -> PersonOverview;
            /// Creates (id "") or updates an organisation; flushed before it returns.
            save_organisation(organisation: Organisation) -> Organisation;
            /// Creates (id "") or updates a person; flushed before it returns.
            save_person(person: Person) -> Person;
            /// Creates (id "") or updates an offer or need; flushed before it returns.
            save_entry(side: Side, entry: Entry) -> Entry;
            /// Moves an entity to the trash.
            delete_entity(kind: EntityKind, id: String) -> ();
            /// Everything the catalogue holds about one person ("Innsyn"): record, consent history, entries, notes that name them.
            person_export(id: String) -> PersonExport;
            /// Writes what the catalogue holds about one person as a PDF (in the request's language) or JSON to a chosen file.
            export_person(request: PersonExportRequest, file: String) -> ReportSummary;
            /// Erases a person everywhere (store, trash, notes, contacts, caches); says until when older backups hold them.
            erase_person(id: String) -> ErasureSummary;
            /// People with no active entry and no change for `months` months (18 without), oldest first.
            retention(months: Option<u32>) -> Vec<RetentionRow>;
            /// One page of the trash, newest first.
            list_trash(query: PageQuery) -> Page<TrashItem>;
            /// Brings an entity back from the trash.
            restore_entity(kind: EntityKind, id: String) -> ();
            /// Search as you type over everything, best hit first.
            search(text: String) -> Vec<SearchHit>;
            /// The offers ranked for one need, best first (10 without `top`).
            matches_for_need(need_id: String, top: Option<u32>) -> Vec<MatchView>;
            /// The offers declined for a need, to bring back.
            declined_for_need(need_id: String) -> Vec<MatchView>;
            /// The needs an offer could serve, best first.
            needs_for_offer(offer_id: String, top: Option<u32>) -> Vec<NeedMatchView>;
            /// Records a match's status (and note; a reason when declining).
            set_match_status(change: StatusChange) -> MatchRecord;
            /// Takes back a match's last status change ("Hent tilbake", "Angre"); kept in its history.
            step_back_match(need: String, offer: String) -> MatchRecord;
            /// Records what came of an agreed match (kind, date, note, thesis level); refused unless agreed; flushed before it returns.
            record_outcome(request: OutcomeRequest) -> MatchRecord;
            /// Takes back a match's outcome at `index` (0 first), recorded by mistake.
            remove_outcome(need: String, offer: String, index: u32) -> MatchRecord;
            /// Agreed matches with no outcome for at least `weeks` weeks, oldest agreement first.
            follow_ups(weeks: u32) -> Vec<FollowUp>;
            /// The network's figures for a period and municipality (the insight screen and the report).
            insight(query: InsightQuery) -> Insight;
            /// The catalogue's backups (bundle snapshots beside it), newest first.
            list_backups() -> Vec<BackupInfo>;
            /// Writes a backup of the whole catalogue now and prunes the old ones.
            backup_now() -> BackupInfo;
            /// The settings: the catalogue's folder, the backups' folders, the last backup and how its second copy went.
            settings() -> SettingsView;
            /// Chooses (a folder handle) or, with none, forgets the second backup folder; writes a backup at once.
            set_second_backup(file: Option<String>) -> SettingsView;
            /// Chooses the catalogue folder (a handle: a catalogue or an empty folder) and reopens Kompis on it.
            set_catalogue(file: String) -> CatalogueChange;
            /// Writes the network report (PDF or XLSX, by the file chosen) for a period and municipality.
            export_report(request: ReportRequest, file: String) -> ReportSummary;
            /// One page of the active needs with no suggestion: the competence gaps.
            competence_gaps(query: PageQuery) -> Page<EntryRow>;
            /// The thesaurus' concept groups, in Norwegian order.
            list_concepts() -> Vec<Concept>;
            /// The concept groups whose id or a term has every typed word as a word start, with the terms that do.
            find_concepts(text: String) -> Vec<ConceptHit>;
            /// Applies one thesaurus edit and returns the groups after it.
            edit_thesaurus(edit: ThesaurusEdit) -> Vec<Concept>;
            /// Thesaurus additions proposed from the coordinator's decisions, most evidence first.
            thesaurus_suggestions() -> Vec<ThesaurusSuggestion>;
            /// Accepts (into the thesaurus) or rejects (for good) one proposed addition; returns those left.
            decide_thesaurus_suggestion(decision: ThesaurusDecision) -> Vec<ThesaurusSuggestion>;
            /// The first page (or rows) of the match sheet a request would write.
            sheet_preview(request: SheetRequest) -> SheetPreview;
            /// Opens the native file dialog for a purpose; answers a one-time
            /// handle for the command that uses the file, or nothing on cancel.
            choose_file(request: FileRequest) -> Option<FileChoice>;
            /// The columns of a chosen table, the fields they fill and its first rows.
            map_intake(file: String, options: IntakeOptions) -> IntakeMapping;
            /// Row by row, what reading a chosen table in would do; writes nothing.
            review_intake(file: String, options: IntakeOptions) -> IntakeReview;
            /// Reads a chosen table in as one atomic batch; refused whole on any error row.
            apply_intake(file: String, options: IntakeOptions) -> IntakeReview;
            /// How far the running intake has come: its stage and rows reviewed of all.
            intake_progress() -> Progress;
            /// Writes a registration workbook (one organisation's, or blank) to a chosen file.
            save_intake_form(request: FormRequest, file: String) -> FormSummary;
            /// Writes a match sheet to a file the person chose (its handle).
            export_sheet(request: SheetRequest, file: String) -> SheetSummary;
            /// Opens a saved file (or, with `in_folder`, its folder) with the desktop's application.
            open_saved(file: String, in_folder: bool) -> ();
            /// Exports the whole catalogue as a bundle to a file the person chose (its handle).
            export_bundle(file: String) -> ImportSummary;
            /// The job market: the vacancies that pass the filter, counts, and open ones per municipality and field.
            list_vacancies(query: VacancyQuery) -> VacancyList;
            /// The occupation fields (STYRK-08 major groups) with their bokmål and English names.
            job_fields() -> Vec<JobField>;
            /// Reopens a vacancy closed by its deadline (the deadline is cleared); flushed before it returns.
            reopen_vacancy(id: String) -> Entry;
            /// Every job seeker, those due for deletion first, with the day they are due.
            list_seekers() -> Vec<SeekerRow>;
            /// One job seeker.
            get_seeker(id: String) -> JobSeeker;
            /// Creates (id "") or updates a job seeker; refused without consent; flushed before it returns.
            save_seeker(seeker: JobSeeker) -> JobSeeker;
            /// Keeps a job seeker another six months from now; flushed before it returns.
            renew_seeker(id: String) -> JobSeeker;
            /// Erases a job seeker for good (no trash); flushed before it returns.
            erase_seeker(id: String) -> ();
            /// The open vacancies ranked for a job seeker, best first, with why.
            match_seeker(id: String, top: u32) -> SeekerMatches;
            /// The job seekers a vacancy could suit, best first, with why.
            seekers_for_vacancy(id: String) -> Vec<VacancySeeker>;
            /// The coordinator's short text about the region, for the job sheet.
            region_text() -> String;
            /// Stores the coordinator's text about the region; flushed before it returns.
            set_region_text(text: String) -> ();
            /// Writes the job sheet (open vacancies, or one job seeker's package) as PDF or XLSX to a chosen file.
            export_job_sheet(request: JobSheetRequest, file: String) -> JobSheetSummary;
            /// Loads the example network of the region.
            load_demo() -> ImportSummary;
            /// The page says whether it holds typed changes not yet saved (closing then asks first).
            set_unsaved(unsaved: bool) -> ();
            /// Closes the window after the person chose to leave unsaved changes.
            close_window() -> ();
        }
    };
}

/// Turns the list into an array of command names.
#[doc(hidden)]
#[macro_export]
macro_rules! __command_names {
    ($( $(#[$doc:meta])* $name:ident ( $($arg:ident : $ty:ty),* ) -> $ret:ty ; )*) => {
        &[$(stringify!($name)),*]
    };
}

/// Every command's name, in the registry's order.
pub const NAMES: &[&str] = for_each_command!(__command_names);

#[doc(hidden)]
#[macro_export]
macro_rules! __command_signatures {
    ($( $(#[$doc:meta])* $name:ident ( $($arg:ident : $ty:ty),* ) -> $ret:ty ; )*) => {
        &[$((stringify!($name), &[$((stringify!($arg), stringify!($ty))),*])),*]
    };
}

/// Each command with its arguments as `(name, type)` written in the list,
/// for checks such as "no command takes a path".
pub const SIGNATURES: &[(&str, &[(&str, &str)])] = for_each_command!(__command_signatures);

#[cfg(test)]
mod tests {
    #[test]
    fn names_are_unique_snake_case() {
        let mut seen = std::collections::HashSet::new();
        for n in super::NAMES {
            assert!(seen.insert(n), "{n} is listed twice");
            assert!(n.chars().all(|c| c.is_ascii_lowercase() || c == '_'), "{n}");
        }
        assert!(super::NAMES.len() >= 20);
    }
}
