import { describe, expect, it } from "vitest";
import { createWebBackend } from "./web";

describe("in-memory preview backend", () => {
  it("assigns ids, filters, trashes and restores like the contract says", async () => {
    const b = createWebBackend();
    expect((await b.catalogueInfo()).counts).toEqual({ organisations: 0, people: 0, offers: 0, needs: 0, trash: 0 });
    const org = await b.saveOrganisation({ id: "", name: "Åmot kommune", kind: "public", municipality: "Åmot" });
    expect(org.id).not.toBe("");
    const need = await b.saveEntry("need", {
      id: "",
      title: "Robot i pakkelinja",
      kind: "facility",
      keywords: ["robot"],
      organisation: org.id,
    });
    expect(need.created_at).toBeDefined();
    expect((await b.listEntries("need", { municipality: "Åmot" })).map((r) => r.entry.id)).toEqual([need.id]);
    expect(await b.listEntries("need", { text: "ROBOT" })).toHaveLength(1);
    expect(await b.listEntries("need", { active: false })).toHaveLength(0);
    await b.deleteEntity("need", need.id);
    expect(await b.listEntries("need", {})).toHaveLength(0);
    expect((await b.listTrash()).map((t) => t.label)).toEqual(["Robot i pakkelinja"]);
    await b.restoreEntity("need", need.id);
    expect((await b.getEntry("need", need.id)).title).toBe("Robot i pakkelinja");
  });
  it("refuses a bad save with a field, and ranks offers for a need", async () => {
    const b = createWebBackend({ seed: true });
    await expect(b.saveEntry("need", { id: "", title: " ", kind: "expertise", keywords: [] })).rejects.toMatchObject({
      code: "invalid",
      field: "title",
    });
    const ranked = await b.matchesForNeed("n-1");
    expect(ranked[0].offer.id).toBe("o-1");
    expect(ranked[0].score).toBeGreaterThan(0);
    expect(ranked[0].score).toBeLessThanOrEqual(1);
    expect(ranked.every((m, i) => i === 0 || ranked[i - 1].score >= m.score)).toBe(true);
  });
});
