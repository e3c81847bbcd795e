// TEMPORARY hand copy of the contract; the Rust generator overwrites this file.
import type {
  CatalogueInfo,
  Concept,
  EntityKind,
  Entry,
  EntryQuery,
  EntryRow,
  Facets,
  ImportSummary,
  MatchRecord,
  MatchView,
  NeedMatchView,
  Organisation,
  OrganisationQuery,
  OrganisationRow,
  Page,
  PageQuery,
  Person,
  PersonQuery,
  PersonRow,
  SearchHit,
  SheetPreview,
  SheetRequest,
  SheetSummary,
  Side,
  StatusChange,
  ThesaurusEdit,
  TrashItem,
} from "./types";

export interface Commands {
  catalogue_info: { args: Record<string, never>; reply: CatalogueInfo };
  facets: { args: Record<string, never>; reply: Facets };
  list_entries: { args: { side: Side; query: EntryQuery }; reply: Page<EntryRow> };
  list_organisations: { args: { query: OrganisationQuery }; reply: Page<OrganisationRow> };
  list_people: { args: { query: PersonQuery }; reply: Page<PersonRow> };
  get_entry: { args: { side: Side; id: string }; reply: Entry };
  get_organisation: { args: { id: string }; reply: Organisation };
  get_person: { args: { id: string }; reply: Person };
  save_organisation: { args: { organisation: Organisation }; reply: Organisation };
  save_person: { args: { person: Person }; reply: Person };
  save_entry: { args: { side: Side; entry: Entry }; reply: Entry };
  delete_entity: { args: { kind: EntityKind; id: string }; reply: null };
  list_trash: { args: { query: PageQuery }; reply: Page<TrashItem> };
  restore_entity: { args: { kind: EntityKind; id: string }; reply: null };
  search: { args: { text: string }; reply: SearchHit[] };
  matches_for_need: { args: { needId: string; top: number | null }; reply: MatchView[] };
  declined_for_need: { args: { needId: string }; reply: MatchView[] };
  needs_for_offer: { args: { offerId: string; top: number | null }; reply: NeedMatchView[] };
  set_match_status: { args: { change: StatusChange }; reply: MatchRecord };
  competence_gaps: { args: { query: PageQuery }; reply: Page<EntryRow> };
  list_concepts: { args: Record<string, never>; reply: Concept[] };
  edit_thesaurus: { args: { edit: ThesaurusEdit }; reply: Concept[] };
  sheet_preview: { args: { request: SheetRequest }; reply: SheetPreview };
  export_sheet: { args: { request: SheetRequest; path: string }; reply: SheetSummary };
  import_bundle: { args: { path: string }; reply: ImportSummary };
  export_bundle: { args: { path: string }; reply: ImportSummary };
  load_demo: { args: Record<string, never>; reply: ImportSummary };
}

export type CommandName = keyof Commands;

export const COMMAND_NAMES: readonly CommandName[] = [
  "catalogue_info",
  "facets",
  "list_entries",
  "list_organisations",
  "list_people",
  "get_entry",
  "get_organisation",
  "get_person",
  "save_organisation",
  "save_person",
  "save_entry",
  "delete_entity",
  "list_trash",
  "restore_entity",
  "search",
  "matches_for_need",
  "declined_for_need",
  "needs_for_offer",
  "set_match_status",
  "competence_gaps",
  "list_concepts",
  "edit_thesaurus",
  "sheet_preview",
  "export_sheet",
  "import_bundle",
  "export_bundle",
  "load_demo",
];

export type Caller = <K extends CommandName>(name: K, args: Commands[K]["args"]) => Promise<Commands[K]["reply"]>;

/** One camelCase method per command, positional args in registry order. */
export interface Client {
  catalogueInfo(): Promise<CatalogueInfo>;
  facets(): Promise<Facets>;
  listEntries(side: Side, query: EntryQuery): Promise<Page<EntryRow>>;
  listOrganisations(query: OrganisationQuery): Promise<Page<OrganisationRow>>;
  listPeople(query: PersonQuery): Promise<Page<PersonRow>>;
  getEntry(side: Side, id: string): Promise<Entry>;
  getOrganisation(id: string): Promise<Organisation>;
  getPerson(id: string): Promise<Person>;
  saveOrganisation(organisation: Organisation): Promise<Organisation>;
  savePerson(person: Person): Promise<Person>;
  saveEntry(side: Side, entry: Entry): Promise<Entry>;
  deleteEntity(kind: EntityKind, id: string): Promise<null>;
  listTrash(query: PageQuery): Promise<Page<TrashItem>>;
  restoreEntity(kind: EntityKind, id: string): Promise<null>;
  search(text: string): Promise<SearchHit[]>;
  matchesForNeed(needId: string, top: number | null): Promise<MatchView[]>;
  declinedForNeed(needId: string): Promise<MatchView[]>;
  needsForOffer(offerId: string, top: number | null): Promise<NeedMatchView[]>;
  setMatchStatus(change: StatusChange): Promise<MatchRecord>;
  competenceGaps(query: PageQuery): Promise<Page<EntryRow>>;
  listConcepts(): Promise<Concept[]>;
  editThesaurus(edit: ThesaurusEdit): Promise<Concept[]>;
  sheetPreview(request: SheetRequest): Promise<SheetPreview>;
  exportSheet(request: SheetRequest, path: string): Promise<SheetSummary>;
  importBundle(path: string): Promise<ImportSummary>;
  exportBundle(path: string): Promise<ImportSummary>;
  loadDemo(): Promise<ImportSummary>;
}

export function client(call: Caller): Client {
  return {
    catalogueInfo: () => call("catalogue_info", {}),
    facets: () => call("facets", {}),
    listEntries: (side, query) => call("list_entries", { side, query }),
    listOrganisations: (query) => call("list_organisations", { query }),
    listPeople: (query) => call("list_people", { query }),
    getEntry: (side, id) => call("get_entry", { side, id }),
    getOrganisation: (id) => call("get_organisation", { id }),
    getPerson: (id) => call("get_person", { id }),
    saveOrganisation: (organisation) => call("save_organisation", { organisation }),
    savePerson: (person) => call("save_person", { person }),
    saveEntry: (side, entry) => call("save_entry", { side, entry }),
    deleteEntity: (kind, id) => call("delete_entity", { kind, id }),
    listTrash: (query) => call("list_trash", { query }),
    restoreEntity: (kind, id) => call("restore_entity", { kind, id }),
    search: (text) => call("search", { text }),
    matchesForNeed: (needId, top) => call("matches_for_need", { needId, top }),
    declinedForNeed: (needId) => call("declined_for_need", { needId }),
    needsForOffer: (offerId, top) => call("needs_for_offer", { offerId, top }),
    setMatchStatus: (change) => call("set_match_status", { change }),
    competenceGaps: (query) => call("competence_gaps", { query }),
    listConcepts: () => call("list_concepts", {}),
    editThesaurus: (edit) => call("edit_thesaurus", { edit }),
    sheetPreview: (request) => call("sheet_preview", { request }),
    exportSheet: (request, path) => call("export_sheet", { request, path }),
    importBundle: (path) => call("import_bundle", { path }),
    exportBundle: (path) => call("export_bundle", { path }),
    loadDemo: () => call("load_demo", {}),
  };
}
