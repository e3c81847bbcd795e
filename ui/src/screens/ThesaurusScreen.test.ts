// @vitest-environment jsdom
/** "Begreper": the search goes to the core, and the screen shows the groups and hits it answers. */
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { afterEach, describe, expect, it } from "vitest";
import { deferred, fakeCore, type Call } from "../test/core";
import type { ConceptHit } from "../lib/types";
import ThesaurusScreen from "./ThesaurusScreen.svelte";

const concepts = [
  { id: "lean", terms: ["Lean", "lean-prinsipper", "kontinuerlig forbedring"] },
  { id: "solenergi", terms: ["solcelleanlegg", "solceller"] },
];
const groupsShown = () => screen.queryAllByTestId("concept").map((c) => c.querySelector("h2")?.textContent);
const hitsShown = () => [...document.querySelectorAll(".term.hit span")].map((s) => s.textContent);
const findCalls = (calls: Call[]) => calls.filter((c) => c.cmd === "find_concepts").map((c) => c.args.text);

afterEach(cleanup);

describe("ThesaurusScreen", () => {
  it("sends the typed text to the core and shows the groups and terms it answers", async () => {
    // The fake's answer is not what a filter in the page could make of the text: the page must show it as given.
    const answer: ConceptHit[] = [
      { id: "solenergi", terms: ["solcelleanlegg", "solceller"], id_hit: false, hits: [1] },
    ];
    const calls = await fakeCore({
      list_concepts: () => concepts,
      thesaurus_suggestions: () => [],
      find_concepts: () => answer,
    });
    render(ThesaurusScreen);
    await waitFor(() => expect(groupsShown()).toEqual(["lean", "solenergi"]));
    expect(findCalls(calls)).toEqual([]);

    const search = screen.getByRole("searchbox", { name: "Søk i begreper og ord" });
    await fireEvent.input(search, { target: { value: "  lean " } });
    await waitFor(() => expect(groupsShown()).toEqual(["solenergi"]));
    expect(findCalls(calls)).toEqual(["lean"]);
    expect(hitsShown()).toEqual(["solceller"]);

    // Cleared: every group again, as the core listed them, with nothing asked and nothing marked.
    await fireEvent.input(search, { target: { value: "" } });
    await waitFor(() => expect(groupsShown()).toEqual(["lean", "solenergi"]));
    expect(hitsShown()).toEqual([]);
    expect(findCalls(calls)).toEqual(["lean"]);
  });

  it("marks the group's id when the core says it hit, and ignores an older, slower reply", async () => {
    const slow = deferred<ConceptHit[]>();
    const calls = await fakeCore({
      list_concepts: () => concepts,
      thesaurus_suggestions: () => [],
      find_concepts: ({ text }) =>
        text === "le" ? slow.promise : [{ ...concepts[0], id_hit: true, hits: [0, 1] } satisfies ConceptHit],
    });
    render(ThesaurusScreen);
    await waitFor(() => expect(groupsShown()).toHaveLength(2));
    const search = screen.getByTestId("search");
    await fireEvent.input(search, { target: { value: "le" } });
    await waitFor(() => expect(findCalls(calls)).toContain("le"));
    await fireEvent.input(search, { target: { value: "lean" } });
    await waitFor(() => expect(groupsShown()).toEqual(["lean"]));
    expect(document.querySelector(".concept h2 mark")?.textContent).toBe("lean");
    expect(hitsShown()).toEqual(["Lean", "lean-prinsipper"]);

    slow.resolve([{ ...concepts[1], id_hit: false, hits: [0] }]);
    await new Promise((r) => setTimeout(r, 30));
    expect(groupsShown()).toEqual(["lean"]);
  });

  it("asks again after an edit, so the hits follow it", async () => {
    let terms = ["Lean", "lean-prinsipper"];
    const calls = await fakeCore({
      list_concepts: () => [{ id: "lean", terms }],
      thesaurus_suggestions: () => [],
      find_concepts: () => [{ id: "lean", terms, id_hit: true, hits: terms.map((_, i) => i) }],
      edit_thesaurus: ({ edit }) => {
        terms = [...terms, edit.term];
        return [{ id: "lean", terms }];
      },
    });
    render(ThesaurusScreen);
    await fireEvent.input(await screen.findByTestId("search"), { target: { value: "lean" } });
    await waitFor(() => expect(hitsShown()).toEqual(["Lean", "lean-prinsipper"]));
    await fireEvent.input(screen.getByTestId("add-term-input"), { target: { value: "lean manufacturing" } });
    await fireEvent.click(screen.getByTestId("add-term"));
    await waitFor(() => expect(hitsShown()).toEqual(["Lean", "lean-prinsipper", "lean manufacturing"]));
    expect(findCalls(calls).length).toBeGreaterThanOrEqual(2);
  });

  it("puts no tooltip on the remove buttons, which open a dialog; their name says what they do", async () => {
    await fakeCore({ list_concepts: () => concepts, thesaurus_suggestions: () => [], find_concepts: () => [] });
    render(ThesaurusScreen);
    const remove = await screen.findByRole("button", { name: "Fjern «lean-prinsipper»" });
    expect(remove.hasAttribute("title")).toBe(false);
  });

  it("shows the core's proposals; accepting one reloads the groups, rejecting one drops it", async () => {
    let proposals = [
      { need_word: "energistyring", offer_word: "energiledelse", matches: 3, agreed: 2 },
      { need_word: "kunde", offer_word: "toll", matches: 2, agreed: 1 },
    ];
    let groups = concepts;
    const calls = await fakeCore({
      list_concepts: () => groups,
      find_concepts: () => [],
      thesaurus_suggestions: () => proposals,
      decide_thesaurus_suggestion: ({ decision }) => {
        proposals = proposals.filter((p) => p.need_word !== decision.need_word);
        if (decision.accept) groups = [...groups, { id: "energistyring", terms: ["energistyring", "energiledelse"] }];
        return proposals;
      },
    });
    render(ThesaurusScreen);
    await waitFor(() => expect(screen.queryAllByTestId("proposal")).toHaveLength(2));
    expect(screen.getAllByTestId("proposal")[0].textContent).toContain("sammen i 3 treff (2 avtalt)");

    await fireEvent.click(screen.getAllByTestId("proposal-accept")[0]);
    await waitFor(() => expect(groupsShown()).toContain("energistyring"));
    expect(screen.getAllByTestId("proposal")).toHaveLength(1);
    const decided = calls.filter((c) => c.cmd === "decide_thesaurus_suggestion").map((c) => c.args.decision);
    expect(decided).toEqual([{ need_word: "energistyring", offer_word: "energiledelse", accept: true }]);

    await fireEvent.click(screen.getByTestId("proposal-reject"));
    await waitFor(() => expect(screen.queryByTestId("proposals-empty")).not.toBeNull());
    expect(calls.filter((c) => c.cmd === "decide_thesaurus_suggestion").at(-1)?.args.decision).toEqual({
      need_word: "kunde",
      offer_word: "toll",
      accept: false,
    });
  });
});
