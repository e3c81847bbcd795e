/**
 * The job market's words: occupation fields, education levels and the
 * core's typed reasons for a ranking, said in the UI's language. Which
 * vacancy fits whom, and why, is decided in the core; this only words it.
 */
import type { EducationLevel } from "./bindings/EducationLevel";
import type { JobField } from "./bindings/JobField";
import type { JobReason } from "./bindings/JobReason";
import { locale, t } from "./i18n/index.svelte";

export const EDUCATION_LEVELS: readonly EducationLevel[] = [
  "none",
  "upper_secondary",
  "trade_certificate",
  "vocational_college",
  "bachelor",
  "master",
  "phd",
];
export const educationLabel = (l: EducationLevel) => t(`jobs.education.${l}` as const);

/** A field's name in the UI's language, from the core's list ("" and unknown codes: "other"). */
export function fieldName(fields: readonly JobField[], code: string | null | undefined): string {
  const f = fields.find((x) => x.code === code);
  if (!f) return t("jobs.no_field");
  return locale() === "en" ? f.en : f.nb;
}

const list = (xs: readonly string[]) => xs.join(", ");

/** One reason as a short sentence. */
export function jobReasonText(r: JobReason, fields: readonly JobField[]): string {
  switch (r.kind) {
    case "words":
      return t("jobs.reason.words", { terms: r.terms });
    case "field_fits":
      return t("jobs.reason.field_fits", { field: fieldName(fields, r.code) });
    case "field_differs":
      return t("jobs.reason.field_differs", { field: fieldName(fields, r.code) });
    case "education_fits":
      return t("jobs.reason.education_fits", { level: educationLabel(r.asked).toLowerCase() });
    case "education_below":
      return t("jobs.reason.education_below", {
        asked: educationLabel(r.asked).toLowerCase(),
        has: educationLabel(r.has).toLowerCase(),
      });
    case "languages_fit":
      return t("jobs.reason.languages_fit", { languages: list(r.languages) });
    case "languages_missing":
      return t("jobs.reason.languages_missing", { languages: list(r.missing) });
    case "commute_within":
      return r.minutes === 0
        ? t("jobs.reason.same_place", { place: r.to })
        : t("jobs.reason.commute_within", { minutes: r.minutes, from: r.from, to: r.to });
    case "commute_too_far":
      return t("jobs.reason.commute_too_far", { minutes: r.minutes, from: r.from, to: r.to, max: r.max });
    case "wanted_municipality":
      return t("jobs.reason.wanted_municipality", { municipality: r.municipality });
    case "commute_unknown":
      return t("jobs.reason.commute_unknown", { from: r.from, to: r.to });
    case "for_students":
      return t("jobs.reason.for_students");
    case "trainee":
      return t("jobs.reason.trainee");
    case "apprenticeship":
      return t("jobs.reason.apprenticeship");
  }
}
