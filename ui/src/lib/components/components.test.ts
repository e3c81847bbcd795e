// @vitest-environment jsdom
/** The first-start dialog and the quick search, against a fake core. */
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { deferred, fakeCore, giveListsHeight } from "../../test/core";
import type { SearchHit } from "../types";
import FirstStart from "./FirstStart.svelte";
import QuickSearch from "./QuickSearch.svelte";

const info = {
  path: "/tmp/k",
  schema_version: 1,
  version: "0.1.0",
  backups: "/tmp/backups",
  counts: { organisations: 0, people: 0, offers: 0, needs: 0, trash: 0 },
};
const hit = (i: number, title = `Treff ${i}`): SearchHit => ({ kind: "need", id: `n-${i}`, title, score: 1 });

beforeAll(() => {
  giveListsHeight(300);
  // jsdom has no <dialog> methods.
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
    this.open = false;
  };
});
afterEach(cleanup);

describe("first start", () => {
  it("loads the example network from the core", async () => {
    const calls = await fakeCore({
      load_demo: () => ({ organisations: 22, people: 30, offers: 60, needs: 25, matches: 0 }),
      catalogue_info: () => info,
    });
    let closed = false;
    render(FirstStart, { open: true, onclose: () => (closed = true) });
    await fireEvent.click(screen.getByTestId("demo-load"));
    await waitFor(() => expect(closed).toBe(true));
    expect(calls.map((c) => c.cmd)).toContain("load_demo");
  });

  it("starts on the example network, and Esc decides nothing", async () => {
    const calls = await fakeCore({
      load_demo: () => ({ organisations: 1, people: 0, offers: 0, needs: 0, matches: 0 }),
    });
    let closed = false;
    render(FirstStart, { open: true, onclose: () => (closed = true) });
    const dialog = screen.getByTestId("first-start") as HTMLDialogElement;
    expect(document.activeElement).toBe(screen.getByTestId("demo-load"));

    const esc = new KeyboardEvent("keydown", { key: "Escape", bubbles: true, cancelable: true });
    screen.getByTestId("demo-load").dispatchEvent(esc);
    expect(esc.defaultPrevented).toBe(true);
    // A browser that turns Esc into `cancel` anyway: still nothing decided.
    await fireEvent(dialog, new Event("cancel", { cancelable: true }));
    await new Promise((r) => setTimeout(r, 20));
    expect(closed).toBe(false);
    expect(dialog.open).toBe(true);
    expect(calls.map((c) => c.cmd)).not.toContain("load_demo");

    await fireEvent.click(screen.getByTestId("demo-skip"));
    expect(closed).toBe(true);
  });

  it("shows the core's sentence when loading fails", async () => {
    await fakeCore({
      load_demo: () => {
        throw { code: "io", message: "Could not read the example network" };
      },
    });
    render(FirstStart, { open: true, onclose: () => {} });
    await fireEvent.click(screen.getByTestId("demo-load"));
    await waitFor(() => expect(screen.getByTestId("error-banner").textContent).toContain("Could not read"));
  });
});

describe("quick search", () => {
  it("keeps the newest keystroke's hits when an older reply comes late", async () => {
    const slow = deferred<SearchHit[]>();
    await fakeCore({ search: ({ text }) => (text === "sv" ? slow.promise : [hit(1, "Sveising")]) });
    render(QuickSearch);
    const input = screen.getByTestId("global-search");
    await fireEvent.focus(input);
    await fireEvent.input(input, { target: { value: "sv" } });
    await new Promise((r) => setTimeout(r, 120));
    await fireEvent.input(input, { target: { value: "sveis" } });
    await waitFor(() => expect(screen.getByText("Sveising")).toBeTruthy());
    slow.resolve([hit(2, "Gammelt treff")]);
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByText("Gammelt treff")).toBeNull();
  });

  it("renders only the hits in view, moves with the arrows, opens with Enter and closes with Esc", async () => {
    await fakeCore({ search: () => Array.from({ length: 50 }, (_, i) => hit(i)) });
    render(QuickSearch);
    const input = screen.getByTestId("global-search");
    await fireEvent.focus(input);
    await fireEvent.input(input, { target: { value: "treff" } });
    await waitFor(() => expect(screen.getAllByRole("option").length).toBeGreaterThan(0));
    expect(screen.getAllByRole("option").length).toBeLessThan(50);

    await fireEvent.keyDown(input, { key: "ArrowDown" });
    await waitFor(() => expect(input.getAttribute("aria-activedescendant")).toBe("quick-1"));
    await fireEvent.keyDown(input, { key: "Enter" });
    await waitFor(() => expect(location.hash).toBe("#/needs/n-1"));

    await fireEvent.input(input, { target: { value: "treff" } });
    await fireEvent.focus(input);
    await waitFor(() => expect(screen.queryAllByRole("option").length).toBeGreaterThan(0));
    await fireEvent.keyDown(input, { key: "Escape" });
    await waitFor(() => expect(screen.queryAllByRole("option")).toHaveLength(0));
    expect((input as HTMLInputElement).value).toBe("");
  });

  it("Esc clears the box, and opening it again shows no old hits", async () => {
    await fakeCore({ search: () => [hit(1, "Sveising")] });
    render(QuickSearch);
    const input = screen.getByTestId("global-search") as HTMLInputElement;
    await fireEvent.focus(input);
    await fireEvent.input(input, { target: { value: "sveis" } });
    await waitFor(() => expect(screen.getByText("Sveising")).toBeTruthy());
    await fireEvent.keyDown(input, { key: "Escape" });
    expect(input.value).toBe("");
    await fireEvent.focus(input);
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByText("Sveising")).toBeNull();
    expect(input.getAttribute("aria-expanded")).toBe("false");
  });
});
