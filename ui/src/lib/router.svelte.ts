/**
 * Hash routes, so every screen has an address (handy for screenshots and for
 * the back button): `#/needs`, `#/needs/new`, `#/needs/ID`, `#/needs/ID/edit`,
 * `#/offers/…` (an offer's page and the needs it could serve), `#/organisations/…`
 * and `#/people/…` (a page each, its form at `…/ID/edit`), and the single screens `#/trash`, `#/gaps`, `#/followup`, `#/insight`, `#/jobs` (the job market; job seekers at `#/seekers/…`), `#/thesaurus`, `#/sheets`,
 * `#/intake` (the import flow), `#/settings` (the catalogue's and the backups' folders).
 */

export type Screen =
  | "needs"
  | "offers"
  | "organisations"
  | "people"
  | "trash"
  | "gaps"
  | "followup"
  | "insight"
  | "jobs"
  | "seekers"
  | "thesaurus"
  | "sheets"
  | "intake"
  | "settings";
export type View = "list" | "new" | "detail" | "edit";

export interface Route {
  screen: Screen;
  view: View;
  id?: string;
}

const SCREENS: readonly Screen[] = [
  "needs",
  "offers",
  "organisations",
  "people",
  "trash",
  "gaps",
  "followup",
  "insight",
  "jobs",
  "seekers",
  "thesaurus",
  "sheets",
  "intake",
  "settings",
];

/** Screens with one view only (no items, forms or pages of their own). */
export const SINGLE: readonly Screen[] = [
  "trash",
  "gaps",
  "followup",
  "insight",
  "jobs",
  "thesaurus",
  "sheets",
  "intake",
  "settings",
];

/** Screens whose items have a page of their own (`#/needs/ID`); others open in their form. */
const WITH_PAGE: readonly Screen[] = ["needs", "offers", "organisations", "people", "seekers"];

/** Reads a hash such as `#/needs/n-3/edit`; anything unknown is the needs list. */
export function parseHash(hash: string): Route {
  const parts = hash.replace(/^#\/?/, "").split("/").filter(Boolean).map(decodeURIComponent);
  if (!SCREENS.includes(parts[0] as Screen)) return { screen: "needs", view: "list" };
  const screen = parts[0] as Screen;
  if (SINGLE.includes(screen) || parts.length < 2) return { screen, view: "list" };
  if (parts[1] === "new") return { screen, view: "new" };
  if (parts[2] === "edit") return { screen, view: "edit", id: parts[1] };
  return { screen, view: WITH_PAGE.includes(screen) ? "detail" : "edit", id: parts[1] };
}

/** The hash for a route. */
export function toHash(r: Route): string {
  const id = r.id ? encodeURIComponent(r.id) : "";
  switch (r.view) {
    case "list":
      return `#/${r.screen}`;
    case "new":
      return `#/${r.screen}/new`;
    case "detail":
      return `#/${r.screen}/${id}`;
    case "edit":
      return `#/${r.screen}/${id}/edit`;
  }
}

export const router = $state<{ route: Route }>({ route: parseHash(globalThis.location?.hash ?? "") });

/**
 * Asked before the route changes (a form with unsaved changes): answers
 * true to hold the change, and calls `leave` later if the person agrees.
 */
type LeaveGuard = (leave: () => void) => boolean;
let guard: LeaveGuard | null = null;

/** Installs a guard until the returned function removes it. */
export function guardLeaving(g: LeaveGuard): () => void {
  guard = g;
  return () => {
    if (guard === g) guard = null;
  };
}

/**
 * How many of the app's own addresses lie behind this one in the window's
 * history (0 at the first), kept in each entry's `history.state`, so the way
 * back knows whether there is a place the person came from.
 */
let depth = 0;
const DEPTH = "kompisDepth";

function depthOf(state: unknown): number | null {
  const d = (state as Record<string, unknown> | null)?.[DEPTH];
  return typeof d === "number" ? d : null;
}

function markDepth(): void {
  history.replaceState({ ...(history.state as object | null), [DEPTH]: depth }, "");
}

if (globalThis.history) {
  depth = depthOf(history.state) ?? 0;
  markDepth();
}

globalThis.addEventListener?.("hashchange", () => {
  const next = location.hash;
  const known = depthOf(history.state);
  const held = guard?.(() => {
    guard = null;
    location.hash = next;
  });
  if (held) {
    // Back to where the form is, without a new history entry.
    history.replaceState(null, "", toHash(router.route));
    depth = known ?? depth;
    markDepth();
    return;
  }
  // An entry seen before (back or forward) knows its place; a new one is one further.
  depth = known ?? depth + 1;
  markDepth();
  router.route = parseHash(next);
});

/** Goes to a route (adds a history entry), unless a guard holds it. */
export function go(r: Route): void {
  if (
    guard?.(() => {
      guard = null;
      go(r);
    })
  )
    return;
  const hash = toHash(r);
  if (location.hash === hash) router.route = r;
  else location.hash = hash;
}

/**
 * The way back (Esc on a page, Alt+Left anywhere): to the address the
 * person came from, as the window's back button goes, or, opened straight
 * on this address, up to the screen's list. A form's leave guard asks first.
 */
export function back(): void {
  if (depth > 0) history.back();
  else if (router.route.view !== "list") go({ screen: router.route.screen, view: "list" });
}

/** The element keys go to is one that uses Esc itself (typing, a choice list, an editable text). */
function usesEscape(el: Element | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return true;
  if (el instanceof HTMLInputElement) return !["button", "submit", "reset", "checkbox", "radio"].includes(el.type);
  return el.getAttribute("role") === "combobox";
}

/**
 * Whether a key press means "back": Alt+Left on any screen; Esc on a page
 * of its own (a need's or offer's), not in a form (Esc cancels there) nor
 * while typing in a field that uses Esc. Never while a dialog is open, nor
 * when something on the page already took the key.
 */
export function isBackKey(e: KeyboardEvent, route: Route = router.route): boolean {
  if (e.defaultPrevented || e.repeat || e.ctrlKey || e.metaKey || e.shiftKey) return false;
  if (document.querySelector("dialog[open]")) return false;
  if (e.key === "ArrowLeft" && e.altKey) return true;
  if (e.key !== "Escape" || e.altKey) return false;
  return route.view === "detail" && !usesEscape(e.target as Element | null);
}
