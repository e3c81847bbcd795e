import { describe, expect, it } from "vitest";
import { deepFold, highlight } from "./highlight";

const marks = (text: string, terms: string[]) =>
  highlight(text, terms)
    .filter((s) => s.mark)
    .map((s) => s.text);

describe("highlighting matched words", () => {
  it("keeps the text whole and unmarked without terms", () => {
    expect(highlight("Hjelp med <b>HMS</b>", [])).toEqual([{ text: "Hjelp med <b>HMS</b>", mark: false }]);
    expect(highlight("", ["hms"])).toEqual([]);
  });
  it("matches case-insensitively and keeps the original spelling", () => {
    expect(marks("Vi trenger HMS-rutiner og Hms-kurs", ["hms"])).toEqual(["HMS", "Hms"]);
  });
  it("marks the whole word for a stem at a word start", () => {
    expect(marks("Rapportering etter CSRD", ["rapporter", "csrd"])).toEqual(["Rapportering", "CSRD"]);
  });
  it("folds æøå both ways", () => {
    expect(marks("Baerekraft og bærekraft", ["bærekraft"])).toEqual(["Baerekraft", "bærekraft"]);
    expect(marks("Første rapport om BÆREKRAFT", ["baerekraft"])).toEqual(["BÆREKRAFT"]);
    expect(marks("arbeidsmiljø på sagbruket", ["arbeidsmiljo"])).toEqual(["arbeidsmiljø"]);
    expect(deepFold("Åmot Ørjan Ærlig")).toBe("amot orjan aerlig");
  });
  it("finds the tail of a compound but not short terms inside words", () => {
    expect(marks("Hjelp med bærekraftsrapportering", ["rapportering"])).toEqual(["rapportering"]);
    expect(marks("pendler til nabokommunene", ["kommunen"])).toEqual(["kommunene"]);
    expect(marks("Kiosk og maskin", ["ki"])).toEqual([]);
    expect(marks("KI i produksjonen", ["ki"])).toEqual(["KI"]);
  });
  it("joins touching marks and keeps the rest of the text as it was", () => {
    const segs = highlight("ESG og CSRD-rapport, snart.", ["esg", "csrd", "rapport"]);
    expect(segs.map((s) => s.text).join("")).toBe("ESG og CSRD-rapport, snart.");
    expect(segs.filter((s) => s.mark).map((s) => s.text)).toEqual(["ESG", "CSRD", "rapport"]);
    expect(highlight("bærekraftsrapport", ["bærekraft", "rapport"])).toEqual([
      { text: "bærekraftsrapport", mark: true },
    ]);
  });
  it("matches multi-word terms word by word, and text in decomposed form", () => {
    expect(marks("Helse, miljø og sikkerhet", ["helse miljø sikkerhet"])).toEqual(["Helse", "miljø", "sikkerhet"]);
    expect(marks("Sma\u030A bedrifter", ["små"])).toEqual(["Små"]);
  });
});
