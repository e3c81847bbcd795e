// @vitest-environment jsdom
/** A need's page links its organisation and its contact person to their own pages. */
import { cleanup, render, screen } from "@testing-library/svelte";
import { afterEach, describe, expect, it } from "vitest";
import { fakeCore } from "../test/core";
import { t } from "../lib/i18n/index.svelte";
import NeedDetail from "./NeedDetail.svelte";

afterEach(cleanup);

describe("a need's page", () => {
  it("links the organisation and the contact to their pages", async () => {
    await fakeCore({
      entry_row: () => ({
        entry: {
          id: "n-1",
          title: "Sveising av aluminium",
          kind: "expertise",
          keywords: [],
          organisation: "org-rena",
          contact: "p-kari",
        },
        organisation_name: "Rena Aluminium AS",
        marks: [],
        overdue: false,
      }),
      get_organisation: () => ({ id: "org-rena", name: "Rena Aluminium AS", kind: "company", municipality: "Åmot" }),
      get_person: () => ({ id: "p-kari", name: "Kari Nordmann", consent: true }),
      matches_for_need: () => [],
      declined_for_need: () => [],
    });
    render(NeedDetail, { id: "n-1" });
    const org = (await screen.findByTestId("organisation-link")) as HTMLAnchorElement;
    expect(org.textContent).toBe("Rena Aluminium AS");
    expect(org.getAttribute("href")).toBe("#/organisations/org-rena");
    const person = (await screen.findByTestId("contact-link")) as HTMLAnchorElement;
    expect(person.textContent).toBe("Kari Nordmann");
    expect(person.getAttribute("href")).toBe("#/people/p-kari");
  });

  it("marks the deadline as passed when the core says so, not by its own clock", async () => {
    const need = (overdue: boolean) => ({
      entry: { id: "n-2", title: "Lean", kind: "expertise", keywords: [], deadline: "2999-01-01" },
      marks: [],
      overdue,
    });
    await fakeCore({
      entry_row: () => need(true),
      matches_for_need: () => [],
      declined_for_need: () => [],
    });
    render(NeedDetail, { id: "n-2" });
    expect(await screen.findByText(t("need.overdue"))).toBeTruthy();
    cleanup();
    await fakeCore({
      entry_row: () => need(false),
      matches_for_need: () => [],
      declined_for_need: () => [],
    });
    render(NeedDetail, { id: "n-2" });
    await screen.findByText("01.01.2999");
    expect(screen.queryByText(t("need.overdue"))).toBeNull();
  });
});
