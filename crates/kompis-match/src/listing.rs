//! Filtering the app's lists (needs, offers, organisations, people, trash)
//! as the user types.
//!
//! [`ListIndex::new`] indexes the rows once (the caller caches the index and
//! rebuilds it on a write); [`ListIndex::query`] keeps the rows that hold
//! **every** typed word and orders them by how well they match:
//!
//! - A query word matches a word of the text that is the same word, or that
//!   starts with it (`sveis` finds `Sveising` and `sveisesertifikat`). Both
//!   sides are [`fold`]ed (case, accents) and compared without `æøå`
//!   ([`ascii_key`]; `aa`/`ae`/`oe` typed for them also work, [`digraph_key`]):
//!   `baerekraft`, `barekraft` and `BÆREKRAFT` all find `bærekraft`.
//! - Longer query words may carry a typo: one edit (insertion, deletion,
//!   substitution or swap of two neighbours) for words of at least
//!   [`TYPO_1`] letters, two for at least [`TYPO_2`], against a whole word
//!   or against a word start of about the query word's length (as many
//!   letters, give or take the edits allowed: `sveisng` finds `sveising`
//!   and `sveisingen`). Short words and words with digits must be typed
//!   right.
//! - Words are runs of letters and digits; anything else (spaces,
//!   punctuation, hyphens, emoji) separates them. A query without any word
//!   filters nothing.
//!
//! The score of a row is the sum over the query words of the best
//! `quality × weight` among the row's words that match it, where `weight` is
//! the weight the caller gave the field the word is in (the highest, if the
//! word is in several) and `quality` is [`EXACT`] for the same word,
//! [`EXACT_FOLDED`] for the same word but for `æøå`/accents, [`START`] to
//! [`START`] + [`START_SHARE`] for a word start (more when the query word is
//! more of the word), [`TYPO`] for a whole word with a typo and
//! [`TYPO_START`] for a word start with a typo ([`SECOND_EDIT`] less for a
//! second edit). So within one field an exact word beats a word start, which
//! beats a typo; across fields the weights decide (title 2, description 1: a
//! title word start beats a description word). Rows with equal scores keep
//! their input order, so a caller can pre-sort the rows (newest first, by
//! name) and that order stays among equals.

use std::ops::Range;
use std::time::Instant;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::text::{ascii_key, digraph_key, fold};

/// Quality of a query word that is a word of the text, as written (folded).
pub const EXACT: f32 = 1.0;
/// The same word but for `æøå` (or `aa`/`ae`/`oe` for them) or accents.
pub const EXACT_FOLDED: f32 = 0.9;
/// A query word that starts a word of the text gets `START` plus
/// `START_SHARE` times its share of the word's letters.
pub const START: f32 = 0.6;
/// See [`START`].
pub const START_SHARE: f32 = 0.1;
/// A whole word of the text one or two edits from the query word.
pub const TYPO: f32 = 0.4;
/// A word start of about the query word's length one or two edits from it.
pub const TYPO_START: f32 = 0.35;
/// Taken off [`TYPO`] and [`TYPO_START`] for a second edit.
pub const SECOND_EDIT: f32 = 0.05;
/// Query words of at least this many letters may have one typo.
pub const TYPO_1: usize = 5;
/// Query words of at least this many letters may have two typos.
pub const TYPO_2: usize = 9;
/// Distinct query words beyond this many are ignored.
pub const MAX_QUERY_WORDS: usize = 32;
/// Query words longer than this (in letters) must match without typos.
const MAX_TYPO_LEN: usize = 32;

/// One row that holds every query word (borrowing its marks from the
/// index: `mark.to_string()` where they must outlive it).
#[derive(Debug, Clone, PartialEq)]
pub struct Hit<'a> {
    /// Index of the row in the input of [`ListIndex::new`].
    pub row: usize,
    /// Sum over the query words of their best `quality × field weight`
    /// (see the module documentation); higher is better.
    pub score: f32,
    /// The words of the row that matched a query word, as written in the
    /// text (each distinct spelling once, in the order of their folded form),
    /// for the UI to mark. Borrowed rather than owned: a one-letter query
    /// over 20,000 rows has some 100,000 marks, and a `String` each would
    /// cost more than all the rest of the query.
    pub marks: Vec<&'a str>,
}

/// Strings back to back.
#[derive(Default)]
struct Strs {
    text: String,
    at: Vec<u32>,
}

impl Strs {
    fn with_capacity(n: usize, bytes: usize) -> Self {
        let mut at = Vec::with_capacity(n + 1);
        at.push(0);
        Strs {
            text: String::with_capacity(bytes),
            at,
        }
    }

    fn push(&mut self, s: &str) {
        self.text.push_str(s);
        self.at.push(self.text.len() as u32);
    }

    fn len(&self) -> usize {
        self.at.len().saturating_sub(1)
    }

    fn get(&self, i: usize) -> &str {
        &self.text[self.at[i] as usize..self.at[i + 1] as usize]
    }
}

/// An index over the rows of one list, for [`ListIndex::query`].
///
/// The vocabulary is the distinct folded words of all rows, grouped by their
/// key (folded, `æøå` as `a`/`o`); the keys are sorted, so a query word is
/// resolved once against it (exact key, a range of keys it starts, a bounded
/// edit-distance scan over the keys) and rows are then scored through the
/// words' posting lists.
pub struct ListIndex {
    rows: usize,
    /// Distinct keys, sorted.
    keys: Strs,
    /// The characters of every key, back to back (key `k` at
    /// `key_chars[key_char_at[k]..key_char_at[k + 1]]`), for typo checks.
    key_chars: Vec<char>,
    key_char_at: Vec<u32>,
    /// A bit per letter of each key (see [`letter_bit`]).
    key_mask: Vec<u64>,
    /// The words of key `k` are `key_words[k]..key_words[k + 1]`.
    key_words: Vec<u32>,
    /// Distinct folded words, in key order.
    words: Strs,
    /// Rows of word `w`, ascending, with the best field weight of the word in
    /// the row: `post[post_at[w]..post_at[w + 1]]`.
    post_at: Vec<u32>,
    post: Vec<(u32, f32)>,
    /// (word, surface) pairs of row `r`, sorted:
    /// `row_words[row_at[r]..row_at[r + 1]]`.
    row_at: Vec<u32>,
    row_words: Vec<(u32, u32)>,
    /// Distinct spellings as written in the rows.
    surfaces: Strs,
}

/// Letters and digits make words; a combining mark belongs to its letter
/// (`a` + ring is `å`).
fn makes_words(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric() || ('\u{300}'..='\u{36f}').contains(&c)
    }
}

/// The words of a text as written.
fn words(text: &str) -> Words<'_> {
    Words { text, at: 0 }
}

/// Iterator of [`words`]: reads bytes, decoding only non-ASCII characters.
struct Words<'a> {
    text: &'a str,
    at: usize,
}

/// Byte classes for [`Words`]: ASCII separator, ASCII letter or digit, a
/// lead byte of U+00C0..=U+00FF, anything else (decoded).
const SEP: u8 = 0;
const ALNUM: u8 = 1;
const LATIN1: u8 = 2;
const OTHER: u8 = 3;
const CLASS: [u8; 256] = {
    let mut t = [OTHER; 256];
    let mut i = 0;
    while i < 128 {
        t[i] = if (i as u8).is_ascii_alphanumeric() {
            ALNUM
        } else {
            SEP
        };
        i += 1;
    }
    t[0xC3] = LATIN1;
    t
};

impl Words<'_> {
    /// Whether the non-ASCII character at byte `i` makes words, and its length.
    fn class(&self, i: usize) -> (bool, usize) {
        let b = self.text.as_bytes();
        // U+00C0..=U+00FF (`æøå`, `é`, …) are letters, but for `×` and `÷`.
        if CLASS[usize::from(b[i])] == LATIN1
            && b.get(i + 1).is_some_and(|&d| d != 0x97 && d != 0xB7)
        {
            return (true, 2);
        }
        let c = self.text[i..].chars().next().expect("a char starts here");
        (makes_words(c), c.len_utf8())
    }
}

impl<'a> Iterator for Words<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let b = self.text.as_bytes();
        let n = b.len();
        let mut i = self.at;
        // Separators.
        while i < n {
            match CLASS[usize::from(b[i])] {
                SEP => i += 1,
                ALNUM => break,
                _ => {
                    let (word, len) = self.class(i);
                    if word {
                        break;
                    }
                    i += len;
                }
            }
        }
        if i >= n {
            self.at = n;
            return None;
        }
        // The word.
        let start = i;
        while i < n {
            match CLASS[usize::from(b[i])] {
                ALNUM => i += 1,
                SEP => {
                    self.at = i + 1;
                    return Some(&self.text[start..i]);
                }
                _ => {
                    let (word, len) = self.class(i);
                    if !word {
                        self.at = i + len;
                        return Some(&self.text[start..i]);
                    }
                    i += len;
                }
            }
        }
        self.at = n;
        Some(&self.text[start..])
    }
}

/// The key of a folded word: `æøå` as `a`/`o`, combining marks left by
/// lowercasing (`İ` → `i̇`) dropped.
fn key_of(folded: &str) -> String {
    if folded.is_ascii() {
        return folded.to_string();
    }
    let mut k = ascii_key(folded);
    k.retain(|c| !('\u{300}'..='\u{36f}').contains(&c));
    k
}

/// A bit for a letter (letters sharing a bit only make the typo filter
/// weaker, never wrong).
fn letter_bit(c: char) -> u64 {
    1 << (c as u32 % 64)
}

/// Field weights are used as given; a negative or non-finite weight counts
/// as 0 (the field still matches, but adds nothing to the score).
fn weight(w: f32) -> f32 {
    if w.is_finite() && w > 0.0 {
        w
    } else {
        0.0
    }
}

/// The rows of one chunk with surfaces numbered in order of first appearance.
struct Chunk<'a> {
    surf: Vec<&'a str>,
    /// End of each row's entries.
    row_end: Vec<u32>,
    /// (surface, best weight) of each row, each surface once per row.
    entries: Vec<(u32, f32)>,
}

impl<'a> Chunk<'a> {
    fn new<R, S>(rows: &'a [R]) -> Self
    where
        R: AsRef<[(S, f32)]>,
        S: AsRef<str> + 'a,
    {
        let mut ids: FxHashMap<&'a str, u32> = FxHashMap::default();
        // Per surface: the last row it was seen in and its entry there.
        let mut seen: Vec<(u32, u32)> = Vec::new();
        let mut c = Chunk {
            surf: Vec::new(),
            row_end: Vec::with_capacity(rows.len()),
            entries: Vec::with_capacity(rows.len() * 48),
        };
        for (ri, row) in rows.iter().enumerate() {
            let ri = ri as u32;
            for (text, w) in row.as_ref() {
                let w = weight(*w);
                for word in words(text.as_ref()) {
                    let sid = *ids.entry(word).or_insert_with(|| {
                        c.surf.push(word);
                        seen.push((u32::MAX, 0));
                        c.surf.len() as u32 - 1
                    });
                    let s = &mut seen[sid as usize];
                    if s.0 == ri {
                        let e = &mut c.entries[s.1 as usize].1;
                        *e = e.max(w);
                    } else {
                        *s = (ri, c.entries.len() as u32);
                        c.entries.push((sid, w));
                    }
                }
            }
            c.row_end.push(c.entries.len() as u32);
        }
        c
    }
}

/// One chunk's rows with global word and surface ids.
struct ChunkRows {
    /// Number of (word, surface) pairs per row.
    lens: Vec<u32>,
    row_words: Vec<(u32, u32)>,
    /// Number of distinct words per row.
    post_lens: Vec<u32>,
    /// (word, best weight) of each row.
    posts: Vec<(u32, f32)>,
}

impl ListIndex {
    /// Indexes `rows`, each a list of `(field text, weight)` pairs (e.g.
    /// `[(title, 2.0), (description, 1.0)]`); rows are referred to by their
    /// index in `rows`. Runs on all cores (rayon); the index does not depend
    /// on how many there are.
    pub fn new<R, S>(rows: &[R]) -> Self
    where
        R: AsRef<[(S, f32)]> + Sync,
        S: AsRef<str> + Sync,
    {
        let _span = tracing::debug_span!("ListIndex::new", rows = rows.len()).entered();
        let t0 = Instant::now();
        // 1. Words of every row, per chunk of rows in parallel.
        let size = rows
            .len()
            .div_ceil(4 * rayon::current_num_threads())
            .max(256);
        let chunks: Vec<Chunk> = rows.par_chunks(size).map(Chunk::new).collect();
        // 2. Global surface ids, in order of first appearance.
        let mut ids: FxHashMap<&str, u32> = FxHashMap::default();
        let mut surf: Vec<&str> = Vec::new();
        let maps: Vec<Vec<u32>> = chunks
            .iter()
            .map(|c| {
                c.surf
                    .iter()
                    .map(|&s| {
                        *ids.entry(s).or_insert_with(|| {
                            surf.push(s);
                            surf.len() as u32 - 1
                        })
                    })
                    .collect()
            })
            .collect();
        drop(ids);
        tracing::debug!(elapsed = ?t0.elapsed(), surfaces = surf.len(), "words");
        // 3. The vocabulary: every surface folded, the distinct folded words
        // sorted by key.
        let folded: Vec<(String, String)> = surf
            .par_iter()
            .map(|s| {
                let f = fold(s);
                (key_of(&f), f)
            })
            .collect();
        let mut order: Vec<u32> = (0..surf.len() as u32).collect();
        order.par_sort_unstable_by(|&a, &b| folded[a as usize].cmp(&folded[b as usize]));
        let mut surf_word = vec![u32::MAX; surf.len()];
        let mut keys = Strs::with_capacity(order.len(), 0);
        let mut key_words = Vec::new();
        let mut words_ = Strs::with_capacity(order.len(), 0);
        for &s in &order {
            let (k, f) = &folded[s as usize];
            if k.is_empty() {
                // Only marks, nothing left after folding.
                continue;
            }
            let new_key = keys.len() == 0 || keys.get(keys.len() - 1) != k;
            if new_key {
                keys.push(k);
                key_words.push(words_.len() as u32);
            }
            if new_key || words_.get(words_.len() - 1) != f {
                words_.push(f);
            }
            surf_word[s as usize] = words_.len() as u32 - 1;
        }
        key_words.push(words_.len() as u32);
        drop(folded);
        let mut key_chars = Vec::with_capacity(keys.text.len());
        let mut key_char_at = Vec::with_capacity(keys.len() + 1);
        let mut key_mask = Vec::with_capacity(keys.len());
        key_char_at.push(0);
        for k in 0..keys.len() {
            let mut m = 0u64;
            for c in keys.get(k).chars() {
                key_chars.push(c);
                m |= letter_bit(c);
            }
            key_char_at.push(key_chars.len() as u32);
            key_mask.push(m);
        }
        tracing::debug!(elapsed = ?t0.elapsed(), words = words_.len(), keys = keys.len(), "vocabulary");
        // 4. Each row's (word, surface) pairs and its words' best weights,
        // per chunk in parallel.
        let per_chunk: Vec<ChunkRows> = chunks
            .into_par_iter()
            .zip(maps)
            .map(|(c, map)| {
                let mut out = ChunkRows {
                    lens: Vec::with_capacity(c.row_end.len()),
                    row_words: Vec::with_capacity(c.entries.len()),
                    post_lens: Vec::with_capacity(c.row_end.len()),
                    posts: Vec::with_capacity(c.entries.len()),
                };
                // (word << 32 | surface, weight bits): sorted as integers.
                let mut row: Vec<(u64, u32)> = Vec::new();
                let mut start = 0usize;
                for &end in &c.row_end {
                    row.clear();
                    for &(ls, w) in &c.entries[start..end as usize] {
                        let s = map[ls as usize];
                        let word = surf_word[s as usize];
                        if word != u32::MAX {
                            row.push(((u64::from(word) << 32) | u64::from(s), w.to_bits()));
                        }
                    }
                    start = end as usize;
                    row.sort_unstable();
                    out.lens.push(row.len() as u32);
                    out.row_words
                        .extend(row.iter().map(|x| ((x.0 >> 32) as u32, x.0 as u32)));
                    let before = out.posts.len();
                    for &(ws, w) in &row {
                        let (word, w) = ((ws >> 32) as u32, f32::from_bits(w));
                        let fresh = out.posts.len() > before;
                        match out.posts.last_mut() {
                            Some(p) if fresh && p.0 == word => p.1 = p.1.max(w),
                            _ => out.posts.push((word, w)),
                        }
                    }
                    out.post_lens.push((out.posts.len() - before) as u32);
                }
                out
            })
            .collect();
        // 5. Posting lists.
        let nwords = words_.len();
        let mut df = vec![0u32; nwords + 1];
        let mut row_at = Vec::with_capacity(rows.len() + 1);
        row_at.push(0u32);
        let total_words: usize = per_chunk.iter().map(|c| c.row_words.len()).sum();
        let mut row_words = Vec::with_capacity(total_words);
        for c in &per_chunk {
            for &(w, _) in &c.posts {
                df[w as usize + 1] += 1;
            }
            for &n in &c.lens {
                row_at.push(row_at.last().expect("starts with 0") + n);
            }
            row_words.extend_from_slice(&c.row_words);
        }
        for i in 1..df.len() {
            df[i] += df[i - 1];
        }
        let post_at = df;
        let mut fill: Vec<u32> = post_at[..nwords].to_vec();
        let mut post = vec![(0u32, 0f32); *post_at.last().expect("one more than words") as usize];
        let mut r = 0u32;
        for c in &per_chunk {
            let mut at = 0usize;
            for &n in &c.post_lens {
                for &(w, wt) in &c.posts[at..at + n as usize] {
                    let f = &mut fill[w as usize];
                    post[*f as usize] = (r, wt);
                    *f += 1;
                }
                at += n as usize;
                r += 1;
            }
        }
        drop(per_chunk);
        let mut surfaces = Strs::with_capacity(surf.len(), surf.iter().map(|s| s.len()).sum());
        for s in &surf {
            surfaces.push(s);
        }
        tracing::debug!(elapsed = ?t0.elapsed(), postings = post.len(), "postings");
        ListIndex {
            rows: rows.len(),
            keys,
            key_chars,
            key_char_at,
            key_mask,
            key_words,
            words: words_,
            post_at,
            post,
            row_at,
            row_words,
            surfaces,
        }
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.rows
    }

    /// True if there are no rows.
    pub fn is_empty(&self) -> bool {
        self.rows == 0
    }

    /// The rows that hold every word of `text`, best first (see the module
    /// documentation for what matches and how it is scored); equal scores
    /// keep the input order.
    ///
    /// A `text` without any word (empty, spaces, only punctuation or emoji)
    /// filters nothing: every row is returned, in input order, with score 0
    /// and no marks. Only the first [`MAX_QUERY_WORDS`] distinct words count.
    pub fn query(&self, text: &str) -> Vec<Hit<'_>> {
        let mut qwords: Vec<String> = Vec::new();
        for w in words(text) {
            let f = fold(w);
            if !key_of(&f).is_empty() && !qwords.contains(&f) {
                qwords.push(f);
                if qwords.len() == MAX_QUERY_WORDS {
                    break;
                }
            }
        }
        if qwords.is_empty() {
            return (0..self.rows)
                .map(|row| Hit {
                    row,
                    score: 0.0,
                    marks: Vec::new(),
                })
                .collect();
        }
        // Per row: how many query words it holds so far, and its score.
        let mut held = vec![0u8; self.rows];
        let mut total = vec![0f32; self.rows];
        // Best of the current query word per row (-1: not held).
        let mut best = vec![-1f32; self.rows];
        let mut touched: Vec<u32> = Vec::new();
        let mut marked = vec![false; self.words.len()];
        let mut cands: Vec<(u32, f32)> = Vec::new();
        for (i, qw) in qwords.iter().enumerate() {
            cands.clear();
            self.resolve(qw, &mut cands);
            let i = i as u8;
            for &(w, q) in &cands {
                marked[w as usize] = true;
                let at = self.post_at[w as usize] as usize..self.post_at[w as usize + 1] as usize;
                for &(r, wt) in &self.post[at] {
                    let r = r as usize;
                    if held[r] != i {
                        continue;
                    }
                    let s = q * wt;
                    if best[r] < 0.0 {
                        touched.push(r as u32);
                    }
                    if s > best[r] {
                        best[r] = s;
                    }
                }
            }
            if touched.is_empty() {
                return Vec::new();
            }
            for &r in &touched {
                let r = r as usize;
                held[r] += 1;
                total[r] += best[r];
                best[r] = -1.0;
            }
            touched.clear();
        }
        let all = qwords.len() as u8;
        // The matched words as runs of consecutive ids (a word start's words
        // are consecutive), looked up in each row's sorted words.
        let mut runs: Vec<Range<u32>> = Vec::new();
        for (w, &m) in marked.iter().enumerate() {
            let w = w as u32;
            if m {
                match runs.last_mut() {
                    Some(r) if r.end == w => r.end = w + 1,
                    _ => runs.push(w..w + 1),
                }
            }
        }
        // Marks in row order (the index is read front to back), then sorted.
        let mut hits: Vec<Hit> = held
            .iter()
            .enumerate()
            .filter(|&(_, &h)| h == all)
            .map(|(r, _)| Hit {
                row: r,
                score: total[r],
                marks: self.marks(r, &marked, &runs),
            })
            .collect();
        // Stable: equal scores keep the input order.
        hits.sort_by(|a, b| b.score.total_cmp(&a.score));
        hits
    }

    /// The spellings in row `r` of the words `marked` (also given as `runs`).
    fn marks(&self, r: usize, marked: &[bool], runs: &[Range<u32>]) -> Vec<&str> {
        let words = &self.row_words[self.row_range(r)];
        let surface = |x: &(u32, u32)| self.surfaces.get(x.1 as usize);
        if runs.len() > 8 {
            return words
                .iter()
                .filter(|&&(w, _)| marked[w as usize])
                .map(surface)
                .collect();
        }
        let mut spans = [(0usize, 0usize); 8];
        let mut n = 0;
        for (span, run) in spans.iter_mut().zip(runs) {
            let from = words.partition_point(|x| x.0 < run.start);
            let to = from + words[from..].partition_point(|x| x.0 < run.end);
            *span = (from, to);
            n += to - from;
        }
        let mut out = Vec::with_capacity(n);
        for &(from, to) in &spans[..runs.len()] {
            out.extend(words[from..to].iter().map(surface));
        }
        out
    }

    fn row_range(&self, r: usize) -> Range<usize> {
        self.row_at[r] as usize..self.row_at[r + 1] as usize
    }

    /// Keys that are `key` or start with it.
    fn key_range(&self, key: &str) -> Range<usize> {
        let n = self.keys.len();
        let lo = partition(n, |k| self.keys.get(k) < key);
        let hi = lo + partition(n - lo, |k| self.keys.get(lo + k).starts_with(key));
        lo..hi
    }

    /// The vocabulary words a folded query word matches, with their quality
    /// (a word may appear more than once; the best counts).
    fn resolve(&self, folded: &str, out: &mut Vec<(u32, f32)>) {
        let key = key_of(folded);
        let n = key.chars().count();
        let mut ranges: Vec<Range<usize>> = Vec::with_capacity(2);
        let alt = digraph_key(&key).filter(|d| *d != key && !d.is_empty());
        for (k, exact_ok) in
            std::iter::once((key.as_str(), true)).chain(alt.as_deref().map(|d| (d, false)))
        {
            let r = self.key_range(k);
            for ki in r.clone() {
                let kw = self.key_words[ki] as usize..self.key_words[ki + 1] as usize;
                if self.keys.get(ki) == k {
                    for w in kw {
                        let q = if exact_ok && self.words.get(w) == folded {
                            EXACT
                        } else {
                            EXACT_FOLDED
                        };
                        out.push((w as u32, q));
                    }
                } else {
                    let m = self.key_char_at[ki + 1] - self.key_char_at[ki];
                    let share = k.chars().count() as f32 / m as f32;
                    let q = START + START_SHARE * share;
                    out.extend(kw.map(|w| (w as u32, q)));
                }
            }
            ranges.push(r);
        }
        // Typos: a bounded edit distance over every key not already found.
        if !(TYPO_1..=MAX_TYPO_LEN).contains(&n) || key.chars().any(|c| c.is_ascii_digit()) {
            return;
        }
        let max = if n >= TYPO_2 { 2 } else { 1 };
        let q: Vec<char> = key.chars().collect();
        self.typos(&q, max, &ranges, out);
    }

    /// Keys (outside `skip`) whose whole, or a start of about `q`'s length
    /// (`q.len() ± max` letters), is at most `max` edits (optimal string
    /// alignment) from `q`.
    ///
    /// The keys are sorted, so each one shares a prefix with the one before:
    /// the table of distances is kept by prefix (one row per letter of the
    /// key) and only the rows past the shared prefix are computed, as in a
    /// walk down a trie. A row whose every distance is above `max` rules out
    /// every key with that prefix, which are skipped at once.
    fn typos(&self, q: &[char], max: usize, skip: &[Range<usize>], out: &mut Vec<(u32, f32)>) {
        let n = q.len();
        let width = n + 1;
        // Row i: distances of the key's first i letters to q's first j letters.
        let mut rows = vec![0u8; (n + max + 1) * width];
        for (j, c) in rows[..width].iter_mut().enumerate() {
            *c = j as u8;
        }
        let max8 = max as u8;
        let qmask = q.iter().fold(0u64, |m, &c| m | letter_bit(c));
        let nkeys = self.keys.len();
        // Word starts of the query's length, give or take the edits.
        let lo_start = n.saturating_sub(max).max(1);
        // The key whose rows 0..=valid are in `rows`.
        let mut prev: &[char] = &[];
        let mut valid = 0usize;
        let mut ki = 0usize;
        'keys: while ki < nkeys {
            if let Some(r) = skip.iter().find(|r| r.contains(&ki)) {
                ki = r.end;
                continue;
            }
            let w =
                &self.key_chars[self.key_char_at[ki] as usize..self.key_char_at[ki + 1] as usize];
            let m = w.len();
            if m + max < n {
                ki += 1;
                continue;
            }
            // Each edit brings in at most one letter the key lacks.
            if (qmask & !self.key_mask[ki]).count_ones() as usize > max {
                ki += 1;
                continue;
            }
            let upto = m.min(n + max);
            let shared = w.iter().zip(prev).take_while(|(a, b)| a == b).count();
            let from = shared.min(valid) + 1;
            for i in from..=upto {
                let (done, row) = rows.split_at_mut(i * width);
                let row = &mut row[..width];
                let up = &done[(i - 1) * width..i * width];
                let up2 = (i > 1).then(|| &done[(i - 2) * width..(i - 1) * width]);
                row[0] = i as u8;
                let mut low = row[0];
                for j in 1..=n {
                    let cost = u8::from(w[i - 1] != q[j - 1]);
                    let mut v = (up[j] + 1).min(row[j - 1] + 1).min(up[j - 1] + cost);
                    if let Some(up2) = up2 {
                        if j > 1 && w[i - 1] == q[j - 2] && w[i - 2] == q[j - 1] {
                            v = v.min(up2[j - 2] + 1);
                        }
                    }
                    row[j] = v;
                    low = low.min(v);
                }
                if low > max8 {
                    // No key starting with these i letters is close enough
                    // as a whole, nor through a longer start; a shorter
                    // start (the rows before) holds for all of them.
                    prev = w;
                    valid = i;
                    let pre = &self.keys.get(ki)[..w[..i].iter().map(|c| c.len_utf8()).sum()];
                    let end = ki
                        + 1
                        + partition(nkeys - ki - 1, |k| {
                            self.keys.get(ki + 1 + k).starts_with(pre)
                        });
                    let start = (lo_start..i.min(n + max + 1))
                        .map(|k| rows[k * width + n])
                        .min()
                        .filter(|&d| d <= max8);
                    if let Some(d) = start {
                        let quality = TYPO_START - SECOND_EDIT * f32::from(d.saturating_sub(1));
                        for k in (ki..end).filter(|k| !skip.iter().any(|r| r.contains(k))) {
                            out.extend(
                                (self.key_words[k]..self.key_words[k + 1]).map(|w| (w, quality)),
                            );
                        }
                    }
                    ki = end;
                    continue 'keys;
                }
            }
            prev = w;
            valid = upto;
            let whole = (m <= n + max)
                .then(|| rows[m * width + n])
                .filter(|&d| d <= max8);
            let start = (lo_start..m.min(n + max + 1))
                .map(|k| rows[k * width + n])
                .min()
                .filter(|&d| d <= max8);
            let quality = match (whole, start) {
                (Some(d), _) => Some(TYPO - SECOND_EDIT * f32::from(d.saturating_sub(1))),
                (None, Some(d)) => Some(TYPO_START - SECOND_EDIT * f32::from(d.saturating_sub(1))),
                _ => None,
            };
            if let Some(quality) = quality {
                out.extend((self.key_words[ki]..self.key_words[ki + 1]).map(|w| (w, quality)));
            }
            ki += 1;
        }
    }
}

/// The first index in `0..n` where `pred` is false (`pred` true, then false).
fn partition(n: usize, pred: impl Fn(usize) -> bool) -> usize {
    let (mut lo, mut hi) = (0, n);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if pred(mid) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typos(ix: &ListIndex, q: &str) -> Vec<(String, f32)> {
        let q: Vec<char> = q.chars().collect();
        let max = if q.len() >= TYPO_2 { 2 } else { 1 };
        let mut out = Vec::new();
        ix.typos(&q, max, &[], &mut out);
        let mut v: Vec<(String, f32)> = out
            .into_iter()
            .map(|(w, x)| (ix.words.get(w as usize).to_string(), x))
            .collect();
        v.sort_by(|a, b| a.0.cmp(&b.0));
        v
    }

    #[test]
    fn typos_against_whole_words_and_word_starts() {
        let rows = [[(
            "sveising sveisesertifikat sveisingen svein sertifikatet safety \
             xyzzy sveisng abc sveisingsarbeid",
            1.0,
        )]];
        let ix = ListIndex::new(&rows);
        let t = |q: &str| -> Vec<String> { typos(&ix, q).into_iter().map(|x| x.0).collect() };
        // Whole words one edit away, and word starts of 6 to 8 letters one
        // edit away (`sveisin|gen` is two from `sveisng`, `sveising|en` one).
        assert_eq!(
            t("sveisng"),
            ["sveising", "sveisingen", "sveisingsarbeid", "sveisng"]
        );
        assert_eq!(typos(&ix, "sveisng")[0].1, TYPO);
        assert_eq!(typos(&ix, "sveisng")[1].1, TYPO_START);
        // Not `svein`: two edits.
        assert!(!t("sveisng").contains(&"svein".to_string()));
        // A start of 10 letters, one edit away.
        assert_eq!(t("sertifkat"), ["sertifikatet"]);
        assert_eq!(typos(&ix, "sertifkat")[0].1, TYPO_START);
        // Two edits for words of nine letters or more.
        assert_eq!(t("srtifkatet"), ["sertifikatet"]);
        assert_eq!(typos(&ix, "srtifkatet")[0].1, TYPO - SECOND_EDIT);
        // A swap is one edit.
        assert_eq!(t("saftey"), ["safety"]);
        assert!(t("abcde").is_empty());
    }

    /// Plain optimal-string-alignment distance.
    fn osa(a: &[char], b: &[char]) -> usize {
        let (n, m) = (a.len(), b.len());
        let mut d = vec![vec![0usize; m + 1]; n + 1];
        for (i, row) in d.iter_mut().enumerate() {
            row[0] = i;
        }
        for (j, c) in d[0].iter_mut().enumerate() {
            *c = j;
        }
        for i in 1..=n {
            for j in 1..=m {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                let mut v = (d[i - 1][j] + 1)
                    .min(d[i][j - 1] + 1)
                    .min(d[i - 1][j - 1] + cost);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    v = v.min(d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        d[n][m]
    }

    #[test]
    fn typo_walk_finds_what_a_plain_scan_finds() {
        let (docs, _) = crate::synth::catalogue(5, 2_000, 0);
        let rows: Vec<[(String, f32); 1]> = docs
            .iter()
            .map(|d| [(format!("{} {}", d.title, d.description), 1.0)])
            .collect();
        let ix = ListIndex::new(&rows);
        for q in [
            "barekraft",
            "rekrutering",
            "sikkerhet",
            "sertifkat",
            "digitalisering",
            "kartleging",
            "innovasjn",
            "hansen",
            "lean",
            "strategi",
            "eksport",
            "prosjekt",
        ] {
            let q: Vec<char> = q.chars().collect();
            let n = q.len();
            if n < TYPO_1 {
                continue;
            }
            let max = if n >= TYPO_2 { 2 } else { 1 };
            let mut want: Vec<(u32, f32)> = Vec::new();
            for k in 0..ix.keys.len() {
                let w: Vec<char> = ix.keys.get(k).chars().collect();
                let m = w.len();
                let whole = (m <= n + max).then(|| osa(&w, &q)).filter(|&d| d <= max);
                let start = (n.saturating_sub(max).max(1)..m.min(n + max + 1))
                    .map(|p| osa(&w[..p], &q))
                    .min()
                    .filter(|&d| d <= max);
                let quality = match (whole, start) {
                    (Some(d), _) => TYPO - SECOND_EDIT * d.saturating_sub(1) as f32,
                    (None, Some(d)) => TYPO_START - SECOND_EDIT * d.saturating_sub(1) as f32,
                    _ => continue,
                };
                want.extend((ix.key_words[k]..ix.key_words[k + 1]).map(|w| (w, quality)));
            }
            let mut got = Vec::new();
            ix.typos(&q, max, &[], &mut got);
            let names = |v: &[(u32, f32)]| {
                v.iter()
                    .map(|x| ix.words.get(x.0 as usize).to_string())
                    .collect::<Vec<_>>()
            };
            assert_eq!(
                got,
                want,
                "{} {:?} {:?}",
                q.iter().collect::<String>(),
                names(&got),
                names(&want)
            );
        }
    }

    #[test]
    fn key_range_is_the_keys_a_word_starts() {
        let rows = [[("sveis sveising sveisesertifikat svein sverige", 1.0)]];
        let ix = ListIndex::new(&rows);
        let r = ix.key_range("sveis");
        let ks: Vec<&str> = r.map(|k| ix.keys.get(k)).collect();
        assert_eq!(ks, ["sveis", "sveisesertifikat", "sveising"]);
        assert!(ix.key_range("zzz").is_empty());
    }
}
