//! Labelled sets (a bundle and its graded gold, as `../shared/eval/*`):
//! the bundle's entries as [`Doc`]s, the metrics exactly as the sets'
//! `score.py` computes them, and the fold protocol for learning from
//! decisions. For the evaluation example and tests; no I/O.

use std::collections::{BTreeMap, HashSet};

use serde_json::Value;

use crate::{Decision, Doc, DocKind, Matcher, Thesaurus, Verdict};

/// Gold grades: need id → offer id → 2 (a good answer) or 1 (partly).
pub type Gold = BTreeMap<String, BTreeMap<String, u8>>;

/// The active entries of one side (`offers`, `needs`) of a bundle.
pub fn docs(bundle: &Value, side: &str) -> Vec<Doc> {
    bundle[side]
        .as_array()
        .map(|a| a.as_slice())
        .unwrap_or_default()
        .iter()
        .filter(|e| e["active"].as_bool().unwrap_or(true))
        .map(|e| Doc {
            id: e["id"].as_str().unwrap_or_default().to_string(),
            organisation: e["organisation"].as_str().map(str::to_string),
            kind: DocKind::parse(e["kind"].as_str().unwrap_or_default())
                .unwrap_or(DocKind::Expertise),
            title: e["title"].as_str().unwrap_or_default().to_string(),
            description: e["description"].as_str().unwrap_or_default().to_string(),
            keywords: e["keywords"]
                .as_array()
                .map(|k| {
                    k.iter()
                        .filter_map(|x| x.as_str().map(str::to_string))
                        .collect()
                })
                .unwrap_or_default(),
        })
        .collect()
}

/// (nDCG@5, recall@5, reciprocal rank) of one need's ranking, as
/// `score.py`'s `metrics_for`: graded gains, log2 discount, ideal DCG from
/// the gold; recall and rank of the grade-2 offers.
pub fn metrics(ranked: &[String], gold: &BTreeMap<String, u8>) -> (f64, f64, f64) {
    let k = 5;
    let dcg: f64 = ranked
        .iter()
        .take(k)
        .enumerate()
        .map(|(i, o)| f64::from(*gold.get(o).unwrap_or(&0)) / ((i + 2) as f64).log2())
        .sum();
    let mut ideal: Vec<u8> = gold.values().copied().collect();
    ideal.sort_unstable_by(|a, b| b.cmp(a));
    let idcg: f64 = ideal
        .iter()
        .take(k)
        .enumerate()
        .map(|(i, &g)| f64::from(g) / ((i + 2) as f64).log2())
        .sum();
    let ndcg = if idcg > 0.0 { dcg / idcg } else { 0.0 };
    let g2: HashSet<&String> = gold
        .iter()
        .filter(|(_, &g)| g == 2)
        .map(|(o, _)| o)
        .collect();
    let top: HashSet<&String> = ranked.iter().take(k).collect();
    let rec = if g2.is_empty() {
        0.0
    } else {
        g2.intersection(&top).count() as f64 / g2.len() as f64
    };
    let rr = ranked
        .iter()
        .position(|o| g2.contains(o))
        .map(|i| 1.0 / (i + 1) as f64)
        .unwrap_or(0.0);
    (ndcg, rec, rr)
}

/// One fold of [`folds`]: decisions taught, nDCG@5 of the fold's needs
/// before and after, and each of those needs' nDCG@5 before and after.
#[derive(Debug, Clone, PartialEq)]
pub struct Fold {
    pub decisions: usize,
    pub before: f64,
    pub after: f64,
    pub needs: Vec<(String, f64, f64)>,
}

/// nDCG@5 of each need in `fold` (gold not empty), with `m` as it is.
fn fold_each(
    m: &Matcher,
    needs: &[Doc],
    gold: &Gold,
    fold: &HashSet<&String>,
) -> Vec<(String, f64)> {
    let mut out = Vec::new();
    for (nid, g) in gold {
        if g.is_empty() || !fold.contains(nid) {
            continue;
        }
        let Some(need) = needs.iter().find(|x| &x.id == nid) else {
            continue;
        };
        let ids: Vec<String> = m.rank(need, 20).into_iter().map(|r| r.id).collect();
        out.push((nid.clone(), metrics(&ids, g).0));
    }
    out
}

/// The fold protocol: the gold's needs, sorted by id, in 4 folds (every
/// 4th); per fold, the other folds' labels are decisions (grade 2 agreed,
/// grade 1 shortlisted, an ungraded top-5 suggestion of the untaught
/// ranking declined as not relevant), and only the fold's needs are scored,
/// against the untaught ranking. `scripts/folds.py` does the same through
/// the CLI and a real store.
pub fn folds(offers: &[Doc], needs: &[Doc], gold: &Gold) -> Vec<Fold> {
    let mut m = Matcher::new(&Thesaurus::builtin(), offers);
    let top5: BTreeMap<&String, Vec<String>> = gold
        .keys()
        .filter_map(|nid| {
            let need = needs.iter().find(|x| &x.id == nid)?;
            Some((nid, m.rank(need, 5).into_iter().map(|r| r.id).collect()))
        })
        .collect();
    let sorted: Vec<&String> = gold.keys().collect();
    let mut out = Vec::new();
    for k in 0..4 {
        let fold: HashSet<&String> = sorted.iter().copied().skip(k).step_by(4).collect();
        let mut decisions = Vec::new();
        for nid in sorted.iter().filter(|n| !fold.contains(*n)) {
            let Some(need) = needs.iter().find(|x| &x.id == *nid) else {
                continue;
            };
            for (o, &g) in &gold[*nid] {
                let verdict = if g >= 2 {
                    Verdict::Agreed
                } else {
                    Verdict::Shortlisted
                };
                decisions.push(Decision {
                    need,
                    offer: o,
                    verdict,
                });
            }
            for o in top5.get(nid).map(Vec::as_slice).unwrap_or_default() {
                if !gold[*nid].contains_key(o) {
                    decisions.push(Decision {
                        need,
                        offer: o,
                        verdict: Verdict::NotRelevant,
                    });
                }
            }
        }
        m.learn(&[]);
        let before = fold_each(&m, needs, gold, &fold);
        m.learn(&decisions);
        let after = fold_each(&m, needs, gold, &fold);
        let mean = |v: &[(String, f64)]| v.iter().map(|e| e.1).sum::<f64>() / v.len().max(1) as f64;
        out.push(Fold {
            decisions: decisions.len(),
            before: mean(&before),
            after: mean(&after),
            needs: before
                .into_iter()
                .zip(after)
                .map(|((id, b), (_, a))| (id, b, a))
                .collect(),
        });
    }
    out
}
