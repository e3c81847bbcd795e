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

/** Calls `onclose` when the window is being closed while the page holds unsaved changes. */
export function onCloseRequested(onclose: () => void): Promise<() => void> {
  return listen(CLOSE_REQUESTED, () => onclose());
}
