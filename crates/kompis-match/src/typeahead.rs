//! Typeahead over short labels (titles, names) with fuzzy-matcher.
//!
//! Labels and queries are [`fold`]ed first, because fuzzy-matcher folds case
//! for ASCII only. A bitmask of the letters in each label skips, without
//! running the matcher, every label that lacks a letter of the query.

use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;

use crate::text::fold;

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
    matcher: SkimMatcherV2,
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
        let items = items
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
        Typeahead {
            items,
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
        'items: for (i, it) in self.items.iter().enumerate() {
            if it.mask & qmask != qmask {
                continue;
            }
            let mut total = 0;
            for w in &words {
                match self.matcher.fuzzy_match(&it.folded, w) {
                    Some(s) => total += s,
                    None => continue 'items,
                }
            }
            hits.push((total, i));
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
