import { afterEach, describe, expect, it, vi } from "vitest";
import { serveCall } from "./serve";

afterEach(() => vi.unstubAllGlobals());

function answer(status: number, body: unknown, json = true) {
  const fetch = vi.fn(async () => ({
    ok: status < 300,
    status,
    json: async () => {
      if (!json) throw new SyntaxError("not JSON");
      return body;
    },
  }));
  vi.stubGlobal("fetch", fetch);
  return fetch;
}

describe("the browser preview's caller", () => {
  it("posts {command, args} to same-origin /rpc and returns the reply", async () => {
    const fetch = answer(200, { total: 0, offset: 0, rows: [] });
    const reply = await serveCall("list_trash", { query: { offset: 0, limit: 50 } });
    expect(reply).toEqual({ total: 0, offset: 0, rows: [] });
    expect(fetch).toHaveBeenCalledWith("/rpc", expect.objectContaining({ method: "POST" }));
    const init = (fetch.mock.calls[0] as unknown[])[1] as RequestInit;
    expect(JSON.parse(init.body as string)).toEqual({
      command: "list_trash",
      args: { query: { offset: 0, limit: 50 } },
    });
    // The token is the proxy's business; the page sends none.
    expect(JSON.stringify(init.headers)).not.toMatch(/Authorization/i);
  });
  it("rejects with the core's IpcError", async () => {
    const err = { code: "not_found", message: "need n-9 does not exist" };
    answer(404, err);
    await expect(serveCall("get_entry", { side: "need", id: "n-9" })).rejects.toEqual(err);
  });
  it("says how to start the core when /rpc is not it", async () => {
    answer(404, null, false);
    await expect(serveCall("catalogue_info", {})).rejects.toMatchObject({ message: /preview:core/ });
  });
});
