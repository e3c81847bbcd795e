import { describe, expect, it } from "vitest";
import { formatDate, formatPercent, parseDate, parseKeywords } from "./format";

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

describe("keywords and scores", () => {
  it("splits on commas and semicolons and trims", () => {
    expect(parseKeywords("bærekraft, CSRD ,, ESG;klima")).toEqual(["bærekraft", "CSRD", "ESG", "klima"]);
  });
  it("shows a score as a whole percentage", () => {
    expect(formatPercent(0.874, "nb").replace(/\s/g, " ")).toBe("87 %");
    expect(formatPercent(0.874, "en")).toBe("87%");
    expect(formatPercent(1.7, "en")).toBe("100%");
  });
});
