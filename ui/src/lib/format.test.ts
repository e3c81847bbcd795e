import { describe, expect, it } from "vitest";
import {
  collator,
  formatDate,
  formatPercent,
  fold,
  matchesQuery,
  parseDate,
  parseKeywords,
  sortByText,
} from "./format";

describe("dates", () => {
  it("shows ISO days as dd.mm.åååå", () => {
    expect(formatDate("2027-03-01")).toBe("01.03.2027");
    expect(formatDate(undefined)).toBe("");
  });
  it("reads Norwegian and ISO input and refuses days that do not exist", () => {
    expect(parseDate("1.3.2027")).toBe("2027-03-01");
    expect(parseDate(" 01.03.2027 ")).toBe("2027-03-01");
    expect(parseDate("2027-03-01")).toBe("2027-03-01");
    expect(parseDate("29.02.2028")).toBe("2028-02-29");
    expect(parseDate("29.02.2027")).toBeNull();
    expect(parseDate("31.02.2027")).toBeNull();
    expect(parseDate("13.13.2027")).toBeNull();
    expect(parseDate("i morgen")).toBeNull();
  });
});

describe("Norwegian order and search", () => {
  it("sorts æ, ø, å after z", () => {
    const names = ["Åmot kommune", "Østerdal Energi", "Zeta AS", "Ærlig AS", "Alvdal"];
    expect(sortByText(names, (n) => n)).toEqual(["Alvdal", "Zeta AS", "Ærlig AS", "Østerdal Energi", "Åmot kommune"]);
    expect(collator.compare("elverum", "Elverum")).toBe(0);
  });
  it("matches every word regardless of case, also æøå", () => {
    expect(fold(" ØSTERDAL ")).toBe("østerdal");
    expect(matchesQuery("østerdal TØMMER", ["Østerdalen Tømmertransport AS"])).toBe(true);
    expect(matchesQuery("østerdal robot", ["Østerdalen Tømmertransport AS"])).toBe(false);
    expect(matchesQuery("  ", ["anything"])).toBe(true);
  });
});

describe("keywords and scores", () => {
  it("splits on commas, trims and drops repeats", () => {
    expect(parseKeywords("bærekraft, CSRD ,, Bærekraft;ESG")).toEqual(["bærekraft", "CSRD", "ESG"]);
  });
  it("shows a score as a whole percentage", () => {
    expect(formatPercent(0.874, "nb").replace(/\s/g, " ")).toBe("87 %");
    expect(formatPercent(0.874, "en")).toBe("87%");
    expect(formatPercent(1.7, "en")).toBe("100%");
  });
});
