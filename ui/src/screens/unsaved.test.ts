// @vitest-environment jsdom
/** A form with unsaved changes asks before it is left: Esc, Cancel, another screen, the back button. */
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { fakeCore } from "../test/core";
import { go } from "../lib/router.svelte";
import OrganisationForm from "./OrganisationForm.svelte";

const facets = () => ({ organisations: [], municipalities: ["Elverum"] });

beforeAll(() => {
  // jsdom has no <dialog> methods.
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.setAttribute("open", "");
  };
  HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
    this.removeAttribute("open");
  };
});

afterEach(() => {
  cleanup();
  location.hash = "";
});

async function openForm() {
  await fakeCore({
    facets,
    save_organisation: (a: { organisation: unknown }) => ({ ...(a.organisation as object), id: "org-9" }),
  });
  location.hash = "#/organisations/new";
  render(OrganisationForm, {});
  return (await screen.findByTestId("field-name")) as HTMLInputElement;
}

const asking = () => screen.queryByTestId("unsaved-dialog")?.hasAttribute("open") ?? false;

describe("unsaved changes", () => {
  it("Esc on an untouched form leaves at once", async () => {
    await openForm();
    await fireEvent.keyDown(window, { key: "Escape" });
    await waitFor(() => expect(location.hash).toBe("#/organisations"));
    expect(asking()).toBe(false);
  });

  it("Esc after typing asks; keep editing keeps the text, discard leaves", async () => {
    const name = await openForm();
    await fireEvent.input(name, { target: { value: "Rena Aluminium AS og laserskjæring" } });
    await fireEvent.keyDown(window, { key: "Escape" });
    await waitFor(() => expect(asking()).toBe(true));
    expect(location.hash).toBe("#/organisations/new");

    await fireEvent.click(screen.getByTestId("unsaved-keep"));
    await waitFor(() => expect(asking()).toBe(false));
    expect(name.value).toBe("Rena Aluminium AS og laserskjæring");

    // Another screen asks too, and goes there once the changes are discarded.
    go({ screen: "needs", view: "list" });
    await waitFor(() => expect(asking()).toBe(true));
    expect(location.hash).toBe("#/organisations/new");
    await fireEvent.click(screen.getByTestId("unsaved-discard"));
    await waitFor(() => expect(location.hash).toBe("#/needs"));
  });

  it("a saved form leaves for the saved organisation's page without asking", async () => {
    const name = await openForm();
    await fireEvent.input(name, { target: { value: "Trysil Trelast AS" } });
    await fireEvent.click(screen.getByTestId("save"));
    await waitFor(() => expect(location.hash).toBe("#/organisations/org-9"));
    expect(asking()).toBe(false);
  });
});
