//! Ranking offers for needs: converts catalogue entries for the matcher and
//! merges its ranking with the coordinator's stored match records.

use serde::Serialize;
use ts_rs::TS;

use crate::catalogue::Catalogue;
use crate::error::Result;
use crate::model::{EntityKind, Entry, EntryKind, MatchStatus};
use kompis_match::{Doc, DocKind, Matcher};

/// One ranked offer for a need.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ranked {
    pub offer: String,
    /// Between 0 and 1.
    pub score: f64,
    pub reasons: Vec<String>,
    /// The words of the need that carried the match (for highlighting).
    #[serde(skip)]
    pub need_terms: Vec<String>,
    /// The words of the offer that carried the match (for highlighting).
    #[serde(skip)]
    pub offer_terms: Vec<String>,
}

/// The distinct terms of one side of a list of reasons.
pub fn terms<'a>(side: impl Iterator<Item = &'a Vec<String>>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for t in side.flatten() {
        if !out.contains(t) {
            out.push(t.clone());
        }
    }
    out
}

/// A need with its ranked offers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NeedMatches {
    pub need: String,
    pub matches: Vec<Ranked>,
}

/// What the UI shows for one suggested offer.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct MatchView {
    pub offer: Entry,
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organisation_name: Option<String>,
    pub score: f64,
    pub reasons: Vec<String>,
    /// Words of the need's text that carried the match (folded), to highlight.
    pub need_terms: Vec<String>,
    /// Words of the offer's text that carried the match (folded), to highlight.
    pub offer_terms: Vec<String>,
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<MatchStatus>,
    /// The coordinator's note on this pair.
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Why it was declined, for declined pairs.
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decline_reason: Option<crate::model::DeclineReason>,
}

/// Scores below this are not suggested.
pub const THRESHOLD: f64 = kompis_match::THRESHOLD;

fn doc_kind(k: EntryKind) -> DocKind {
    match k {
        EntryKind::Expertise => DocKind::Expertise,
        EntryKind::Experience => DocKind::Experience,
        EntryKind::StudentProject => DocKind::StudentProject,
        EntryKind::Training => DocKind::Training,
        EntryKind::Facility => DocKind::Facility,
        EntryKind::Position => DocKind::Position,
    }
}

/// The matcher's view of an offer or need.
pub fn doc(e: &Entry) -> Doc {
    Doc {
        id: e.id.clone(),
        organisation: e.organisation.clone(),
        kind: doc_kind(e.kind),
        title: e.title.clone(),
        description: e.description.clone().unwrap_or_default(),
        keywords: e.keywords.clone(),
    }
}

fn rank_one(matcher: &Matcher, need: &Entry, top: usize) -> NeedMatches {
    NeedMatches {
        need: need.id.clone(),
        matches: matcher
            .rank(&doc(need), top)
            .into_iter()
            .map(|r| Ranked {
                offer: r.id,
                score: (r.score * 1000.0).round() / 1000.0,
                reasons: r.reasons.iter().map(|x| x.sentence()).collect(),
                need_terms: terms(r.reasons.iter().map(|x| &x.need_terms)),
                offer_terms: terms(r.reasons.iter().map(|x| &x.offer_terms)),
            })
            .collect(),
    }
}

/// Rank offers for all needs, or for one, with the catalogue's cached
/// offer index.
pub fn rank_catalogue(cat: &Catalogue, need: Option<&str>, top: usize) -> Result<Vec<NeedMatches>> {
    let needs = match need {
        Some(id) => vec![cat.entry(EntityKind::Need, id)?],
        None => cat.needs()?,
    };
    rank_entries(cat, &needs, top)
}

/// Rank offers for these needs with the catalogue's cached offer index.
pub fn rank_entries(cat: &Catalogue, needs: &[Entry], top: usize) -> Result<Vec<NeedMatches>> {
    cat.with_offer_index(build_offer_index, |index| {
        needs.iter().map(|n| rank_one(index, n, top)).collect()
    })
}

/// An offer or need with only the fields the matcher reads: decoding it
/// skips the rest (dates, contacts), which matters at start-up.
#[derive(Debug, Clone, serde::Deserialize)]
pub struct MatchDoc {
    id: String,
    title: String,
    kind: EntryKind,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    keywords: Vec<String>,
    #[serde(default)]
    organisation: Option<String>,
    #[serde(default)]
    active: Option<bool>,
}

impl MatchDoc {
    fn into_doc(self) -> Option<Doc> {
        (self.active != Some(false)).then(|| Doc {
            id: self.id,
            organisation: self.organisation,
            kind: doc_kind(self.kind),
            title: self.title,
            description: self.description.unwrap_or_default(),
            keywords: self.keywords,
        })
    }
}

/// Build the matcher's index over the catalogue's active offers.
pub fn build_offer_index(cat: &Catalogue) -> Result<Matcher> {
    let offers: Vec<Doc> = cat
        .match_docs(EntityKind::Offer)?
        .into_iter()
        .filter_map(MatchDoc::into_doc)
        .collect();
    Ok(Matcher::new(&crate::workflow::thesaurus(cat)?, &offers))
}

/// Rank one need against an index built afresh from the store (not the
/// cached one): what the cached index must agree with.
pub fn rank_catalogue_fresh(cat: &Catalogue, need: &str, top: usize) -> Result<NeedMatches> {
    let index = build_offer_index(cat)?;
    Ok(rank_one(&index, &cat.entry(EntityKind::Need, need)?, top))
}
