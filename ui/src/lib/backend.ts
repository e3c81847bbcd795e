/**
 * The one typed door from the UI to the catalogue. The calls are the
 * generated `Client` (`commands.ts`, one method per core command); how a call
 * travels is the `Caller`: Tauri's `invoke` in the desktop app (`tauri.ts`),
 * a POST to the dev server's `/rpc`, proxied to `kompis serve`, in a plain
 * browser (`serve.ts`).
 */
import { client, type Caller, type Client } from "./commands";
import type { IpcError } from "./types";
import { readable } from "./problems";

/**
 * Every call the UI makes: the core's commands. Files are chosen with
 * `chooseFile`, which opens the native dialog on the Rust side and answers a
 * one-time handle: the page never sees or names a path it could misuse.
 */
export type Backend = Client & {
  /** "tauri" in the desktop app, "serve" for the browser preview on `kompis serve`. */
  readonly kind: "tauri" | "serve";
};

/** Turns whatever a call rejected with into an `IpcError` with a sentence in the UI's language. */
export function toIpcError(e: unknown): IpcError {
  if (e && typeof e === "object" && "message" in e && typeof (e as { message: unknown }).message === "string") {
    const o = e as Partial<IpcError> & { message: string };
    const err: IpcError = { code: typeof o.code === "string" ? o.code : "io", message: o.message };
    if (typeof o.field === "string" && o.field !== "") err.field = o.field;
    if (o.problem && typeof o.problem === "object") err.problem = o.problem;
    if (typeof o.count === "number") err.count = o.count;
    if (Array.isArray(o.entries)) err.entries = o.entries;
    err.message = readable(err);
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

/** Builds a backend from a way to call commands. */
export function makeBackend(kind: Backend["kind"], call: Caller): Backend {
  return { ...client(typedErrors(call)), kind };
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
