/** Translated names of the catalogue's vocabularies. */
import type { DeclineReason } from "./bindings/DeclineReason";
import type { EntityKind } from "./bindings/EntityKind";
import type { EntryKind } from "./bindings/EntryKind";
import type { Language } from "./bindings/Language";
import type { MatchStatus } from "./bindings/MatchStatus";
import type { OrgKind } from "./bindings/OrgKind";
import type { OutcomeKind } from "./bindings/OutcomeKind";
import type { ThesisLevel } from "./bindings/ThesisLevel";
import { locale, t } from "./i18n/index.svelte";

export const ENTRY_KINDS: readonly EntryKind[] = [
  "expertise",
  "experience",
  "student_project",
  "training",
  "facility",
  "position",
];
export const ORG_KINDS: readonly OrgKind[] = ["company", "university", "public", "network", "other"];
export const LANGUAGES: readonly Language[] = ["nb", "nn", "en"];

export const entryKindLabel = (k: EntryKind) => t(`kind.${k}` as const);
export const orgKindLabel = (k: OrgKind) => t(`org_kind.${k}` as const);
export const languageLabel = (l: Language) => t(`language.${l}` as const);
export const statusLabel = (s: MatchStatus) => t(`status.${s}` as const);
export const entityLabel = (k: EntityKind) => t(`entity.${k}` as const);

export const DECLINE_REASONS: readonly DeclineReason[] = [
  "not_relevant",
  "bad_timing",
  "no_capacity",
  "already_solved",
  "other",
];
export const declineReasonLabel = (r: DeclineReason) => t(`decline.reason.${r}` as const);

export const OUTCOME_KINDS: readonly OutcomeKind[] = [
  "meeting_held",
  "project_started",
  "thesis_started",
  "thesis_delivered",
  "internship",
  "hire",
  "funding_application",
  "course_held",
  "no_result",
];
export const outcomeKindLabel = (k: OutcomeKind) => t(`outcome.kind.${k}` as const);
export const THESIS_LEVELS: readonly ThesisLevel[] = ["bachelor", "master", "phd"];
export const thesisLevelLabel = (l: ThesisLevel | null | undefined) => t(`outcome.level.${l ?? "unknown"}` as const);

/** A match's reasons in the window's language (the core words both). */
export function reasonsIn(m: { reasons: readonly string[]; reasons_en: readonly string[] }): readonly string[] {
  return locale() === "en" && m.reasons_en.length ? m.reasons_en : m.reasons;
}
