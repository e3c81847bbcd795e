/**
 * The sentence a person reads for an error, in the UI's language. The core
 * says what was wrong as a typed problem (validation) or a code with its
 * count; the UI only words it. Anything else keeps the core's own sentence.
 */
import type { IpcError, Problem } from "./types";
import { t, tn } from "./i18n/index.svelte";
import { entityLabel } from "./labels";

/** The error's sentence in the UI's language. */
export function readable(err: IpcError): string {
  if (err.problem) return problemText(err.problem);
  switch (err.code) {
    case "intake_errors":
      return err.count != null ? tn("error.intake_errors", err.count) : err.message;
    case "file_choice":
      return t("error.file_choice");
    case "no_file_dialog":
      return t("error.no_file_dialog");
    default:
      return err.message;
  }
}

function problemText(p: Problem): string {
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
    case "other":
      return p.text;
  }
}
