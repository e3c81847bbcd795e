// @vitest-environment jsdom
/** A need's page links its organisation and its contact person to their own pages. */
import { cleanup, render, screen } from "@testing-library/svelte";
import { afterEach, describe, expect, it } from "vitest";
import { fakeCore } from "../test/core";
import NeedDetail from "./NeedDetail.svelte";

afterEach(cleanup);

describe("a need's page", () => {
  it("links the organisation and the contact to their pages", async () => {
    await fakeCore({
      get_entry: () => ({
        id: "n-1",
        title: "Sveising av aluminium",
        kind: "expertise",
        keywords: [],
        organisation: "org-rena",
        contact: "p-kari",
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
});
