//! Kompis matcher: ranks offers for a need (and needs for an offer) across
//! bokmål, nynorsk and English texts, and says why.
//!
//! Pure: no store, no Tauri, no I/O. `kompis-core` converts its model into
//! [`Doc`]s and calls [`Matcher`].
//!
//! The pipeline, per entry: [`fold`] → tokenise (a word longer than
//! [`text::MAX_WORD`] characters is cut, so the work per word is bounded) →
//! drop stopwords → Snowball stem (Norwegian or English, guessed per text) →
//! split compounds into known parts (`bærekrafts|rapportering`) → repair
//! unknown words (missing `æøå`, typos) → expand concepts through the
//! [`Thesaurus`] → BM25 weighting of stems and concepts → a 0..1 score times
//! the fit of the two entry kinds.

mod analyze;
pub mod labelled;
mod learned;
mod lexicon;
mod links;
pub mod listing;
mod matcher;
pub mod naive;
mod related;
mod spans;
pub mod synth;
pub mod text;
mod thesaurus;
mod typeahead;

pub use learned::{Decision, Verdict};
pub use links::{LinkSuggestion, MIN_MATCHES};
pub use matcher::{
    kind_fit, kind_fit_no_budget, kind_fit_partner_job, kind_fit_read, no_budget, reading, Matcher,
    Reading, THRESHOLD,
};
pub use text::fold;
pub use thesaurus::{english_label, ConceptGroup, Thesaurus};
pub use typeahead::{Suggestion, Typeahead};

use serde::{Deserialize, Serialize};

/// Kind of an offer or need (the bundle's `kind` vocabulary).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocKind {
    /// Fagkompetanse.
    Expertise,
    /// Erfaringsdeling.
    Experience,
    /// Bachelor-, master- og PhD-samarbeid.
    StudentProject,
    /// Kurs og opplæring.
    Training,
    /// Utstyr, lab, lokaler.
    Facility,
    /// Stilling og rekruttering.
    Position,
}

impl DocKind {
    /// Every kind, in declaration order (`kind as usize` indexes it).
    pub const ALL: [DocKind; 6] = [
        Self::Expertise,
        Self::Experience,
        Self::StudentProject,
        Self::Training,
        Self::Facility,
        Self::Position,
    ];

    /// Parses the bundle spelling (`student_project`).
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "expertise" => Self::Expertise,
            "experience" => Self::Experience,
            "student_project" => Self::StudentProject,
            "training" => Self::Training,
            "facility" => Self::Facility,
            "position" => Self::Position,
            _ => return None,
        })
    }
}

/// One offer or need as the matcher sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Doc {
    /// Entry id.
    pub id: String,
    /// Owning organisation id; entries of the same organisation never match.
    pub organisation: Option<String>,
    /// Entry kind.
    pub kind: DocKind,
    /// Title.
    pub title: String,
    /// Free text.
    pub description: String,
    /// Keywords.
    pub keywords: Vec<String>,
}

impl Doc {
    /// An entry of organisation `org` without keywords.
    pub fn new(id: &str, org: &str, kind: DocKind, title: &str, description: &str) -> Self {
        Doc {
            id: id.into(),
            organisation: Some(org.into()),
            kind,
            title: title.into(),
            description: description.into(),
            keywords: Vec::new(),
        }
    }
}

/// One ranked entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Ranked {
    /// Id of the ranked entry.
    pub id: String,
    /// 0..=1, comparable across queries; never below [`THRESHOLD`].
    pub score: f64,
    /// Why it matched, strongest first.
    pub reasons: Vec<Reason>,
}

/// A shared concept (or word) and the words on each side that carried it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reason {
    /// Concept id from the thesaurus, or the shared word.
    pub concept: String,
    /// For a related concept ([`crate::Matcher`] reaches `concept` in the
    /// offer through a related concept of the need): the need's concept id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub related_to: Option<String>,
    /// Words of the need (query) side, as written (folded).
    pub need_terms: Vec<String>,
    /// Words of the offer (indexed) side, as written (folded).
    pub offer_terms: Vec<String>,
}

impl Reason {
    /// Terms shown per side by [`Reason::sentence`].
    pub const SHOWN_TERMS: usize = 3;

    /// Short human text, e.g. `«bærekraftsrapportering» ↔ «esrs»` (through
    /// a related concept: `«reservedeler» (vedlikehold) ~ «oee» (oee)`): at most
    /// [`Reason::SHOWN_TERMS`] distinct terms per side, in the order they
    /// were found (the words that carried the match come first), then ` …`
    /// when some were left out. The term lists keep every term.
    pub fn sentence(&self) -> String {
        let q = |v: &[String]| {
            let mut shown: Vec<&str> = Vec::with_capacity(Self::SHOWN_TERMS);
            let mut cut = false;
            for t in v {
                if shown.contains(&t.as_str()) {
                    continue;
                }
                if shown.len() == Self::SHOWN_TERMS {
                    cut = true;
                    break;
                }
                shown.push(t);
            }
            let mut s = shown
                .iter()
                .map(|t| format!("«{t}»"))
                .collect::<Vec<_>>()
                .join(", ");
            if cut {
                s.push_str(" …");
            }
            s
        };
        match &self.related_to {
            Some(via) => format!(
                "{} ({via}) ~ {} ({})",
                q(&self.need_terms),
                q(&self.offer_terms),
                self.concept
            ),
            None if self.need_terms == self.offer_terms => q(&self.need_terms),
            None => format!("{} ↔ {}", q(&self.need_terms), q(&self.offer_terms)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Reason;

    fn reason(need: &[&str], offer: &[&str]) -> Reason {
        Reason {
            concept: "c".into(),
            need_terms: need.iter().map(|t| t.to_string()).collect(),
            offer_terms: offer.iter().map(|t| t.to_string()).collect(),
            related_to: None,
        }
    }

    #[test]
    fn sentence_shows_three_terms_per_side_then_an_ellipsis() {
        let r = reason(
            &[
                "rapporterer bærekraft",
                "bærekraftsrapport",
                "esrs",
                "vesentlighetsanalyse",
            ],
            &["dobbel vesentlighet", "dobbel vesentlighetsanalyse"],
        );
        assert_eq!(
            r.sentence(),
            "«rapporterer bærekraft», «bærekraftsrapport», «esrs» … \
             ↔ «dobbel vesentlighet», «dobbel vesentlighetsanalyse»"
        );
        // The lists themselves keep every term, for highlighting.
        assert_eq!(r.need_terms.len(), 4);
    }

    #[test]
    fn sentence_counts_distinct_terms_and_joins_equal_sides() {
        let r = reason(&["hms", "hms", "vernerunde", "ros"], &["hms"]);
        assert_eq!(r.sentence(), "«hms», «vernerunde», «ros» ↔ «hms»");
        let same = reason(&["lean", "kaizen"], &["lean", "kaizen"]);
        assert_eq!(same.sentence(), "«lean», «kaizen»");
        let long = reason(
            &["a1", "b2", "c3", "d4", "e5"],
            &["a1", "b2", "c3", "d4", "e5"],
        );
        assert_eq!(long.sentence(), "«a1», «b2», «c3» …");
    }
}
