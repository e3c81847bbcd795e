import { describe, expect, it } from "vitest";
import { draftToEntry, draftToOrganisation, entryDraft, organisationDraft, personDraft } from "./drafts";
import { translate } from "./i18n/keys";
import { formField, validateEntry, validateOrganisation, validatePerson } from "./validate";

describe("entry form checks", () => {
  it("says in Norwegian what is wrong", () => {
    const d = { ...entryDraft(null), title: "  ", deadline: "31.02.2027" };
    const p = validateEntry(d, true);
    expect(translate("nb", p.title!)).toBe("Tittel må fylles ut");
    expect(translate("nb", p.deadline!)).toMatch(/^Frist må være en gyldig dato/);
  });
  it("ignores the deadline of an offer and accepts a valid need", () => {
    expect(validateEntry({ ...entryDraft(null), title: "Kurs", deadline: "nonsense" }, false)).toEqual({});
    expect(validateEntry({ ...entryDraft(null), title: "Kurs", deadline: "01.03.2027" }, true)).toEqual({});
  });
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
});

describe("organisation and person checks", () => {
  it("wants nine digits in an organisation number, spaces allowed", () => {
    const base = { ...organisationDraft(null), name: "Nortømmer AS" };
    expect(translate("nb", validateOrganisation({ ...base, org_number: "1234" }).org_number!)).toBe(
      "Organisasjonsnummer må være 9 siffer",
    );
    expect(validateOrganisation({ ...base, org_number: "912 345 678" })).toEqual({});
    expect(draftToOrganisation({ ...base, org_number: "912 345 678" }, null).org_number).toBe("912345678");
  });
  it("checks web addresses, e-mail and phone", () => {
    const org = { ...organisationDraft(null), name: "X" };
    expect(validateOrganisation({ ...org, website: "nortommer.no" }).website).toBeDefined();
    expect(validateOrganisation({ ...org, website: "https://nortommer.no" }).website).toBeUndefined();
    const p = { ...personDraft(null), name: "Kari" };
    expect(validatePerson({ ...p, email: "kari@" }).email).toBeDefined();
    expect(validatePerson({ ...p, email: "kari@nortommer.no", phone: "+47 900 00 000" })).toEqual({});
    expect(validatePerson({ ...p, phone: "ring meg" }).phone).toBeDefined();
  });
  it("maps the server's field names to form fields", () => {
    expect(formField("keywords[2]")).toBe("keywords");
    expect(formField("org_number")).toBe("org_number");
    expect(formField(undefined)).toBeUndefined();
  });
});
