/**
 * The one typed door from the UI to the catalogue. The calls are the
 * generated `Client` (`commands.ts`, one method per core command); how a call
 * travels is the `Caller`: Tauri's `invoke` in the desktop app (`tauri.ts`),
 * a POST to the dev server's `/rpc`, proxied to `kompis serve`, in a plain
 * browser (`serve.ts`). Only the native file pickers are the UI's own.
 */
import { client, type Caller, type Client } from "./commands";
import type { IpcError } from "./types";

/** Texts the native file dialogs show; the caller translates them. */
export interface DialogTexts {
  title: string;
  filterName: string;
  defaultName?: string;
}

/** Texts and defaults of the save dialog for a match sheet. */
export interface SheetDialog {
  title: string;
  /** "PDF-dokument" etc.; the filter shows only `extension`. */
  filterName: string;
  extension: "pdf" | "xlsx" | "csv";
  /** Last folder used plus the suggested file name, or just the name. */
  defaultPath: string;
}

/** How the front end picks files; native dialogs in the app, a prompt in the browser. */
export interface Pickers {
  /** Asks for a bundle to open; null when the person cancels. */
  pickImportPath(texts: DialogTexts): Promise<string | null>;
  /** Asks where to write a bundle; null when the person cancels. */
  pickExportPath(texts: DialogTexts): Promise<string | null>;
  /** Asks where to write a match sheet; null when the person cancels. */
  pickSheetPath(dialog: SheetDialog): Promise<string | null>;
}

/** Every call the UI makes: the core's commands plus the file pickers. */
export type Backend = Client &
  Pickers & {
    /** "tauri" in the desktop app, "serve" for the browser preview on `kompis serve`. */
    readonly kind: "tauri" | "serve";
  };

/** Turns whatever a call rejected with into an `IpcError` with a sentence. */
export function toIpcError(e: unknown): IpcError {
  if (e && typeof e === "object" && "message" in e && typeof (e as { message: unknown }).message === "string") {
    const o = e as { code?: unknown; message: string; field?: unknown };
    const err: IpcError = { code: typeof o.code === "string" ? o.code : "io", message: o.message };
    if (typeof o.field === "string" && o.field !== "") err.field = o.field;
    return err;
  }
  if (typeof e === "string" && e !== "") return { code: "io", message: e };
  return { code: "io", message: String(e) };
}

/** A caller whose rejections are always `IpcError`s. */
export function typedErrors(call: Caller): Caller {
  return async (name, args) => {
    try {
      return await call(name, args);
    } catch (e) {
      throw toIpcError(e);
    }
  };
}

/** Builds a backend from a way to call commands and a way to pick files. */
export function makeBackend(kind: Backend["kind"], call: Caller, pickers: Pickers): Backend {
  return { ...client(typedErrors(call)), ...pickers, kind };
}

/** Whether the page runs inside the Tauri webview (or under Tauri's `mockIPC`). */
export function inTauri(): boolean {
  const w = globalThis as unknown as Record<string, unknown>;
  return "__TAURI_INTERNALS__" in w || w.isTauri === true;
}

let current: Backend | null = null;

/** Creates the backend once: Tauri inside the app, `kompis serve` through `/rpc` elsewhere. */
export async function initBackend(): Promise<Backend> {
  if (current) return current;
  current = inTauri() ? (await import("./tauri")).tauriBackend() : (await import("./serve")).serveBackend();
  return current;
}

/** The backend made by `initBackend`; throws if called before it. */
export function backend(): Backend {
  if (!current) throw new Error("backend used before initBackend()");
  return current;
}
