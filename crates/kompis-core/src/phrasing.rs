//! Why a need and an offer match, as short sentences a lay person reads,
//! in bokmål and in English: "Begge handler om lean: «lean» i behovet,
//! «5s» og «tavlemøter» i tilbudet." The matcher gives the shared concept
//! or word and the words of each side; this module words them, once, for
//! the app, the command line and the sheets.

use std::collections::HashMap;

use kompis_match::{english_label, Reason, Thesaurus};
use kompis_sheet::SheetLang;

/// Words shown per side; the rest are summed up as "m.fl." / "and more".
const SHOWN: usize = 3;

/// Each thesaurus concept's name as a reader knows it: in bokmål its first
/// term; in English the built-in group's English name, else the first term.
#[derive(Default)]
pub(crate) struct Labels(HashMap<String, String>);

impl Labels {
    /// The names of `thesaurus`'s concepts.
    pub(crate) fn new(thesaurus: &Thesaurus) -> Self {
        Labels(
            thesaurus
                .groups()
                .iter()
                .filter_map(|g| g.terms.first().map(|t| (g.id.clone(), t.clone())))
                .collect(),
        )
    }

    /// The name of `concept` in `lang`, if the thesaurus has it.
    fn get(&self, concept: &str, lang: SheetLang) -> Option<&str> {
        let first = self.0.get(concept)?.as_str();
        Some(match lang {
            SheetLang::Nb => first,
            SheetLang::En => english_label(concept).unwrap_or(first),
        })
    }
}

/// A reason in both languages: (bokmål, English).
pub(crate) fn both(r: &Reason, labels: &Labels, flipped: bool) -> (String, String) {
    (
        sentence(r, labels, SheetLang::Nb, flipped),
        sentence(r, labels, SheetLang::En, flipped),
    )
}

/// Every reason in bokmål and, apart, in English.
pub(crate) fn all(
    reasons: &[Reason],
    labels: &Labels,
    flipped: bool,
) -> (Vec<String>, Vec<String>) {
    reasons.iter().map(|r| both(r, labels, flipped)).unzip()
}

/// One reason as a sentence. `flipped`: the matcher ran with the offer as
/// its query (an offer's page), so its "need" words are the offer's.
pub(crate) fn sentence(r: &Reason, labels: &Labels, lang: SheetLang, flipped: bool) -> String {
    let (need, offer) = if flipped {
        (&r.offer_terms, &r.need_terms)
    } else {
        (&r.need_terms, &r.offer_terms)
    };
    let en = lang == SheetLang::En;
    if let Some(src) = &r.related_to {
        // The query's concept is `src`, the indexed entry's `concept`.
        let (need_c, offer_c) = if flipped {
            (&r.concept, src)
        } else {
            (src, &r.concept)
        };
        if let (Some(nl), Some(ol)) = (labels.get(need_c, lang), labels.get(offer_c, lang)) {
            let (related, in_need, in_offer) = if en {
                ("Related topics", "in the need", "in the offer")
            } else {
                ("Beslektede temaer", "i behovet", "i tilbudet")
            };
            return format!(
                "{related}: {nl} {in_need} ({}), {ol} {in_offer} ({})",
                words(need, en),
                words(offer, en)
            );
        }
    }
    let same = distinct(need) == distinct(offer);
    match labels.get(&r.concept, lang) {
        Some(label) if !same => {
            let (about, in_need, in_offer) = if en {
                ("Both are about", "in the need", "in the offer")
            } else {
                ("Begge handler om", "i behovet", "i tilbudet")
            };
            format!(
                "{about} {label}: {} {in_need}, {} {in_offer}",
                words(need, en),
                words(offer, en)
            )
        }
        _ if same => {
            let both = if en { "Both mention" } else { "Begge nevner" };
            format!("{both} {}", words(need, en))
        }
        _ => {
            let (related, in_need, in_offer) = if en {
                ("Related words", "in the need", "in the offer")
            } else {
                ("Beslektede ord", "i behovet", "i tilbudet")
            };
            format!(
                "{related}: {} {in_need}, {} {in_offer}",
                words(need, en),
                words(offer, en)
            )
        }
    }
}

/// The distinct words, in the order found.
fn distinct(v: &[String]) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::with_capacity(v.len());
    for t in v {
        if !out.contains(&t.as_str()) {
            out.push(t);
        }
    }
    out
}

/// «a», «b» og «c» (m.fl.) / «a», «b» and «c» (and more).
fn words(v: &[String], en: bool) -> String {
    let all = distinct(v);
    let shown: Vec<String> = all.iter().take(SHOWN).map(|t| format!("«{t}»")).collect();
    let and = if en { "and" } else { "og" };
    let mut s = match shown.len() {
        0 => String::new(),
        1 => shown[0].clone(),
        n => format!("{} {and} {}", shown[..n - 1].join(", "), shown[n - 1]),
    };
    if all.len() > SHOWN {
        s.push_str(if en { " and more" } else { " m.fl." });
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reason(concept: &str, need: &[&str], offer: &[&str]) -> Reason {
        Reason {
            concept: concept.into(),
            need_terms: need.iter().map(|t| t.to_string()).collect(),
            offer_terms: offer.iter().map(|t| t.to_string()).collect(),
            related_to: None,
        }
    }

    #[test]
    fn a_related_concept_names_both_topics() {
        let th = Thesaurus::from_json(
            r#"[{"id": "vedlikehold", "terms": ["vedlikehold", "reservedeler"]},
                {"id": "oee", "terms": ["OEE", "stopptid"]}]"#,
        )
        .expect("thesaurus");
        let labels = Labels::new(&th);
        let mut r = reason("oee", &["reservedeler"], &["stopptid"]);
        r.related_to = Some("vedlikehold".into());
        assert_eq!(
            sentence(&r, &labels, SheetLang::Nb, false),
            "Beslektede temaer: vedlikehold i behovet («reservedeler»), OEE i tilbudet («stopptid»)"
        );
        assert_eq!(
            sentence(&r, &labels, SheetLang::En, false),
            "Related topics: maintenance and repair in the need («reservedeler»), \
             equipment effectiveness (OEE) in the offer («stopptid»)"
        );
        // Seen from the offer's page the query is the offer.
        let mut f = reason("vedlikehold", &["stopptid"], &["reservedeler"]);
        f.related_to = Some("oee".into());
        assert_eq!(
            sentence(&f, &labels, SheetLang::Nb, true),
            "Beslektede temaer: vedlikehold i behovet («reservedeler»), OEE i tilbudet («stopptid»)"
        );
    }

    #[test]
    fn a_shared_concept_is_named_with_each_sides_words() {
        let labels = Labels::new(&Thesaurus::builtin());
        let r = reason("hms", &["hms"], &["vernerunde", "internkontroll"]);
        assert_eq!(
            sentence(&r, &labels, SheetLang::Nb, false),
            "Begge handler om HMS: «hms» i behovet, «vernerunde» og «internkontroll» i tilbudet"
        );
        assert_eq!(
            sentence(&r, &labels, SheetLang::En, false),
            "Both are about health, safety and environment (HSE): «hms» in the need, «vernerunde» and «internkontroll» in the offer"
        );
        // Seen from the offer's page, the sides change places.
        assert_eq!(
            sentence(&r, &labels, SheetLang::Nb, true),
            "Begge handler om HMS: «vernerunde» og «internkontroll» i behovet, «hms» i tilbudet"
        );
    }

    #[test]
    fn the_same_words_are_said_once_and_long_lists_are_summed_up() {
        let labels = Labels::default();
        let same = reason("lean", &["lean", "lean"], &["lean"]);
        assert_eq!(
            sentence(&same, &labels, SheetLang::Nb, false),
            "Begge nevner «lean»"
        );
        assert_eq!(
            sentence(&same, &labels, SheetLang::En, false),
            "Both mention «lean»"
        );
        let many = reason(
            "sveising",
            &["sveising"],
            &["sveiser", "sveisere", "sveis", "sveisen"],
        );
        assert_eq!(
            sentence(&many, &labels, SheetLang::Nb, false),
            "Beslektede ord: «sveising» i behovet, «sveiser», «sveisere» og «sveis» m.fl. i tilbudet"
        );
        assert_eq!(
            sentence(&many, &labels, SheetLang::En, false),
            "Related words: «sveising» in the need, «sveiser», «sveisere» and «sveis» and more in the offer"
        );
        for s in [
            sentence(&many, &labels, SheetLang::Nb, false),
            sentence(&same, &labels, SheetLang::En, false),
        ] {
            assert!(!s.contains('↔') && !s.contains('…'), "{s}");
        }
    }
}
