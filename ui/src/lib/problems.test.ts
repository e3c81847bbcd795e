/** Errors in the UI's language: the core's typed problems and codes worded by the UI. */
import { afterEach, describe, expect, it } from "vitest";
import { toIpcError } from "./backend";
import { setLocale } from "./i18n/index.svelte";

afterEach(() => setLocale("nb"));

describe("readable errors", () => {
  it("words a past deadline in bokmål and in English, whatever the core's English says", () => {
    const raw = {
      code: "invalid",
      message: "need n-1: field `deadline`: the deadline 15.03.2026 has passed; …",
      field: "deadline",
      problem: { kind: "deadline_passed", date: "15.03.2026" },
    };
    const nb = toIpcError(raw);
    expect(nb.message).toBe(
      "Fristen 15.03.2026 er passert. Velg i dag eller en senere dato, eller la feltet stå tomt.",
    );
    expect(nb.field).toBe("deadline");
    expect(nb.message).not.toContain("n-1");
    setLocale("en");
    expect(toIpcError(raw).message).toContain("The deadline 15.03.2026 has passed");
  });

  it("names what still uses an organisation by title, with how many more", () => {
    const err = toIpcError({
      code: "invalid",
      message: "organisation o-1: field `id`: is still used by need «Tørking», person «Kari»",
      field: "id",
      problem: {
        kind: "in_use",
        by: [
          { kind: "need", label: "Tørking av skurlast" },
          { kind: "person", label: "Kari Nordmann" },
        ],
        more: 3,
      },
    });
    expect(err.message).toBe(
      "Kan ikke slettes ennå: behov «Tørking av skurlast», person «Kari Nordmann» og 3 til viser fortsatt hit. Endre eller slett dem først.",
    );
  });

  it("counts the rows of a refused import, and keeps the core's sentence for other codes", () => {
    expect(toIpcError({ code: "intake_errors", message: "3 rows …", count: 3 }).message).toMatch(
      /^3 rader i filen har feil/,
    );
    expect(toIpcError({ code: "intake_errors", message: "1 row …", count: 1 }).message).toMatch(
      /^1 rad i filen har feil/,
    );
    expect(toIpcError({ code: "store", message: "The catalogue store failed: x" }).message).toBe(
      "The catalogue store failed: x",
    );
  });
});

describe("a refused bundle", () => {
  it("names each entry by its title and the field by its label, and counts the rest", () => {
    const err = toIpcError({
      code: "bad_entries",
      message: "3 entries of the file have problems …",
      count: 23,
      entries: [
        {
          entity: "need",
          id: "n-02",
          label: "Rekruttering av lærlinger",
          field: "deadline",
          problem: { kind: "bundle_date", found: ", got a text" },
        },
        {
          entity: "organisation",
          id: "o-1",
          label: "Trysil Trelast AS",
          field: "org_number",
          problem: { kind: "org_number" },
        },
      ],
    });
    const lines = err.message.split("\n");
    expect(lines[0]).toBe(
      "23 oppføringer i filen har feil, så ingenting ble lest inn. Rett dem og les filen inn igjen:",
    );
    expect(lines[1]).toBe("Behov «Rekruttering av lærlinger», Frist: Er ikke en dato på formen ÅÅÅÅ-MM-DD.");
    expect(lines[2]).toMatch(/^Organisasjon «Trysil Trelast AS», Org\.nr\.: Organisasjonsnummeret må være 9 siffer/);
    expect(lines[3]).toBe("… og 21 til.");
    expect(err.message).not.toContain("n-02");
  });
});
