/** The busy / ready / error state of one screen's loading, shared by all screens. */
import { toIpcError } from "./backend";
import type { IpcError } from "./bindings/IpcError";

export class Loader {
  status = $state<"busy" | "ready" | "error">("busy");
  error = $state<IpcError | null>(null);
  private ticket = 0;

  /**
   * Runs `fetch` and then `apply` with its result, unless a newer run started
   * meanwhile. With `quiet` the old content stays visible instead of "busy".
   */
  async run<T>(fetch: () => Promise<T>, apply: (value: T) => void, quiet = false): Promise<void> {
    const mine = ++this.ticket;
    if (!quiet) this.status = "busy";
    try {
      const value = await fetch();
      if (mine !== this.ticket) return;
      apply(value);
      this.error = null;
      this.status = "ready";
    } catch (e) {
      if (mine !== this.ticket) return;
      this.error = toIpcError(e);
      this.status = "error";
    }
  }
}
