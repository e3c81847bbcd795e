/**
 * Closing the window while a form holds typed changes: Rust holds the close
 * back while the page has said it has unsaved changes (`set_unsaved`) and
 * sends `kompis://close-requested`; the form asks, and leaving calls
 * `close_window`.
 */
import { backend } from "./backend";

/** The event Rust sends when the window is being closed with unsaved changes (`CLOSE_REQUESTED` in src-tauri). */
export const CLOSE_REQUESTED = "kompis://close-requested";

/** Asked before the window closes; returns true when it holds the close (and will call `close` itself). */
type CloseGuard = (close: () => void) => boolean;

let guard: CloseGuard | null = null;

/** Lets a form hold the window's closing while it has unsaved changes; returns the way to stop. */
export function guardClosing(g: CloseGuard): () => void {
  guard = g;
  return () => {
    if (guard === g) guard = null;
  };
}

/** Tells Rust whether the page holds unsaved changes. */
export function reportUnsaved(unsaved: boolean): void {
  backend()
    .setUnsaved(unsaved)
    .catch(() => {});
}

/** The window is being closed: the form asks, or the window closes now. */
export function closeRequested(): void {
  const close = () => {
    backend()
      .closeWindow()
      .catch(() => {});
  };
  if (!guard?.(close)) close();
}
