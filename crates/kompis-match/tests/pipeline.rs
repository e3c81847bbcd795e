//! Behaviour of the matcher on small hand-made catalogues, one hard case per
//! test: compounds, inflection, missing æøå and typos, abbreviations, other
//! languages, distractors, entry kinds, own organisation, determinism.

use kompis_match::{Doc, DocKind, Matcher, Ranked, Thesaurus};

fn doc(id: &str, org: &str, kind: DocKind, title: &str, description: &str) -> Doc {
    Doc {
        id: id.into(),
        organisation: Some(org.into()),
        kind,
        title: title.into(),
        description: description.into(),
        keywords: Vec::new(),
    }
}

fn offers() -> Vec<Doc> {
    use DocKind::*;
    vec![
        doc(
            "o-esg",
            "org-a",
            Expertise,
            "Metodikk for bærekraftsrapportering",
            "Vi hjelper med vesentlighetsanalyse og indikatorer.",
        ),
        doc(
            "o-fin",
            "org-b",
            Expertise,
            "Finansiell rapportering og årsoppgjør",
            "Årsregnskap og månedlig rapportering til styret.",
        ),
        doc(
            "o-hms",
            "org-c",
            Expertise,
            "Godkjent bedriftshelsetjeneste",
            "Vi kartlegger HMS, støy og ergonomi og lager handlingsplaner.",
        ),
        doc(
            "o-elv",
            "org-d",
            Expertise,
            "Miljøovervåking av elver",
            "Vannkvalitet, fisk og miljø i vassdrag.",
        ),
        doc(
            "o-rekr",
            "org-e",
            Expertise,
            "Rekruttering av fagfolk",
            "Vi hjelper bedrifter med rekruttering, intervjuer og utlysning.",
        ),
        doc(
            "o-oko",
            "org-f",
            Training,
            "Kurs i økonomistyring",
            "Budsjettering og lønnsomhet for små bedrifter.",
        ),
        doc(
            "o-ki",
            "org-g",
            Expertise,
            "Machine learning for quality inspection",
            "We build computer vision models that find defects.",
        ),
        doc(
            "o-stud",
            "org-h",
            StudentProject,
            "Bachelorprosjekter i automasjon",
            "Studenter tar oppgaver i PLS-programmering og vedlikehold.",
        ),
        doc(
            "o-own",
            "org-x",
            Expertise,
            "Bærekraftsrapportering etter ESRS",
            "Vår egen rådgivning om bærekraftsrapportering.",
        ),
    ]
}

fn rank(need: &Doc) -> Vec<Ranked> {
    Matcher::new(&Thesaurus::builtin(), &offers()).rank(need, 5)
}

fn first(need: &Doc) -> String {
    rank(need).first().map(|r| r.id.clone()).unwrap_or_default()
}

#[test]
fn split_phrase_finds_compound() {
    let n = doc(
        "n",
        "org-x",
        DocKind::Expertise,
        "Rapportering av bærekraft",
        "Vi må i gang med rapportering av bærekraft.",
    );
    let r = rank(&n);
    assert_eq!(r[0].id, "o-esg", "{r:?}");
    let fin = r.iter().position(|x| x.id == "o-fin");
    assert!(
        fin.is_none_or(|p| r[p].score < r[0].score * 0.7),
        "financial reporting is a distractor: {r:?}"
    );
}

#[test]
fn inflection_meets_verbal_noun() {
    let n = doc(
        "n",
        "org-x",
        DocKind::Expertise,
        "Vi vil rekruttere bedre",
        "Hvordan rekrutterer vi folk?",
    );
    assert_eq!(first(&n), "o-rekr");
}

#[test]
fn text_without_aeoeaa_and_typos() {
    let n = doc(
        "n",
        "org-x",
        DocKind::Expertise,
        "Hjelp med okonomistyring",
        "Vi vil forsta lonnsomhet og budsjet.",
    );
    assert_eq!(first(&n), "o-oko");
    let n = doc(
        "n",
        "org-x",
        DocKind::Expertise,
        "Rekrutering",
        "Vi trenger hjelp med rekrutering.",
    );
    assert_eq!(first(&n), "o-rekr");
}

#[test]
fn abbreviation_and_spelled_out_form() {
    let n = doc(
        "n",
        "org-x",
        DocKind::Expertise,
        "Bedre arbeid med helse, miljø og sikkerhet",
        "Vi har hatt skader.",
    );
    let r = rank(&n);
    assert_eq!(r[0].id, "o-hms", "{r:?}");
    assert!(r.iter().position(|x| x.id == "o-elv").is_none_or(|p| p > 0));
    let why: Vec<String> = r[0].reasons.iter().map(|x| x.sentence()).collect();
    assert!(why.iter().any(|s| s.contains("hms")), "{why:?}");
}

#[test]
fn norwegian_need_finds_english_offer() {
    let n = doc(
        "n",
        "org-x",
        DocKind::Expertise,
        "Kan kunstig intelligens finne feil?",
        "Vi vil bruke KI og kamera i kvalitetskontrollen.",
    );
    assert_eq!(first(&n), "o-ki");
}

#[test]
fn position_need_served_by_students() {
    let n = doc(
        "n",
        "org-x",
        DocKind::Position,
        "Automasjonsingeniør",
        "Vi trenger en som kan PLS og vedlikehold.",
    );
    assert_eq!(first(&n), "o-stud");
}

#[test]
fn own_organisation_is_never_suggested() {
    let n = doc(
        "n",
        "org-x",
        DocKind::Expertise,
        "Bærekraftsrapportering etter ESRS",
        "Bærekraftsrapportering.",
    );
    let r = rank(&n);
    assert!(!r.is_empty());
    assert!(r.iter().all(|x| x.id != "o-own"), "{r:?}");
    // Another organisation does get it.
    let mut other = n.clone();
    other.organisation = Some("org-y".into());
    assert!(rank(&other).iter().any(|x| x.id == "o-own"));
}

#[test]
fn identical_input_identical_output() {
    let n = doc(
        "n",
        "org-x",
        DocKind::Expertise,
        "Rapportering og lønnsomhet",
        "HMS, ESG og rekruttering.",
    );
    let a = rank(&n);
    let b = Matcher::new(&Thesaurus::builtin(), &offers()).rank(&n, 5);
    assert_eq!(a, b);
    for w in a.windows(2) {
        assert!(w[0].score >= w[1].score);
    }
    assert!(a
        .iter()
        .all(|x| (0.0..=1.0).contains(&x.score) && x.score >= kompis_match::THRESHOLD));
}

#[test]
fn unrelated_need_gets_nothing() {
    let n = doc(
        "n",
        "org-x",
        DocKind::Expertise,
        "Xylofonstemming",
        "Qwerty zzz.",
    );
    assert!(rank(&n).is_empty());
}

#[test]
fn reverse_direction_finds_needs_for_an_offer() {
    use DocKind::*;
    let needs = vec![
        doc(
            "n-a",
            "org-1",
            Position,
            "Trenger automasjonsingeniør",
            "PLS og vedlikehold.",
        ),
        doc("n-b", "org-2", Expertise, "Bærekraftsrapport", "ESRS."),
    ];
    let m = Matcher::for_needs(&Thesaurus::builtin(), &needs);
    let offer = &offers()[7]; // students in automation
    let r = m.rank(offer, 5);
    assert_eq!(r[0].id, "n-a", "{r:?}");
}

#[test]
fn user_thesaurus_term_takes_effect() {
    let n = doc(
        "n",
        "org-x",
        DocKind::Expertise,
        "Hjelp med flurbing",
        "Flurbing.",
    );
    assert!(first(&n) != "o-hms");
    let mut t = Thesaurus::builtin();
    t.add_term("hms", "flurbing");
    let r = Matcher::new(&t, &offers()).rank(&n, 5);
    assert_eq!(r[0].id, "o-hms", "{r:?}");
}

#[test]
fn cognates_cross_languages_without_thesaurus() {
    use DocKind::*;
    let offers = vec![
        doc(
            "o-en",
            "org-a",
            Expertise,
            "Logistics and export strategy",
            "We help firms plan their logistics.",
        ),
        doc(
            "o-no",
            "org-b",
            Expertise,
            "Regnskap",
            "Årsoppgjør og lønn.",
        ),
    ];
    let m = Matcher::new(&Thesaurus::default(), &offers);
    let n = doc(
        "n",
        "org-x",
        Expertise,
        "Eksportstrategi",
        "Vi trenger bedre logistikk og en strategi for eksport.",
    );
    let r = m.rank(&n, 5);
    assert_eq!(r.first().map(|x| x.id.as_str()), Some("o-en"), "{r:?}");
}

#[test]
fn editing_one_entry_updates_matches_without_rebuild() {
    use DocKind::*;
    let mut m = Matcher::new(&Thesaurus::builtin(), &offers());
    let need = doc(
        "n",
        "org-x",
        Expertise,
        "Hjelp med eksport til Tyskland",
        "Vi vil begynne å eksportere.",
    );
    assert!(m.rank(&need, 5).iter().all(|r| r.id != "o-new"));
    let new = doc(
        "o-new",
        "org-z",
        Expertise,
        "Eksportrådgivning",
        "Vi hjelper bedrifter med eksport og nye markeder i Tyskland.",
    );
    m.upsert(&new);
    assert_eq!(m.len(), offers().len() + 1);
    assert_eq!(m.rank(&need, 5)[0].id, "o-new");
    // Edit it to something else: it no longer matches.
    let edited = doc(
        "o-new",
        "org-z",
        Expertise,
        "Sveising",
        "Sveisekurs for mekaniske verksteder.",
    );
    m.upsert(&edited);
    assert!(m.rank(&need, 5).iter().all(|r| r.id != "o-new"));
    // Removing an offer takes it out of the suggestions.
    let hms = doc("n2", "org-x", Expertise, "HMS", "HMS og støy.");
    assert_eq!(m.rank(&hms, 5)[0].id, "o-hms");
    assert!(m.remove("o-hms"));
    assert!(!m.remove("o-hms"));
    assert!(m.rank(&hms, 5).iter().all(|r| r.id != "o-hms"));
}

#[test]
fn matcher_can_be_shared_between_threads() {
    fn shared<T: Send + Sync>() {}
    shared::<Matcher>();
    shared::<kompis_match::Typeahead>();
    shared::<Thesaurus>();
}
