import { describe, expect, it } from "vitest";
import { folderOf, joinPath, requestOf, suggestedName, type SheetChoices } from "./sheets";
import { createWebBackend } from "./web";

const base: SheetChoices = {
  format: "pdf",
  separator: "semicolon",
  layout: "per_need",
  scope: "all",
  needIds: [],
  organisation: "",
  status: "agreed",
  lang: "nb",
};

describe("match sheet export helpers", () => {
  it("suggests a dated file name per format and language", () => {
    expect(suggestedName("pdf", "nb", "2026-11-27")).toBe("treffark-27.11.2026.pdf");
    expect(suggestedName("csv", "en", "2026-01-05")).toBe("match-sheet-05.01.2026.csv");
  });
  it("remembers folders with either separator", () => {
    expect(folderOf("/home/kari/Treffark/treffark.pdf")).toBe("/home/kari/Treffark");
    expect(folderOf("C:\\Users\\kari\\Documents\\t.xlsx")).toBe("C:\\Users\\kari\\Documents");
    expect(folderOf("t.pdf")).toBe("");
    expect(joinPath("C:\\Users\\kari", "t.pdf")).toBe("C:\\Users\\kari\\t.pdf");
    expect(joinPath("/home/kari/", "t.pdf")).toBe("/home/kari/t.pdf");
    expect(joinPath("", "t.pdf")).toBe("t.pdf");
  });
  it("builds requests only from complete choices, with format-specific options", () => {
    expect(requestOf(base)).toEqual({ format: "pdf", layout: "per_need", scope: { kind: "all" }, lang: "nb" });
    expect(requestOf({ ...base, format: "csv" })).toEqual({
      format: "csv",
      separator: "semicolon",
      scope: { kind: "all" },
      lang: "nb",
    });
    expect(requestOf({ ...base, scope: "needs" })).toBeNull();
    expect(requestOf({ ...base, scope: "organisation" })).toBeNull();
    expect(requestOf({ ...base, scope: "needs", needIds: ["n-1"] })?.scope).toEqual({ kind: "needs", ids: ["n-1"] });
  });
});

describe("preview backend: workflow, gaps, thesaurus, sheets", () => {
  it("declines with a reason only, leaves declined offers out, and brings them back", async () => {
    const b = createWebBackend({ seed: true });
    const first = (await b.matchesForNeed("n-1"))[0];
    expect(first.offer_terms.length).toBeGreaterThan(0);
    await expect(b.setMatchStatus({ need: "n-1", offer: first.offer.id, status: "declined" })).rejects.toMatchObject({
      code: "invalid",
      field: "decline_reason",
    });
    await b.setMatchStatus({
      need: "n-1",
      offer: first.offer.id,
      status: "declined",
      reason: "bad_timing",
      note: "Til våren",
    });
    expect((await b.matchesForNeed("n-1")).map((m) => m.offer.id)).not.toContain(first.offer.id);
    const declined = await b.declinedForNeed("n-1");
    expect(declined.find((d) => d.offer.id === first.offer.id)).toMatchObject({
      decline_reason: "bad_timing",
      note: "Til våren",
    });
    await b.setMatchStatus({ need: "n-1", offer: first.offer.id, status: "suggested" });
    expect((await b.matchesForNeed("n-1")).map((m) => m.offer.id)).toContain(first.offer.id);
  });
  it("lists gaps, needs for an offer, and edits the thesaurus", async () => {
    const b = createWebBackend({ seed: true });
    expect((await b.competenceGaps()).map((r) => r.entry.id)).toContain("n-6");
    expect((await b.needsForOffer("o-1")).map((n) => n.need.id)).toContain("n-1");
    let c = await b.editThesaurus({ op: "add_term", group: "sveising", term: "sveiseinspektør" });
    expect(c.find((g) => g.id === "sveising")?.terms).toEqual(["sveiseinspektør"]);
    c = await b.editThesaurus({ op: "merge", from: "sveising", into: "hms" });
    expect(c.find((g) => g.id === "sveising")).toBeUndefined();
    expect(c.find((g) => g.id === "hms")?.terms).toContain("sveiseinspektør");
    await expect(b.editThesaurus({ op: "remove_group", group: "nope" })).rejects.toMatchObject({ code: "not_found" });
  });
  it("previews a first page in the sheet's language and a table for spreadsheets", async () => {
    const b = createWebBackend({ seed: true });
    const pdf = await b.sheetPreview({
      format: "pdf",
      layout: "per_need",
      scope: { kind: "needs", ids: ["n-1"] },
      lang: "en",
    });
    expect(pdf.lines.map((l) => l.text)).toContain("Hjelp med første bærekraftsrapport");
    expect(pdf.lines.at(-1)).toEqual({ style: "footer", text: "Page 1 of 1" });
    const xlsx = await b.sheetPreview({ format: "xlsx", scope: { kind: "all" }, lang: "nb" });
    expect(xlsx.table?.columns[0]).toBe("Behov-id");
    expect(xlsx.table?.total_rows).toBe(xlsx.matches);
    const bad = await b.sheetPreview({ format: "pdf", scope: { kind: "organisation", id: "org-x" }, lang: "nb" });
    expect(bad.error).toMatch(/org-x/);
  });
});
