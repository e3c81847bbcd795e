/**
 * Component tests talk to a fake core through Tauri's own `mockIPC`, so the
 * UI runs its real backend (`tauri.ts` → `invoke`). The fakes answer only
 * what a test needs; they hold no rules of the core.
 */
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { initBackend } from "../lib/backend";
import type { CommandName } from "../lib/commands";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Args = any;
export type Handlers = Partial<Record<CommandName, (args: Args) => unknown>>;

export interface Call {
  cmd: string;
  args: Args;
}

/** Installs the fake core and returns the calls it receives, in order. */
export async function fakeCore(handlers: Handlers): Promise<Call[]> {
  clearMocks();
  const calls: Call[] = [];
  mockIPC((cmd, args) => {
    calls.push({ cmd, args });
    const h = handlers[cmd as CommandName];
    if (!h) throw { code: "not_found", message: `this test's core has no ${cmd}` };
    return h(args);
  });
  await initBackend();
  return calls;
}

/** A promise the test resolves when it likes (a slow reply). */
export function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void } {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** jsdom does no layout: give every virtualised list a 600 px tall view. */
export function giveListsHeight(px = 600): void {
  Object.defineProperty(HTMLElement.prototype, "clientHeight", {
    configurable: true,
    get(this: HTMLElement) {
      return this.classList.contains("vlist") ? px : 0;
    },
  });
}
