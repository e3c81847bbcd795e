/** The desktop backend: each command is one Tauri `invoke` (file dialogs open on the Rust side). */
import { invoke } from "@tauri-apps/api/core";
import { listen } from "@tauri-apps/api/event";
import type { FileChoice } from "./bindings/FileChoice";
import { FILE_DROPPED } from "./intake.svelte";
import { CLOSE_REQUESTED } from "./closing.svelte";
import { makeBackend, type Backend } from "./backend";
import type { Caller } from "./commands";

const call: Caller = (name, args) => invoke(name, args);

export function tauriBackend(): Backend {
  return makeBackend("tauri", call);
}

/** Calls `onfile` with the handle of each file dropped on the window (Rust keeps the path). */
export function onFileDropped(onfile: (file: FileChoice) => void): Promise<() => void> {
  return listen<FileChoice>(FILE_DROPPED, (e) => onfile(e.payload));
}

/**
 * The file the app was started with (a double click on a `.kompis.json`, or
 * `kompis-app FILE`): Rust grants it as a one-time handle before the page
 * loads and leaves it in a global, read here once.
 */
export function openedFile(): FileChoice | null {
  const w = window as { __KOMPIS_OPENED_FILE__?: FileChoice };
  const file = w.__KOMPIS_OPENED_FILE__ ?? null;
  delete w.__KOMPIS_OPENED_FILE__;
  return file;
}

/** Calls `onclose` when the window is being closed while the page holds unsaved changes. */
export function onCloseRequested(onclose: () => void): Promise<() => void> {
  return listen(CLOSE_REQUESTED, () => onclose());
}
