//! What the coordinator's decisions teach the ranking.
//!
//! An agreed or shortlisted pair is evidence that the words of its need go
//! with the words of its offer; a pair declined as not relevant is (weaker)
//! evidence against. For a need being ranked, the decided needs whose words
//! are most like its own lend it their decided offers' words (relevance
//! feedback from neighbours: Rocchio over the nearest decided needs), as a
//! vector of offer features; entries close to that vector gain, those close
//! to declined ones lose. How far it may move a score is bounded by
//! [`MAX_PULL`] times how alike the needs are and how much evidence there
//! is, and it only scales what the text found, so the text always decides
//! what is a candidate and one decision moves a ranking less than several.
//!
//! The neighbours' agreed and shortlisted offers themselves gain too, by
//! [`ENTRY_PULL`]: a decided need much like this one says which offers
//! answered it.
//!
//! Second, per word: each decided pair's shared query features, weighted
//! by their part of what the pair shared, count for the feature (agreed,
//! shortlisted) or against it (declined as not relevant). A feature's
//! weight in every later query takes the square root of its smoothed ratio,
//! bounded to ½..2, once pairs of two needs shared it ([`FEATURE_PRIOR`],
//! [`FEATURE_SPAN`], [`FEATURE_NEEDS`]): a generic word
//! that keeps carrying declined pairs ("system", "utvikling") weighs less,
//! a word that carries agreed ones more, for new needs too.
//!
//! Measured with the fold protocol (`scripts/folds.py`, README): tried
//! first per term (each word of a need associated with the offers of its
//! decisions), which spread weight through generic words and lost 0.07
//! nDCG@5 on the second labelled set; additive pulls and per-offer priors
//! lost too. The neighbour form, multiplicative, gained +0.008 nDCG@5 on
//! dev and +0.009 on dev2; with the per-word weights +0.011 and +0.021,
//! no fold worse; with the neighbours' offers themselves +0.022 and +0.021
//! (stronger pulls, or declines pulling down, lost folds on dev2). Dev2's
//! needs seldom share an answer with another need, so what helps it is
//! what generalises over words.

use rustc_hash::FxHashMap as HashMap;

use crate::Doc;

/// How a coordinator judged one suggested pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Verdict {
    /// Agreed: the offer answers the need.
    Agreed,
    /// Shortlisted or contacted: worth following up.
    Shortlisted,
    /// Declined as not relevant (other decline reasons say nothing about the
    /// words: bad timing, no capacity, already solved).
    NotRelevant,
}

impl Verdict {
    /// Signed weight of one decision as evidence.
    pub(crate) fn weight(self) -> f32 {
        match self {
            Verdict::Agreed => 1.0,
            Verdict::Shortlisted => 0.6,
            Verdict::NotRelevant => -1.0,
        }
    }
}

/// One decision: a need, the id of the indexed entry it was paired with, and
/// the verdict.
#[derive(Debug, Clone, Copy)]
pub struct Decision<'a> {
    /// The need (the query side).
    pub need: &'a Doc,
    /// Id of the indexed entry (an offer).
    pub offer: &'a str,
    /// What the coordinator decided.
    pub verdict: Verdict,
}

/// Decided needs a new need learns from (the most similar).
pub(crate) const NEIGHBOURS: usize = 5;
/// Below this similarity a decided need teaches nothing.
pub(crate) const MIN_SIMILARITY: f32 = 0.1;
/// An entry's raw score is multiplied by `1 + MAX_PULL × confidence ×
/// cosine` with the learned vector (the cosine is −1..1): what was learned
/// reorders what the text found, never brings in an entry the text did not.
pub(crate) const MAX_PULL: f32 = 1.0;
/// An entry agreed or shortlisted for the nearest decided needs has its
/// raw score multiplied by `1 + ENTRY_PULL × confidence × share`, the share
/// being those needs' verdict weights on it averaged by similarity (0..1).
/// Declines are left out here: an entry declined for a neighbour may still
/// answer this need (measured: with them the second set lost 0.04 nDCG@5
/// in a fold).
pub(crate) const ENTRY_PULL: f32 = 0.5;
/// Features kept in a need's learned vector (the strongest).
pub(crate) const KEPT: usize = 64;

/// What the decisions on one need taught.
#[derive(Debug, Default, Clone)]
struct Decided {
    /// The need's index features weighted by idf, unit length, by feature.
    words: Vec<(u32, f32)>,
    /// The signed sum of its decided offers' unit vectors, by feature.
    offers: Vec<(u32, f32)>,
    /// The entries agreed or shortlisted for it (index, verdict weight).
    entries: Vec<(u32, f32)>,
    /// The decisions' absolute weight.
    evidence: f32,
}

/// What decided pairs say about one query feature.
#[derive(Debug, Default, Clone, Copy)]
struct Evidence {
    /// Its shares in agreed and shortlisted pairs, weighted by verdict.
    pos: f32,
    /// Its shares in pairs declined as not relevant.
    neg: f32,
    /// How many decided needs it was shared in.
    needs: u32,
    /// The last of them (numbered in `need_numbers`).
    last: u32,
}

/// What the decided needs nearest to a need lend it.
pub(crate) struct Pull {
    /// Their decided offers' features, unit length, by feature.
    pub features: Vec<(u32, f32)>,
    /// The entries agreed or shortlisted for them, each with its verdicts'
    /// weights averaged over the neighbours by similarity (0..1).
    pub entries: HashMap<u32, f32>,
    /// How far the pull may move a score (0..1).
    pub confidence: f32,
}

/// Learned associations from the words of decided needs to the words of
/// the offers decided for them.
#[derive(Debug, Default, Clone)]
pub(crate) struct Learned {
    decided: Vec<Decided>,
    /// Need id → index in `decided`.
    by_need: HashMap<String, usize>,
    /// Per indexed entry: the length of its idf vector (0 when unknown).
    pub norms: Vec<f32>,
    /// Per query feature: (evidence for, evidence against), each pair's
    /// share of the feature in what the pair had in common.
    feature_evidence: HashMap<u32, Evidence>,
    /// Need id → number, for counting the needs behind a feature.
    need_numbers: HashMap<String, u32>,
}

impl Learned {
    /// True if nothing was learned.
    pub fn is_empty(&self) -> bool {
        self.decided.is_empty()
    }

    /// Adds one decision on need `need`: `words` holds the need's unit
    /// vector, `offer` the offer's.
    pub fn add(
        &mut self,
        need: &str,
        words: Vec<(u32, f32)>,
        entry: u32,
        offer: &[(u32, f32)],
        verdict: Verdict,
    ) {
        let i = *self.by_need.entry(need.to_string()).or_insert_with(|| {
            self.decided.push(Decided {
                words,
                ..Decided::default()
            });
            self.decided.len() - 1
        });
        let p = verdict.weight();
        let d = &mut self.decided[i];
        d.evidence += p.abs();
        if p > 0.0 {
            d.entries.push((entry, p));
        }
        add_into(&mut d.offers, offer, p);
    }

    /// Notes what one decided pair of need `need` had in common: `shares`
    /// holds each shared query feature's part (summing to 1) of what the
    /// pair shared.
    pub fn add_shares(&mut self, need: &str, shares: &[(u32, f32)], verdict: Verdict) {
        let next = self.need_numbers.len() as u32;
        let n = *self.need_numbers.entry(need.to_string()).or_insert(next);
        let p = verdict.weight();
        for &(f, share) in shares {
            let e = self.feature_evidence.entry(f).or_default();
            if p > 0.0 {
                e.pos += p * share;
            } else {
                e.neg -= p * share;
            }
            if e.needs == 0 || e.last != n {
                e.needs += 1;
                e.last = n;
            }
        }
    }

    /// The factor query feature `f`'s weight takes in every query: above 1
    /// for a feature that carried agreed and shortlisted pairs, below 1 for
    /// one that carried pairs declined as not relevant; 1 when pairs of
    /// fewer than [`FEATURE_NEEDS`] needs shared it.
    pub fn feature_weight(&self, f: u32) -> f32 {
        self.feature_evidence
            .get(&f)
            .filter(|e| e.needs >= FEATURE_NEEDS)
            .map_or(1.0, |e| feature_factor(e.pos, e.neg))
    }

    /// The learned vector for a need (`words`: its unit vector): the
    /// decided offers of the [`NEIGHBOURS`] most similar decided needs,
    /// weighted by similarity; its strongest [`KEPT`] features, unit length,
    /// and the confidence (0..1) it carries: the best similarity, shrunk
    /// when that need has little evidence.
    pub fn vector(&self, words: &[(u32, f32)]) -> Option<Pull> {
        let mut near: Vec<(f32, usize)> = self
            .decided
            .iter()
            .enumerate()
            .map(|(i, d)| (dot(words, &d.words), i))
            .filter(|x| x.0 >= MIN_SIMILARITY)
            .collect();
        near.sort_unstable_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
        near.truncate(NEIGHBOURS);
        let (best, i) = *near.first()?;
        let ev = self.decided[i].evidence;
        let confidence = best * ev / (ev + 1.0);
        let mut sum: Vec<(u32, f32)> = Vec::new();
        let mut entries: HashMap<u32, f32> = HashMap::default();
        let total: f32 = near.iter().map(|x| x.0).sum();
        for &(sim, i) in &near {
            add_into(&mut sum, &self.decided[i].offers, sim);
            for &(e, p) in &self.decided[i].entries {
                *entries.entry(e).or_default() += sim * p / total;
            }
        }
        sum.retain(|x| x.1 != 0.0);
        sum.sort_unstable_by(|x, y| y.1.abs().total_cmp(&x.1.abs()).then(x.0.cmp(&y.0)));
        sum.truncate(KEPT);
        let len = sum.iter().map(|x| x.1 * x.1).sum::<f32>().sqrt();
        if len <= 0.0 || confidence <= 0.0 {
            return None;
        }
        for x in &mut sum {
            x.1 /= len;
        }
        Some(Pull {
            features: sum,
            entries,
            confidence,
        })
    }
}

/// Smoothing of [`feature_factor`]: the evidence, both for and against,
/// that a feature counts as having before any decision (three pairs' worth:
/// one decision moves a weight by at most √(4/3) ≈ 1.15).
pub(crate) const FEATURE_PRIOR: f32 = 3.0;
/// A feature's weight moves only once pairs of this many decided needs
/// shared it (one need's decisions say little about a word in general).
pub(crate) const FEATURE_NEEDS: u32 = 2;
/// How far a feature's factor may move, as a ratio either way.
pub(crate) const FEATURE_SPAN: f32 = 2.0;

/// A feature's factor from its evidence for and against: the square root
/// of the smoothed ratio, within `1/FEATURE_SPAN..=FEATURE_SPAN`.
fn feature_factor(pos: f32, neg: f32) -> f32 {
    ((pos + FEATURE_PRIOR) / (neg + FEATURE_PRIOR))
        .sqrt()
        .clamp(1.0 / FEATURE_SPAN, FEATURE_SPAN)
}

/// Dot product of two sparse vectors sorted by feature.
fn dot(a: &[(u32, f32)], b: &[(u32, f32)]) -> f32 {
    let (mut i, mut j, mut s) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                s += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    s
}

/// `into += p * add` over sparse vectors sorted by feature.
fn add_into(into: &mut Vec<(u32, f32)>, add: &[(u32, f32)], p: f32) {
    let mut out = Vec::with_capacity(into.len() + add.len());
    let (mut i, mut j) = (0, 0);
    while i < into.len() || j < add.len() {
        match (into.get(i), add.get(j)) {
            (Some(a), Some(b)) if a.0 == b.0 => {
                out.push((a.0, a.1 + p * b.1));
                i += 1;
                j += 1;
            }
            (Some(a), Some(b)) if a.0 < b.0 => {
                out.push(*a);
                i += 1;
            }
            (Some(a), None) => {
                out.push(*a);
                i += 1;
            }
            (_, Some(b)) => {
                out.push((b.0, p * b.1));
                j += 1;
            }
            (None, None) => unreachable!("the loop stops when both are done"),
        }
    }
    *into = out;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sparse_sums_merge_by_feature() {
        let mut v = vec![(1, 1.0), (4, 2.0)];
        add_into(&mut v, &[(0, 1.0), (4, 1.0), (9, 3.0)], -0.5);
        assert_eq!(v, vec![(0, -0.5), (1, 1.0), (4, 1.5), (9, -1.5)]);
    }

    #[test]
    fn declined_pairs_lower_a_word_and_agreed_ones_raise_it_within_bounds() {
        let mut l = Learned::default();
        assert_eq!(l.feature_weight(1), 1.0, "nothing learned, nothing moved");
        l.add_shares("a", &[(1, 0.5), (2, 0.5)], Verdict::NotRelevant);
        l.add_shares("a", &[(1, 0.5), (2, 0.5)], Verdict::NotRelevant);
        assert_eq!(
            l.feature_weight(1),
            1.0,
            "one need's decisions move no word"
        );
        l.add_shares("b", &[(1, 0.5), (2, 0.5)], Verdict::NotRelevant);
        let some = l.feature_weight(1);
        assert!(some < 1.0 && some > 0.8, "{some}");
        for i in 0..200 {
            let need = format!("n{i}");
            l.add_shares(&need, &[(1, 1.0)], Verdict::NotRelevant);
            l.add_shares(&need, &[(3, 1.0)], Verdict::Agreed);
            l.add_shares(&need, &[(5, 0.01)], Verdict::Shortlisted);
        }
        assert_eq!(l.feature_weight(1), 1.0 / FEATURE_SPAN);
        assert_eq!(l.feature_weight(3), FEATURE_SPAN);
        assert_eq!(l.feature_weight(4), 1.0);
        let (short, agreed) = (l.feature_weight(5), feature_factor(2.0, 0.0));
        assert!(short > 1.0 && short < agreed, "{short} {agreed}");
    }

    #[test]
    fn neighbours_lend_their_agreed_offers_but_not_their_declined_ones() {
        let mut l = Learned::default();
        l.add("a", vec![(7, 1.0)], 10, &[(3, 1.0)], Verdict::Agreed);
        l.add("a", vec![(7, 1.0)], 11, &[(4, 1.0)], Verdict::NotRelevant);
        l.add("b", vec![(8, 1.0)], 12, &[(5, 1.0)], Verdict::Shortlisted);
        let pull = l.vector(&[(7, 0.8), (8, 0.6)]).expect("learned");
        let share = |e: u32| pull.entries.get(&e).copied();
        assert!(share(11).is_none(), "a decline lends nothing");
        let (a, b) = (share(10).expect("agreed"), share(12).expect("shortlisted"));
        assert!(a > b && b > 0.0 && a + b <= 1.0, "{a} {b}");
    }

    #[test]
    fn one_decision_pulls_less_than_many() {
        let mut one = Learned::default();
        one.add("n", vec![(7, 1.0)], 0, &[(3, 1.0)], Verdict::Agreed);
        let mut many = Learned::default();
        for _ in 0..5 {
            many.add("n", vec![(7, 1.0)], 0, &[(3, 1.0)], Verdict::Agreed);
        }
        let c1 = one.vector(&[(7, 1.0)]).expect("learned").confidence;
        let c5 = many.vector(&[(7, 1.0)]).expect("learned").confidence;
        assert!(c1 <= 0.5 && c5 > c1 && c5 < 1.0, "{c1} {c5}");
        assert!(
            one.vector(&[(8, 1.0)]).is_none(),
            "no shared words, nothing learned"
        );
    }
}
