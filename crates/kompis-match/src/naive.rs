//! The naive baseline the benchmarks compare against: every keyword of the
//! need (its keywords and title words) scored against every offer's whole
//! text with fuzzy-matcher's `SkimMatcherV2`, scores summed.

use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;

use crate::text::{is_stopword, tokenize};
use crate::{fold, Doc};

/// Offers with their folded texts.
pub struct NaiveMatcher {
    texts: Vec<String>,
    ids: Vec<String>,
    orgs: Vec<Option<String>>,
    matcher: SkimMatcherV2,
}

impl NaiveMatcher {
    /// Folds every offer's title, description and keywords into one text.
    pub fn new(offers: &[Doc]) -> Self {
        NaiveMatcher {
            texts: offers
                .iter()
                .map(|d| {
                    fold(&format!(
                        "{} {} {}",
                        d.title,
                        d.description,
                        d.keywords.join(" ")
                    ))
                })
                .collect(),
            ids: offers.iter().map(|d| d.id.clone()).collect(),
            orgs: offers.iter().map(|d| d.organisation.clone()).collect(),
            matcher: SkimMatcherV2::default(),
        }
    }

    /// The `top` offers with the highest summed fuzzy score, as `(id, score)`.
    pub fn rank(&self, need: &Doc, top: usize) -> Vec<(String, f64)> {
        let mut kws: Vec<String> = need.keywords.iter().map(|k| fold(k)).collect();
        kws.extend(
            tokenize(&need.title)
                .into_iter()
                .filter(|t| !is_stopword(t)),
        );
        let mut scored: Vec<(i64, usize)> = self
            .texts
            .iter()
            .enumerate()
            .filter(|(i, _)| need.organisation.is_none() || self.orgs[*i] != need.organisation)
            .map(|(i, t)| {
                let s: i64 = kws
                    .iter()
                    .filter_map(|k| self.matcher.fuzzy_match(t, k))
                    .sum();
                (s, i)
            })
            .filter(|&(s, _)| s > 0)
            .collect();
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(self.ids[a.1].cmp(&self.ids[b.1])));
        scored.truncate(top);
        scored
            .into_iter()
            .map(|(s, i)| (self.ids[i].clone(), s as f64))
            .collect()
    }
}

/// The naive typeahead: fuzzy-match the query against every label.
pub struct NaiveTypeahead {
    labels: Vec<(String, String)>,
    matcher: SkimMatcherV2,
}

impl NaiveTypeahead {
    /// Folds every label.
    pub fn new(items: &[(String, String)]) -> Self {
        NaiveTypeahead {
            labels: items.iter().map(|(id, l)| (id.clone(), fold(l))).collect(),
            matcher: SkimMatcherV2::default(),
        }
    }

    /// The `limit` best labels for `query`, as `(id, score)`.
    pub fn query(&self, query: &str, limit: usize) -> Vec<(String, i64)> {
        let q = fold(query);
        let mut hits: Vec<(i64, usize)> = self
            .labels
            .iter()
            .enumerate()
            .filter_map(|(i, (_, l))| self.matcher.fuzzy_match(l, &q).map(|s| (s, i)))
            .collect();
        hits.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        hits.truncate(limit);
        hits.into_iter()
            .map(|(s, i)| (self.labels[i].0.clone(), s))
            .collect()
    }
}
