// @vitest-environment jsdom
/** The import screen as a coordinator uses it, on a fake core: choose, map, review, leave a row out, save. */
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { afterEach, describe, expect, it } from "vitest";
import { deferred, fakeCore } from "../test/core";
import type { IntakeMapping, IntakeReview } from "../lib/types";
import IntakeScreen from "./IntakeScreen.svelte";

const mapping: IntakeMapping = {
  tables: [
    {
      sheet: "behov",
      entity: "need",
      rows: 2,
      columns: [
        { header: "Tittel", field: "title" },
        { header: "Notat", field: "notes" },
      ],
      preview: [
        ["Tørking av skurlast", "intern"],
        ["Lærlinger", ""],
      ],
    },
  ],
  fields: ["title", "notes", "ignore"],
};

const review: IntakeReview = {
  rows: [
    { sheet: "behov", row: 2, action: "new", entity: "need", changes: { title: [null, "Tørking av skurlast"] } },
    {
      sheet: "behov",
      row: 3,
      action: "changed",
      entity: "need",
      id: "n-1",
      changes: { title: ["Lærling", "Lærlinger"], deadline: [null, "2027-03-15"] },
    },
  ],
  summary: { new: 1, changed: 1, unchanged: 0, duplicate: 0, error: 0 },
};

afterEach(cleanup);

describe("IntakeScreen", () => {
  it("sends the person's mapping and left-out rows to the core, and saves only when asked", async () => {
    const calls = await fakeCore({
      choose_file: () => ({ handle: "h1", name: "behov.csv" }),
      map_intake: () => mapping,
      review_intake: () => review,
      apply_intake: () => ({ ...review, summary: { ...review.summary, changed: 0 } }),
    });
    render(IntakeScreen);
    await fireEvent.click(screen.getByTestId("intake-pick"));
    await waitFor(() => expect(screen.getByTestId("intake-sheet").textContent).toContain("Tørking av skurlast"));

    const notes = screen.getAllByTestId("intake-field")[1] as HTMLSelectElement;
    notes.value = "ignore";
    await fireEvent.change(notes);
    await fireEvent.click(screen.getByTestId("intake-review"));
    await waitFor(() => expect(screen.getAllByTestId("intake-row")).toHaveLength(2));
    const changed = screen.getAllByTestId("intake-row")[1];
    // Dates as the app shows them, old → new.
    expect(changed.textContent).toContain("15.03.2027");
    expect(changed.textContent).toContain("Lærling");
    expect(calls.some((c) => c.cmd === "apply_intake")).toBe(false);

    // Leave the changed row out; the button counts what is left.
    await fireEvent.click(changed.querySelector("input[type=checkbox]")!);
    expect(screen.getByTestId("intake-apply").textContent).toContain("1");
    await fireEvent.click(screen.getByTestId("intake-apply"));
    await waitFor(() => expect(screen.getByTestId("intake-done")).toBeTruthy());

    const apply = calls.find((c) => c.cmd === "apply_intake")!;
    expect(apply.args.file).toBe("h1");
    expect(apply.args.options.map).toEqual([{ header: "Notat", field: "ignore" }]);
    expect(apply.args.options.skip).toEqual([{ sheet: "behov", row: 3 }]);
    const reviewCall = calls.find((c) => c.cmd === "review_intake")!;
    expect(reviewCall.args.options.map).toEqual([{ header: "Notat", field: "ignore" }]);
  });

  it("keeps saving off while a row is an error, and shows the errors first", async () => {
    await fakeCore({
      choose_file: () => ({ handle: "h2", name: "feil.csv" }),
      map_intake: () => mapping,
      review_intake: () => ({
        rows: [
          ...review.rows,
          {
            sheet: "behov",
            row: 4,
            action: "error",
            entity: "need",
            message: "Sheet behov, row 4, column Frist: 31.02.2027 is not a date.",
          },
        ],
        summary: { ...review.summary, error: 1 },
      }),
    });
    render(IntakeScreen);
    await fireEvent.click(screen.getByTestId("intake-pick"));
    await waitFor(() => screen.getByTestId("intake-review"));
    await fireEvent.click(screen.getByTestId("intake-review"));
    await waitFor(() => expect(screen.getByTestId("intake-errors")).toBeTruthy());
    const rows = screen.getAllByTestId("intake-row");
    expect(rows).toHaveLength(1);
    expect(rows[0].textContent).toContain("is not a date");
    expect((screen.getByTestId("intake-apply") as HTMLButtonElement).disabled).toBe(true);
  });

  it("shows the core's rows reviewed of all while a long review runs", async () => {
    const slow = deferred<IntakeReview>();
    let asked = 0;
    await fakeCore({
      choose_file: () => ({ handle: "h1", name: "behov.csv" }),
      map_intake: () => mapping,
      review_intake: () => slow.promise,
      intake_progress: () => {
        asked += 1;
        return { stage: "reviewing", done: 12000 * asked, total: 50000 };
      },
    });
    render(IntakeScreen);
    await fireEvent.click(screen.getByTestId("intake-pick"));
    await waitFor(() => screen.getByTestId("intake-review"));
    await fireEvent.click(screen.getByTestId("intake-review"));
    const bar = (await screen.findByRole("progressbar", {}, { timeout: 2000 })) as HTMLProgressElement;
    expect(bar.max).toBe(50000);
    await waitFor(() => expect(bar.value).toBeGreaterThanOrEqual(24000), { timeout: 2000 });
    expect(screen.getByTestId("progress-rows").textContent).toMatch(/av 50\s000 rader/);
    slow.resolve(review);
    await waitFor(() => expect(screen.getAllByTestId("intake-row")).toHaveLength(2));
    expect(screen.queryByRole("progressbar")).toBeNull();
    const stopped = asked;
    await new Promise((r) => setTimeout(r, 500));
    expect(asked).toBe(stopped);
  });

  it("says each column's problem of an error row in the UI's language", async () => {
    await fakeCore({
      choose_file: () => ({ handle: "h1", name: "behov.csv" }),
      map_intake: () => mapping,
      review_intake: () => ({
        rows: [
          {
            sheet: "behov",
            row: 2,
            action: "error",
            entity: "need",
            message: 'Sheet behov, row 2, column Frist: expected a date like 31.12.2027, got "31.02.2027"',
            problems: [{ column: "Frist", problem: { kind: "not_a_date", text: "31.02.2027" } }],
          },
        ],
        summary: { new: 0, changed: 0, unchanged: 0, duplicate: 0, error: 1 },
      }),
    });
    render(IntakeScreen);
    await fireEvent.click(screen.getByTestId("intake-pick"));
    await waitFor(() => screen.getByTestId("intake-review"));
    await fireEvent.click(screen.getByTestId("intake-review"));
    const problems = await screen.findByTestId("intake-problems");
    expect(problems.textContent).toContain("Kolonne «Frist»: «31.02.2027» er ikke en dato.");
    expect(problems.textContent).not.toContain("expected a date");
  });
});
