/**
 * The wire types the UI uses, in one place: re-exports of the ts-rs
 * bindings (`bindings/`, generated from Rust; never edited by hand).
 */

export type { CatalogueInfo } from "./bindings/CatalogueInfo";
export type { Concept } from "./bindings/Concept";
export type { ConceptHit } from "./bindings/ConceptHit";
export type { DeclineReason } from "./bindings/DeclineReason";
export type { EntityKind } from "./bindings/EntityKind";
export type { Entry } from "./bindings/Entry";
export type { EntryKind } from "./bindings/EntryKind";
export type { FileChoice } from "./bindings/FileChoice";
export type { ImportSummary } from "./bindings/ImportSummary";
export type { IntakeAction } from "./bindings/IntakeAction";
export type { IntakeMapping } from "./bindings/IntakeMapping";
export type { IntakeOptions } from "./bindings/IntakeOptions";
export type { IntakeReview } from "./bindings/IntakeReview";
export type { IntakeRow } from "./bindings/IntakeRow";
export type { IpcError } from "./bindings/IpcError";
export type { Language } from "./bindings/Language";
export type { MatchRecord } from "./bindings/MatchRecord";
export type { MatchStatus } from "./bindings/MatchStatus";
export type { MatchView } from "./bindings/MatchView";
export type { NeedMatchView } from "./bindings/NeedMatchView";
export type { Organisation } from "./bindings/Organisation";
export type { OrgKind } from "./bindings/OrgKind";
export type { Person } from "./bindings/Person";
export type { SheetPreview } from "./bindings/SheetPreview";
export type { Problem } from "./bindings/Problem";
export type { StatusEvent } from "./bindings/StatusEvent";
export type { SearchHit } from "./bindings/SearchHit";
export type { SheetRequest } from "./bindings/SheetRequest";
export type { SheetSummary } from "./bindings/SheetSummary";
export type { Side } from "./bindings/Side";
export type { StatusChange } from "./bindings/StatusChange";
export type { ThesaurusEdit } from "./bindings/ThesaurusEdit";
export type { TrashItem } from "./bindings/TrashItem";

export type { CatalogueCounts } from "./bindings/CatalogueCounts";
export type { EntryQuery } from "./bindings/EntryQuery";
export type { EntryRow } from "./bindings/EntryRow";
export type { EntrySort } from "./bindings/EntrySort";
export type { Facets } from "./bindings/Facets";
export type { OrgChoice } from "./bindings/OrgChoice";
export type { OrganisationQuery } from "./bindings/OrganisationQuery";
export type { OrganisationRow } from "./bindings/OrganisationRow";
export type { Page } from "./bindings/Page";
export type { PageQuery } from "./bindings/PageQuery";
export type { PersonQuery } from "./bindings/PersonQuery";
export type { PersonRow } from "./bindings/PersonRow";
