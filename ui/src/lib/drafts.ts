/**
 * Form drafts: what a form holds while a person types (all text), and the
 * conversions to and from the catalogue types. Fields a form does not show
 * are kept from the original so a save never drops them. Whether the result
 * is acceptable is for the core to say.
 */
import type { Entry, EntryKind, Language, OrgKind, Organisation, Person } from "./types";
import type { EducationLevel } from "./bindings/EducationLevel";
import type { Vacancy } from "./bindings/Vacancy";
import { formatDate, joinKeywords, parseDate, parseKeywords } from "./format";

export interface EntryDraft {
  title: string;
  kind: EntryKind | "";
  description: string;
  keywords: string;
  organisation: string;
  contact: string;
  language: Language | "";
  active: boolean;
  deadline: string;
  /** A position offer's vacancy details (shown for kind "position" on the offer side). */
  vacancy: VacancyDraft;
}

export interface VacancyDraft {
  municipality: string;
  field: string;
  education: EducationLevel | "";
  percent: string;
  permanent: "" | "yes" | "no";
  apprenticeship: boolean;
  trainee: boolean;
  apply_by: string;
  link: string;
  languages: string;
}

export function vacancyDraft(v?: Vacancy | null): VacancyDraft {
  return {
    municipality: v?.municipality ?? "",
    field: v?.field ?? "",
    education: v?.education ?? "",
    percent: v?.percent !== undefined ? String(v.percent) : "",
    permanent: v?.permanent === true ? "yes" : v?.permanent === false ? "no" : "",
    apprenticeship: v?.apprenticeship === true,
    trainee: v?.trainee === true,
    apply_by: formatDate(v?.apply_by),
    link: v?.link ?? "",
    languages: (v?.languages ?? []).join(", "),
  };
}

/** The vacancy to save, keeping what the form does not show; none when nothing is filled in. */
export function draftToVacancy(d: VacancyDraft, original: Vacancy | null | undefined): Vacancy | undefined {
  const v: Vacancy = stripUndefined({
    ...(original ?? {}),
    municipality: opt(d.municipality),
    field: opt(d.field),
    education: d.education || undefined,
    percent: d.percent.trim() === "" ? undefined : Number(d.percent.replace(",", ".")),
    permanent: d.permanent === "" ? undefined : d.permanent === "yes",
    apprenticeship: d.apprenticeship || undefined,
    trainee: d.trainee || undefined,
    apply_by: parseDate(d.apply_by) ?? undefined,
    link: opt(d.link),
    languages: parseKeywords(d.languages),
  });
  if (v.languages?.length === 0) delete v.languages;
  return Object.keys(v).length ? v : undefined;
}

export interface OrganisationDraft {
  name: string;
  kind: OrgKind | "";
  municipality: string;
  org_number: string;
  website: string;
  member: boolean;
  /** May be named in the network report. */
  in_report: boolean;
  notes: string;
}

export interface PersonDraft {
  name: string;
  email: string;
  phone: string;
  organisation: string;
  role: string;
  consent: boolean;
  consent_how: string;
  notes: string;
}

/** Empty text becomes absent. */
const opt = (s: string): string | undefined => (s.trim() ? s.trim() : undefined);

export function entryDraft(e?: Entry | null): EntryDraft {
  return {
    title: e?.title ?? "",
    kind: e?.kind ?? "expertise",
    description: e?.description ?? "",
    keywords: joinKeywords(e?.keywords),
    organisation: e?.organisation ?? "",
    contact: e?.contact ?? "",
    language: e?.language ?? "nb",
    active: e ? e.active !== false : true,
    deadline: formatDate(e?.deadline),
    vacancy: vacancyDraft(e?.vacancy),
  };
}

/** Whether a typed deadline could not be read as a day (then there is nothing to send). */
export const deadlineUnreadable = (d: EntryDraft): boolean =>
  d.deadline.trim() !== "" && parseDate(d.deadline) === null;

/** The entry to save; `id` "" for a new one. */
export function draftToEntry(d: EntryDraft, original: Entry | null, isNeed: boolean): Entry {
  const e: Entry = {
    ...(original ?? {}),
    id: original?.id ?? "",
    title: d.title.trim(),
    kind: (d.kind || "expertise") as EntryKind,
    keywords: parseKeywords(d.keywords),
    description: opt(d.description),
    organisation: opt(d.organisation),
    contact: opt(d.contact),
    language: d.language || undefined,
    active: d.active,
    deadline: isNeed ? (parseDate(d.deadline) ?? undefined) : undefined,
    vacancy: !isNeed && d.kind === "position" ? draftToVacancy(d.vacancy, original?.vacancy) : undefined,
  };
  return stripUndefined(e);
}

export function organisationDraft(o?: Organisation | null): OrganisationDraft {
  return {
    name: o?.name ?? "",
    kind: o?.kind ?? "company",
    municipality: o?.municipality ?? "",
    org_number: o?.org_number ?? "",
    website: o?.website ?? "",
    member: o?.member ?? true,
    in_report: o?.in_report === true,
    notes: o?.notes ?? "",
  };
}

export function draftToOrganisation(d: OrganisationDraft, original: Organisation | null): Organisation {
  return stripUndefined({
    ...(original ?? {}),
    id: original?.id ?? "",
    name: d.name.trim(),
    kind: (d.kind || "other") as OrgKind,
    municipality: opt(d.municipality),
    // Typed as "912 345 678"; stored as digits.
    org_number: opt(d.org_number.replace(/\s+/g, "")),
    website: opt(d.website),
    member: d.member,
    in_report: d.in_report ? true : original?.in_report === undefined ? undefined : false,
    notes: opt(d.notes),
  });
}

export function personDraft(p?: Person | null): PersonDraft {
  return {
    name: p?.name ?? "",
    email: p?.email ?? "",
    phone: p?.phone ?? "",
    organisation: p?.organisation ?? "",
    role: p?.role ?? "",
    consent: p?.consent ?? false,
    consent_how: p?.consent_how ?? "",
    notes: p?.notes ?? "",
  };
}

export function draftToPerson(d: PersonDraft, original: Person | null): Person {
  return stripUndefined({
    ...(original ?? {}),
    id: original?.id ?? "",
    name: d.name.trim(),
    email: opt(d.email),
    phone: opt(d.phone),
    organisation: opt(d.organisation),
    role: opt(d.role),
    consent: d.consent,
    consent_how: opt(d.consent_how),
    notes: opt(d.notes),
  });
}

/** Drops keys whose value is undefined, so JSON and equality stay clean. */
function stripUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
