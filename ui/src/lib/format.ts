/** Formatting and parsing helpers: Norwegian dates, percentages, keywords; the collator for UI-only suggestion lists. */

const pad = (n: number) => String(n).padStart(2, "0");

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether year, month and day name a real calendar day. */
function realDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || y < 1000 || y > 9999) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/**
 * Shows a date as dd.mm.åååå. Takes `YYYY-MM-DD` (shown as is) or an RFC 3339
 * timestamp (shown in local time). Empty or unreadable input gives "" or the input.
 */
export function formatDate(value: string | null | undefined): string {
  if (!value) return "";
  const m = ISO_DATE.exec(value);
  if (m) return `${m[3]}.${m[2]}.${m[1]}`;
  const dt = new Date(value);
  if (Number.isNaN(dt.getTime())) return value;
  return `${pad(dt.getDate())}.${pad(dt.getMonth() + 1)}.${dt.getFullYear()}`;
}

/** Shows an RFC 3339 timestamp as dd.mm.åååå hh:mm in local time. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return "";
  const dt = new Date(value);
  if (Number.isNaN(dt.getTime())) return value;
  return `${formatDate(value)} ${pad(dt.getHours())}:${pad(dt.getMinutes())}`;
}

/**
 * Reads a date typed by a person: dd.mm.åååå (also d.m.åååå, with / or -)
 * or YYYY-MM-DD. Returns `YYYY-MM-DD`, or null if it is not a real day.
 */
export function parseDate(input: string): string | null {
  const s = input.trim();
  let y: number, mo: number, d: number;
  const iso = ISO_DATE.exec(s);
  const nor = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(s);
  if (iso) [y, mo, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (nor) [d, mo, y] = [Number(nor[1]), Number(nor[2]), Number(nor[3])];
  else return null;
  return realDay(y, mo, d) ? `${y}-${pad(mo)}-${pad(d)}` : null;
}

/** Today as `YYYY-MM-DD` in local time. */
export function todayIso(now: Date = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The number formats' name for a UI language. */
const numberLocale = (locale: string) => (locale === "en" ? "en-GB" : "nb-NO");

/** A count grouped as the language writes it: "20 000" in bokmål, "20,000" in English. */
export function formatCount(n: number, locale: string): string {
  return n.toLocaleString(numberLocale(locale));
}

/** A score between 0 and 1 as a whole percentage in the locale's style ("87 %"). */
export function formatPercent(score: number, locale: string): string {
  const clamped = Math.min(1, Math.max(0, Number.isFinite(score) ? score : 0));
  return new Intl.NumberFormat(numberLocale(locale), {
    style: "percent",
    maximumFractionDigits: 0,
  }).format(clamped);
}

/** Norwegian collation: æ, ø, å after z, case and accents only break ties. */
export const collator = new Intl.Collator("nb", { sensitivity: "base", numeric: true });

/** Splits "bærekraft, CSRD ,ESG" into keywords as typed (what the core keeps of them is its business). */
export function parseKeywords(input: string): string[] {
  return input
    .split(/[,;\n]/)
    .map((k) => k.trim())
    .filter(Boolean);
}

/** The inverse of `parseKeywords`, for an input field. */
export function joinKeywords(keywords: readonly string[] | null | undefined): string {
  return (keywords ?? []).join(", ");
}
