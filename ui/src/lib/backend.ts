/**
 * The one typed door from the UI to the catalogue. Screens call `backend()`;
 * inside the desktop app that is the Tauri implementation (`tauri.ts`), in a
 * plain browser the in-memory one (`web.ts`) so the UI can be previewed.
 */
import type { CatalogueInfo } from "./bindings/CatalogueInfo";
import type { Concept } from "./bindings/Concept";
import type { Entry } from "./bindings/Entry";
import type { EntryFilter } from "./bindings/EntryFilter";
import type { EntityKind } from "./bindings/EntityKind";
import type { EntryRow } from "./bindings/EntryRow";
import type { ImportSummary } from "./bindings/ImportSummary";
import type { IpcError } from "./bindings/IpcError";
import type { MatchRecord } from "./bindings/MatchRecord";
import type { MatchView } from "./bindings/MatchView";
import type { NeedMatchView } from "./bindings/NeedMatchView";
import type { Organisation } from "./bindings/Organisation";
import type { Person } from "./bindings/Person";
import type { SearchHit } from "./bindings/SearchHit";
import type { Preview as SheetPreview } from "./bindings/Preview";
import type { SheetRequest } from "./bindings/SheetRequest";
import type { SheetSummary } from "./bindings/SheetSummary";
import type { StatusChange } from "./bindings/StatusChange";
import type { ThesaurusEdit } from "./bindings/ThesaurusEdit";
import type { Side } from "./bindings/Side";
import type { TrashItem } from "./bindings/TrashItem";

/** Texts the native file dialogs show; the caller translates them. */
export interface DialogTexts {
  title: string;
  filterName: string;
  defaultName?: string;
}

/** Texts and defaults of the save dialog for a match sheet. */
export interface SheetDialog {
  title: string;
  /** "PDF-dokument" etc.; the filter shows only `extension`. */
  filterName: string;
  extension: "pdf" | "xlsx" | "csv";
  /** Last folder used plus the suggested file name, or just the name. */
  defaultPath: string;
}

/** Every call the UI makes; one method per Tauri command plus the file pickers. */
export interface Backend {
  /** "tauri" in the desktop app, "web" for the in-memory browser preview. */
  readonly kind: "tauri" | "web";
  catalogueInfo(): Promise<CatalogueInfo>;
  listOrganisations(): Promise<Organisation[]>;
  listPeople(): Promise<Person[]>;
  listEntries(side: Side, filter: EntryFilter): Promise<EntryRow[]>;
  getEntry(side: Side, id: string): Promise<Entry>;
  saveOrganisation(organisation: Organisation): Promise<Organisation>;
  savePerson(person: Person): Promise<Person>;
  saveEntry(side: Side, entry: Entry): Promise<Entry>;
  deleteEntity(kind: EntityKind, id: string): Promise<void>;
  listTrash(): Promise<TrashItem[]>;
  restoreEntity(kind: EntityKind, id: string): Promise<void>;
  search(text: string): Promise<SearchHit[]>;
  /** Ranked offers for a need; declined pairs are left out. */
  matchesForNeed(needId: string, top?: number): Promise<MatchView[]>;
  /** The offers declined for a need, with reason and note. */
  declinedForNeed(needId: string): Promise<MatchView[]>;
  /** Ranked needs an offer could serve. */
  needsForOffer(offerId: string, top?: number): Promise<NeedMatchView[]>;
  /** Moves a need–offer pair along the workflow (declining needs a reason). */
  setMatchStatus(change: StatusChange): Promise<MatchRecord>;
  /** Active needs with no suggestion above the threshold. */
  competenceGaps(): Promise<EntryRow[]>;
  listConcepts(): Promise<Concept[]>;
  /** Applies one thesaurus edit and returns every group after it. */
  editThesaurus(edit: ThesaurusEdit): Promise<Concept[]>;
  sheetPreview(request: SheetRequest): Promise<SheetPreview>;
  exportSheet(request: SheetRequest, path: string): Promise<SheetSummary>;
  importBundle(path: string): Promise<ImportSummary>;
  exportBundle(path: string): Promise<ImportSummary>;
  loadDemo(): Promise<ImportSummary>;
  /** Asks for a bundle to open; null when the person cancels. */
  pickImportPath(texts: DialogTexts): Promise<string | null>;
  /** Asks where to write a bundle; null when the person cancels. */
  pickExportPath(texts: DialogTexts): Promise<string | null>;
  /** Asks where to write a match sheet; null when the person cancels. */
  pickSheetPath(dialog: SheetDialog): Promise<string | null>;
}

/** Turns whatever a call rejected with into an `IpcError` with a sentence. */
export function toIpcError(e: unknown): IpcError {
  if (e && typeof e === "object" && "message" in e && typeof (e as { message: unknown }).message === "string") {
    const o = e as { code?: unknown; message: string; field?: unknown };
    const err: IpcError = { code: typeof o.code === "string" ? o.code : "io", message: o.message };
    if (typeof o.field === "string" && o.field !== "") err.field = o.field;
    return err;
  }
  if (typeof e === "string" && e !== "") return { code: "io", message: e };
  return { code: "io", message: String(e) };
}

/** Whether the page runs inside the Tauri webview. */
export function inTauri(): boolean {
  const w = globalThis as unknown as Record<string, unknown>;
  return "__TAURI_INTERNALS__" in w || w.isTauri === true;
}

let current: Backend | null = null;

/** Creates the backend once: Tauri inside the app, the in-memory one elsewhere. */
export async function initBackend(): Promise<Backend> {
  if (current) return current;
  if (inTauri()) {
    current = (await import("./tauri")).tauriBackend;
  } else {
    const params = new URLSearchParams(globalThis.location?.search ?? "");
    const { createWebBackend } = await import("./web");
    current = createWebBackend({ seed: params.get("seed") === "demo", slow: Number(params.get("slow") ?? 0) });
  }
  return current;
}

/** The backend made by `initBackend`; throws if called before it. */
export function backend(): Backend {
  if (!current) throw new Error("backend used before initBackend()");
  return current;
}
