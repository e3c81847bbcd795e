// @vitest-environment jsdom
/**
 * A person's data on their page: "Innsyn" asks for a file and hands its
 * handle and the language to the core; "Slett personen" asks first, says it
 * is final and what older backups hold, and after erasing says until when.
 */
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { fakeCore } from "../test/core";
import PersonPrivacy from "./PersonPrivacy.svelte";
import type { Person } from "../lib/bindings/Person";

beforeAll(() => {
  // jsdom has no <dialog> methods.
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.setAttribute("open", "");
  };
  HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
    this.removeAttribute("open");
  };
});

afterEach(() => {
  cleanup();
  location.hash = "";
});

const kari: Person = {
  id: "p-kari",
  name: "Kari Ødegård",
  consent: true,
  consent_date: "2026-11-02",
  consent_how: "muntlig i møte",
  consent_history: [{ consent: true, at: "2026-11-02T09:00:00Z", date: "2026-11-02", how: "muntlig i møte" }],
};

describe("a person's data", () => {
  it("shows the consent as recorded and writes Innsyn as a PDF to the chosen file", async () => {
    const calls = await fakeCore({
      choose_file: () => ({ handle: "h-1", name: "innsyn.pdf" }),
      export_person: () => ({ path: "/x/innsyn.pdf", bytes: 10, pages: 1, warnings: [] }),
    });
    render(PersonPrivacy, { person: kari });
    expect(screen.getByTestId("consent-recorded").textContent).toContain("muntlig i møte");
    expect(screen.getByTestId("consent-history").textContent).toContain("02.11.2026");
    await fireEvent.click(screen.getByTestId("person-export-pdf"));
    await waitFor(() => expect(calls.map((c) => c.cmd)).toContain("export_person"));
    const call = calls.find((c) => c.cmd === "export_person");
    expect(call?.args).toEqual({ request: { id: "p-kari", lang: "nb" }, file: "h-1" });
    const chosen = calls.find((c) => c.cmd === "choose_file");
    expect(JSON.stringify(chosen?.args)).toContain("sheet_pdf");
  });

  it("asks before erasing, says it is final and about backups, then erases", async () => {
    const calls = await fakeCore({
      erase_person: () => ({
        id: "p-kari",
        entries: 1,
        matches: 1,
        backups: 0,
        backups_pruned_by: "2026-12-31",
        message: "…",
      }),
      catalogue_info: () => ({}),
    });
    render(PersonPrivacy, { person: kari });
    await fireEvent.click(screen.getByTestId("person-erase"));
    const dialog = await screen.findByTestId("erase-dialog");
    expect(dialog.textContent).toContain("endelig");
    expect(dialog.textContent).toContain("sikkerhetskopier lagres i 30 dager");
    expect(calls.some((c) => c.cmd === "erase_person")).toBe(false);
    await fireEvent.click(screen.getByTestId("erase-confirm"));
    await waitFor(() => expect(location.hash).toBe("#/people"));
    expect(calls.find((c) => c.cmd === "erase_person")?.args).toEqual({ id: "p-kari" });
  });
});
