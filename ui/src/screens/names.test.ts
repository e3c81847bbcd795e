// @vitest-environment jsdom
/** Every control on the list screens has a name a screen reader can say; the search boxes say what they search. */
import { cleanup, render, screen, waitFor } from "@testing-library/svelte";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Component } from "svelte";
import { fakeCore, giveListsHeight } from "../test/core";
import EntryList from "./EntryList.svelte";
import GapsScreen from "./GapsScreen.svelte";
import OrganisationsScreen from "./OrganisationsScreen.svelte";
import PeopleScreen from "./PeopleScreen.svelte";
import TrashScreen from "./TrashScreen.svelte";

const entry = { id: "n-1", title: "Sveising", kind: "expertise", keywords: [] };
const page = <T>(row: T) => ({ total: 1, offset: 0, rows: [row] });

beforeAll(async () => {
  giveListsHeight(600);
  await fakeCore({
    facets: () => ({ organisations: [{ id: "org-1", name: "Regnskapskontoret AS" }], municipalities: ["Elverum"] }),
    list_entries: () => page({ entry, organisation_name: "Regnskapskontoret AS", municipality: "Elverum", marks: [] }),
    list_organisations: () =>
      page({ organisation: { id: "org-1", name: "Regnskapskontoret AS", kind: "company" }, marks: [] }),
    list_people: () => page({ person: { id: "p-1", name: "Kari Nordmann" }, marks: [] }),
    list_trash: () => page({ kind: "need", id: "n-2", label: "Gammelt behov", deleted_at: "2026-01-01T10:00:00Z" }),
    competence_gaps: () => page({ entry, marks: [] }),
  });
});
afterEach(cleanup);

const ROLES = ["button", "link", "textbox", "searchbox", "combobox", "checkbox", "radio", "list"] as const;

/** The controls of `role` whose accessible name is empty. */
const nameless = (role: (typeof ROLES)[number]) => screen.queryAllByRole(role, { name: (n) => n.trim() === "" });

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const screens: [string, Component<any>, Record<string, unknown>, string | null][] = [
  ["needs", EntryList, { side: "need" }, "Søk i behov"],
  ["offers", EntryList, { side: "offer" }, "Søk i tilbud"],
  ["organisations", OrganisationsScreen, {}, "Søk i organisasjoner"],
  ["people", PeopleScreen, {}, "Søk i personer"],
  ["trash", TrashScreen, {}, null],
  ["gaps", GapsScreen, {}, null],
];

describe("accessible names", () => {
  for (const [name, comp, props, search] of screens) {
    it(`${name}: every control is named${search ? `, the search box "${search}"` : ""}`, async () => {
      render(comp, props);
      await waitFor(() => expect(screen.getAllByTestId(/entry-row|gap-row/).length).toBeGreaterThan(0));
      if (search) {
        const box = screen.getByRole("searchbox", { name: search });
        expect(box.getAttribute("data-testid")).toBe("search");
        expect(screen.getByRole("search").getAttribute("aria-label")).toContain(
          box.closest("section")?.querySelector("h1")?.textContent?.trim(),
        );
      }
      for (const role of ROLES) expect(nameless(role), role).toEqual([]);
    });
  }
});
