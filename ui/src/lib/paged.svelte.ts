/**
 * Rows of a long list, read from the core a page at a time as they come
 * into view. A new query forgets what was loaded; replies to an older query
 * are ignored, so a slow answer to an earlier keystroke never overwrites a
 * newer one.
 */
import { toIpcError } from "./backend";
import type { IpcError, Page, PageQuery } from "./types";

/** Reads one page of the current query. */
export type PageFetch<T> = (page: Required<PageQuery>) => Promise<Page<T>>;

/** The rows per request; the core allows up to 500. */
export const PAGE_SIZE = 50;

export class PagedList<T> {
  status = $state<"busy" | "ready" | "error">("busy");
  error = $state<IpcError | null>(null);
  /** How many rows pass the query (`Page.total`). */
  total = $state(0);
  /** Counts queries started with `load`; a list scrolls back to the top when it moves. */
  epoch = $state(0);
  /** Bumped whenever rows arrive, so readers of `row()` update. */
  private version = $state(0);
  private rows = new Map<number, T>();
  /** Page numbers loaded or asked for under the current query. */
  private pages = new Set<number>();
  private fetch: PageFetch<T> | null = null;
  private generation = 0;
  /** The rows last asked for by `ensure`, re-read by `refresh`. */
  private wanted: [number, number] = [0, 0];

  constructor(readonly limit: number = PAGE_SIZE) {}

  /** The row at `index`, or undefined while its page is on its way. */
  row(index: number): T | undefined {
    void this.version;
    return this.rows.get(index);
  }

  /**
   * Starts a new query: reads its first page, then whatever `ensure` asks
   * for. With `quiet` the old rows stay on screen until the answer comes.
   */
  load(fetch: PageFetch<T>, quiet = false): Promise<void> {
    this.fetch = fetch;
    this.wanted = [0, 0];
    this.epoch++;
    if (!quiet) this.status = "busy";
    return this.reread([0]);
  }

  /** Reads the pages in view again (after the catalogue changed), keeping the rows shown meanwhile. */
  refresh(): Promise<void> {
    const first = Math.floor(this.wanted[0] / this.limit);
    const last = Math.max(first, Math.floor(Math.max(0, this.wanted[1] - 1) / this.limit));
    const pages: number[] = [];
    for (let p = first; p <= last; p++) pages.push(p);
    if (!pages.includes(0)) pages.unshift(0);
    return this.reread(pages);
  }

  /** Makes sure rows `from` (inclusive) to `to` (exclusive) are loaded or on their way. */
  ensure(from: number, to: number): void {
    this.wanted = [from, to];
    if (!this.fetch || this.status !== "ready") return;
    const end = Math.min(to, this.total);
    for (let p = Math.floor(from / this.limit); p * this.limit < end; p++) {
      if (!this.pages.has(p)) void this.one(p, this.generation);
    }
  }

  /** Reads `pages` under a new generation and replaces every row with them. */
  private async reread(pages: number[]): Promise<void> {
    const mine = ++this.generation;
    const fetch = this.fetch;
    if (!fetch) return;
    try {
      const replies = await Promise.all(pages.map((p) => fetch({ offset: p * this.limit, limit: this.limit })));
      if (mine !== this.generation) return;
      this.rows = new Map();
      this.pages = new Set(pages);
      for (const r of replies) this.put(r);
      this.total = replies[replies.length - 1].total;
      this.error = null;
      this.status = "ready";
      this.version++;
      this.ensure(...this.wanted);
    } catch (e) {
      if (mine !== this.generation) return;
      this.error = toIpcError(e);
      this.status = "error";
    }
  }

  /** Reads one more page of the current query. */
  private async one(page: number, mine: number): Promise<void> {
    const fetch = this.fetch;
    if (!fetch) return;
    this.pages.add(page);
    try {
      const reply = await fetch({ offset: page * this.limit, limit: this.limit });
      if (mine !== this.generation) return;
      this.put(reply);
      this.total = reply.total;
      this.version++;
    } catch (e) {
      if (mine !== this.generation) return;
      this.pages.delete(page);
      this.error = toIpcError(e);
      this.status = "error";
    }
  }

  private put(reply: Page<T>): void {
    reply.rows.forEach((row, i) => this.rows.set(reply.offset + i, row));
  }
}

/** A `PageFetch` over rows already in memory (a search's hits), for the same list component. */
export function inMemory<T>(rows: readonly T[]): PageFetch<T> {
  return async ({ offset, limit }) => ({ total: rows.length, offset, rows: rows.slice(offset, offset + limit) });
}
