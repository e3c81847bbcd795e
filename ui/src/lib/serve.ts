/**
 * The browser preview's backend: each command is a POST of `{command, args}`
 * to same-origin `/rpc`, which the Vite server proxies to `kompis serve`
 * (adding its token, so the page never sees it; `scripts/preview.sh`).
 * There are no file dialogs here: `choose_file` answers that files are
 * chosen in the desktop app only.
 */
import { makeBackend, type Backend } from "./backend";
import type { Caller } from "./commands";
import type { IpcError } from "./types";

/** What the page says when `/rpc` answers with something that is not the core. */
const NO_CORE =
  "No Kompis core answers at /rpc. Start the preview with `npm run preview:core` (it runs `kompis serve`).";

/** Posts one command; the core's `IpcError` comes back as the rejection. */
export const serveCall: Caller = async (name, args) => {
  let res: Response;
  try {
    res = await fetch("/rpc", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ command: name, args }),
    });
  } catch {
    throw { code: "io", message: NO_CORE } satisfies IpcError;
  }
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    throw { code: "io", message: NO_CORE } satisfies IpcError;
  }
  if (!res.ok) throw body;
  return body as never;
};

export function serveBackend(): Backend {
  return makeBackend("serve", serveCall);
}
