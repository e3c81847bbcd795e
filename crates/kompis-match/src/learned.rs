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
//! Measured with the fold protocol (`scripts/folds.py`, README): tried
//! first per term (each word of a need associated with the offers of its
//! decisions), which spread weight through generic words and lost 0.07
//! nDCG@5 on the second labelled set; additive pulls and per-offer priors
//! lost too. The neighbour form, multiplicative, gains a little on both sets
//! and loses on no fold.

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
pub(crate) const MAX_PULL: f32 = 0.7;
/// Features kept in a need's learned vector (the strongest).
pub(crate) const KEPT: usize = 64;

/// What the decisions on one need taught.
#[derive(Debug, Default, Clone)]
struct Decided {
    /// The need's index features weighted by idf, unit length, by feature.
    words: Vec<(u32, f32)>,
    /// The signed sum of its decided offers' unit vectors, by feature.
    offers: Vec<(u32, f32)>,
    /// The decisions' absolute weight.
    evidence: f32,
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
        add_into(&mut d.offers, offer, p);
    }

    /// The learned vector for a need (`words`: its unit vector): the
    /// decided offers of the [`NEIGHBOURS`] most similar decided needs,
    /// weighted by similarity; its strongest [`KEPT`] features, unit length,
    /// and the confidence (0..1) it carries: the best similarity, shrunk
    /// when that need has little evidence.
    pub fn vector(&self, words: &[(u32, f32)]) -> Option<(Vec<(u32, f32)>, f32)> {
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
        for &(sim, i) in &near {
            add_into(&mut sum, &self.decided[i].offers, sim);
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
        Some((sum, confidence))
    }
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
    fn one_decision_pulls_less_than_many() {
        let mut one = Learned::default();
        one.add("n", vec![(7, 1.0)], &[(3, 1.0)], Verdict::Agreed);
        let mut many = Learned::default();
        for _ in 0..5 {
            many.add("n", vec![(7, 1.0)], &[(3, 1.0)], Verdict::Agreed);
        }
        let (_, c1) = one.vector(&[(7, 1.0)]).expect("learned");
        let (_, c5) = many.vector(&[(7, 1.0)]).expect("learned");
        assert!(c1 <= 0.5 && c5 > c1 && c5 < 1.0, "{c1} {c5}");
        assert!(
            one.vector(&[(8, 1.0)]).is_none(),
            "no shared words, nothing learned"
        );
    }
}
