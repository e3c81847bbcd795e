// @vitest-environment jsdom
/** The way back (Esc on a page, Alt+Left anywhere): which keys mean it, and where it goes. */
import { afterEach, describe, expect, it } from "vitest";
import { waitFor } from "@testing-library/svelte";
import { back, go, guardLeaving, isBackKey, router, type Route } from "./router.svelte";

const need: Route = { screen: "needs", view: "detail", id: "n-1" };
const key = (k: string, init: KeyboardEventInit = {}, target: EventTarget = document.body) => {
  const e = new KeyboardEvent("keydown", { key: k, bubbles: true, cancelable: true, ...init });
  Object.defineProperty(e, "target", { value: target });
  return e;
};

afterEach(() => {
  document.body.innerHTML = "";
});

describe("which keys go back", () => {
  it("Esc on a need's or offer's page, Alt+Left on any screen", () => {
    expect(isBackKey(key("Escape"), need)).toBe(true);
    expect(isBackKey(key("Escape"), { screen: "offers", view: "detail", id: "o-1" })).toBe(true);
    expect(isBackKey(key("ArrowLeft", { altKey: true }), { screen: "needs", view: "list" })).toBe(true);
    expect(isBackKey(key("ArrowLeft", { altKey: true }), { screen: "gaps", view: "list" })).toBe(true);
    expect(isBackKey(key("ArrowLeft"), need)).toBe(false);
    expect(isBackKey(key("Escape", { ctrlKey: true }), need)).toBe(false);
    expect(isBackKey(key("Escape", { repeat: true }), need)).toBe(false);
  });

  it("not Esc in a form (it cancels there), on a list, nor in a field that uses Esc", () => {
    expect(isBackKey(key("Escape"), { screen: "needs", view: "edit", id: "n-1" })).toBe(false);
    expect(isBackKey(key("Escape"), { screen: "organisations", view: "new" })).toBe(false);
    expect(isBackKey(key("Escape"), { screen: "needs", view: "list" })).toBe(false);
    const note = document.body.appendChild(document.createElement("input"));
    expect(isBackKey(key("Escape", {}, note), need)).toBe(false);
    const select = document.body.appendChild(document.createElement("select"));
    expect(isBackKey(key("Escape", {}, select), need)).toBe(false);
    const button = document.body.appendChild(document.createElement("button"));
    expect(isBackKey(key("Escape", {}, button), need)).toBe(true);
  });

  it("not while a dialog is open, nor when the page took the key already", () => {
    const dialog = document.body.appendChild(document.createElement("dialog"));
    dialog.setAttribute("open", "");
    expect(isBackKey(key("Escape"), need)).toBe(false);
    expect(isBackKey(key("ArrowLeft", { altKey: true }), need)).toBe(false);
    dialog.remove();
    const taken = key("Escape");
    taken.preventDefault();
    expect(isBackKey(taken, need)).toBe(false);
  });
});

describe("where back goes", () => {
  // First: the window's history holds nothing of the app's before this page.
  it("opened straight on a page, up to its list", async () => {
    history.replaceState(history.state, "", "#/needs/n-1");
    router.route = need;
    back();
    await waitFor(() => expect(router.route).toEqual({ screen: "needs", view: "list" }));
    expect(location.hash).toBe("#/needs");
  });

  it("to the screen the person came from, not to the list", async () => {
    const offer: Route = { screen: "offers", view: "detail", id: "o-7" };
    go(offer);
    await waitFor(() => expect(router.route).toEqual(offer));
    go(need);
    await waitFor(() => expect(router.route).toEqual(need));
    back();
    await waitFor(() => expect(router.route).toEqual(offer));
    expect(location.hash).toBe("#/offers/o-7");
  });

  it("asks a form's leave guard first, and stays while it holds", async () => {
    const form: Route = { screen: "needs", view: "edit", id: "n-1" };
    go({ screen: "gaps", view: "list" });
    await waitFor(() => expect(router.route.screen).toBe("gaps"));
    go(form);
    await waitFor(() => expect(router.route).toEqual(form));
    let asked = 0;
    const remove = guardLeaving(() => {
      asked++;
      return true;
    });
    back();
    await waitFor(() => expect(asked).toBe(1));
    expect(router.route).toEqual(form);
    expect(location.hash).toBe("#/needs/n-1/edit");
    remove();
  });
});
