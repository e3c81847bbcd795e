/**
 * How far a long intake has come: while a review or save runs, the page
 * asks the core (`intake_progress`) a few times a second.
 */
import { backend } from "./backend";
import type { Progress } from "./bindings/Progress";

/** How often the page asks, in milliseconds. */
const EVERY_MS = 200;

/** The latest progress of the work it watches, `null` when none runs. */
export class ProgressWatch {
  now = $state<Progress | null>(null);

  /** Runs `work`, asking for its progress until it settles. */
  async during<T>(work: () => Promise<T>): Promise<T> {
    let asking = false;
    const timer = setInterval(() => {
      if (asking) return;
      asking = true;
      backend()
        .intakeProgress()
        .then((p) => (this.now = p.stage === "idle" ? this.now : p))
        .catch(() => {})
        .finally(() => (asking = false));
    }, EVERY_MS);
    try {
      return await work();
    } finally {
      clearInterval(timer);
      this.now = null;
    }
  }
}
