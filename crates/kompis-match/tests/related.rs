//! Related concepts (`data/related.json`): a need about one concept is
//! helped by an offer about a related one (`lean` and `oee`), but only
//! among the offers its own words already suggest.

use kompis_match::{Doc, DocKind, Matcher, Thesaurus};

fn doc(id: &str, org: &str, title: &str, description: &str) -> Doc {
    Doc::new(id, org, DocKind::Expertise, title, description)
}

fn need() -> Doc {
    doc(
        "n-lean",
        "org-need",
        "Lean i sagbruket",
        "Vi vil innføre lean og kaizen i sagbruket.",
    )
}

#[test]
fn a_related_concept_raises_an_offer_the_text_suggests_and_says_why() {
    let offers = vec![
        // Alike but for one word: OEE is related to lean, accounting is not.
        doc(
            "o-oee",
            "org-a",
            "Sagbruk: OEE-måling",
            "Vi måler OEE i sagbruk.",
        ),
        doc(
            "o-acc",
            "org-b",
            "Sagbruk: regnskap",
            "Vi fører regnskap i sagbruk.",
        ),
    ];
    let m = Matcher::new(&Thesaurus::builtin(), &offers);
    let r = m.rank(&need(), 5);
    let ids: Vec<&str> = r.iter().map(|x| x.id.as_str()).collect();
    assert_eq!(ids, ["o-oee", "o-acc"], "{r:#?}");
    assert!(r[0].score > r[1].score, "{r:#?}");
    let via: Vec<_> = r[0]
        .reasons
        .iter()
        .filter(|x| x.related_to.is_some())
        .collect();
    assert_eq!(via.len(), 1, "{:#?}", r[0].reasons);
    assert_eq!(via[0].concept, "oee");
    assert_eq!(via[0].related_to.as_deref(), Some("lean"));
    assert!(
        via[0].offer_terms.iter().any(|t| t.contains("oee")),
        "{via:?}"
    );
    assert!(r[1].reasons.iter().all(|x| x.related_to.is_none()));
}

#[test]
fn a_related_concept_alone_brings_in_no_offer() {
    // Nothing but the related concept in common: not a suggestion, so a
    // need with only such offers stays a competence gap.
    let offers = vec![doc(
        "o-oee",
        "org-a",
        "OEE-måling og stopptid",
        "Vi måler OEE og driftsstans.",
    )];
    let m = Matcher::new(&Thesaurus::builtin(), &offers);
    assert!(m.rank(&need(), 5).is_empty());
    assert!(!m.answers(&need()));
}

#[test]
fn a_concept_reached_through_a_compounds_part_leads_to_no_related_one() {
    // `kulturbygging` (building a culture) is about construction only
    // through its head `bygging`: a guess already, too loose to lead on to
    // environmental product declarations, which construction is related to.
    let need = doc(
        "n-part",
        "org-need",
        "Kulturbygging i sagbruket",
        "Vi vil ha kulturbygging i sagbruket.",
    );
    let offers = vec![
        doc("o-epd", "org-a", "Sagbruk: EPD", "Vi måler EPD i sagbruk."),
        doc(
            "o-acc",
            "org-b",
            "Sagbruk: regnskap",
            "Vi måler regnskap i sagbruk.",
        ),
    ];
    let m = Matcher::new(&Thesaurus::builtin(), &offers);
    let r = m.rank(&need, 5);
    assert_eq!(r.len(), 2, "{r:#?}");
    assert!(
        r.iter()
            .all(|x| x.reasons.iter().all(|y| y.related_to.is_none())),
        "{r:#?}"
    );
    assert_eq!(r[0].score, r[1].score, "{r:#?}");
}
