//! Ranking offers for needs: converts catalogue entries for the matcher and
//! merges its ranking with the coordinator's stored match records.

use std::collections::{HashMap, HashSet};

use serde::Serialize;
use ts_rs::TS;

use crate::catalogue::Catalogue;
use crate::collate::fold_ascii;
use crate::error::Result;
use crate::model::{EntityKind, Entry, MatchStatus};

/// One ranked offer for a need.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ranked {
    pub offer: String,
    /// Between 0 and 1.
    pub score: f64,
    pub reasons: Vec<String>,
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
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<MatchStatus>,
}

/// Scores below this are not suggested.
pub const THRESHOLD: f64 = 0.05;

const STOP: &[&str] = &[
    "og", "i", "på", "pa", "for", "med", "til", "av", "en", "et", "ei", "som", "vi", "det", "er",
    "om", "å", "a", "the", "and", "of", "to", "in", "for", "with", "on", "we", "our", "a", "an",
    "is", "are", "from", "har", "trenger", "ønsker", "onsker", "kan", "oss", "vår", "var", "våre",
    "vare", "eller", "at", "fra", "seg",
];

/// Fold, split into words, drop stopwords, cut to a crude stem.
fn tokens(text: &str) -> Vec<(String, String)> {
    fold_ascii(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() > 1 && !STOP.contains(w))
        .map(|w| (w.chars().take(6).collect::<String>(), w.to_string()))
        .collect()
}

fn entry_text(e: &Entry) -> String {
    let mut t = format!("{} {} ", e.title, e.keywords.join(" "));
    if let Some(d) = &e.description {
        t.push_str(d);
    }
    t
}

/// Rank every active offer for each need (the first, word-overlap matcher).
pub fn rank(needs: &[Entry], offers: &[Entry], top: usize) -> Vec<NeedMatches> {
    let offers: Vec<&Entry> = offers.iter().filter(|o| o.is_active()).collect();
    let docs: Vec<HashMap<String, String>> = offers
        .iter()
        .map(|o| tokens(&entry_text(o)).into_iter().collect())
        .collect();
    let mut df: HashMap<&str, usize> = HashMap::new();
    for d in &docs {
        for stem in d.keys() {
            *df.entry(stem.as_str()).or_default() += 1;
        }
    }
    let n = docs.len().max(1) as f64;
    let idf = |s: &str| (1.0 + n / (1.0 + *df.get(s).unwrap_or(&0) as f64)).ln();
    needs
        .iter()
        .map(|need| {
            let q: HashMap<String, String> = tokens(&entry_text(need)).into_iter().collect();
            let q_weight: f64 = q.keys().map(|s| idf(s)).sum::<f64>().max(1e-9);
            let mut ranked: Vec<Ranked> = offers
                .iter()
                .zip(&docs)
                .filter(|(o, _)| o.organisation.is_none() || o.organisation != need.organisation)
                .filter_map(|(o, d)| {
                    let shared: Vec<(&String, &String)> =
                        q.iter().filter(|(s, _)| d.contains_key(*s)).collect();
                    let w: f64 = shared.iter().map(|(s, _)| idf(s)).sum();
                    let score = (w / q_weight).min(1.0);
                    (score >= THRESHOLD).then(|| {
                        let mut words: Vec<String> = shared
                            .iter()
                            .map(|(s, qw)| format!("«{}» ↔ «{}»", qw, d[*s]))
                            .collect::<HashSet<_>>()
                            .into_iter()
                            .collect();
                        words.sort();
                        Ranked {
                            offer: o.id.clone(),
                            score: (score * 1000.0).round() / 1000.0,
                            reasons: vec![format!("Felles ord: {}", words.join(", "))],
                        }
                    })
                })
                .collect();
            ranked.sort_by(|a, b| {
                b.score
                    .total_cmp(&a.score)
                    .then_with(|| a.offer.cmp(&b.offer))
            });
            ranked.truncate(top);
            NeedMatches {
                need: need.id.clone(),
                matches: ranked,
            }
        })
        .collect()
}

/// Rank offers for all needs, or for one.
pub fn rank_catalogue(cat: &Catalogue, need: Option<&str>, top: usize) -> Result<Vec<NeedMatches>> {
    let needs = match need {
        Some(id) => vec![cat.entry(EntityKind::Need, id)?],
        None => cat.needs()?,
    };
    Ok(rank(&needs, &cat.offers()?, top))
}
