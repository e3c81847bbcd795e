// @vitest-environment jsdom
/** The offers/needs list as a person uses it: windowed rows, pages on demand, typing, keys. */
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { deferred, fakeCore, giveListsHeight, type Call } from "../test/core";
import { entryFilters, resetEntryFilters } from "../lib/filters.svelte";
import type { EntryQuery, EntryRow, Page } from "../lib/types";
import EntryList from "./EntryList.svelte";

const TOTAL = 20_000;

/** Row `i` of a catalogue with `total` needs titled by number (the fake's only "rule"). */
const rowAt = (i: number, prefix = "Behov"): EntryRow => ({
  entry: { id: `n-${i}`, title: `${prefix} ${i}`, kind: "expertise", keywords: [] },
  organisation_name: "Verksted AS",
  marks: [],
  overdue: false,
});

function pageOf(q: EntryQuery, total = TOTAL, prefix = "Behov"): Page<EntryRow> {
  const offset = q.offset ?? 0;
  const n = Math.max(0, Math.min(q.limit ?? 50, total - offset));
  return { total, offset, rows: Array.from({ length: n }, (_, k) => rowAt(offset + k, prefix)) };
}

const facets = () => ({ organisations: [{ id: "org-1", name: "Verksted AS" }], municipalities: ["Elverum"] });
const rowsShown = () => screen.queryAllByTestId("entry-row");
const listCalls = (calls: Call[]) => calls.filter((c) => c.cmd === "list_entries");

beforeAll(() => giveListsHeight(600));
beforeEach(() => resetEntryFilters("need"));
afterEach(() => {
  cleanup();
  entryFilters.need.text = "";
});

describe("EntryList", () => {
  it("renders only the rows in view and shows the core's total", async () => {
    await fakeCore({ facets, list_entries: ({ query }) => pageOf(query) });
    render(EntryList, { side: "need" });
    await waitFor(() => expect(rowsShown().length).toBeGreaterThan(0));
    // 600 px at 60 px a row is 10 rows, plus a few either side; never thousands.
    expect(rowsShown().length).toBeLessThanOrEqual(20);
    expect(screen.getByText(/20[\s\u00a0]?000 behov|20000 behov/)).toBeTruthy();
    expect(rowsShown()[0].textContent).toContain("Behov 0");
  });

  it("asks for the next page when scrolled there, and not before", async () => {
    const calls = await fakeCore({ facets, list_entries: ({ query }) => pageOf(query) });
    const { container } = render(EntryList, { side: "need" });
    await waitFor(() => expect(rowsShown().length).toBeGreaterThan(0));
    expect(listCalls(calls).map((c) => c.args.query.offset)).toEqual([0]);

    const view = container.querySelector<HTMLElement>(".vlist")!;
    view.scrollTop = 60 * 120; // row 120: the third page
    await fireEvent.scroll(view);
    await waitFor(() => expect(screen.getByText("Behov 120")).toBeTruthy());
    expect(listCalls(calls).map((c) => c.args.query.offset)).toContain(100);
    expect(listCalls(calls).every((c) => c.args.query.limit === 50)).toBe(true);
  });

  it("sends the typed text and filters as the query and ignores an older, slower reply", async () => {
    const slow = deferred<Page<EntryRow>>();
    const calls = await fakeCore({
      facets,
      list_entries: ({ query }) => {
        if (query.text === "sve") return slow.promise;
        if (query.text === "sveis") return pageOf(query, 3, "Sveis");
        return pageOf(query);
      },
    });
    render(EntryList, { side: "need" });
    await waitFor(() => expect(rowsShown().length).toBeGreaterThan(0));

    const search = screen.getByTestId("search");
    await fireEvent.input(search, { target: { value: "sve" } });
    await waitFor(() => expect(listCalls(calls).some((c) => c.args.query.text === "sve")).toBe(true));
    await fireEvent.input(search, { target: { value: "sveis" } });
    await waitFor(() => expect(screen.getByText("3 behov")).toBeTruthy());

    // The answer to "sve" arrives last; the list keeps showing "sveis".
    slow.resolve(pageOf({ offset: 0, limit: 50 }, 999, "Gammel"));
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.getByText("3 behov")).toBeTruthy();
    expect(rowsShown().map((r) => r.textContent)).toEqual(expect.arrayContaining([expect.stringContaining("Sveis 0")]));
    expect(screen.queryByText(/Gammel/)).toBeNull();

    await fireEvent.change(screen.getByTestId("filter-organisation"), { target: { value: "org-1" } });
    await waitFor(() =>
      expect(listCalls(calls).at(-1)?.args).toMatchObject({
        side: "need",
        query: { text: "sveis", organisation: "org-1", offset: 0 },
      }),
    );
  });

  it("marks the words the core says matched", async () => {
    await fakeCore({
      facets,
      list_entries: ({ query }) => ({
        total: 1,
        offset: query.offset,
        rows: [{ ...rowAt(1, "Sveising av aluminium"), marks: ["Sveising"] }],
      }),
    });
    const { container } = render(EntryList, { side: "need" });
    await waitFor(() => expect(container.querySelector("mark")?.textContent).toBe("Sveising"));
  });

  it("moves between rows with the arrow keys, from the search box on", async () => {
    await fakeCore({ facets, list_entries: ({ query }) => pageOf(query) });
    render(EntryList, { side: "need" });
    await waitFor(() => expect(rowsShown().length).toBeGreaterThan(0));
    await fireEvent.keyDown(screen.getByTestId("search"), { key: "ArrowDown" });
    await waitFor(() => expect(document.activeElement?.textContent).toContain("Behov 0"));
    await fireEvent.keyDown(document.activeElement!, { key: "ArrowDown" });
    await waitFor(() => expect(document.activeElement?.textContent).toContain("Behov 1"));
    expect(document.activeElement?.getAttribute("href")).toBe("#/needs/n-1");
  });

  it("shows the core's error with a way to try again, and the empty state", async () => {
    let fail = true;
    await fakeCore({
      facets,
      list_entries: ({ query }) => {
        if (fail) throw { code: "store", message: "The catalogue store failed: disk full" };
        return pageOf(query, 0);
      },
    });
    render(EntryList, { side: "need" });
    await waitFor(() => expect(screen.getByText(/disk full/)).toBeTruthy());
    fail = false;
    await fireEvent.click(screen.getByRole("button", { name: /prøv igjen/i }));
    await waitFor(() => expect(screen.queryByText(/disk full/)).toBeNull());
    expect(rowsShown()).toHaveLength(0);
  });
});
