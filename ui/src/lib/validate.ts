/**
 * Checks of form drafts as the person types. Each returns, per field, the i18n
 * key of a plain sentence saying what is wrong; the server checks again.
 */
import type { Key } from "./i18n/keys";
import { parseDate, parseKeywords } from "./format";
import type { EntryDraft, OrganisationDraft, PersonDraft } from "./drafts";

/** Field name to message key; a field absent from the map is fine. */
export type Problems<F extends string> = Partial<Record<F, Key>>;

export const TITLE_MAX = 200;
export const NAME_MAX = 200;
export const KEYWORD_MAX = 60;

/** Checks an offer or need draft; `deadline` only counts for needs. */
export function validateEntry(d: EntryDraft, isNeed: boolean): Problems<keyof EntryDraft> {
  const p: Problems<keyof EntryDraft> = {};
  const title = d.title.trim();
  if (!title) p.title = "v.title.required";
  else if (title.length > TITLE_MAX) p.title = "v.title.too_long";
  if (!d.kind) p.kind = "v.kind.required";
  if (parseKeywords(d.keywords).some((k) => k.length > KEYWORD_MAX)) p.keywords = "v.keywords.too_long";
  if (isNeed && d.deadline.trim() && !parseDate(d.deadline)) p.deadline = "v.deadline.invalid";
  return p;
}

/** Checks an organisation draft. */
export function validateOrganisation(d: OrganisationDraft): Problems<keyof OrganisationDraft> {
  const p: Problems<keyof OrganisationDraft> = {};
  const name = d.name.trim();
  if (!name) p.name = "v.name.org_required";
  else if (name.length > NAME_MAX) p.name = "v.name.too_long";
  if (!d.kind) p.kind = "v.org_kind.required";
  const num = d.org_number.replace(/\s+/g, "");
  if (num && !/^\d{9}$/.test(num)) p.org_number = "v.org_number.digits";
  const web = d.website.trim();
  if (web && !isWebAddress(web)) p.website = "v.website.invalid";
  return p;
}

/** Checks a person draft. */
export function validatePerson(d: PersonDraft): Problems<keyof PersonDraft> {
  const p: Problems<keyof PersonDraft> = {};
  const name = d.name.trim();
  if (!name) p.name = "v.name.person_required";
  else if (name.length > NAME_MAX) p.name = "v.name.too_long";
  const email = d.email.trim();
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) p.email = "v.email.invalid";
  const phone = d.phone.trim();
  if (phone && !/^\+?[\d ()-]{5,20}$/.test(phone)) p.phone = "v.phone.invalid";
  return p;
}

/** Whether `text` is an http(s) address with a host. */
export function isWebAddress(text: string): boolean {
  try {
    const u = new URL(text);
    return (u.protocol === "http:" || u.protocol === "https:") && u.hostname.includes(".");
  } catch {
    return false;
  }
}

/** Whether a map of problems is empty. */
export function isClean(p: Record<string, unknown>): boolean {
  return Object.values(p).every((v) => !v);
}

/**
 * Maps a server `IpcError.field` ("keywords[2]", "deadline", "organisation.id")
 * to the form field it names.
 */
export function formField(serverField: string | undefined): string | undefined {
  if (!serverField) return undefined;
  return serverField.split(/[.[]/)[0];
}
