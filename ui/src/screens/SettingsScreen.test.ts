// @vitest-environment jsdom
/**
 * The settings screen shows what the core says: the folders, the last
 * backup, a failed copy to the second folder as a sentence; choosing a
 * folder goes through the dialog's one-time handle, and a refused folder
 * shows the core's reason in the UI's language.
 */
import { cleanup, fireEvent, render, screen } from "@testing-library/svelte";
import { afterEach, describe, expect, it } from "vitest";
import { fakeCore } from "../test/core";
import SettingsScreen from "./SettingsScreen.svelte";

afterEach(cleanup);

const view = {
  catalogue: "/home/kari/kompis/katalog",
  can_choose: true,
  backups: "/home/kari/kompis/backups",
  second: "/media/kari/PINNE",
  last: {
    file: "katalog-20260101-100000.kompis.json",
    folder: "/home/kari/kompis/backups",
    at: "2026-01-01T10:00:00",
    bytes: 2048,
    second: false,
  },
  second_copy: { folder: "/media/kari/PINNE", at: "2026-01-01T10:00:00", failed: "the folder is not there" },
};

describe("the settings", () => {
  it("show the folders and a failed copy to the second folder", async () => {
    await fakeCore({ settings: () => view, list_backups: () => [view.last] });
    render(SettingsScreen);
    expect((await screen.findByTestId("settings-catalogue-folder")).textContent).toBe(view.catalogue);
    expect(screen.getByTestId("settings-second-folder").textContent).toContain("/media/kari/PINNE");
    const failed = screen.getByTestId("second-failed");
    expect(failed.textContent).toContain("/media/kari/PINNE");
    expect(failed.textContent).toContain("the folder is not there");
    expect(screen.getByTestId("remove-second")).toBeTruthy();
  });

  it("choose the catalogue through a handle and word a refusal", async () => {
    const calls = await fakeCore({
      settings: () => ({ ...view, second: undefined, second_copy: undefined }),
      list_backups: () => [],
      choose_file: () => ({ handle: "h-1", name: "papirer" }),
      set_catalogue: () => {
        throw { code: "not_a_catalogue", message: "/home/kari/papirer holds files that are not a Kompis catalogue" };
      },
    });
    render(SettingsScreen);
    await fireEvent.click(await screen.findByTestId("choose-catalogue"));
    const banner = await screen.findByTestId("error-banner");
    expect(banner.textContent).toContain("Kompis-katalog");
    expect(calls.find((c) => c.cmd === "choose_file")?.args.request.purpose).toBe("catalogue_folder");
    expect(calls.find((c) => c.cmd === "set_catalogue")?.args).toEqual({ file: "h-1" });
    expect(screen.queryByTestId("remove-second")).toBeNull();
  });
});
