// Generated from the command registry (crates/kompis-commands) by
// src-tauri/tests/registry.rs; do not edit. Rewrite it with
// `KOMPIS_BLESS=1 cargo test -p kompis-app --test registry`.
import type { BackupInfo } from "./bindings/BackupInfo";
import type { CatalogueChange } from "./bindings/CatalogueChange";
import type { CatalogueInfo } from "./bindings/CatalogueInfo";
import type { Concept } from "./bindings/Concept";
import type { ConceptHit } from "./bindings/ConceptHit";
import type { EntityKind } from "./bindings/EntityKind";
import type { Entry } from "./bindings/Entry";
import type { EntryQuery } from "./bindings/EntryQuery";
import type { EntryRow } from "./bindings/EntryRow";
import type { ErasureSummary } from "./bindings/ErasureSummary";
import type { Facets } from "./bindings/Facets";
import type { FileChoice } from "./bindings/FileChoice";
import type { FileRequest } from "./bindings/FileRequest";
import type { FollowUp } from "./bindings/FollowUp";
import type { FormRequest } from "./bindings/FormRequest";
import type { FormSummary } from "./bindings/FormSummary";
import type { ImportSummary } from "./bindings/ImportSummary";
import type { Insight } from "./bindings/Insight";
import type { InsightQuery } from "./bindings/InsightQuery";
import type { IntakeMapping } from "./bindings/IntakeMapping";
import type { IntakeOptions } from "./bindings/IntakeOptions";
import type { IntakeReview } from "./bindings/IntakeReview";
import type { JobField } from "./bindings/JobField";
import type { JobSeeker } from "./bindings/JobSeeker";
import type { JobSheetRequest } from "./bindings/JobSheetRequest";
import type { JobSheetSummary } from "./bindings/JobSheetSummary";
import type { MatchRecord } from "./bindings/MatchRecord";
import type { MatchView } from "./bindings/MatchView";
import type { NeedMatchView } from "./bindings/NeedMatchView";
import type { Organisation } from "./bindings/Organisation";
import type { OrganisationOverview } from "./bindings/OrganisationOverview";
import type { OrganisationQuery } from "./bindings/OrganisationQuery";
import type { OrganisationRow } from "./bindings/OrganisationRow";
import type { OutcomeRequest } from "./bindings/OutcomeRequest";
import type { Page } from "./bindings/Page";
import type { PageQuery } from "./bindings/PageQuery";
import type { Person } from "./bindings/Person";
import type { PersonExport } from "./bindings/PersonExport";
import type { PersonExportRequest } from "./bindings/PersonExportRequest";
import type { PersonOverview } from "./bindings/PersonOverview";
import type { PersonQuery } from "./bindings/PersonQuery";
import type { PersonRow } from "./bindings/PersonRow";
import type { Progress } from "./bindings/Progress";
import type { ReportRequest } from "./bindings/ReportRequest";
import type { ReportSummary } from "./bindings/ReportSummary";
import type { RetentionRow } from "./bindings/RetentionRow";
import type { SearchHit } from "./bindings/SearchHit";
import type { SeekerMatches } from "./bindings/SeekerMatches";
import type { SeekerRow } from "./bindings/SeekerRow";
import type { SettingsView } from "./bindings/SettingsView";
import type { SheetPreview } from "./bindings/SheetPreview";
import type { SheetRequest } from "./bindings/SheetRequest";
import type { SheetSummary } from "./bindings/SheetSummary";
import type { Side } from "./bindings/Side";
import type { StatusChange } from "./bindings/StatusChange";
import type { ThesaurusDecision } from "./bindings/ThesaurusDecision";
import type { ThesaurusEdit } from "./bindings/ThesaurusEdit";
import type { ThesaurusSuggestion } from "./bindings/ThesaurusSuggestion";
import type { TrashItem } from "./bindings/TrashItem";
import type { VacancyList } from "./bindings/VacancyList";
import type { VacancyQuery } from "./bindings/VacancyQuery";
import type { VacancySeeker } from "./bindings/VacancySeeker";

/** Every command: its arguments (camelCase keys) and its reply. */
export interface Commands {
  /** Where the catalogue is, its schema version and how much it holds. */
  catalogue_info: { args: Record<string, never>; reply: CatalogueInfo };
  /** The values the list filters offer: organisations and municipalities. */
  facets: { args: Record<string, never>; reply: Facets };
  /** One page of the offers or needs that pass the query, best or first first. */
  list_entries: { args: { side: Side; query: EntryQuery }; reply: Page<EntryRow> };
  /** One page of the organisations that pass the query. */
  list_organisations: { args: { query: OrganisationQuery }; reply: Page<OrganisationRow> };
  /** One page of the people who pass the query. */
  list_people: { args: { query: PersonQuery }; reply: Page<PersonRow> };
  /** One offer or need. */
  get_entry: { args: { side: Side; id: string }; reply: Entry };
  /** One offer or need as its page shows it: with its organisation and whether its deadline has passed. */
  entry_row: { args: { side: Side; id: string }; reply: EntryRow };
  /** One organisation. */
  get_organisation: { args: { id: string }; reply: Organisation };
  /** One person. */
  get_person: { args: { id: string }; reply: Person };
  /** An organisation's page: details, people, offers, needs and the pairs the coordinator took a step on. */
  organisation_overview: { args: { id: string }; reply: OrganisationOverview };
  /** A person's page: details, organisation, consent and the entries they are the contact of. */
  person_overview: { args: { id: string }; reply: PersonOverview };
  /** Creates (id "") or updates an organisation; flushed before it returns. */
  save_organisation: { args: { organisation: Organisation }; reply: Organisation };
  /** Creates (id "") or updates a person; flushed before it returns. */
  save_person: { args: { person: Person }; reply: Person };
  /** Creates (id "") or updates an offer or need; flushed before it returns. */
  save_entry: { args: { side: Side; entry: Entry }; reply: Entry };
  /** Moves an entity to the trash. */
  delete_entity: { args: { kind: EntityKind; id: string }; reply: null };
  /** Everything the catalogue holds about one person ("Innsyn"): record, consent history, entries, notes that name them. */
  person_export: { args: { id: string }; reply: PersonExport };
  /** Writes what the catalogue holds about one person as a PDF (in the request's language) or JSON to a chosen file. */
  export_person: { args: { request: PersonExportRequest; file: string }; reply: ReportSummary };
  /** Erases a person everywhere (store, trash, notes, contacts, caches); says until when older backups hold them. */
  erase_person: { args: { id: string }; reply: ErasureSummary };
  /** People with no active entry and no change for `months` months (18 without), oldest first. */
  retention: { args: { months: number | null }; reply: Array<RetentionRow> };
  /** One page of the trash, newest first. */
  list_trash: { args: { query: PageQuery }; reply: Page<TrashItem> };
  /** Brings an entity back from the trash. */
  restore_entity: { args: { kind: EntityKind; id: string }; reply: null };
  /** Search as you type over everything, best hit first. */
  search: { args: { text: string }; reply: Array<SearchHit> };
  /** The offers ranked for one need, best first (10 without `top`). */
  matches_for_need: { args: { needId: string; top: number | null }; reply: Array<MatchView> };
  /** The offers declined for a need, to bring back. */
  declined_for_need: { args: { needId: string }; reply: Array<MatchView> };
  /** The needs an offer could serve, best first. */
  needs_for_offer: { args: { offerId: string; top: number | null }; reply: Array<NeedMatchView> };
  /** Records a match's status (and note; a reason when declining). */
  set_match_status: { args: { change: StatusChange }; reply: MatchRecord };
  /** Takes back a match's last status change ("Hent tilbake", "Angre"); kept in its history. */
  step_back_match: { args: { need: string; offer: string }; reply: MatchRecord };
  /** Records what came of an agreed match (kind, date, note, thesis level); refused unless agreed; flushed before it returns. */
  record_outcome: { args: { request: OutcomeRequest }; reply: MatchRecord };
  /** Takes back a match's outcome at `index` (0 first), recorded by mistake. */
  remove_outcome: { args: { need: string; offer: string; index: number }; reply: MatchRecord };
  /** Agreed matches with no outcome for at least `weeks` weeks, oldest agreement first. */
  follow_ups: { args: { weeks: number }; reply: Array<FollowUp> };
  /** The network's figures for a period and municipality (the insight screen and the report). */
  insight: { args: { query: InsightQuery }; reply: Insight };
  /** The catalogue's backups (bundle snapshots beside it), newest first. */
  list_backups: { args: Record<string, never>; reply: Array<BackupInfo> };
  /** Writes a backup of the whole catalogue now and prunes the old ones. */
  backup_now: { args: Record<string, never>; reply: BackupInfo };
  /** The settings: the catalogue's folder, the backups' folders, the last backup and how its second copy went. */
  settings: { args: Record<string, never>; reply: SettingsView };
  /** Chooses (a folder handle) or, with none, forgets the second backup folder; writes a backup at once. */
  set_second_backup: { args: { file: string | null }; reply: SettingsView };
  /** Chooses the catalogue folder (a handle: a catalogue or an empty folder) and reopens Kompis on it. */
  set_catalogue: { args: { file: string }; reply: CatalogueChange };
  /** Writes the network report (PDF or XLSX, by the file chosen) for a period and municipality. */
  export_report: { args: { request: ReportRequest; file: string }; reply: ReportSummary };
  /** One page of the active needs with no suggestion: the competence gaps. */
  competence_gaps: { args: { query: PageQuery }; reply: Page<EntryRow> };
  /** The thesaurus' concept groups, in Norwegian order. */
  list_concepts: { args: Record<string, never>; reply: Array<Concept> };
  /** The concept groups whose id or a term has every typed word as a word start, with the terms that do. */
  find_concepts: { args: { text: string }; reply: Array<ConceptHit> };
  /** Applies one thesaurus edit and returns the groups after it. */
  edit_thesaurus: { args: { edit: ThesaurusEdit }; reply: Array<Concept> };
  /** Thesaurus additions proposed from the coordinator's decisions, most evidence first. */
  thesaurus_suggestions: { args: Record<string, never>; reply: Array<ThesaurusSuggestion> };
  /** Accepts (into the thesaurus) or rejects (for good) one proposed addition; returns those left. */
  decide_thesaurus_suggestion: { args: { decision: ThesaurusDecision }; reply: Array<ThesaurusSuggestion> };
  /** The first page (or rows) of the match sheet a request would write. */
  sheet_preview: { args: { request: SheetRequest }; reply: SheetPreview };
  /** Opens the native file dialog for a purpose; answers a one-time  handle for the command that uses the file, or nothing on cancel. */
  choose_file: { args: { request: FileRequest }; reply: FileChoice | null };
  /** The columns of a chosen table, the fields they fill and its first rows. */
  map_intake: { args: { file: string; options: IntakeOptions }; reply: IntakeMapping };
  /** Row by row, what reading a chosen table in would do; writes nothing. */
  review_intake: { args: { file: string; options: IntakeOptions }; reply: IntakeReview };
  /** Reads a chosen table in as one atomic batch; refused whole on any error row. */
  apply_intake: { args: { file: string; options: IntakeOptions }; reply: IntakeReview };
  /** How far the running intake has come: its stage and rows reviewed of all. */
  intake_progress: { args: Record<string, never>; reply: Progress };
  /** Writes a registration workbook (one organisation's, or blank) to a chosen file. */
  save_intake_form: { args: { request: FormRequest; file: string }; reply: FormSummary };
  /** Writes a match sheet to a file the person chose (its handle). */
  export_sheet: { args: { request: SheetRequest; file: string }; reply: SheetSummary };
  /** Opens a saved file (or, with `in_folder`, its folder) with the desktop's application. */
  open_saved: { args: { file: string; inFolder: boolean }; reply: null };
  /** Exports the whole catalogue as a bundle to a file the person chose (its handle). */
  export_bundle: { args: { file: string }; reply: ImportSummary };
  /** The job market: the vacancies that pass the filter, counts, and open ones per municipality and field. */
  list_vacancies: { args: { query: VacancyQuery }; reply: VacancyList };
  /** The occupation fields (STYRK-08 major groups) with their bokmål and English names. */
  job_fields: { args: Record<string, never>; reply: Array<JobField> };
  /** Reopens a vacancy closed by its deadline (the deadline is cleared); flushed before it returns. */
  reopen_vacancy: { args: { id: string }; reply: Entry };
  /** Every job seeker, those due for deletion first, with the day they are due. */
  list_seekers: { args: Record<string, never>; reply: Array<SeekerRow> };
  /** One job seeker. */
  get_seeker: { args: { id: string }; reply: JobSeeker };
  /** Creates (id "") or updates a job seeker; refused without consent; flushed before it returns. */
  save_seeker: { args: { seeker: JobSeeker }; reply: JobSeeker };
  /** Keeps a job seeker another six months from now; flushed before it returns. */
  renew_seeker: { args: { id: string }; reply: JobSeeker };
  /** Erases a job seeker for good (no trash); flushed before it returns. */
  erase_seeker: { args: { id: string }; reply: null };
  /** The open vacancies ranked for a job seeker, best first, with why. */
  match_seeker: { args: { id: string; top: number }; reply: SeekerMatches };
  /** The job seekers a vacancy could suit, best first, with why. */
  seekers_for_vacancy: { args: { id: string }; reply: Array<VacancySeeker> };
  /** The coordinator's short text about the region, for the job sheet. */
  region_text: { args: Record<string, never>; reply: string };
  /** Stores the coordinator's text about the region; flushed before it returns. */
  set_region_text: { args: { text: string }; reply: null };
  /** Writes the job sheet (open vacancies, or one job seeker's package) as PDF or XLSX to a chosen file. */
  export_job_sheet: { args: { request: JobSheetRequest; file: string }; reply: JobSheetSummary };
  /** Loads the example network of the region. */
  load_demo: { args: Record<string, never>; reply: ImportSummary };
  /** The page says whether it holds typed changes not yet saved (closing then asks first). */
  set_unsaved: { args: { unsaved: boolean }; reply: null };
  /** Closes the window after the person chose to leave unsaved changes. */
  close_window: { args: Record<string, never>; reply: null };
}

/** A command's name. */
export type CommandName = keyof Commands;

/** Every command's name, in the registry's order. */
export const COMMAND_NAMES: readonly CommandName[] = [
  "catalogue_info",
  "facets",
  "list_entries",
  "list_organisations",
  "list_people",
  "get_entry",
  "entry_row",
  "get_organisation",
  "get_person",
  "organisation_overview",
  "person_overview",
  "save_organisation",
  "save_person",
  "save_entry",
  "delete_entity",
  "person_export",
  "export_person",
  "erase_person",
  "retention",
  "list_trash",
  "restore_entity",
  "search",
  "matches_for_need",
  "declined_for_need",
  "needs_for_offer",
  "set_match_status",
  "step_back_match",
  "record_outcome",
  "remove_outcome",
  "follow_ups",
  "insight",
  "list_backups",
  "backup_now",
  "settings",
  "set_second_backup",
  "set_catalogue",
  "export_report",
  "competence_gaps",
  "list_concepts",
  "find_concepts",
  "edit_thesaurus",
  "thesaurus_suggestions",
  "decide_thesaurus_suggestion",
  "sheet_preview",
  "choose_file",
  "map_intake",
  "review_intake",
  "apply_intake",
  "intake_progress",
  "save_intake_form",
  "export_sheet",
  "open_saved",
  "export_bundle",
  "list_vacancies",
  "job_fields",
  "reopen_vacancy",
  "list_seekers",
  "get_seeker",
  "save_seeker",
  "renew_seeker",
  "erase_seeker",
  "match_seeker",
  "seekers_for_vacancy",
  "region_text",
  "set_region_text",
  "export_job_sheet",
  "load_demo",
  "set_unsaved",
  "close_window",
];

/** Sends one command and resolves with its reply (rejects with an IpcError). */
export type Caller = <K extends CommandName>(name: K, args: Commands[K]["args"]) => Promise<Commands[K]["reply"]>;

/** One method per command, arguments in the registry's order. */
export interface Client {
  /** Where the catalogue is, its schema version and how much it holds. */
  catalogueInfo(): Promise<CatalogueInfo>;
  /** The values the list filters offer: organisations and municipalities. */
  facets(): Promise<Facets>;
  /** One page of the offers or needs that pass the query, best or first first. */
  listEntries(side: Side, query: EntryQuery): Promise<Page<EntryRow>>;
  /** One page of the organisations that pass the query. */
  listOrganisations(query: OrganisationQuery): Promise<Page<OrganisationRow>>;
  /** One page of the people who pass the query. */
  listPeople(query: PersonQuery): Promise<Page<PersonRow>>;
  /** One offer or need. */
  getEntry(side: Side, id: string): Promise<Entry>;
  /** One offer or need as its page shows it: with its organisation and whether its deadline has passed. */
  entryRow(side: Side, id: string): Promise<EntryRow>;
  /** One organisation. */
  getOrganisation(id: string): Promise<Organisation>;
  /** One person. */
  getPerson(id: string): Promise<Person>;
  /** An organisation's page: details, people, offers, needs and the pairs the coordinator took a step on. */
  organisationOverview(id: string): Promise<OrganisationOverview>;
  /** A person's page: details, organisation, consent and the entries they are the contact of. */
  personOverview(id: string): Promise<PersonOverview>;
  /** Creates (id "") or updates an organisation; flushed before it returns. */
  saveOrganisation(organisation: Organisation): Promise<Organisation>;
  /** Creates (id "") or updates a person; flushed before it returns. */
  savePerson(person: Person): Promise<Person>;
  /** Creates (id "") or updates an offer or need; flushed before it returns. */
  saveEntry(side: Side, entry: Entry): Promise<Entry>;
  /** Moves an entity to the trash. */
  deleteEntity(kind: EntityKind, id: string): Promise<null>;
  /** Everything the catalogue holds about one person ("Innsyn"): record, consent history, entries, notes that name them. */
  personExport(id: string): Promise<PersonExport>;
  /** Writes what the catalogue holds about one person as a PDF (in the request's language) or JSON to a chosen file. */
  exportPerson(request: PersonExportRequest, file: string): Promise<ReportSummary>;
  /** Erases a person everywhere (store, trash, notes, contacts, caches); says until when older backups hold them. */
  erasePerson(id: string): Promise<ErasureSummary>;
  /** People with no active entry and no change for `months` months (18 without), oldest first. */
  retention(months: number | null): Promise<Array<RetentionRow>>;
  /** One page of the trash, newest first. */
  listTrash(query: PageQuery): Promise<Page<TrashItem>>;
  /** Brings an entity back from the trash. */
  restoreEntity(kind: EntityKind, id: string): Promise<null>;
  /** Search as you type over everything, best hit first. */
  search(text: string): Promise<Array<SearchHit>>;
  /** The offers ranked for one need, best first (10 without `top`). */
  matchesForNeed(needId: string, top: number | null): Promise<Array<MatchView>>;
  /** The offers declined for a need, to bring back. */
  declinedForNeed(needId: string): Promise<Array<MatchView>>;
  /** The needs an offer could serve, best first. */
  needsForOffer(offerId: string, top: number | null): Promise<Array<NeedMatchView>>;
  /** Records a match's status (and note; a reason when declining). */
  setMatchStatus(change: StatusChange): Promise<MatchRecord>;
  /** Takes back a match's last status change ("Hent tilbake", "Angre"); kept in its history. */
  stepBackMatch(need: string, offer: string): Promise<MatchRecord>;
  /** Records what came of an agreed match (kind, date, note, thesis level); refused unless agreed; flushed before it returns. */
  recordOutcome(request: OutcomeRequest): Promise<MatchRecord>;
  /** Takes back a match's outcome at `index` (0 first), recorded by mistake. */
  removeOutcome(need: string, offer: string, index: number): Promise<MatchRecord>;
  /** Agreed matches with no outcome for at least `weeks` weeks, oldest agreement first. */
  followUps(weeks: number): Promise<Array<FollowUp>>;
  /** The network's figures for a period and municipality (the insight screen and the report). */
  insight(query: InsightQuery): Promise<Insight>;
  /** The catalogue's backups (bundle snapshots beside it), newest first. */
  listBackups(): Promise<Array<BackupInfo>>;
  /** Writes a backup of the whole catalogue now and prunes the old ones. */
  backupNow(): Promise<BackupInfo>;
  /** The settings: the catalogue's folder, the backups' folders, the last backup and how its second copy went. */
  settings(): Promise<SettingsView>;
  /** Chooses (a folder handle) or, with none, forgets the second backup folder; writes a backup at once. */
  setSecondBackup(file: string | null): Promise<SettingsView>;
  /** Chooses the catalogue folder (a handle: a catalogue or an empty folder) and reopens Kompis on it. */
  setCatalogue(file: string): Promise<CatalogueChange>;
  /** Writes the network report (PDF or XLSX, by the file chosen) for a period and municipality. */
  exportReport(request: ReportRequest, file: string): Promise<ReportSummary>;
  /** One page of the active needs with no suggestion: the competence gaps. */
  competenceGaps(query: PageQuery): Promise<Page<EntryRow>>;
  /** The thesaurus' concept groups, in Norwegian order. */
  listConcepts(): Promise<Array<Concept>>;
  /** The concept groups whose id or a term has every typed word as a word start, with the terms that do. */
  findConcepts(text: string): Promise<Array<ConceptHit>>;
  /** Applies one thesaurus edit and returns the groups after it. */
  editThesaurus(edit: ThesaurusEdit): Promise<Array<Concept>>;
  /** Thesaurus additions proposed from the coordinator's decisions, most evidence first. */
  thesaurusSuggestions(): Promise<Array<ThesaurusSuggestion>>;
  /** Accepts (into the thesaurus) or rejects (for good) one proposed addition; returns those left. */
  decideThesaurusSuggestion(decision: ThesaurusDecision): Promise<Array<ThesaurusSuggestion>>;
  /** The first page (or rows) of the match sheet a request would write. */
  sheetPreview(request: SheetRequest): Promise<SheetPreview>;
  /** Opens the native file dialog for a purpose; answers a one-time  handle for the command that uses the file, or nothing on cancel. */
  chooseFile(request: FileRequest): Promise<FileChoice | null>;
  /** The columns of a chosen table, the fields they fill and its first rows. */
  mapIntake(file: string, options: IntakeOptions): Promise<IntakeMapping>;
  /** Row by row, what reading a chosen table in would do; writes nothing. */
  reviewIntake(file: string, options: IntakeOptions): Promise<IntakeReview>;
  /** Reads a chosen table in as one atomic batch; refused whole on any error row. */
  applyIntake(file: string, options: IntakeOptions): Promise<IntakeReview>;
  /** How far the running intake has come: its stage and rows reviewed of all. */
  intakeProgress(): Promise<Progress>;
  /** Writes a registration workbook (one organisation's, or blank) to a chosen file. */
  saveIntakeForm(request: FormRequest, file: string): Promise<FormSummary>;
  /** Writes a match sheet to a file the person chose (its handle). */
  exportSheet(request: SheetRequest, file: string): Promise<SheetSummary>;
  /** Opens a saved file (or, with `in_folder`, its folder) with the desktop's application. */
  openSaved(file: string, inFolder: boolean): Promise<null>;
  /** Exports the whole catalogue as a bundle to a file the person chose (its handle). */
  exportBundle(file: string): Promise<ImportSummary>;
  /** The job market: the vacancies that pass the filter, counts, and open ones per municipality and field. */
  listVacancies(query: VacancyQuery): Promise<VacancyList>;
  /** The occupation fields (STYRK-08 major groups) with their bokmål and English names. */
  jobFields(): Promise<Array<JobField>>;
  /** Reopens a vacancy closed by its deadline (the deadline is cleared); flushed before it returns. */
  reopenVacancy(id: string): Promise<Entry>;
  /** Every job seeker, those due for deletion first, with the day they are due. */
  listSeekers(): Promise<Array<SeekerRow>>;
  /** One job seeker. */
  getSeeker(id: string): Promise<JobSeeker>;
  /** Creates (id "") or updates a job seeker; refused without consent; flushed before it returns. */
  saveSeeker(seeker: JobSeeker): Promise<JobSeeker>;
  /** Keeps a job seeker another six months from now; flushed before it returns. */
  renewSeeker(id: string): Promise<JobSeeker>;
  /** Erases a job seeker for good (no trash); flushed before it returns. */
  eraseSeeker(id: string): Promise<null>;
  /** The open vacancies ranked for a job seeker, best first, with why. */
  matchSeeker(id: string, top: number): Promise<SeekerMatches>;
  /** The job seekers a vacancy could suit, best first, with why. */
  seekersForVacancy(id: string): Promise<Array<VacancySeeker>>;
  /** The coordinator's short text about the region, for the job sheet. */
  regionText(): Promise<string>;
  /** Stores the coordinator's text about the region; flushed before it returns. */
  setRegionText(text: string): Promise<null>;
  /** Writes the job sheet (open vacancies, or one job seeker's package) as PDF or XLSX to a chosen file. */
  exportJobSheet(request: JobSheetRequest, file: string): Promise<JobSheetSummary>;
  /** Loads the example network of the region. */
  loadDemo(): Promise<ImportSummary>;
  /** The page says whether it holds typed changes not yet saved (closing then asks first). */
  setUnsaved(unsaved: boolean): Promise<null>;
  /** Closes the window after the person chose to leave unsaved changes. */
  closeWindow(): Promise<null>;
}

/** The client over a caller (Tauri's invoke, or the preview server). */
export function client(call: Caller): Client {
  return {
    catalogueInfo: () => call("catalogue_info", {}),
    facets: () => call("facets", {}),
    listEntries: (side, query) => call("list_entries", { side, query }),
    listOrganisations: (query) => call("list_organisations", { query }),
    listPeople: (query) => call("list_people", { query }),
    getEntry: (side, id) => call("get_entry", { side, id }),
    entryRow: (side, id) => call("entry_row", { side, id }),
    getOrganisation: (id) => call("get_organisation", { id }),
    getPerson: (id) => call("get_person", { id }),
    organisationOverview: (id) => call("organisation_overview", { id }),
    personOverview: (id) => call("person_overview", { id }),
    saveOrganisation: (organisation) => call("save_organisation", { organisation }),
    savePerson: (person) => call("save_person", { person }),
    saveEntry: (side, entry) => call("save_entry", { side, entry }),
    deleteEntity: (kind, id) => call("delete_entity", { kind, id }),
    personExport: (id) => call("person_export", { id }),
    exportPerson: (request, file) => call("export_person", { request, file }),
    erasePerson: (id) => call("erase_person", { id }),
    retention: (months) => call("retention", { months }),
    listTrash: (query) => call("list_trash", { query }),
    restoreEntity: (kind, id) => call("restore_entity", { kind, id }),
    search: (text) => call("search", { text }),
    matchesForNeed: (needId, top) => call("matches_for_need", { needId, top }),
    declinedForNeed: (needId) => call("declined_for_need", { needId }),
    needsForOffer: (offerId, top) => call("needs_for_offer", { offerId, top }),
    setMatchStatus: (change) => call("set_match_status", { change }),
    stepBackMatch: (need, offer) => call("step_back_match", { need, offer }),
    recordOutcome: (request) => call("record_outcome", { request }),
    removeOutcome: (need, offer, index) => call("remove_outcome", { need, offer, index }),
    followUps: (weeks) => call("follow_ups", { weeks }),
    insight: (query) => call("insight", { query }),
    listBackups: () => call("list_backups", {}),
    backupNow: () => call("backup_now", {}),
    settings: () => call("settings", {}),
    setSecondBackup: (file) => call("set_second_backup", { file }),
    setCatalogue: (file) => call("set_catalogue", { file }),
    exportReport: (request, file) => call("export_report", { request, file }),
    competenceGaps: (query) => call("competence_gaps", { query }),
    listConcepts: () => call("list_concepts", {}),
    findConcepts: (text) => call("find_concepts", { text }),
    editThesaurus: (edit) => call("edit_thesaurus", { edit }),
    thesaurusSuggestions: () => call("thesaurus_suggestions", {}),
    decideThesaurusSuggestion: (decision) => call("decide_thesaurus_suggestion", { decision }),
    sheetPreview: (request) => call("sheet_preview", { request }),
    chooseFile: (request) => call("choose_file", { request }),
    mapIntake: (file, options) => call("map_intake", { file, options }),
    reviewIntake: (file, options) => call("review_intake", { file, options }),
    applyIntake: (file, options) => call("apply_intake", { file, options }),
    intakeProgress: () => call("intake_progress", {}),
    saveIntakeForm: (request, file) => call("save_intake_form", { request, file }),
    exportSheet: (request, file) => call("export_sheet", { request, file }),
    openSaved: (file, inFolder) => call("open_saved", { file, inFolder }),
    exportBundle: (file) => call("export_bundle", { file }),
    listVacancies: (query) => call("list_vacancies", { query }),
    jobFields: () => call("job_fields", {}),
    reopenVacancy: (id) => call("reopen_vacancy", { id }),
    listSeekers: () => call("list_seekers", {}),
    getSeeker: (id) => call("get_seeker", { id }),
    saveSeeker: (seeker) => call("save_seeker", { seeker }),
    renewSeeker: (id) => call("renew_seeker", { id }),
    eraseSeeker: (id) => call("erase_seeker", { id }),
    matchSeeker: (id, top) => call("match_seeker", { id, top }),
    seekersForVacancy: (id) => call("seekers_for_vacancy", { id }),
    regionText: () => call("region_text", {}),
    setRegionText: (text) => call("set_region_text", { text }),
    exportJobSheet: (request, file) => call("export_job_sheet", { request, file }),
    loadDemo: () => call("load_demo", {}),
    setUnsaved: (unsaved) => call("set_unsaved", { unsaved }),
    closeWindow: () => call("close_window", {}),
  };
}
