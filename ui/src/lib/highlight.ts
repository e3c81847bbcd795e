/**
 * Splits catalogue text into plain and marked segments for the words that
 * carried a match, so a screen can render `<mark>` elements without ever
 * treating the text as HTML.
 *
 * Terms arrive folded and lower-case from the matcher, sometimes as stems
 * ("rapporter") or without æøå ("baerekraft"). Both sides are folded further
 * (æ → ae, ø → o, å → a, accents dropped) before comparing, so "Bærekraft"
 * and "BAEREKRAFT" both match "bærekraft", and "arbeidsmiljø" matches
 * "arbeidsmiljo". A term matches a whole word; one of four letters or more
 * also the start of a word, and then marks the whole word (a stem marks
 * "rapportering"); one of five letters or more also inside a word, the tail
 * of a compound ("bærekraftsrapportering", "nabokommunene"), marked from
 * there to the end of the word.
 */

/** A run of text, marked or not. */
export interface Segment {
  text: string;
  mark: boolean;
}

const LETTER = /[\p{L}\p{N}]/u;
const COMBINING = /\p{M}/u;

/** Folds of the characters met so far beyond ASCII (a page meets a few dozen). */
const folds = new Map<string, string>();

/** Whether a one-code-point string is an ASCII letter or digit, or `null` beyond ASCII. */
function asciiLetter(c: string): boolean | null {
  const n = c.charCodeAt(0);
  if (n >= 128 || c.length > 1) return null;
  return (n >= 48 && n <= 57) || (n >= 65 && n <= 90) || (n >= 97 && n <= 122);
}

/** How one character compares: lower case, æøå spelt out, accents dropped. */
function foldChar(c: string): string {
  const n = c.charCodeAt(0);
  if (c.length === 1 && n < 128) return n >= 65 && n <= 90 ? String.fromCharCode(n + 32) : c;
  let f = folds.get(c);
  if (f === undefined) {
    f = foldSlow(c);
    folds.set(c, f);
  }
  return f;
}

function foldSlow(c: string): string {
  const l = c.toLocaleLowerCase("nb");
  switch (l) {
    case "æ":
    case "ä":
      return "ae";
    case "ø":
    case "ö":
      return "o";
    case "å":
      return "a";
    case "ß":
      return "ss";
  }
  return l.normalize("NFD").replace(/\p{M}/gu, "");
}

/** The deep fold of a whole string (what terms are compared as). */
export function deepFold(s: string): string {
  return Array.from(s.normalize("NFC")).map(foldChar).join("");
}

/** The folded text and, for each folded position, the code point it came from. */
function foldWithMap(chars: string[]): { folded: string; from: number[] } {
  const parts: string[] = [];
  const from: number[] = [];
  chars.forEach((c, i) => {
    if (asciiLetter(c) === null && COMBINING.test(c)) return;
    const f = foldChar(c);
    parts.push(f);
    for (let k = 0; k < f.length; k++) from.push(i);
  });
  return { folded: parts.join(""), from };
}

/** Minimum length of a term that may match as the start of a longer word (a stem). */
const PREFIX_MIN = 4;

/** Minimum length of a term that may match inside a word (a compound's tail). */
const INNER_MIN = 5;

/**
 * Splits `text` into segments, marking where any of `terms` occurs. Marked
 * ranges that touch or overlap are joined. With no terms, one plain segment.
 */
export function highlight(text: string, terms: readonly string[]): Segment[] {
  const chars = Array.from(text.normalize("NFC"));
  if (chars.length === 0) return [];
  const wanted = [
    ...new Set(
      terms
        .map(deepFold)
        .map((t) => t.trim())
        .filter((t) => t.length >= 2),
    ),
  ];
  if (wanted.length === 0) return [{ text: chars.join(""), mark: false }];

  const { folded, from } = foldWithMap(chars);
  const isLetter = chars.map((c) => asciiLetter(c) ?? LETTER.test(c));
  const marked = new Array<boolean>(chars.length).fill(false);

  // Multi-word terms ("helse miljø sikkerhet") are matched word by word too.
  const pieces = new Set<string>();
  for (const t of wanted) {
    pieces.add(t);
    for (const w of t.split(/[^\p{L}\p{N}]+/u)) if (w.length >= 2) pieces.add(w);
  }

  for (const term of pieces) {
    let at = folded.indexOf(term);
    while (at >= 0) {
      const start = from[at];
      const endChar = from[at + term.length - 1];
      const atWordStart = start === 0 || !isLetter[start - 1];
      const wholeWord = atWordStart && (endChar + 1 >= chars.length || !isLetter[endChar + 1]);
      // Short terms (abbreviations: KI, HMS) only as whole words: "KI" is not in "Kiosk".
      if (wholeWord || (atWordStart && term.length >= PREFIX_MIN) || term.length >= INNER_MIN) {
        // To the end of the word: a stem marks "rapportering", a compound tail "nabokommunene".
        let end = endChar + 1;
        while (end < chars.length && isLetter[end]) end++;
        for (let i = start; i < end; i++) marked[i] = true;
      }
      at = folded.indexOf(term, at + 1);
    }
  }

  const out: Segment[] = [];
  for (let a = 0; a < chars.length;) {
    let b = a + 1;
    while (b < chars.length && marked[b] === marked[a]) b++;
    out.push({ text: chars.slice(a, b).join(""), mark: marked[a] });
    a = b;
  }
  return out;
}

/** Whether any segment is marked (for "no words to show" hints). */
export const anyMarked = (segments: readonly Segment[]): boolean => segments.some((s) => s.mark);
