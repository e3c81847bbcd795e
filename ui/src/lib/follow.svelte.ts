/**
 * Wiring a screen's filters to a `PagedList`: each change of the query
 * starts a new one (typing waits a moment, so a burst of keystrokes is one
 * request, and an older reply never wins), and a change in the catalogue
 * re-reads the rows in view. The filter values for dropdowns come from the
 * core's `facets`.
 */
import { untrack } from "svelte";
import { app } from "./app.svelte";
import { backend } from "./backend";
import type { PagedList } from "./paged.svelte";
import type { Facets, Page, PageQuery } from "./types";

/** How long typing waits before it asks the core. */
export const DEBOUNCE_MS = 20;

/** Call while a component initialises. */
export function follow<T, Q extends { text?: string }>(
  list: PagedList<T>,
  query: () => Q,
  fetch: (query: Q, page: Required<PageQuery>) => Promise<Page<T>>,
): void {
  $effect(() => {
    const q = query();
    const quiet = untrack(() => list.status === "ready" && list.total > 0);
    const timer = setTimeout(() => void list.load((page) => fetch(q, page), quiet), q.text ? DEBOUNCE_MS : 0);
    return () => clearTimeout(timer);
  });
  let first = true;
  $effect(() => {
    void app.version;
    if (first) first = false;
    else untrack(() => void list.refresh());
  });
}

/** The filters' organisations and municipalities, shared by every screen. */
const facets = $state({ current: { organisations: [], municipalities: [] } as Facets });
/** The catalogue version the facets were (or are being) read for; -1 before the first read. */
let facetsFor = -1;

/**
 * The organisations and municipalities the filters offer: read once, and
 * again only after the catalogue changed, however many screens show them.
 */
export function useFacets(): { current: Facets } {
  $effect(() => {
    const version = app.version;
    untrack(() => {
      if (facetsFor === version) return;
      facetsFor = version;
      backend()
        .facets()
        .then((f) => {
          if (facetsFor === version) facets.current = f;
        })
        .catch(() => {
          // The dropdowns stay as they were (and are read again next time); the list itself shows the error.
          if (facetsFor === version) facetsFor = -1;
        });
    });
  });
  return facets;
}
