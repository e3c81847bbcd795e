/**
 * Hash routes, so every screen has an address (handy for screenshots and for
 * the back button): `#/needs`, `#/needs/new`, `#/needs/ID`, `#/needs/ID/edit`,
 * `#/offers/…` (an offer's page and the needs it could serve), `#/organisations/…`,
 * `#/people/…`, and the single screens `#/trash`, `#/gaps`, `#/thesaurus`, `#/sheets`,
 * `#/intake` (the import flow).
 */

export type Screen =
  | "needs"
  | "offers"
  | "organisations"
  | "people"
  | "trash"
  | "gaps"
  | "thesaurus"
  | "sheets"
  | "intake";
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
  "thesaurus",
  "sheets",
  "intake",
];

/** Screens with one view only (no items, forms or pages of their own). */
export const SINGLE: readonly Screen[] = ["trash", "gaps", "thesaurus", "sheets", "intake"];

/** Screens whose items have a page of their own (`#/needs/ID`); others open in their form. */
const WITH_PAGE: readonly Screen[] = ["needs", "offers"];

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

globalThis.addEventListener?.("hashchange", () => {
  router.route = parseHash(location.hash);
});

/** Goes to a route (adds a history entry). */
export function go(r: Route): void {
  const hash = toHash(r);
  if (location.hash === hash) router.route = r;
  else location.hash = hash;
}
