// @vitest-environment jsdom
/** The window's keys: Esc and Alt+Left go back from a page to where the person came from. */
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { fakeCore, giveListsHeight, type Handlers } from "./test/core";
import type { CommandName } from "./lib/commands";
import { go, router, type Route } from "./lib/router.svelte";
import App from "./App.svelte";

const need = { id: "n-1", title: "Sveising av aluminium", kind: "expertise", keywords: [] };
const core: Handlers = {
  catalogue_info: () => ({
    path: "/tmp/k",
    schema_version: 1,
    version: "0.1.0",
    backups: "/tmp/backups",
    counts: { organisations: 1, people: 0, offers: 1, needs: 1, trash: 0 },
  }),
  facets: () => ({ organisations: [], municipalities: [] }),
  list_entries: () => ({ total: 1, offset: 0, rows: [{ entry: need, marks: [] }] }),
  competence_gaps: () => ({ total: 0, offset: 0, rows: [] }),
  get_entry: () => need,
  entry_row: () => ({ entry: need, marks: [], overdue: false }),
  matches_for_need: () => [],
  declined_for_need: () => [],
  search: () => [],
  // The desktop window listens for dropped files.
  ["plugin:event|listen" as CommandName]: () => 1,
};

const offers: Route = { screen: "offers", view: "list" };
const page: Route = { screen: "needs", view: "detail", id: "n-1" };

async function start() {
  await fakeCore(core);
  render(App);
  await screen.findByTestId("nav-needs");
}

/** From the offers list to a need's page. */
async function openPage() {
  go(offers);
  await waitFor(() => expect(router.route).toEqual(offers));
  go(page);
  await waitFor(() => expect(router.route).toEqual(page));
  await screen.findByText("Sveising av aluminium", { selector: "h1 *, h1" });
}

beforeAll(() => {
  giveListsHeight(600);
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.setAttribute("open", "");
  };
  HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
    this.removeAttribute("open");
  };
});
afterEach(cleanup);

describe("the way back", () => {
  it("Esc on a need's page goes back to the list the person came from", async () => {
    await start();
    await openPage();
    await fireEvent.keyDown(document.body, { key: "Escape" });
    await waitFor(() => expect(router.route).toEqual(offers));
  });

  it("Alt+Left goes back too", async () => {
    await start();
    await openPage();
    await fireEvent.keyDown(document.body, { key: "ArrowLeft", altKey: true });
    await waitFor(() => expect(router.route).toEqual(offers));
  });

  it("Esc in the quick search clears it and stays on the page", async () => {
    await start();
    await openPage();
    const quick = screen.getByTestId("global-search") as HTMLInputElement;
    quick.focus();
    await fireEvent.input(quick, { target: { value: "sveis" } });
    await fireEvent.keyDown(quick, { key: "Escape" });
    expect(quick.value).toBe("");
    await new Promise((r) => setTimeout(r, 50));
    expect(router.route).toEqual(page);
  });
});
