/** List filters, kept per list while the app runs so going back keeps them. */

export type ActiveFilter = "all" | "active" | "inactive";
export type EntrySort = "title" | "deadline" | "updated";

export interface EntryFilters {
  text: string;
  kind: string;
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

export const orgFilters = $state({ text: "", kind: "", municipality: "", member: "all" as "all" | "yes" | "no" });
export const peopleFilters = $state({ text: "", organisation: "", consent: "all" as "all" | "yes" | "no" });
