import { describe, expect, it } from "vitest";
import { requestOf, suggestedName, type SheetChoices } from "./sheets";

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
