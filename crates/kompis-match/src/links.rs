//! Thesaurus additions proposed from the coordinator's decisions: a word of
//! the need and a word of the offer that the two sides do not share, and no
//! concept links, found together in agreed or shortlisted pairs of several
//! different needs and several different offers ("energistyring ↔
//! energiledelse: together in 3 agreed matches"), mostly together rather
//! than apart (Dice's coefficient over the decided pairs), and never in a
//! pair declined as not relevant.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};

use crate::learned::Verdict;

/// A proposed link between a need's word and an offer's word.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkSuggestion {
    /// The need's word, as written (folded).
    pub need_word: String,
    /// The offer's word, as written (folded).
    pub offer_word: String,
    /// In how many agreed or shortlisted pairs the two were found together.
    pub matches: u32,
    /// How many of those were agreed.
    pub agreed: u32,
}

/// Pairs found in fewer agreed or shortlisted pairs, or with fewer
/// different needs or offers, are not proposed.
pub const MIN_MATCHES: u32 = 2;
/// Below this Dice coefficient (pairs with both words over pairs with
/// either, ×2) the two words are more often apart than together.
const MIN_DICE: f32 = 0.4;

/// The unshared words of one decided pair: (stem key, surface) per side.
pub(crate) type PairWords = (Vec<(String, String)>, Vec<(String, String)>);

#[derive(Default)]
struct Tally {
    need_word: String,
    offer_word: String,
    matches: u32,
    agreed: u32,
    declined: u32,
    needs: Vec<String>,
    offers: Vec<String>,
}

/// Counts word pairs over decided pairs (need id, offer id, their words,
/// verdict) and returns those worth proposing, most evidence first, then by
/// the words.
pub(crate) fn suggest(decided: &[(&str, &str, PairWords, Verdict)]) -> Vec<LinkSuggestion> {
    let mut tally: HashMap<(&str, &str), Tally> = HashMap::default();
    // In how many agreed or shortlisted pairs each word is, per side.
    let mut need_side: HashMap<&str, u32> = HashMap::default();
    let mut offer_side: HashMap<&str, u32> = HashMap::default();
    for (_, _, (nw, ow), verdict) in decided {
        if *verdict != Verdict::NotRelevant {
            for (k, _) in nw {
                *need_side.entry(k.as_str()).or_default() += 1;
            }
            for (k, _) in ow {
                *offer_side.entry(k.as_str()).or_default() += 1;
            }
        }
    }
    for (need, offer, (nw, ow), verdict) in decided {
        for (nk, ns) in nw {
            for (ok, os) in ow {
                if nk == ok {
                    continue;
                }
                let t = tally.entry((nk.as_str(), ok.as_str())).or_default();
                if t.need_word.is_empty() {
                    t.need_word = ns.clone();
                    t.offer_word = os.clone();
                }
                match verdict {
                    Verdict::NotRelevant => t.declined += 1,
                    v => {
                        t.matches += 1;
                        t.agreed += u32::from(*v == Verdict::Agreed);
                        if !t.needs.iter().any(|n| n == need) {
                            t.needs.push(need.to_string());
                        }
                        if !t.offers.iter().any(|o| o == offer) {
                            t.offers.push(offer.to_string());
                        }
                    }
                }
            }
        }
    }
    // One proposal per pair of surfaces, the strongest evidence kept.
    let mut best: BTreeMap<(String, String), LinkSuggestion> = BTreeMap::new();
    let min = MIN_MATCHES as usize;
    for ((nk, ok), t) in tally {
        let either =
            need_side.get(nk).copied().unwrap_or(0) + offer_side.get(ok).copied().unwrap_or(0);
        let dice = 2.0 * t.matches as f32 / either.max(1) as f32;
        if t.declined > 0
            || t.agreed == 0
            || t.needs.len() < min
            || t.offers.len() < min
            || dice < MIN_DICE
        {
            continue;
        }
        let s = LinkSuggestion {
            need_word: t.need_word,
            offer_word: t.offer_word,
            matches: t.matches,
            agreed: t.agreed,
        };
        let key = (s.need_word.clone(), s.offer_word.clone());
        match best.get(&key) {
            Some(b) if b.matches >= s.matches => {}
            _ => {
                best.insert(key, s);
            }
        }
    }
    let mut out: Vec<LinkSuggestion> = best.into_values().collect();
    out.sort_by(|a, b| {
        b.matches
            .cmp(&a.matches)
            .then(b.agreed.cmp(&a.agreed))
            .then_with(|| a.need_word.cmp(&b.need_word))
            .then_with(|| a.offer_word.cmp(&b.offer_word))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(words: &[&str]) -> Vec<(String, String)> {
        words
            .iter()
            .map(|x| (x.to_string(), x.to_string()))
            .collect()
    }

    #[test]
    fn pairs_need_several_needs_and_no_decline() {
        let a = (w(&["energistyring"]), w(&["energiledelse", "iso"]));
        let b = (w(&["energistyring", "ovn"]), w(&["energiledelse"]));
        let c = (w(&["energistyring"]), w(&["iso"]));
        let got = suggest(&[
            ("n1", "o1", a.clone(), Verdict::Agreed),
            ("n1", "o2", a.clone(), Verdict::Agreed),
            ("n2", "o3", b, Verdict::Shortlisted),
            ("n3", "o1", c, Verdict::NotRelevant),
        ]);
        assert_eq!(
            got,
            vec![LinkSuggestion {
                need_word: "energistyring".into(),
                offer_word: "energiledelse".into(),
                matches: 3,
                agreed: 2,
            }],
            "iso was declined once; ovn has one need only"
        );
        let one_offer = (w(&["kunde"]), w(&["tolldeklarasjoner"]));
        let got = suggest(&[
            ("n1", "o1", one_offer.clone(), Verdict::Agreed),
            ("n2", "o1", one_offer.clone(), Verdict::Agreed),
        ]);
        assert!(got.is_empty(), "one offer is not enough: {got:?}");
    }

    #[test]
    fn words_mostly_apart_are_not_linked() {
        let mut decided = vec![
            ("n1", "o1", (w(&["kunde"]), w(&["toll"])), Verdict::Agreed),
            ("n2", "o2", (w(&["kunde"]), w(&["toll"])), Verdict::Agreed),
        ];
        for i in 0..8 {
            let (n, o): (&'static str, &'static str) = (
                ["a", "b", "c", "d", "e", "f", "g", "h"][i],
                ["p", "q", "r", "s", "t", "u", "v", "x"][i],
            );
            decided.push((n, o, (w(&["kunde"]), w(&["annet"])), Verdict::Agreed));
        }
        let got = suggest(&decided);
        assert!(got.iter().all(|l| l.offer_word != "toll"), "{got:?}");
    }
}
