/**
 * Small helpers of the match-sheet export: the suggested file name, the
 * folder remembered between exports, and turning the screen's choices into
 * a `SheetRequest`.
 */
import type { MatchStatus } from "./bindings/MatchStatus";
import type { SheetRequest } from "./bindings/SheetRequest";
import { formatDate, todayIso } from "./format";

export type SheetFormat = SheetRequest["format"];
export type SheetLayout = NonNullable<SheetRequest["layout"]>;
export type SheetLang = SheetRequest["lang"];
export type ScopeKind = SheetRequest["scope"]["kind"];

/** What the export screen lets the coordinator choose. */
export interface SheetChoices {
  format: SheetFormat;
  separator: "semicolon" | "comma";
  layout: SheetLayout;
  scope: ScopeKind;
  needIds: string[];
  organisation: string;
  status: MatchStatus;
  lang: SheetLang;
}

/**
 * The request for the choices, or null while they are incomplete (no need
 * picked, no organisation chosen).
 */
export function requestOf(c: SheetChoices): SheetRequest | null {
  let scope: SheetRequest["scope"];
  switch (c.scope) {
    case "all":
      scope = { kind: "all" };
      break;
    case "needs":
      if (c.needIds.length === 0) return null;
      scope = { kind: "needs", ids: [...c.needIds] };
      break;
    case "organisation":
      if (!c.organisation) return null;
      scope = { kind: "organisation", id: c.organisation };
      break;
    case "status":
      scope = { kind: "status", status: c.status };
      break;
  }
  const r: SheetRequest = { format: c.format, scope, lang: c.lang };
  if (c.format === "csv") r.separator = c.separator;
  if (c.format === "pdf") r.layout = c.layout;
  return r;
}

/** "treffark-27.11.2026.pdf" (English sheets: "match-sheet-27.11.2026.pdf"). */
export function suggestedName(format: SheetFormat, lang: SheetLang, today: string = todayIso()): string {
  return `${lang === "en" ? "match-sheet" : "treffark"}-${formatDate(today)}.${format}`;
}

/** "12,3 kB" / "1,2 MB" in the locale's style. */
export function formatBytes(bytes: number, locale: string): string {
  const nf = (n: number) =>
    new Intl.NumberFormat(locale === "en" ? "en-GB" : "nb-NO", { maximumFractionDigits: 1 }).format(n);
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${nf(bytes / 1024)} kB`;
  return `${nf(bytes / (1024 * 1024))} MB`;
}
