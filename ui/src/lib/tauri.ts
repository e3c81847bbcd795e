/** The desktop backend: each command is one Tauri `invoke`; files are picked in native dialogs. */
import { invoke } from "@tauri-apps/api/core";
import { open, save } from "@tauri-apps/plugin-dialog";
import { makeBackend, type Backend, type DialogTexts } from "./backend";
import type { Caller } from "./commands";

const filters = (t: DialogTexts) => [{ name: t.filterName, extensions: ["json"] }];

const call: Caller = (name, args) => invoke(name, args);

export function tauriBackend(): Backend {
  return makeBackend("tauri", call, {
    async pickImportPath(texts) {
      const picked = await open({ title: texts.title, multiple: false, directory: false, filters: filters(texts) });
      return typeof picked === "string" ? picked : null;
    },
    async pickExportPath(texts) {
      const picked = await save({ title: texts.title, defaultPath: texts.defaultName, filters: filters(texts) });
      return picked ?? null;
    },
    async pickSheetPath(d) {
      const picked = await save({
        title: d.title,
        defaultPath: d.defaultPath,
        filters: [{ name: d.filterName, extensions: [d.extension] }],
      });
      return picked ?? null;
    },
  });
}
