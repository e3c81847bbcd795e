/**
 * The sentence a person reads for an error, in the UI's language. The core
 * says what was wrong as a typed problem (validation) or a code with its
 * count; the UI only words it. Anything else keeps the core's own sentence.
 */
import type { EntryProblem } from "./bindings/EntryProblem";
import type { EntityKind, IpcError, Problem } from "./types";
import { t, tn, type Key } from "./i18n/index.svelte";
import { entityLabel, statusLabel } from "./labels";
import { formatDate } from "./format";

/** The error's sentence in the UI's language. */
export function readable(err: IpcError): string {
  // An untyped problem keeps the core's whole sentence, which names the entry and field.
  if (err.problem && err.problem.kind !== "other") return problemText(err.problem);
  switch (err.code) {
    case "intake_errors":
      return err.count != null ? tn("error.intake_errors", err.count) : err.message;
    case "file_choice":
      return t("error.file_choice");
    case "no_file_dialog":
      return t("error.no_file_dialog");
    case "not_a_catalogue":
      return t("error.not_a_catalogue");
    case "no_app_settings":
      return t("error.no_app_settings");
    case "bad_bundle":
      return t("error.bad_bundle");
    case "bad_entries":
      return entriesText(err);
    default:
      return err.message;
  }
}

/** A field's label as the import screen names it ("Frist"), or its name. */
export function fieldLabel(field: string): string {
  const key = `intake.field.${field}` as Key;
  const text = t(key);
  return text === key ? field : text;
}

/** A refused bundle: how many entries have problems, then each by title and field label. */
function entriesText(err: IpcError): string {
  const entries = err.entries ?? [];
  const total = err.count ?? entries.length;
  const lines = entries.map(entryLine);
  const more = total - entries.length;
  if (more > 0) lines.push(t("error.bad_entries_more", { n: more }));
  return [tn("error.bad_entries", total), ...lines].join("\n");
}

function entryLine(p: EntryProblem): string {
  const what = ["need", "offer", "organisation", "person"].includes(p.entity)
    ? entityLabel(p.entity as EntityKind)
    : t("entity.other");
  const who = p.label ? `${what} «${p.label}»` : what;
  const text = p.problem.kind === "other" ? p.problem.text : problemText(p.problem);
  return p.field && p.field !== "(entity)" ? `${who}, ${fieldLabel(p.field)}: ${text}` : `${who}: ${text}`;
}

/** What is wrong, as a sentence in the UI's language. */
export function problemText(p: Problem): string {
  switch (p.kind) {
    case "required":
      return t("problem.required");
    case "too_long":
      return t("problem.too_long", { length: p.length, max: p.max });
    case "org_number":
      return t("problem.org_number");
    case "email":
      return t("problem.email");
    case "too_many_keywords":
      return t("problem.too_many_keywords", { count: p.count, max: p.max });
    case "deadline_on_offer":
      return t("problem.deadline_on_offer");
    case "deadline_passed":
      return t("problem.deadline_passed", { date: p.date });
    case "decline_reason":
      return t("problem.decline_reason");
    case "in_use": {
      const by = p.by.map((u) => `${entityLabel(u.kind).toLowerCase()} «${u.label}»`).join(", ");
      const more = p.more > 0 ? t("problem.in_use_more", { n: p.more }) : "";
      return t("problem.in_use", { by: by + more });
    }
    case "not_a_kind":
      return t("problem.not_a_kind", { text: p.text });
    case "not_a_date":
      return t("problem.not_a_date", { text: p.text });
    case "org_number_digits":
      return t("problem.org_number_digits", { text: p.text });
    case "org_number_check":
      return t("problem.org_number_check", { text: p.text });
    case "not_yes_no":
      return t("problem.not_yes_no", { text: p.text });
    case "not_a_language":
      return t("problem.not_a_language", { text: p.text });
    case "name_missing":
      return p.entity === "organisation" ? t("problem.org_name_missing") : t("problem.person_name_missing");
    case "unknown_org_number":
      return t("problem.unknown_org_number", { number: p.number });
    case "unknown_email":
      return t("problem.unknown_email");
    case "copied_id":
      return t("problem.copied_id", { row: p.first_row });
    case "unknown_id":
      return t("problem.unknown_id");
    case "same_org_number":
      return t("problem.same_org_number", { name: p.name });
    case "same_email":
      return t("problem.same_email", { name: p.name });
    case "near_title":
      return t("problem.near_title", { entity: entityLabel(p.entity).toLowerCase(), title: p.title });
    case "repeats":
      return t("problem.repeats", { entity: entityLabel(p.entity).toLowerCase(), sheet: p.sheet, row: p.row });
    case "bundle_date":
      return t("problem.bundle_date");
    case "bundle_time":
      return t("problem.bundle_time");
    case "not_agreed":
      return t("problem.not_agreed", { status: statusLabel(p.status).toLowerCase() });
    case "outcome_in_future":
      return t("problem.outcome_in_future", { date: formatDate(p.date) });
    case "no_consent":
      return t("problem.no_consent");
    case "unknown_job_field":
      return t("problem.unknown_job_field", { text: p.text });
    case "percent":
      return t("problem.percent", { value: p.value });
    case "vacancy_not_position":
      return t("problem.vacancy_not_position");
    case "not_a_vacancy":
      return t("problem.not_a_vacancy");
    case "other":
      return p.text;
  }
}
