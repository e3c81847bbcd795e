import { describe, expect, it } from "vitest";
import { toIpcError } from "./backend";
import { parseHash, toHash, type Route } from "./router.svelte";

describe("addresses", () => {
  it("reads and writes every kind of route, ids with odd characters included", () => {
    const routes: Route[] = [
      { screen: "needs", view: "list" },
      { screen: "needs", view: "new" },
      { screen: "needs", view: "detail", id: "n-17" },
      { screen: "needs", view: "edit", id: "n/æ ø" },
      { screen: "offers", view: "edit", id: "o-1" },
      { screen: "organisations", view: "new" },
      { screen: "people", view: "edit", id: "p-kari" },
      { screen: "people", view: "detail", id: "p-kari" },
      { screen: "organisations", view: "detail", id: "org-1" },
      { screen: "offers", view: "detail", id: "o-2" },
      { screen: "trash", view: "list" },
      { screen: "gaps", view: "list" },
      { screen: "thesaurus", view: "list" },
      { screen: "sheets", view: "list" },
    ];
    for (const r of routes) expect(parseHash(toHash(r))).toEqual(r);
  });
  it("falls back to the needs list, opens needs, offers, organisations and people on their page", () => {
    expect(parseHash("")).toEqual({ screen: "needs", view: "list" });
    expect(parseHash("#/nonsense/x")).toEqual({ screen: "needs", view: "list" });
    expect(parseHash("#/offers/o-3")).toEqual({ screen: "offers", view: "detail", id: "o-3" });
    expect(parseHash("#/organisations/org-1")).toEqual({ screen: "organisations", view: "detail", id: "org-1" });
    expect(parseHash("#/people/p-1")).toEqual({ screen: "people", view: "detail", id: "p-1" });
    expect(parseHash("#/people/p-1/edit")).toEqual({ screen: "people", view: "edit", id: "p-1" });
    expect(parseHash("#/sheets/x")).toEqual({ screen: "sheets", view: "list" });
  });
});

describe("errors from the backend", () => {
  it("keeps code, sentence and field of an IpcError", () => {
    expect(
      toIpcError({ code: "invalid", message: "need n-1: field `title`: must not be empty", field: "title" }),
    ).toEqual({
      code: "invalid",
      message: "need n-1: field `title`: must not be empty",
      field: "title",
    });
  });
  it("turns a bare string or an Error into a sentence", () => {
    expect(toIpcError("command list_x not found")).toEqual({ code: "io", message: "command list_x not found" });
    expect(toIpcError(new Error("boom"))).toMatchObject({ message: "boom" });
  });
});
