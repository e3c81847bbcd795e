/**
 * Wiring a screen's filters to a `PagedList`: each change of the query
 * starts a new one (a keystroke asks at once, before the window repaints
 * the box; keys faster than `DEBOUNCE_MS` apart become one request, and an
 * older reply never wins), and a change in the catalogue re-reads the rows
 * in view. The filter values for dropdowns come from the core's `facets`.
 */
import { untrack } from "svelte";
import { app } from "./app.svelte";
import { backend } from "./backend";
import type { PagedList } from "./paged.svelte";
import type { Facets, Page, PageQuery } from "./types";

/** The shortest time between two requests while typing; a key inside it waits for its end. */
export const DEBOUNCE_MS = 20;

/** Call while a component initialises. */
export function follow<T, Q extends { text?: string }>(
  list: PagedList<T>,
  query: () => Q,
  fetch: (query: Q, page: Required<PageQuery>) => Promise<Page<T>>,
): void {
  /** When the last request went out (`performance.now()`). */
  let sent = -Infinity;
  $effect(() => {
    const q = query();
    const start = () =>
      untrack(() => {
        sent = performance.now();
        void list.load((page) => fetch(q, page), list.status === "ready" && list.total > 0);
      });
    // Asking here, in the effect, sends the request before the window paints
    // the keystroke (a repaint can hold the page's timers for tens of ms).
    const wait = q.text ? sent + DEBOUNCE_MS - performance.now() : 0;
    if (wait <= 0) {
      start();
      return;
    }
    const timer = setTimeout(start, wait);
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
const facets = $state({ current: { organisations: [], municipalities: [], municipality_choices: [] } as Facets });
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
