/**
 * The wire types the UI uses, in one place. Most come from the ts-rs
 * bindings (`bindings/`, generated from Rust). The paged-list types below are
 * a hand copy of the contract until their bindings are generated; then this
 * file only re-exports.
 */
import type { Entry } from "./bindings/Entry";
import type { EntryKind } from "./bindings/EntryKind";
import type { Organisation } from "./bindings/Organisation";
import type { OrgKind } from "./bindings/OrgKind";
import type { Person } from "./bindings/Person";

export type { CatalogueInfo } from "./bindings/CatalogueInfo";
export type { Concept } from "./bindings/Concept";
export type { DeclineReason } from "./bindings/DeclineReason";
export type { EntityKind } from "./bindings/EntityKind";
export type { Entry } from "./bindings/Entry";
export type { EntryKind } from "./bindings/EntryKind";
export type { ImportSummary } from "./bindings/ImportSummary";
export type { IpcError } from "./bindings/IpcError";
export type { Language } from "./bindings/Language";
export type { MatchRecord } from "./bindings/MatchRecord";
export type { MatchStatus } from "./bindings/MatchStatus";
export type { MatchView } from "./bindings/MatchView";
export type { NeedMatchView } from "./bindings/NeedMatchView";
export type { Organisation } from "./bindings/Organisation";
export type { OrgKind } from "./bindings/OrgKind";
export type { Person } from "./bindings/Person";
export type { Preview as SheetPreview } from "./bindings/Preview";
export type { SearchHit } from "./bindings/SearchHit";
export type { SheetRequest } from "./bindings/SheetRequest";
export type { SheetSummary } from "./bindings/SheetSummary";
export type { Side } from "./bindings/Side";
export type { StatusChange } from "./bindings/StatusChange";
export type { ThesaurusEdit } from "./bindings/ThesaurusEdit";
export type { TrashItem } from "./bindings/TrashItem";

// --- Hand copy of the contract until ts-rs generates these. ---

export type PageQuery = { offset?: number; limit?: number };
export type Page<T> = { total: number; offset: number; rows: Array<T> };
export type EntrySort = "relevance" | "title" | "deadline" | "updated";
export type EntryQuery = {
  text?: string;
  kind?: EntryKind;
  organisation?: string;
  municipality?: string;
  active?: boolean;
  sort?: EntrySort;
  offset?: number;
  limit?: number;
};
export type EntryRow = { entry: Entry; organisation_name?: string; municipality?: string; marks: Array<string> };
export type OrganisationQuery = {
  text?: string;
  kind?: OrgKind;
  municipality?: string;
  member?: boolean;
  offset?: number;
  limit?: number;
};
export type OrganisationRow = { organisation: Organisation; marks: Array<string> };
export type PersonQuery = { text?: string; organisation?: string; consent?: boolean; offset?: number; limit?: number };
export type PersonRow = { person: Person; organisation_name?: string; marks: Array<string> };
export type OrgChoice = { id: string; name: string };
export type Facets = { organisations: Array<OrgChoice>; municipalities: Array<string> };
