/**
 * The current UI language as reactive state, and `t()` for templates. The
 * choice is remembered in localStorage; `?lang=en` in the address sets it too.
 */
import { asLocale, translate, translatePlural, type Key, type Locale, type PluralKey } from "./keys";

export type { Key, Locale } from "./keys";

const STORAGE_KEY = "kompis.locale";

function initial(): Locale {
  const asked = new URLSearchParams(globalThis.location?.search ?? "").get("lang");
  if (asked) return asLocale(asked);
  try {
    return asLocale(globalThis.localStorage?.getItem(STORAGE_KEY));
  } catch {
    return "nb";
  }
}

let current = $state<Locale>(initial());

/** The language in use. */
export function locale(): Locale {
  return current;
}

/** Switches language, remembers it and updates `<html lang>`. */
export function setLocale(next: Locale): void {
  current = next;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, next);
  } catch {
    // Private mode or no storage: the choice lasts for this session only.
  }
  if (globalThis.document) document.documentElement.lang = next;
}

/** The text for `key` in the current language. */
export function t(key: Key, params?: Record<string, string | number>): string {
  return translate(current, key, params);
}

/** Singular or plural text for `n`. */
export function tn(key: PluralKey, n: number): string {
  return translatePlural(current, key, n);
}
