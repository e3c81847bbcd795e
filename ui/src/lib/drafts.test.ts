import { describe, expect, it } from "vitest";
import { deadlineUnreadable, draftToEntry, draftToOrganisation, entryDraft, organisationDraft } from "./drafts";
import { formField } from "./form.svelte";

describe("form drafts", () => {
  it("turns a draft into an entry, keeping fields the form does not show", () => {
    const original = {
      id: "n-1",
      title: "Old",
      kind: "training" as const,
      keywords: [],
      created_at: "2026-01-01T00:00:00Z",
    };
    const d = {
      ...entryDraft(original),
      title: " Ny tittel ",
      keywords: "a, b",
      deadline: "1.3.2027",
      description: "",
    };
    const e = draftToEntry(d, original, true);
    expect(e).toMatchObject({
      id: "n-1",
      title: "Ny tittel",
      keywords: ["a", "b"],
      deadline: "2027-03-01",
      created_at: original.created_at,
    });
    expect("description" in e).toBe(false);
  });
  it("knows when it cannot read a typed date (an empty one is no date)", () => {
    expect(deadlineUnreadable({ ...entryDraft(null), deadline: "31.02.2027" })).toBe(true);
    expect(deadlineUnreadable({ ...entryDraft(null), deadline: " " })).toBe(false);
    expect(deadlineUnreadable({ ...entryDraft(null), deadline: "01.03.2027" })).toBe(false);
  });
  it("reads an organisation number typed with spaces", () => {
    const d = { ...organisationDraft(null), name: "Nortømmer AS", org_number: "912 345 678" };
    expect(draftToOrganisation(d, null).org_number).toBe("912345678");
  });
  it("maps the core's field names to form fields", () => {
    expect(formField("keywords[2]")).toBe("keywords");
    expect(formField("organisation.id")).toBe("organisation");
    expect(formField(undefined)).toBeUndefined();
  });
});
