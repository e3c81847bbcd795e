//! Typeahead over short labels (titles, names) with fuzzy-matcher.
//!
//! Labels and queries are [`fold`]ed first, because fuzzy-matcher folds case
//! for ASCII only. Candidates come first from the labels that have a word
//! starting like the query's first word; only when those give too few hits
//! are all labels tried. A bitmask of the letters in each label skips, without
//! running the matcher, every label that lacks a letter of the query.

use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;
use rustc_hash::FxHashMap as HashMap;

use crate::text::fold;

/// At most this many candidates are scored with the fuzzy matcher per query.
const FUZZY_BUDGET: usize = 400;

/// One suggestion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    /// Id of the entry.
    pub id: String,
    /// The label as given.
    pub label: String,
    /// fuzzy-matcher score summed over the query words (higher is better).
    pub score: i64,
}

struct Item {
    id: String,
    label: String,
    folded: String,
    mask: u64,
}

/// A fixed set of labels to search as the user types.
pub struct Typeahead {
    items: Vec<Item>,
    /// First one to four letters of a word → labels having such a word.
    starts: HashMap<Start, Vec<u32>>,
    matcher: SkimMatcherV2,
}

/// The first letters of a word (up to four; `\0` fills a shorter key).
type Start = [char; KEY];
const KEY: usize = 4;

/// Keys for the first one to four letters of `w`.
fn start_keys(w: &str) -> impl Iterator<Item = Start> {
    let mut full = ['\0'; KEY];
    let mut n = 0;
    for (i, c) in w.chars().take(KEY).enumerate() {
        full[i] = c;
        n = i + 1;
    }
    (1..=n).map(move |k| {
        let mut key = ['\0'; KEY];
        key[..k].copy_from_slice(&full[..k]);
        key
    })
}

/// The longest key of `w`.
fn longest_key(w: &str) -> Option<Start> {
    start_keys(w).last()
}

fn mask(s: &str) -> u64 {
    let mut m = 0u64;
    for c in s.chars() {
        let bit = match c {
            'a'..='z' => c as u32 - 'a' as u32,
            'æ' => 26,
            'ø' => 27,
            'å' => 28,
            '0'..='9' => 29 + (c as u32 - '0' as u32),
            c if c.is_whitespace() => continue,
            c => 39 + (c as u32 % 25),
        };
        m |= 1 << bit;
    }
    m
}

impl Typeahead {
    /// Indexes `(id, label)` pairs.
    pub fn new<I, S, T>(items: I) -> Self
    where
        I: IntoIterator<Item = (S, T)>,
        S: Into<String>,
        T: Into<String>,
    {
        let items: Vec<Item> = items
            .into_iter()
            .map(|(id, label)| {
                let label = label.into();
                let folded = fold(&label);
                Item {
                    id: id.into(),
                    mask: mask(&folded),
                    folded,
                    label,
                }
            })
            .collect();
        let mut starts: HashMap<Start, Vec<u32>> = HashMap::default();
        for (i, it) in items.iter().enumerate() {
            let mut keys: Vec<Start> = it
                .folded
                .split(|c: char| !c.is_alphanumeric())
                .flat_map(start_keys)
                .collect();
            keys.sort_unstable();
            keys.dedup();
            for k in keys {
                starts.entry(k).or_default().push(i as u32);
            }
        }
        Typeahead {
            items,
            starts,
            matcher: SkimMatcherV2::default().respect_case(),
        }
    }

    /// Number of labels.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// True if there are no labels.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The `limit` best labels for `query`; every word of the query must match
    /// (as a fuzzy subsequence) in the label. Ties go to the shorter label,
    /// then by id.
    pub fn query(&self, query: &str, limit: usize) -> Vec<Suggestion> {
        let q = fold(query);
        let words: Vec<&str> = q.split_whitespace().collect();
        if words.is_empty() || limit == 0 {
            return Vec::new();
        }
        let qmask = mask(&q);
        let mut hits: Vec<(i64, usize)> = Vec::new();
        let score = |it: &Item| -> Option<i64> {
            if it.mask & qmask != qmask {
                return None;
            }
            let mut total = 0;
            for w in &words {
                total += self.matcher.fuzzy_match(&it.folded, w)?;
            }
            Some(total)
        };
        // 1. Labels with a word that starts like the first query word.
        let key = longest_key(words[0]).expect("non-empty word");
        let tried: &[u32] = self.starts.get(&key).map(Vec::as_slice).unwrap_or_default();
        if key[1] == '\0' && words.len() == 1 {
            // One letter: no fuzzy matching to do; shorter labels first.
            for &i in tried {
                hits.push((0, i as usize));
            }
        } else {
            // Cheap pre-ranking (query words that begin a label word, then
            // shorter labels), so the fuzzy matcher runs on a few hundred.
            // A single word no longer than the key begins a word of every candidate.
            let trivial = words.len() == 1 && words[0].chars().count() <= KEY;
            let cheap = |i: u32| {
                let it = &self.items[i as usize];
                if trivial {
                    return (std::cmp::Reverse(1), it.folded.len(), i);
                }
                let begun = words
                    .iter()
                    .filter(|w| {
                        it.folded
                            .split(|c: char| !c.is_alphanumeric())
                            .any(|x| x.starts_with(**w))
                    })
                    .count();
                (std::cmp::Reverse(begun), it.folded.len(), i)
            };
            let mut ranked: Vec<(std::cmp::Reverse<usize>, usize, u32)> =
                tried.iter().map(|&i| cheap(i)).collect();
            if ranked.len() > FUZZY_BUDGET {
                ranked.select_nth_unstable(FUZZY_BUDGET - 1);
                ranked.truncate(FUZZY_BUDGET);
            }
            for (_, _, i) in ranked {
                if let Some(s) = score(&self.items[i as usize]) {
                    hits.push((s, i as usize));
                }
            }
        }
        // 2. Nothing: any label where the query letters appear in order
        // (a typo early in the word).
        if hits.is_empty() && q.chars().count() >= 3 {
            for (i, it) in self.items.iter().enumerate() {
                if tried.binary_search(&(i as u32)).is_ok() {
                    continue;
                }
                if let Some(s) = score(it) {
                    hits.push((s, i));
                }
            }
        }
        let key = |&(s, i): &(i64, usize)| {
            let it = &self.items[i];
            (std::cmp::Reverse(s), it.folded.len(), it.id.as_str())
        };
        if hits.len() > limit {
            hits.select_nth_unstable_by(limit - 1, |a, b| key(a).cmp(&key(b)));
            hits.truncate(limit);
        }
        hits.sort_by(|a, b| key(a).cmp(&key(b)));
        hits.into_iter()
            .map(|(score, i)| Suggestion {
                id: self.items[i].id.clone(),
                label: self.items[i].label.clone(),
                score,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_before_matching_and_ranks_closest_first() {
        let t = Typeahead::new([
            ("1", "Økonomistyring for ledere"),
            ("2", "Lønnsomhetsanalyse"),
            ("3", "Ørsmå ØKONOMI-tips"),
            ("4", "Energikartlegging"),
        ]);
        let r = t.query("ØKONOMI", 10);
        let ids: Vec<&str> = r.iter().map(|s| s.id.as_str()).collect();
        assert!(ids.contains(&"1") && ids.contains(&"3"));
        assert!(!ids.contains(&"4"));
        let r = t.query("lønnsom", 1);
        assert_eq!(r[0].id, "2");
        assert!(t.query("", 5).is_empty());
        assert!(t.query("xyzzy", 5).is_empty());
    }

    #[test]
    fn every_query_word_must_match() {
        let t = Typeahead::new([("a", "Kurs i HMS"), ("b", "Kurs i Lean")]);
        let r = t.query("kurs lean", 5);
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].id, "b");
    }
}
