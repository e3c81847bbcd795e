//! Behaviour of the matcher on small hand-made catalogues, one hard case per
//! test: compounds, inflection, missing æøå and typos, abbreviations, other
//! languages, distractors, entry kinds, own organisation, determinism.

use kompis_match::{Doc, DocKind, Matcher, Ranked, Thesaurus};

fn doc(id: &str, org: &str, kind: DocKind, title: &str, description: &str) -> Doc {
    Doc::new(id, org, kind, title, description)
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
fn an_entry_added_later_explains_its_match_as_one_built_with_the_index() {
    use DocKind::*;
    let new = doc(
        "o-new",
        "org-z",
        Expertise,
        "Eksportrådgivning og markedsanalyse",
        "Vi hjelper bedrifter med eksport, tollregler og nye markeder i Tyskland og Sverige.",
    );
    let mut all = offers();
    all.push(new.clone());
    let built = Matcher::new(&Thesaurus::builtin(), &all);
    let mut added = Matcher::new(&Thesaurus::builtin(), &offers());
    added.upsert(&new);
    let need = doc(
        "n",
        "org-x",
        Expertise,
        "Hjelp med eksport til Tyskland",
        "Vi vil begynne å eksportere og trenger å forstå tollregler og markedet.",
    );
    let reasons = |m: &Matcher| {
        m.rank(&need, 10)
            .into_iter()
            .find(|r| r.id == "o-new")
            .map(|r| r.reasons)
            .expect("the new offer is suggested")
    };
    let (a, b) = (reasons(&built), reasons(&added));
    assert!(a.iter().any(|r| !r.offer_terms.is_empty()), "{a:?}");
    assert_eq!(a, b);
}

#[test]
fn matcher_can_be_shared_between_threads() {
    fn shared<T: Send + Sync>() {}
    shared::<Matcher>();
    shared::<kompis_match::Typeahead>();
    shared::<Thesaurus>();
}

/// Issue 11: methods that do not depend on the labelled sets.
mod ranking_methods {
    use super::doc;
    use kompis_match::{
        kind_fit_no_budget, kind_fit_partner_job, no_budget, reading, DocKind, Matcher, Reading,
        Thesaurus,
    };
    use DocKind::*;

    fn ids(m: &Matcher, need: &kompis_match::Doc) -> Vec<String> {
        m.rank(need, 10).into_iter().map(|r| r.id).collect()
    }

    #[test]
    fn hyphenated_abbreviation_compounds_keep_parts_and_whole() {
        let offers = vec![
            doc(
                "o-ki",
                "a",
                Expertise,
                "Kunstig intelligens på kontoret",
                "Språkmodeller i arbeidet.",
            ),
            doc(
                "o-erp",
                "b",
                Expertise,
                "Bytte av ERP",
                "Valg av forretningssystem.",
            ),
            doc(
                "o-sys",
                "c",
                Expertise,
                "Kvalitetssystem",
                "Vi bygger system for avvik.",
            ),
        ];
        let m = Matcher::new(&Thesaurus::builtin(), &offers);
        let n = doc(
            "n",
            "x",
            Expertise,
            "KI-assistenter til saksbehandlerne",
            "",
        );
        assert_eq!(ids(&m, &n).first().map(String::as_str), Some("o-ki"));
        let n = doc("n", "x", Expertise, "Vi skal bytte ERP-systemet", "");
        assert_eq!(ids(&m, &n).first().map(String::as_str), Some("o-erp"));
    }

    #[test]
    fn generic_words_do_not_outweigh_the_topic() {
        let offers = vec![
            doc(
                "o-sys",
                "a",
                Expertise,
                "Digitalt system for planlegging",
                "Utvikling av system og digitale løsninger.",
            ),
            doc(
                "o-sveis",
                "b",
                Training,
                "Sveisekurs",
                "Sertifisering av sveisere.",
            ),
        ];
        let m = Matcher::new(&Thesaurus::builtin(), &offers);
        let n = doc(
            "n",
            "x",
            Training,
            "Sveising for nye montører",
            "Vi trenger et system for planlegging og utvikling av sveising.",
        );
        assert_eq!(ids(&m, &n).first().map(String::as_str), Some("o-sveis"));
        // A need with only generic words still finds what they say.
        let n = doc("n", "x", Expertise, "Digitalt system", "");
        assert_eq!(ids(&m, &n).first().map(String::as_str), Some("o-sys"));
    }

    #[test]
    fn words_the_askers_own_entries_share_are_context() {
        let offers = vec![
            // The asker's own entries: a sawmill.
            doc(
                "own-1",
                "saga",
                Experience,
                "Tørking av plank på sagbruket",
                "Sagbruk og høvleri.",
            ),
            doc(
                "own-2",
                "saga",
                Facility,
                "Høvleri til leie",
                "Sagbruket leier ut høvleriet.",
            ),
            doc(
                "o-saw",
                "b",
                Expertise,
                "Logistikk for sagbruk og høvleri",
                "Tømmer til sagbruket.",
            ),
            doc(
                "o-energi",
                "c",
                Expertise,
                "Energikartlegging",
                "Vi kartlegger energibruken og foreslår tiltak.",
            ),
        ];
        let m = Matcher::new(&Thesaurus::builtin(), &offers);
        let n = doc(
            "n",
            "saga",
            Expertise,
            "Kartlegge energibruken",
            "Vi er et sagbruk med høvleri, og sagbruket bruker mye energi.",
        );
        assert_eq!(ids(&m, &n).first().map(String::as_str), Some("o-energi"));
    }

    #[test]
    fn position_need_without_budget_prefers_students_to_vacancies() {
        let n = doc(
            "n",
            "x",
            Position,
            "Vedlikeholdsingeniør",
            "Vi har ikke råd til en hel stilling som vedlikeholdsingeniør.",
        );
        assert!(no_budget(&n));
        assert!(!no_budget(&doc(
            "n",
            "x",
            Position,
            "Vedlikeholdsingeniør",
            "Fast stilling."
        )));
        assert!(kind_fit_no_budget(StudentProject) > kind_fit_no_budget(Position));
        let offers = vec![
            doc(
                "o-job",
                "a",
                Position,
                "Ledig stilling: vedlikeholdsingeniør",
                "Fast stilling i vedlikehold.",
            ),
            doc(
                "o-stud",
                "b",
                StudentProject,
                "Studenter i vedlikehold",
                "Bacheloroppgaver om vedlikehold for ingeniørstudenter.",
            ),
        ];
        let m = Matcher::new(&Thesaurus::builtin(), &offers);
        assert_eq!(ids(&m, &n).first().map(String::as_str), Some("o-stud"));
    }

    #[test]
    fn a_compound_terms_head_is_never_a_modifier_of_the_text() {
        let thes = Thesaurus::from_json(
            r#"[{"id": "lederteam", "terms": ["ledergruppe"]},
                {"id": "energistyring", "terms": ["energiledelse"]}]"#,
        )
        .expect("thesaurus");
        let offers = vec![
            doc(
                "o-intervju",
                "a",
                Expertise,
                "Intervjuer",
                "Vi tar gruppeintervjuer, leder workshops og skriver om bruken av tid.",
            ),
            doc(
                "o-team",
                "b",
                Expertise,
                "Samarbeid",
                "Kurs for gruppa av ledere i bedrifta.",
            ),
            doc(
                "o-energi",
                "c",
                Expertise,
                "Energi",
                "Bedre ledelse av energibruken.",
            ),
        ];
        let m = Matcher::new(&thes, &offers);
        let concepts = |need: &kompis_match::Doc, id: &str| -> Vec<String> {
            let (parts, _) = m.explain(need, id);
            parts
                .into_iter()
                .filter(|(name, c)| name.starts_with("C:") && *c > 0.0)
                .map(|(name, _)| name)
                .collect()
        };
        let n = doc("n", "x", Expertise, "Ledergruppa trenger et løft", "");
        assert!(concepts(&n, "o-team")
            .iter()
            .any(|c| c.starts_with("C:lederteam")));
        assert!(!concepts(&n, "o-intervju")
            .iter()
            .any(|c| c.starts_with("C:lederteam")));
        let n = doc("n", "x", Expertise, "Energiledelse", "");
        assert!(concepts(&n, "o-energi")
            .iter()
            .any(|c| c.starts_with("C:energistyring")));
    }

    #[test]
    fn partner_job_need_prefers_another_members_vacancy() {
        let n = doc(
            "n",
            "x",
            Position,
            "Jobb til samboeren til ny sjefsingeniør",
            "Samboeren er regnskapsfører og trenger jobb i regionen.",
        );
        assert_eq!(reading(&n), Reading::PartnerJob);
        // A business partner is not someone's partner.
        let business = doc(
            "n",
            "x",
            Position,
            "Innkjøper",
            "Vi søker en samarbeidspartner og en innkjøper i partnerskapet.",
        );
        assert_eq!(reading(&business), Reading::Plain);
        assert!(kind_fit_partner_job(Position) > kind_fit_partner_job(Expertise));
        let offers = vec![
            doc(
                "o-job",
                "a",
                Position,
                "Ledig stilling: regnskapsfører",
                "Fast stilling som regnskapsfører i Elverum.",
            ),
            doc(
                "o-kurs",
                "b",
                Expertise,
                "Regnskapsfører til leie",
                "Vi fører regnskap for små bedrifter.",
            ),
        ];
        let m = Matcher::new(&Thesaurus::builtin(), &offers);
        assert_eq!(ids(&m, &n).first().map(String::as_str), Some("o-job"));
    }

    #[test]
    fn management_heads_and_iso_numbers_meet() {
        let offers = vec![
            doc(
                "o-energi",
                "a",
                Expertise,
                "Energiledelse etter ISO 50001",
                "Innføring og sertifisering.",
            ),
            doc(
                "o-miljo",
                "b",
                Expertise,
                "Miljøledelse",
                "Miljøstyringssystem og revisjon.",
            ),
            doc(
                "o-led",
                "c",
                Training,
                "Ledelse for nye ledere",
                "Kurs i ledelse.",
            ),
        ];
        let m = Matcher::new(&Thesaurus::builtin(), &offers);
        let n = doc("n", "x", Expertise, "Energistyring på fabrikken", "");
        assert_eq!(ids(&m, &n).first().map(String::as_str), Some("o-energi"));
        let n = doc("n", "x", Expertise, "ISO 14001", "Kunden krever det.");
        assert_eq!(ids(&m, &n).first().map(String::as_str), Some("o-miljo"));
        let n = doc("n", "x", Expertise, "Miljøleiing", "");
        assert_eq!(ids(&m, &n).first().map(String::as_str), Some("o-miljo"));
    }
}
