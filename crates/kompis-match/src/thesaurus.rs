//! Concept groups: synonyms across bokmål, nynorsk and English, and abbreviations.

use serde::{Deserialize, Serialize};

use crate::text::fold;

/// One concept and the words that name it (`["HMS", "helse, miljø og sikkerhet", "HSE"]`).
///
/// A term may be several words; inflected forms need not be listed, the
/// matcher stems them. A term may belong to more than one group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConceptGroup {
    /// Stable id, e.g. `hms`.
    pub id: String,
    /// Terms in any of the three languages.
    pub terms: Vec<String>,
}

/// The set of concept groups used to expand texts before matching.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Thesaurus {
    groups: Vec<ConceptGroup>,
}

const BUILTIN: &str = include_str!("../data/thesaurus.json");
const LABELS_EN: &str = include_str!("../data/labels_en.json");

/// The built-in groups' English names, by group id (`data/labels_en.json`).
fn english_labels() -> &'static std::collections::HashMap<String, String> {
    static LABELS: std::sync::OnceLock<std::collections::HashMap<String, String>> =
        std::sync::OnceLock::new();
    LABELS
        .get_or_init(|| serde_json::from_str(LABELS_EN).expect("built-in labels_en.json is valid"))
}

/// The English name of the built-in group `id` ("recruitment" for
/// `rekruttering`), for reasons worded in English; `None` for a group the
/// built-in thesaurus does not have.
pub fn english_label(id: &str) -> Option<&'static str> {
    english_labels().get(id).map(String::as_str)
}

impl Thesaurus {
    /// The thesaurus that ships with Kompis (general industry, business, HR,
    /// sustainability and technology vocabulary).
    pub fn builtin() -> Self {
        let groups: Vec<ConceptGroup> =
            serde_json::from_str(BUILTIN).expect("built-in thesaurus.json is valid");
        Self::from_groups(groups)
    }

    /// A thesaurus of the given groups. Groups with the same id are merged,
    /// terms are trimmed and deduplicated (case-insensitively), empty terms
    /// and empty groups dropped. Order of first appearance is kept.
    pub fn from_groups(groups: Vec<ConceptGroup>) -> Self {
        let mut t = Thesaurus { groups: Vec::new() };
        for g in groups {
            for term in &g.terms {
                t.add_term(&g.id, term);
            }
        }
        t
    }

    /// The groups, in order.
    pub fn groups(&self) -> &[ConceptGroup] {
        &self.groups
    }

    /// The group with this id.
    pub fn group(&self, id: &str) -> Option<&ConceptGroup> {
        self.groups.iter().find(|g| g.id == id)
    }

    /// Adds `term` to group `id`, creating the group if needed. Returns false
    /// if the term was empty or already there.
    pub fn add_term(&mut self, id: &str, term: &str) -> bool {
        let term = term.trim();
        let id = id.trim();
        if term.is_empty() || id.is_empty() {
            return false;
        }
        let key = fold(term);
        match self.groups.iter_mut().find(|g| g.id == id) {
            Some(g) => {
                if g.terms.iter().any(|t| fold(t) == key) {
                    return false;
                }
                g.terms.push(term.to_string());
            }
            None => self.groups.push(ConceptGroup {
                id: id.to_string(),
                terms: vec![term.to_string()],
            }),
        }
        true
    }

    /// Removes `term` (compared folded) from group `id`; a group left empty is
    /// removed. Returns whether anything was removed.
    pub fn remove_term(&mut self, id: &str, term: &str) -> bool {
        let key = fold(term.trim());
        let Some(pos) = self.groups.iter().position(|g| g.id == id) else {
            return false;
        };
        let g = &mut self.groups[pos];
        let before = g.terms.len();
        g.terms.retain(|t| fold(t) != key);
        let removed = g.terms.len() != before;
        if g.terms.is_empty() {
            self.groups.remove(pos);
        }
        removed
    }

    /// Removes a whole group. Returns whether it existed.
    pub fn remove_group(&mut self, id: &str) -> bool {
        let before = self.groups.len();
        self.groups.retain(|g| g.id != id);
        before != self.groups.len()
    }

    /// Moves every term of group `from` into group `into` (created if needed)
    /// and removes `from`. Returns false if `from` does not exist or equals `into`.
    pub fn merge(&mut self, from: &str, into: &str) -> bool {
        if from == into {
            return false;
        }
        let Some(pos) = self.groups.iter().position(|g| g.id == from) else {
            return false;
        };
        let g = self.groups.remove(pos);
        for t in &g.terms {
            self.add_term(into, t);
        }
        true
    }

    /// Adds every group of `other` (terms of groups with the same id are merged in).
    pub fn extend(&mut self, other: &Thesaurus) {
        for g in &other.groups {
            for t in &g.terms {
                self.add_term(&g.id, t);
            }
        }
    }

    /// The groups as JSON (the same shape as the built-in `thesaurus.json`).
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(&self.groups).expect("groups serialise")
    }

    /// Reads groups from JSON (`[{"id": .., "terms": [..]}]`).
    pub fn from_json(s: &str) -> Result<Self, serde_json::Error> {
        Ok(Self::from_groups(serde_json::from_str(s)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_built_in_group_has_an_english_name_and_no_name_is_stray() {
        let t = Thesaurus::builtin();
        for g in t.groups() {
            let label = english_label(&g.id);
            assert!(label.is_some_and(|l| !l.trim().is_empty()), "{}", g.id);
        }
        for id in english_labels().keys() {
            assert!(t.group(id).is_some(), "label for unknown group {id}");
        }
        assert_eq!(english_label("rekruttering"), Some("recruitment"));
    }

    #[test]
    fn builtin_parses_and_has_core_groups() {
        let t = Thesaurus::builtin();
        assert!(t.groups().len() > 50);
        let hms = t.group("hms").expect("hms group");
        assert!(hms.terms.iter().any(|x| x == "HMS"));
    }

    #[test]
    fn add_merge_remove() {
        let mut t = Thesaurus::from_groups(vec![ConceptGroup {
            id: "a".into(),
            terms: vec!["Lean".into(), "lean".into(), " ".into()],
        }]);
        assert_eq!(t.group("a").unwrap().terms, vec!["Lean"]);
        assert!(t.add_term("b", "5S"));
        assert!(!t.add_term("b", "5s"));
        assert!(t.merge("b", "a"));
        assert_eq!(t.group("a").unwrap().terms, vec!["Lean", "5S"]);
        assert!(t.group("b").is_none());
        assert!(t.remove_term("a", "LEAN"));
        assert!(t.remove_term("a", "5S"));
        assert!(t.groups().is_empty());
        let back = Thesaurus::from_json(&Thesaurus::builtin().to_json()).unwrap();
        assert_eq!(back, Thesaurus::builtin());
    }
}
