/** The real backend: each method is one Tauri command (names per CONTRACT.md). */
import { invoke } from "@tauri-apps/api/core";
import { open, save } from "@tauri-apps/plugin-dialog";
import { toIpcError, type Backend, type DialogTexts } from "./backend";

/** Calls a command and turns its rejection into an `IpcError`. */
async function call<T>(cmd: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(cmd, args);
  } catch (e) {
    throw toIpcError(e);
  }
}

const filters = (t: DialogTexts) => [{ name: t.filterName, extensions: ["json"] }];

export const tauriBackend: Backend = {
  kind: "tauri",
  catalogueInfo: () => call("catalogue_info"),
  listOrganisations: () => call("list_organisations"),
  listPeople: () => call("list_people"),
  listEntries: (side, filter) => call("list_entries", { side, filter }),
  getEntry: (side, id) => call("get_entry", { side, id }),
  saveOrganisation: (organisation) => call("save_organisation", { organisation }),
  savePerson: (person) => call("save_person", { person }),
  saveEntry: (side, entry) => call("save_entry", { side, entry }),
  deleteEntity: (kind, id) => call("delete_entity", { kind, id }),
  listTrash: () => call("list_trash"),
  restoreEntity: (kind, id) => call("restore_entity", { kind, id }),
  search: (text) => call("search", { text }),
  matchesForNeed: (needId, top) => call("matches_for_need", { needId, top: top ?? null }),
  declinedForNeed: (needId) => call("declined_for_need", { needId }),
  needsForOffer: (offerId, top) => call("needs_for_offer", { offerId, top: top ?? null }),
  setMatchStatus: (change) => call("set_match_status", { change }),
  competenceGaps: () => call("competence_gaps"),
  listConcepts: () => call("list_concepts"),
  editThesaurus: (edit) => call("edit_thesaurus", { edit }),
  sheetPreview: (request) => call("sheet_preview", { request }),
  exportSheet: (request, path) => call("export_sheet", { request, path }),
  importBundle: (path) => call("import_bundle", { path }),
  exportBundle: (path) => call("export_bundle", { path }),
  loadDemo: () => call("load_demo"),
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
};
