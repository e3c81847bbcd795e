// @vitest-environment jsdom
/**
 * The pages of an organisation and a person: busy while the core answers,
 * its error with a retry, the empty sections, what the core sends shown as
 * it sends it (people named only where it names them), and Edit to the form.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { afterEach, describe, expect, it } from "vitest";
import { deferred, fakeCore } from "../test/core";
import type { OrganisationOverview } from "../lib/bindings/OrganisationOverview";
import type { PersonOverview } from "../lib/bindings/PersonOverview";
import OrganisationDetail from "./OrganisationDetail.svelte";
import PersonDetail from "./PersonDetail.svelte";
import OrganisationForm from "./OrganisationForm.svelte";
import PersonForm from "./PersonForm.svelte";

afterEach(() => {
  cleanup();
  location.hash = "";
});

const rena: OrganisationOverview = {
  organisation: {
    id: "org-rena",
    name: "Rena Aluminium AS",
    kind: "company",
    municipality: "Åmot",
    org_number: "999100102",
    website: "https://rena-aluminium.example.no",
    member: true,
    notes: "Støperi og ekstrudering.",
  },
  people: [
    { id: "p-jon", name: "Jon Olav Berg", role: "Produksjonssjef", consents: true },
    { id: "p-ahmad", role: "Kvalitetsingeniør", consents: false },
  ],
  needs: [
    {
      side: "need",
      id: "n-02",
      title: "Innføre lean i støperiet",
      kind: "experience",
      active: true,
      deadline: "2020-01-31",
      expired: true,
    },
  ],
  offers: [{ side: "offer", id: "o-35", title: "Kurs i 8D", kind: "training", active: false, expired: false }],
  matches: [
    {
      ours: { side: "need", id: "n-02", title: "Innføre lean i støperiet" },
      other: {
        side: "offer",
        id: "o-36",
        title: "Vår lean-reise",
        organisation: { id: "org-grundset", name: "Grundset Plateverk AS" },
      },
      status: "agreed",
    },
  ],
};

const empty: OrganisationOverview = {
  organisation: { id: "org-new", name: "Ny Bedrift AS", kind: "company" },
  people: [],
  needs: [],
  offers: [],
  matches: [],
};

describe("an organisation's page", () => {
  it("is busy until the core answers, then shows what it sent", async () => {
    const slow = deferred<OrganisationOverview>();
    const calls = await fakeCore({ organisation_overview: () => slow.promise });
    render(OrganisationDetail, { id: "org-rena" });
    expect(await screen.findByRole("status")).toBeTruthy();
    slow.resolve(rena);

    expect(await screen.findByRole("heading", { level: 1, name: "Rena Aluminium AS" })).toBeTruthy();
    expect(calls.filter((c) => c.cmd === "organisation_overview").map((c) => c.args)).toEqual([{ id: "org-rena" }]);
    const facts = screen.getByTestId("org-facts").textContent ?? "";
    for (const text of ["Bedrift", "Åmot", "999100102", "https://rena-aluminium.example.no", "Ja"]) {
      expect(facts).toContain(text);
    }
    expect(screen.getByText("Støperi og ekstrudering.")).toBeTruthy();

    // People: by name where the core names them, otherwise by role, marked.
    const people = screen.getAllByTestId("org-person");
    expect(people[0].textContent).toContain("Jon Olav Berg");
    expect(within(people[0]).getByRole("link").getAttribute("href")).toBe("#/people/p-jon");
    expect(within(people[1]).getByRole("link").textContent).toBe("Kvalitetsingeniør");
    expect(people[1].textContent).toContain("Uten samtykke");

    const need = screen.getByTestId("org-need");
    expect(within(need).getByRole("link").getAttribute("href")).toBe("#/needs/n-02");
    expect(need.textContent).toContain("Fristen er passert");
    expect(need.textContent).toContain("31.01.2020");
    expect(screen.getByTestId("org-offer").textContent).toContain("Inaktiv");

    const match = screen.getByTestId("org-match");
    expect(match.textContent).toContain("Avtalt");
    expect(within(match).getByRole("link", { name: "Vår lean-reise" }).getAttribute("href")).toBe("#/offers/o-36");
    expect(within(match).getByRole("link", { name: "Grundset Plateverk AS" }).getAttribute("href")).toBe(
      "#/organisations/org-grundset",
    );
  });

  it("says so when it has no people, entries or matches", async () => {
    await fakeCore({ organisation_overview: () => empty });
    render(OrganisationDetail, { id: "org-new" });
    expect(await screen.findByTestId("org-people-none")).toBeTruthy();
    expect(screen.getByTestId("org-need-none").textContent).toContain("Ingen behov");
    expect(screen.getByTestId("org-offer-none").textContent).toContain("Ingen tilbud");
    expect(screen.getByTestId("org-matches-none")).toBeTruthy();
  });

  it("shows the core's error with a retry that loads it again", async () => {
    let fail = true;
    await fakeCore({
      organisation_overview: () => {
        if (fail) throw { code: "not_found", message: "organisation `org-x` does not exist" };
        return empty;
      },
    });
    render(OrganisationDetail, { id: "org-x" });
    expect((await screen.findByTestId("error-banner")).textContent).toContain("does not exist");
    expect(screen.getByRole("link", { name: /Organisasjoner/ }).getAttribute("href")).toBe("#/organisations");
    fail = false;
    await fireEvent.click(screen.getByRole("button", { name: "Prøv igjen" }));
    expect(await screen.findByRole("heading", { level: 1, name: "Ny Bedrift AS" })).toBeTruthy();
  });

  it("Rediger opens the organisation's form", async () => {
    await fakeCore({ organisation_overview: () => rena });
    render(OrganisationDetail, { id: "org-rena" });
    const edit = await screen.findByTestId("edit");
    expect(edit.textContent?.trim()).toBe("Rediger");
    await fireEvent.click(edit);
    await waitFor(() => expect(location.hash).toBe("#/organisations/org-rena/edit"));
  });
});

const jon: PersonOverview = {
  person: {
    id: "p-jon",
    name: "Jon Olav Berg",
    role: "Produksjonssjef",
    email: "jon@example.no",
    organisation: "org-rena",
    consent: true,
  },
  organisation: { id: "org-rena", name: "Rena Aluminium AS" },
  consents: true,
  entries: [
    { side: "need", id: "n-02", title: "Innføre lean i støperiet", kind: "experience", active: true, expired: false },
    { side: "offer", id: "o-34", title: "Materiallaboratorium", kind: "facility", active: true, expired: false },
  ],
};

describe("a person's page", () => {
  it("shows their details, organisation, consent in words and their entries", async () => {
    const slow = deferred<PersonOverview>();
    await fakeCore({ person_overview: () => slow.promise });
    render(PersonDetail, { id: "p-jon" });
    expect(await screen.findByRole("status")).toBeTruthy();
    slow.resolve(jon);

    expect(await screen.findByRole("heading", { level: 1, name: "Jon Olav Berg" })).toBeTruthy();
    expect(screen.getByTestId("person-organisation").getAttribute("href")).toBe("#/organisations/org-rena");
    expect(screen.getByText("jon@example.no")).toBeTruthy();
    expect(screen.getByTestId("person-consent").textContent).toContain("Har samtykket");
    const entries = screen.getAllByTestId("person-entry");
    expect(entries.map((e) => within(e).getByRole("link").getAttribute("href"))).toEqual([
      "#/needs/n-02",
      "#/offers/o-34",
    ]);
    expect(entries[0].textContent).toContain("Behov");
    expect(entries[1].textContent).toContain("Tilbud");
  });

  it("says plainly when they have not consented, and when they are no one's contact", async () => {
    await fakeCore({
      person_overview: () => ({
        person: { id: "p-ahmad", name: "Ahmad Karimi", consent: false },
        consents: false,
        entries: [],
      }),
    });
    render(PersonDetail, { id: "p-ahmad" });
    const consent = await screen.findByTestId("person-consent");
    expect(consent.textContent).toContain("Har ikke samtykket");
    expect(screen.getByTestId("person-entry-none")).toBeTruthy();
    expect(screen.queryByTestId("person-organisation")).toBeNull();
  });

  it("shows the core's error with a way back to the list", async () => {
    await fakeCore({
      person_overview: () => {
        throw { code: "not_found", message: "person `p-x` does not exist" };
      },
    });
    render(PersonDetail, { id: "p-x" });
    expect((await screen.findByTestId("error-banner")).textContent).toContain("does not exist");
    expect(screen.getByRole("link", { name: /Personer/ }).getAttribute("href")).toBe("#/people");
  });

  it("Rediger opens the person's form", async () => {
    await fakeCore({ person_overview: () => jon });
    render(PersonDetail, { id: "p-jon" });
    await fireEvent.click(await screen.findByTestId("edit"));
    await waitFor(() => expect(location.hash).toBe("#/people/p-jon/edit"));
  });
});

describe("the edit forms go back to the page", () => {
  const facets = () => ({ organisations: [{ id: "org-rena", name: "Rena Aluminium AS" }], municipalities: [] });
  const none = () => ({ total: 0, offset: 0, rows: [] });
  const cases = [
    {
      name: "an organisation's",
      page: "#/organisations/org-rena",
      form: () => render(OrganisationForm, { id: "org-rena" }),
      shown: "Rena Aluminium AS",
    },
    {
      name: "a person's",
      page: "#/people/p-jon",
      form: () => render(PersonForm, { id: "p-jon" }),
      shown: "Jon Olav Berg",
    },
  ];

  for (const c of cases) {
    it(`${c.name} Cancel and Save`, async () => {
      await fakeCore({
        facets,
        get_organisation: () => rena.organisation,
        get_person: () => jon.person,
        list_entries: none,
        list_people: none,
        save_organisation: ({ organisation }) => organisation,
        save_person: ({ person }) => person,
      });
      location.hash = `${c.page}/edit`;
      c.form();
      await screen.findByDisplayValue(c.shown);
      await fireEvent.click(screen.getByTestId("cancel"));
      await waitFor(() => expect(location.hash).toBe(c.page));

      location.hash = `${c.page}/edit`;
      await fireEvent.click(screen.getByTestId("save"));
      await waitFor(() => expect(location.hash).toBe(c.page));
    });
  }
});
