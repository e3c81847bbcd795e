/** The desktop backend: each command is one Tauri `invoke` (file dialogs open on the Rust side). */
import { invoke } from "@tauri-apps/api/core";
import { makeBackend, type Backend } from "./backend";
import type { Caller } from "./commands";

const call: Caller = (name, args) => invoke(name, args);

export function tauriBackend(): Backend {
  return makeBackend("tauri", call);
}
