/**
 * The UI's texts: one JSON file per language with the same keys. Bokmål
 * (`nb.json`) defines the keys; `en.json` must have every one of them.
 */
import nb from "./nb.json";
import en from "./en.json";
import { formatCount } from "../format";

/** Every text key; a key not in nb.json is a type error. */
export type Key = keyof typeof nb;

/** Keys of texts that come in a singular (`.one`) and plural (`.other`) form. */
export type PluralKey = PluralBase<Key>;
type PluralBase<K> = K extends `${infer B}.one` ? B : never;

/** The languages the UI speaks. */
export type Locale = "nb" | "en";

export const LOCALES: readonly Locale[] = ["nb", "en"];

/** English must define every bokmål key (checked here by the compiler). */
export const dictionaries: Record<Locale, Record<Key, string>> = { nb, en };

/** Fills `{name}` placeholders from `params`; unknown ones stay as written. */
export function interpolate(text: string, params?: Record<string, string | number>): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The text for `key` in `locale`, with placeholders filled. */
export function translate(locale: Locale, key: Key, params?: Record<string, string | number>): string {
  return interpolate(dictionaries[locale][key] ?? dictionaries.nb[key] ?? key, params);
}

/** "1 behov" / "3 behov": picks `.one` or `.other` by `n` and fills `{n}`. */
export function translatePlural(locale: Locale, key: PluralKey, n: number): string {
  const k = (n === 1 ? `${key}.one` : `${key}.other`) as Key;
  // Counts grouped as each language writes them: "20 000 rader", "20,000 rows".
  return translate(locale, k, { n: formatCount(n, locale) });
}

/** Reads a stored or asked-for language, falling back to bokmål. */
export function asLocale(value: string | null | undefined): Locale {
  return value === "en" ? "en" : "nb";
}
