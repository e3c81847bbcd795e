// @vitest-environment jsdom
/** The bar chart draws what it is given: numbers beside bars, words when empty, rows to pick. */
import { cleanup, fireEvent, render, screen } from "@testing-library/svelte";
import { afterEach, describe, expect, it } from "vitest";
import BarChart from "./BarChart.svelte";

afterEach(cleanup);

const base = {
  title: "Behov og tilbud etter kommune",
  axis: "Antall aktive behov og tilbud",
  series: ["behov", "tilbud"],
  empty: "Ingen aktive behov eller tilbud her.",
  testid: "chart",
};

describe("bar chart", () => {
  it("draws a bar per series and row, with its number beside it", () => {
    render(BarChart, {
      ...base,
      rows: [
        { label: "Elverum", values: [12, 3] },
        { label: "Trysil", values: [0, 1] },
      ],
    });
    const chart = screen.getByTestId("chart");
    expect(chart.querySelectorAll("rect[height='14']")).toHaveLength(4);
    const values = Array.from(chart.querySelectorAll(".bar-value")).map((e) => e.textContent);
    expect(values).toEqual(["12", "3", "0", "1"]);
    expect(chart.textContent).toContain("Antall aktive behov og tilbud");
    expect(Array.from(chart.querySelectorAll(".bar-label")).map((e) => [e.textContent, e.namespaceURI])).toEqual([
      ["Elverum", "http://www.w3.org/2000/svg"],
      ["Trysil", "http://www.w3.org/2000/svg"],
    ]);
    expect(chart.querySelector("title")?.textContent).toBe("Elverum: 12 behov, 3 tilbud");
  });

  it("stacks the series into one bar with the total beside it", () => {
    render(BarChart, { ...base, stacked: true, rows: [{ label: "3. kvartal 2026", values: [2, 5] }] });
    const chart = screen.getByTestId("chart");
    expect(Array.from(chart.querySelectorAll(".bar-value")).map((e) => e.textContent)).toEqual(["7"]);
  });

  it("says so in words when there is nothing to count", () => {
    render(BarChart, { ...base, rows: [{ label: "Elverum", values: [0, 0] }] });
    expect(screen.getByTestId("chart-empty").textContent).toBe(base.empty);
    expect(screen.getByTestId("chart").querySelector("svg")).toBeNull();
  });

  it("makes rows buttons when they can be picked", async () => {
    const picked: string[] = [];
    render(BarChart, {
      ...base,
      rows: [{ label: "Åmot", values: [4, 2] }],
      onpick: (l: string) => picked.push(l),
    });
    await fireEvent.click(screen.getByRole("button", { name: /Åmot/ }));
    expect(picked).toEqual(["Åmot"]);
  });
});
