//! Ranking offers for needs: converts catalogue entries for the matcher and
//! merges its ranking with the coordinator's stored match records.

use rayon::prelude::*;
use serde::Serialize;
use std::collections::HashSet;
use std::sync::Arc;

use crate::catalogue::Catalogue;
use crate::docs::{doc, MatchDoc};
use crate::error::Result;
use crate::model::{DeclineReason, EntityKind, Entry, MatchStatus};
use crate::phrasing::{self, Labels};
use kompis_match::{Decision, Doc, Matcher, Thesaurus, Verdict};
use kompis_sheet::SheetLang;

/// One ranked offer for a need.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RankedOffer {
    pub offer: String,
    /// Between 0 and 1.
    pub score: f64,
    /// Why, one sentence each, in bokmål (shared with the sheets' input).
    pub reasons: Arc<[String]>,
    /// The same sentences in English.
    #[serde(skip)]
    pub reasons_en: Arc<[String]>,
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
    pub matches: Vec<RankedOffer>,
}

/// The words to mark: kept for a page that shows them, not for the ranking
/// of every need the gaps and sheets keep (they show none).
#[derive(Clone, Copy, PartialEq)]
enum Marks {
    Keep,
    Drop,
    /// Neither the words to mark nor the English sentences: the command
    /// line's JSON shows only the bokmål reasons.
    Plain,
    /// No reasons at all: an offer no sheet shows.
    Unworded,
}

fn rank_one(
    matcher: &Matcher,
    labels: &Labels,
    need: &Entry,
    top: usize,
    marks: Marks,
) -> NeedMatches {
    NeedMatches {
        need: need.id.clone(),
        matches: matcher
            .rank(&doc(need), top)
            .into_iter()
            .map(|r| ranked_offer(r, labels, marks))
            .collect(),
    }
}

/// One ranked offer with its reasons worded as `marks` says.
fn ranked_offer(r: kompis_match::Ranked, labels: &Labels, marks: Marks) -> RankedOffer {
    let keep = marks == Marks::Keep;
    let (reasons, reasons_en) = match marks {
        Marks::Unworded => (Vec::new(), Vec::new()),
        Marks::Plain => {
            let nb = |x| phrasing::sentence(x, labels, SheetLang::Nb, false);
            (r.reasons.iter().map(nb).collect(), Vec::new())
        }
        Marks::Keep | Marks::Drop => phrasing::all(&r.reasons, labels, false),
    };
    RankedOffer {
        offer: r.id,
        score: (r.score * 1000.0).round() / 1000.0,
        reasons: reasons.into(),
        reasons_en: reasons_en.into(),
        need_terms: if keep {
            terms(r.reasons.iter().map(|x| &x.need_terms))
        } else {
            Vec::new()
        },
        offer_terms: if keep {
            terms(r.reasons.iter().map(|x| &x.offer_terms))
        } else {
            Vec::new()
        },
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

/// How many needs are ranked at a time by [`rank_catalogue_each`].
const CHUNK: usize = 128;

/// Ranks offers for every need like [`rank_catalogue`] (same offers, scores
/// and bokmål reasons, in the same order) and hands each need's ranking to
/// `each` as soon as its chunk of needs is ranked, so the rankings of a
/// large catalogue are never all held at once. The index is built first,
/// then the needs read; the English sentences and the words to mark are not
/// made (the command line's JSON shows neither).
pub fn rank_catalogue_each<E: From<crate::error::Error>>(
    cat: &Catalogue,
    top: usize,
    mut each: impl FnMut(NeedMatches) -> std::result::Result<(), E>,
) -> std::result::Result<(), E> {
    let labels = labels(cat)?;
    with_offer_index(cat, |index| {
        let needs = cat.needs()?;
        for chunk in needs.chunks(CHUNK) {
            let ranked: Vec<NeedMatches> = chunk
                .par_iter()
                .with_min_len(16)
                .map(|n| rank_one(index, &labels, n, top, Marks::Plain))
                .collect();
            ranked.into_iter().try_for_each(&mut each)?;
        }
        Ok(())
    })?
}

/// Rank offers for these needs with the catalogue's cached offer index.
pub fn rank_entries(cat: &Catalogue, needs: &[Entry], top: usize) -> Result<Vec<NeedMatches>> {
    rank_all(cat, needs, top, Marks::Keep)
}

fn rank_all(
    cat: &Catalogue,
    needs: &[Entry],
    top: usize,
    marks: Marks,
) -> Result<Vec<NeedMatches>> {
    let labels = labels(cat)?;
    // In parallel over the needs (each ranking is independent; the order is kept).
    with_offer_index(cat, |index| {
        needs
            .par_iter()
            .with_min_len(16)
            .map(|n| rank_one(index, &labels, n, top, marks))
            .collect()
    })
}

/// How many offers each active need keeps in [`active_needs_ranked`].
pub const RANKED_PER_NEED: usize = 10;

/// How many of a need's ranked offers, its declined ones left out, a match
/// sheet shows (besides every offer the coordinator has acted on): the
/// ones [`active_needs_ranked`] words reasons for.
pub const SHOWN_PER_NEED: usize = 5;

/// Every active need (in id order) with its best offers, ranked once and
/// kept until the next write: the match sheets and the insight figures
/// read it. Only the offers a sheet shows (the first [`SHOWN_PER_NEED`]
/// not declined) have their reasons worded; none has words to mark.
pub struct ActiveNeedsRanked {
    pub ranked: Vec<NeedMatches>,
}

/// The active needs with their ranked offers (see [`ActiveNeedsRanked`]).
pub fn active_needs_ranked(cat: &Catalogue) -> Result<std::sync::Arc<ActiveNeedsRanked>> {
    cat.derived(|cat| {
        let needs: Vec<Entry> = cat.needs()?.into_iter().filter(Entry::is_active).collect();
        let records = cat.match_records()?;
        let declined: HashSet<(&str, &str)> = records
            .iter()
            .filter(|m| m.status == Some(MatchStatus::Declined))
            .map(|m| (m.need.as_str(), m.offer.as_str()))
            .collect();
        let labels = labels(cat)?;
        let ranked = with_offer_index(cat, |index| {
            needs
                .par_iter()
                .with_min_len(16)
                .map(|n| {
                    let mut shown = 0;
                    let matches = index
                        .rank(&doc(n), RANKED_PER_NEED)
                        .into_iter()
                        .map(|r| {
                            let words = shown < SHOWN_PER_NEED
                                && !declined.contains(&(n.id.as_str(), r.id.as_str()));
                            shown += usize::from(words);
                            ranked_offer(
                                r,
                                &labels,
                                if words { Marks::Drop } else { Marks::Unworded },
                            )
                        })
                        .collect();
                    NeedMatches {
                        need: n.id.clone(),
                        matches,
                    }
                })
                .collect()
        })?;
        Ok(ActiveNeedsRanked { ranked })
    })
}

/// The active needs (in id order) with no offer above the threshold: the
/// competence gaps.
pub struct Unanswered(pub Vec<Entry>);

/// The active needs no offer answers, kept until the next write: cheaper
/// than [`active_needs_ranked`] (it asks only whether any offer reaches
/// the threshold, [`Matcher::answers`]), whose ten offers a need the gaps
/// screen does not show.
pub fn unanswered_needs(cat: &Catalogue) -> Result<std::sync::Arc<Unanswered>> {
    cat.derived(|cat| {
        let needs: Vec<Entry> = cat.needs()?.into_iter().filter(Entry::is_active).collect();
        with_offer_index(cat, |index| {
            Unanswered(
                needs
                    .par_iter()
                    .with_min_len(16)
                    .filter(|n| !index.answers(&doc(n)))
                    .cloned()
                    .collect(),
            )
        })
    })
}

/// Run `f` on the matcher's index over the catalogue's active offers,
/// built on first use and taught the coordinator's decisions (taught again
/// when a decision or a need changed since).
pub fn with_offer_index<T>(cat: &Catalogue, f: impl FnOnce(&Matcher) -> T) -> Result<T> {
    if cat.take_decisions_changed() && cat.offer_index_built() {
        let decided = decisions(cat)?;
        cat.update_offer_index(|index| index.learn(&decided.decisions()));
    }
    cat.with_offer_index(build_offer_index, f)
}

/// Build the matcher's index over the catalogue's active offers, taught
/// the coordinator's decisions. It is built on one of rayon's threads,
/// where its parallel parts (the decoded offers, each chunk's analysis)
/// were made: malloc then reuses what they freed for the index instead of
/// keeping it aside in that thread's arena (peak RSS of `kompis match` at
/// 20,000 offers: 104 MiB built on the calling thread, 95 MiB here).
fn build_offer_index(cat: &Catalogue) -> Result<Matcher> {
    rayon::scope(|_| build_offer_index_here(cat))
}

/// [`build_offer_index`] on the calling thread.
fn build_offer_index_here(cat: &Catalogue) -> Result<Matcher> {
    let offers: Vec<Doc> = cat
        .match_docs(EntityKind::Offer)?
        .into_iter()
        .filter_map(MatchDoc::into_doc)
        .collect();
    let decided = decisions(cat)?;
    let mut index = Matcher::from_offers(&thesaurus(cat)?, offers);
    index.learn(&decided.decisions());
    Ok(index)
}

/// The coordinator's decisions that teach the ranking, with their needs.
pub struct Decided {
    needs: Vec<Doc>,
    /// (index in `needs`, offer id, verdict).
    pairs: Vec<(usize, String, Verdict)>,
}

impl Decided {
    /// The decisions as the matcher takes them.
    pub fn decisions(&self) -> Vec<Decision<'_>> {
        self.pairs
            .iter()
            .map(|(n, offer, verdict)| Decision {
                need: &self.needs[*n],
                offer,
                verdict: *verdict,
            })
            .collect()
    }
}

/// What a match record says about the words of its pair: agreed, and
/// shortlisted or contacted, for; declined as not relevant, against; a
/// decline for another reason (timing, capacity) or a plain suggestion,
/// nothing.
fn verdict(status: Option<MatchStatus>, reason: Option<DeclineReason>) -> Option<Verdict> {
    match status? {
        MatchStatus::Agreed => Some(Verdict::Agreed),
        MatchStatus::Shortlisted | MatchStatus::Contacted => Some(Verdict::Shortlisted),
        MatchStatus::Declined if reason == Some(DeclineReason::NotRelevant) => {
            Some(Verdict::NotRelevant)
        }
        _ => None,
    }
}

/// The catalogue's decisions on active needs.
pub fn decisions(cat: &Catalogue) -> Result<Decided> {
    let mut pairs: Vec<(String, String, Verdict)> = cat
        .match_records()?
        .into_iter()
        .filter_map(|m| Some((m.need, m.offer, verdict(m.status, m.decline_reason)?)))
        .collect();
    if pairs.is_empty() {
        return Ok(Decided {
            needs: Vec::new(),
            pairs: Vec::new(),
        });
    }
    pairs.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(&b.1)));
    let needs: Vec<Doc> = cat
        .match_docs(EntityKind::Need)?
        .into_iter()
        .filter_map(MatchDoc::into_doc)
        .filter(|d| pairs.binary_search_by(|p| p.0.as_str().cmp(&d.id)).is_ok())
        .collect();
    let at: std::collections::HashMap<&str, usize> = needs
        .iter()
        .enumerate()
        .map(|(i, d)| (d.id.as_str(), i))
        .collect();
    let pairs = pairs
        .into_iter()
        .filter_map(|(n, o, v)| Some((*at.get(n.as_str())?, o, v)))
        .collect();
    Ok(Decided { needs, pairs })
}

/// The names of the thesaurus's concepts, for reasons, kept until the next write.
pub fn labels(cat: &Catalogue) -> Result<std::sync::Arc<Labels>> {
    cat.derived(|cat| Ok(Labels::new(&thesaurus(cat)?)))
}

/// The thesaurus in use: the catalogue's own, or the built-in one.
pub fn thesaurus(cat: &Catalogue) -> Result<Thesaurus> {
    Ok(match cat.thesaurus_groups()? {
        Some(groups) => Thesaurus::from_groups(groups),
        None => Thesaurus::builtin(),
    })
}
