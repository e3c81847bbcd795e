// @vitest-environment jsdom
/** The edit forms show what the core says about a save, where it says it. */
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { afterEach, describe, expect, it } from "vitest";
import { fakeCore } from "../test/core";
import EntryForm from "./EntryForm.svelte";
import OrganisationForm from "./OrganisationForm.svelte";

const facets = () => ({
  organisations: [{ id: "org-1", name: "Verksted AS" }],
  municipalities: ["Elverum"],
  municipality_choices: ["Elverum", "Åmot", "Hamar"],
});
const noPeople = () => ({ total: 0, offset: 0, rows: [] });

afterEach(cleanup);

describe("forms", () => {
  it("shows the core's refusal at the field it names and keeps the draft", async () => {
    const refusal = { code: "invalid", message: "need (new): field `title`: must not be empty", field: "title" };
    const calls = await fakeCore({
      facets,
      list_people: noPeople,
      save_entry: () => {
        throw refusal;
      },
    });
    render(EntryForm, { side: "need" });
    const description = await screen.findByTestId("field-description");
    await fireEvent.input(description, { target: { value: "Noe om sveising" } });
    await fireEvent.click(screen.getByTestId("save"));

    await waitFor(() => expect(document.getElementById("field-title-msg")?.textContent).toBe(refusal.message));
    expect(screen.getByTestId("field-title").getAttribute("aria-invalid")).toBe("true");
    expect((screen.getByTestId("field-description") as HTMLTextAreaElement).value).toBe("Noe om sveising");
    expect(calls.find((c) => c.cmd === "save_entry")?.args).toMatchObject({ side: "need", entry: { title: "" } });
    // Shown at the field, not again above the form.
    expect(screen.queryByTestId("error-banner")).toBeNull();

    // Typing in the field takes the mark away.
    await fireEvent.input(screen.getByTestId("field-title"), { target: { value: "Sveising" } });
    await waitFor(() => expect(document.getElementById("field-title-msg")).toBeNull());
  });

  it("shows a refusal naming no field of the form above it", async () => {
    await fakeCore({
      facets,
      get_organisation: () => ({ id: "org-1", name: "Verksted AS", kind: "company" }),
      list_entries: () => ({ total: 0, offset: 0, rows: [] }),
      list_people: noPeople,
      save_organisation: () => {
        throw { code: "store", message: "The catalogue store failed: disk full" };
      },
    });
    render(OrganisationForm, { id: "org-1" });
    await screen.findByDisplayValue("Verksted AS");
    await fireEvent.click(screen.getByTestId("save"));
    await waitFor(() => expect(screen.getByTestId("error-banner").textContent).toContain("disk full"));
  });

  it("offers the municipalities the core suggests and keeps any other name typed", async () => {
    const calls = await fakeCore({
      facets,
      save_organisation: ({ organisation }) => ({ ...organisation, id: "org-9" }),
    });
    render(OrganisationForm, {});
    const box = (await screen.findByTestId("field-municipality")) as HTMLInputElement;
    const list = document.getElementById(box.getAttribute("list") ?? "");
    expect([...(list?.querySelectorAll("option") ?? [])].map((o) => o.value)).toEqual(["Elverum", "Åmot", "Hamar"]);

    await fireEvent.input(screen.getByTestId("field-name"), { target: { value: "Rena Kafé" } });
    await fireEvent.input(box, { target: { value: "Rendalen" } });
    await fireEvent.click(screen.getByTestId("save"));
    await waitFor(() =>
      expect(calls.find((c) => c.cmd === "save_organisation")?.args.organisation).toMatchObject({
        name: "Rena Kafé",
        municipality: "Rendalen",
      }),
    );
  });

  it("sends nothing when it cannot read the typed date, and says so at the field", async () => {
    const calls = await fakeCore({ facets, list_people: noPeople, save_entry: ({ entry }) => entry });
    render(EntryForm, { side: "need" });
    await fireEvent.input(await screen.findByTestId("field-title"), { target: { value: "Sveising" } });
    await fireEvent.input(screen.getByTestId("field-deadline"), { target: { value: "31.02.2027" } });
    await fireEvent.click(screen.getByTestId("save"));
    await waitFor(() => expect(document.getElementById("field-deadline-msg")?.textContent).toMatch(/dd\.mm\.åååå/));
    expect(calls.some((c) => c.cmd === "save_entry")).toBe(false);

    await fireEvent.input(screen.getByTestId("field-deadline"), { target: { value: "1.3.2027" } });
    await fireEvent.click(screen.getByTestId("save"));
    await waitFor(() =>
      expect(calls.find((c) => c.cmd === "save_entry")?.args.entry).toMatchObject({
        title: "Sveising",
        deadline: "2027-03-01",
      }),
    );
  });

  it("Esc leaves the form", async () => {
    await fakeCore({ facets, list_people: noPeople });
    location.hash = "#/needs/new";
    render(EntryForm, { side: "need" });
    await screen.findByTestId("field-title");
    await fireEvent.keyDown(window, { key: "Escape" });
    await waitFor(() => expect(location.hash).toBe("#/needs"));
  });
});
