// @vitest-environment jsdom
/** The region map shows the core's count on each municipality and picks one on click or Enter. */
import { cleanup, fireEvent, render, screen } from "@testing-library/svelte";
import { afterEach, describe, expect, it } from "vitest";
import RegionMap from "./RegionMap.svelte";

afterEach(cleanup);

const props = {
  title: "Ledige stillinger i regionen",
  caption: "Skjematisk kart",
  unit: "ledige stillinger",
  counts: [
    { municipality: "Elverum", count: 4 },
    { municipality: "Trysil", count: 1 },
  ],
  testid: "map",
};

describe("region map", () => {
  it("draws the six municipalities with their counts", () => {
    render(RegionMap, props);
    const names = Array.from(screen.getByTestId("map").querySelectorAll("[data-municipality]")).map((g) =>
      g.getAttribute("aria-label"),
    );
    expect(names).toEqual([
      "Stor-Elvdal: 0 ledige stillinger",
      "Engerdal: 0 ledige stillinger",
      "Åmot: 0 ledige stillinger",
      "Trysil: 1 ledige stillinger",
      "Elverum: 4 ledige stillinger",
      "Våler: 0 ledige stillinger",
    ]);
  });

  it("picks a municipality by click and by Enter", async () => {
    const picked: string[] = [];
    render(RegionMap, { ...props, onpick: (m: string) => picked.push(m) });
    await fireEvent.click(screen.getByRole("button", { name: /^Elverum/ }));
    await fireEvent.keyDown(screen.getByRole("button", { name: /^Våler/ }), { key: "Enter" });
    expect(picked).toEqual(["Elverum", "Våler"]);
  });
});
