/**
 * State shared by all screens: catalogue counts, a data version that screens
 * reload on, and the short notices ("toasts") shown after an action.
 */
import { backend } from "./backend";
import type { CatalogueInfo } from "./bindings/CatalogueInfo";

export interface Toast {
  id: number;
  text: string;
  tone: "ok" | "error";
  action?: { label: string; run: () => void };
}

export const app = $state({
  info: null as CatalogueInfo | null,
  /** Bumped after every change; screens reload when it moves. */
  version: 0,
  toasts: [] as Toast[],
  /** The id of the item saved last, so its list can point it out. */
  lastSaved: null as string | null,
});

let nextToast = 1;
/** At most this many notices at once; the oldest go first. */
const MAX_TOASTS = 3;

/** Shows a notice for a few seconds (longer when it offers an action). */
export function toast(text: string, opts: { tone?: Toast["tone"]; action?: Toast["action"] } = {}): void {
  const id = nextToast++;
  app.toasts.push({ id, text, tone: opts.tone ?? "ok", action: opts.action });
  // Many quick actions (adding terms one after another) must not fill the window.
  if (app.toasts.length > MAX_TOASTS) app.toasts.splice(0, app.toasts.length - MAX_TOASTS);
  setTimeout(() => dismiss(id), opts.action ? 9000 : 5000);
}

/** Removes a notice. */
export function dismiss(id: number): void {
  const i = app.toasts.findIndex((t) => t.id === id);
  if (i >= 0) app.toasts.splice(i, 1);
}

/** Re-reads the catalogue counts. Failures leave the old counts in place. */
export async function refreshInfo(): Promise<void> {
  try {
    app.info = await backend().catalogueInfo();
  } catch {
    // The screens show their own errors; the counts are only decoration.
  }
}

/** Call after any change: screens reload and the counts refresh. */
export function changed(): void {
  app.version++;
  void refreshInfo();
}
