/**
 * List filters, kept per list while the app runs so going back keeps them,
 * and the queries they become. Filtering and sorting happen in the core;
 * this only turns the screen's choices into its query.
 */
import type { EntryKind, EntryQuery, EntrySort, OrgKind, OrganisationQuery, PersonQuery } from "./types";

export type ActiveFilter = "all" | "active" | "inactive";
export type YesNo = "all" | "yes" | "no";

export interface EntryFilters {
  text: string;
  kind: EntryKind | "";
  organisation: string;
  municipality: string;
  active: ActiveFilter;
  sort: EntrySort;
}

const blank = (sort: EntrySort): EntryFilters => ({
  text: "",
  kind: "",
  organisation: "",
  municipality: "",
  active: "all",
  sort,
});

export const entryFilters = $state({ need: blank("deadline"), offer: blank("title") });

/** Clears every filter of a list but keeps its sort order. */
export function resetEntryFilters(side: "need" | "offer"): void {
  entryFilters[side] = blank(entryFilters[side].sort);
}

export const orgFilters = $state({ text: "", kind: "" as OrgKind | "", municipality: "", member: "all" as YesNo });
export const peopleFilters = $state({ text: "", organisation: "", consent: "all" as YesNo });

const yesNo = (v: YesNo): boolean | undefined => (v === "all" ? undefined : v === "yes");

/** Drops empty parts, so a query carries only what the person chose. */
function compact<Q extends object>(q: Q): Q {
  return Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined && v !== "")) as Q;
}

export function entryQuery(f: EntryFilters): EntryQuery {
  return compact({
    text: f.text.trim(),
    kind: f.kind || undefined,
    organisation: f.organisation,
    municipality: f.municipality,
    active: f.active === "all" ? undefined : f.active === "active",
    sort: f.sort,
  });
}

export function organisationQuery(f: typeof orgFilters): OrganisationQuery {
  return compact({
    text: f.text.trim(),
    kind: f.kind || undefined,
    municipality: f.municipality,
    member: yesNo(f.member),
  });
}

export function personQuery(f: typeof peopleFilters): PersonQuery {
  return compact({ text: f.text.trim(), organisation: f.organisation, consent: yesNo(f.consent) });
}

/** Whether any filter narrows the list (for "nothing found" versus "nothing yet"). */
export const isFiltered = (q: object): boolean => Object.keys(q).some((k) => k !== "sort");
