//! Fuzzy search over every entity with fuzzy-matcher, folded first so that
//! æøå and case match (fuzzy-matcher's own case folding is ASCII-only), and
//! a query typed without æøå still finds them.

use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;

use crate::collate::{fold, fold_ascii};

/// A fuzzy scorer for short fields.
pub struct Fuzzy {
    matcher: SkimMatcherV2,
    query: String,
    query_ascii: bool,
}

impl Fuzzy {
    /// Prepare a query.
    pub fn new(query: &str) -> Self {
        let query = fold(query.trim());
        let query_ascii = query.is_ascii();
        Fuzzy {
            matcher: SkimMatcherV2::default().ignore_case(),
            query,
            query_ascii,
        }
    }

    /// Whether the query is empty (everything matches).
    pub fn is_empty(&self) -> bool {
        self.query.is_empty()
    }

    /// The best score of the query in any of `fields`, if it matches at all.
    /// Each word of the query must match somewhere.
    pub fn score<'a>(&self, fields: impl IntoIterator<Item = &'a str>) -> Option<i64> {
        if self.is_empty() {
            return Some(0);
        }
        let text: Vec<String> = fields.into_iter().map(fold).collect();
        let hay = text.join(" · ");
        let hay_ascii = if self.query_ascii {
            Some(fold_ascii(&hay))
        } else {
            None
        };
        let mut total = 0;
        for word in self.query.split_whitespace() {
            let direct = self.matcher.fuzzy_match(&hay, word);
            let plain = hay_ascii
                .as_deref()
                .and_then(|h| self.matcher.fuzzy_match(h, word));
            total += direct.max(plain)?;
        }
        Some(total)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_across_case_and_aeoa() {
        let f = Fuzzy::new("ØKONOMI");
        assert!(f.score(["Økonomistyring for sagbruk"]).is_some());
        let f = Fuzzy::new("okonomi");
        assert!(f.score(["Økonomistyring for sagbruk"]).is_some());
        let f = Fuzzy::new("åmot");
        assert!(f.score(["ÅMOT KOMMUNE"]).is_some());
        assert!(Fuzzy::new("xyzzy").score(["Økonomistyring"]).is_none());
    }
}
