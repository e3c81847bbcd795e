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

/** How one character compares: lower case, æøå spelt out, accents dropped. */
function foldChar(c: string): string {
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
  let folded = "";
  const from: number[] = [];
  chars.forEach((c, i) => {
    if (COMBINING.test(c)) return;
    const f = foldChar(c);
    folded += f;
    for (let k = 0; k < f.length; k++) from.push(i);
  });
  return { folded, from };
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
  const isLetter = chars.map((c) => LETTER.test(c));
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
  chars.forEach((c, i) => {
    const last = out[out.length - 1];
    if (last && last.mark === marked[i]) last.text += c;
    else out.push({ text: c, mark: marked[i] });
  });
  return out;
}

/** Whether any segment is marked (for "no words to show" hints). */
export const anyMarked = (segments: readonly Segment[]): boolean => segments.some((s) => s.mark);
