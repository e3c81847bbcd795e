import { describe, expect, it } from "vitest";
import en from "./en.json";
import nb from "./nb.json";
import { interpolate, translatePlural } from "./keys";

describe("texts", () => {
  it("has the same keys in bokmål and English, none empty", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(nb).sort());
    for (const [k, v] of [...Object.entries(nb), ...Object.entries(en)]) expect(v.trim(), k).not.toBe("");
  });
  it("uses the same placeholders in both languages", () => {
    const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const k of Object.keys(nb) as (keyof typeof nb)[]) expect(holes(en[k]), k).toEqual(holes(nb[k]));
  });
  it("fills placeholders and picks singular or plural", () => {
    expect(interpolate("Lagret: {title}", { title: "Kurs" })).toBe("Lagret: Kurs");
    expect(interpolate("{x} stays", {})).toBe("{x} stays");
    expect(translatePlural("nb", "count.organisations", 1)).toBe("1 organisasjon");
    expect(translatePlural("nb", "count.organisations", 3)).toBe("3 organisasjoner");
    expect(translatePlural("en", "count.people", 2)).toBe("2 people");
  });
});
