//! The match workflow, the reverse view, competence gaps and the thesaurus,
//! on a real store with the example network.

use kompis_core::api;
use kompis_core::api::wire::{Side, StatusChange, ThesaurusEdit};
use kompis_core::model::{DeclineReason, MatchStatus};
use kompis_core::Catalogue;

fn demo() -> (tempfile::TempDir, Catalogue) {
    let dir = tempfile::tempdir().unwrap();
    let cat = Catalogue::open(dir.path()).unwrap();
    api::load_demo(&cat).unwrap();
    (dir, cat)
}

fn change(need: &str, offer: &str, status: MatchStatus) -> StatusChange {
    StatusChange {
        need: need.into(),
        offer: offer.into(),
        status,
        reason: None,
        note: None,
    }
}

#[test]
fn status_and_note_survive_reranking_and_reopening() {
    let (dir, cat) = demo();
    let top = api::matches_for_need(&cat, "n-01".into(), Some(5)).unwrap();
    let offer = top[0].offer.id.clone();
    let mut c = change("n-01", &offer, MatchStatus::Shortlisted);
    c.note = Some("Ring Kari mandag".into());
    api::set_match_status(&cat, c).unwrap();
    api::set_match_status(&cat, change("n-01", &offer, MatchStatus::Contacted)).unwrap();
    drop(cat);
    let cat = Catalogue::open(dir.path()).unwrap();
    let again = api::matches_for_need(&cat, "n-01".into(), Some(5)).unwrap();
    let m = again
        .iter()
        .find(|m| m.offer.id == offer)
        .expect("still ranked");
    assert_eq!(m.status, Some(MatchStatus::Contacted));
    assert_eq!(
        m.note.as_deref(),
        Some("Ring Kari mandag"),
        "note kept when status changes"
    );
}

#[test]
fn declined_needs_a_reason_leaves_suggestions_and_can_come_back() {
    let (_dir, cat) = demo();
    let top = api::matches_for_need(&cat, "n-01".into(), Some(10)).unwrap();
    let offer = top[0].offer.id.clone();
    let err =
        api::set_match_status(&cat, change("n-01", &offer, MatchStatus::Declined)).unwrap_err();
    assert!(
        err.to_string().contains("say why the match is declined"),
        "{err}"
    );
    let mut c = change("n-01", &offer, MatchStatus::Declined);
    c.reason = Some(DeclineReason::BadTiming);
    api::set_match_status(&cat, c).unwrap();
    let after = api::matches_for_need(&cat, "n-01".into(), Some(10)).unwrap();
    assert!(
        after.iter().all(|m| m.offer.id != offer),
        "declined offer left the suggestions"
    );
    let declined = api::declined_for_need(&cat, "n-01".into()).unwrap();
    assert_eq!(declined.len(), 1);
    assert_eq!(declined[0].decline_reason, Some(DeclineReason::BadTiming));
    api::step_back_match(&cat, "n-01".into(), offer.clone()).unwrap();
    let back = api::matches_for_need(&cat, "n-01".into(), Some(10)).unwrap();
    assert_eq!(back[0].offer.id, offer, "brought back to its old rank");
    assert!(api::declined_for_need(&cat, "n-01".into())
        .unwrap()
        .is_empty());
}

#[test]
fn match_records_travel_in_bundles() {
    let (dir, cat) = demo();
    let mut c = change("n-02", "o-10", MatchStatus::Declined);
    c.reason = Some(DeclineReason::NoCapacity);
    c.note = Some("Full kapasitet til våren".into());
    api::set_match_status(&cat, c).unwrap();
    let out = dir.path().join("b.json");
    api::export_bundle_file(&cat, &out).unwrap();
    let b = api::read_bundle(&out).unwrap();
    let m = b
        .matches
        .iter()
        .find(|m| m.need == "n-02" && m.offer == "o-10")
        .unwrap();
    assert_eq!(m.decline_reason, Some(DeclineReason::NoCapacity));
    assert_eq!(
        m.note, None,
        "a decline's note is the decline's, not the pair's"
    );
    let last = m.history.last().expect("the decline is in the history");
    assert_eq!(last.status, MatchStatus::Declined);
    assert_eq!(last.reason, Some(DeclineReason::NoCapacity));
    assert_eq!(last.note.as_deref(), Some("Full kapasitet til våren"));

    // The history comes back with the bundle, into another catalogue.
    let other = tempfile::tempdir().unwrap();
    let cat2 = Catalogue::open(other.path()).unwrap();
    api::import_bundle_file(&cat2, &out).unwrap();
    let declined = api::declined_for_need(&cat2, "n-02".into()).unwrap();
    let v = declined.iter().find(|v| v.offer.id == "o-10").unwrap();
    assert_eq!(v.history.len(), 1);
    assert_eq!(v.decline_note.as_deref(), Some("Full kapasitet til våren"));
}

/// A suggested offer for the need that the example network has no decision on.
fn undecided(cat: &Catalogue, need: &str) -> String {
    api::matches_for_need(cat, need.into(), Some(10))
        .unwrap()
        .into_iter()
        .find(|m| m.status.is_none())
        .expect("an undecided suggestion")
        .offer
        .id
}

#[test]
fn bringing_a_declined_match_back_restores_where_it_stood() {
    let (dir, cat) = demo();
    let offer = undecided(&cat, "n-01");
    let mut c = change("n-01", &offer, MatchStatus::Shortlisted);
    c.note = Some("Ring Kari mandag".into());
    api::set_match_status(&cat, c).unwrap();
    api::set_match_status(&cat, change("n-01", &offer, MatchStatus::Contacted)).unwrap();
    let mut d = change("n-01", &offer, MatchStatus::Declined);
    d.reason = Some(DeclineReason::BadTiming);
    d.note = Some("Tar det opp igjen til høsten".into());
    api::set_match_status(&cat, d).unwrap();

    let back = api::step_back_match(&cat, "n-01".into(), offer.clone()).unwrap();
    assert_eq!(
        back.status,
        Some(MatchStatus::Contacted),
        "state before the decline"
    );
    assert_eq!(back.decline_reason, None);
    assert_eq!(
        back.note.as_deref(),
        Some("Ring Kari mandag"),
        "the pair's own note kept"
    );
    drop(cat);
    let cat = Catalogue::open(dir.path()).unwrap();
    let m = api::matches_for_need(&cat, "n-01".into(), Some(5)).unwrap();
    let m = m
        .iter()
        .find(|m| m.offer.id == offer)
        .expect("suggested again");
    assert_eq!(m.status, Some(MatchStatus::Contacted));
    let path: Vec<_> = m.history.iter().map(|e| (e.status, e.undo)).collect();
    assert_eq!(
        path,
        [
            (MatchStatus::Shortlisted, false),
            (MatchStatus::Contacted, false),
            (MatchStatus::Declined, false),
            (MatchStatus::Contacted, true),
        ]
    );
    assert_eq!(
        m.history[2].note.as_deref(),
        Some("Tar det opp igjen til høsten"),
        "the decline's note stays with the decline"
    );

    // Each further step back takes back one more standing change.
    let b = api::step_back_match(&cat, "n-01".into(), offer.clone()).unwrap();
    assert_eq!(b.status, Some(MatchStatus::Shortlisted));
    let b = api::step_back_match(&cat, "n-01".into(), offer.clone()).unwrap();
    assert_eq!(b.status, Some(MatchStatus::Suggested));
    let b = api::step_back_match(&cat, "n-01".into(), offer).unwrap();
    assert_eq!(
        b.status,
        Some(MatchStatus::Suggested),
        "nothing more to take back"
    );
    assert_eq!(b.history.len(), 6);
}

#[test]
fn agreeing_directly_records_only_the_agreement() {
    let (_dir, cat) = demo();
    let offer = undecided(&cat, "n-03");
    let r = api::set_match_status(&cat, change("n-03", &offer, MatchStatus::Agreed)).unwrap();
    assert_eq!(r.history.len(), 1);
    assert_eq!(r.history[0].status, MatchStatus::Agreed);
    // A note alone is no status change.
    let mut n = change("n-03", &offer, MatchStatus::Agreed);
    n.note = Some("Møte 12.01.2027".into());
    let r = api::set_match_status(&cat, n).unwrap();
    assert_eq!(r.history.len(), 1);
    assert_eq!(r.note.as_deref(), Some("Møte 12.01.2027"));
    let r = api::step_back_match(&cat, "n-03".into(), offer).unwrap();
    assert_eq!(
        r.status,
        Some(MatchStatus::Suggested),
        "not to a contact that never was"
    );
}

#[test]
fn offer_page_lists_needs_it_could_serve() {
    let (_dir, cat) = demo();
    let top = api::matches_for_need(&cat, "n-01".into(), Some(1)).unwrap();
    let offer = &top[0].offer.id;
    let needs = api::needs_for_offer(&cat, offer.to_string(), Some(10)).unwrap();
    assert!(
        needs.iter().any(|n| n.need.id == "n-01"),
        "n-01 among the needs {offer} serves"
    );
    assert!(needs
        .iter()
        .all(|n| (0.0..=1.0).contains(&n.score) && !n.reasons.is_empty()));
}

#[test]
fn a_need_nobody_answers_is_a_competence_gap() {
    let (_dir, cat) = demo();
    let mut n: kompis_core::model::Entry = serde_json::from_value(serde_json::json!({
        "id": "", "title": "Kvanteberegning av krystallgitter", "kind": "expertise",
        "description": "Spinnkjeder og qubitfeil i supraledende kretser."
    }))
    .unwrap();
    n = api::save_entry(&cat, Side::Need, n).unwrap();
    let gaps = api::all_competence_gaps(&cat).unwrap();
    assert!(
        gaps.iter().any(|g| g.entry.id == n.id),
        "the quantum need is a gap"
    );
    assert!(
        gaps.len() < 10,
        "most demo needs are answered: {} gaps",
        gaps.len()
    );
}

#[test]
fn thesaurus_edits_change_matching_and_travel_in_bundles() {
    let (dir, cat) = demo();
    let need: kompis_core::model::Entry = serde_json::from_value(serde_json::json!({
        "id": "", "title": "Hjelp med zylofonering", "kind": "expertise"
    }))
    .unwrap();
    let need = api::save_entry(&cat, Side::Need, need).unwrap();
    let offer: kompis_core::model::Entry = serde_json::from_value(serde_json::json!({
        "id": "", "title": "Kurs i blimsetting", "kind": "training", "organisation": "org-hinn-rena"
    }))
    .unwrap_or_else(|_| unreachable!());
    let org = api::all_organisations(&cat).unwrap()[0].id.clone();
    let offer = api::save_entry(
        &cat,
        Side::Offer,
        kompis_core::model::Entry {
            organisation: Some(org),
            ..offer
        },
    )
    .unwrap();
    let before = api::matches_for_need(&cat, need.id.clone(), None).unwrap();
    assert!(
        before.iter().all(|m| m.offer.id != offer.id),
        "no shared concept yet"
    );
    api::edit_thesaurus(
        &cat,
        ThesaurusEdit::AddTerm {
            group: "zylo".into(),
            term: "zylofonering".into(),
        },
    )
    .unwrap();
    api::edit_thesaurus(
        &cat,
        ThesaurusEdit::AddTerm {
            group: "blim".into(),
            term: "blimsetting".into(),
        },
    )
    .unwrap();
    api::edit_thesaurus(
        &cat,
        ThesaurusEdit::Merge {
            from: "blim".into(),
            into: "zylo".into(),
        },
    )
    .unwrap();
    let after = api::matches_for_need(&cat, need.id.clone(), None).unwrap();
    let hit = after
        .iter()
        .find(|m| m.offer.id == offer.id)
        .expect("matched through the new concept");
    assert!(
        hit.reasons
            .iter()
            .any(|r| r.contains("zylofonering") && r.contains("blimsetting")),
        "{:?}",
        hit.reasons
    );

    let out = dir.path().join("t.json");
    api::export_bundle_file(&cat, &out).unwrap();
    let other_dir = tempfile::tempdir().unwrap();
    let other = Catalogue::open(other_dir.path()).unwrap();
    api::import_bundle_file(&other, &out).unwrap();
    let concepts = api::list_concepts(&other).unwrap();
    let zylo = concepts
        .iter()
        .find(|c| c.id == "zylo")
        .expect("concept travelled");
    assert!(zylo.terms.iter().any(|t| t == "blimsetting"));
    api::edit_thesaurus(
        &other,
        ThesaurusEdit::RemoveTerm {
            group: "zylo".into(),
            term: "blimsetting".into(),
        },
    )
    .unwrap();
    assert!(!api::list_concepts(&other)
        .unwrap()
        .iter()
        .any(|c| c.terms.iter().any(|t| t == "blimsetting")));
}

#[test]
fn editing_an_entry_updates_its_matches_at_once() {
    let (_dir, cat) = demo();
    let before = api::matches_for_need(&cat, "n-01".into(), Some(3)).unwrap();
    assert!(cat.offer_index_built());

    // Editing a need re-ranks that need against the same index.
    let mut need = api::get_entry(&cat, Side::Need, "n-01".into()).unwrap();
    need.title = "Kurs i truckføring og HMS for nye operatører".into();
    need.description =
        Some("Sertifisering av truckførere, sikkerhet og opplæring på lageret.".into());
    need.keywords = vec!["truck".into(), "HMS".into(), "opplæring".into()];
    api::save_entry(&cat, Side::Need, need).unwrap();
    let after = api::matches_for_need(&cat, "n-01".into(), Some(3)).unwrap();
    assert_ne!(
        before.iter().map(|m| &m.offer.id).collect::<Vec<_>>(),
        after.iter().map(|m| &m.offer.id).collect::<Vec<_>>(),
        "the edited need has other matches"
    );
    assert_eq!(
        cat.offer_index_builds(),
        1,
        "a need edit keeps the offer index"
    );

    // A new offer is suggested at once.
    let org = api::all_organisations(&cat)
        .unwrap()
        .into_iter()
        .find(|o| o.name.contains("kommune"))
        .unwrap();
    let offer: kompis_core::model::Entry = serde_json::from_value(serde_json::json!({
        "id": "", "title": "Truckførerkurs med HMS-opplæring", "kind": "training",
        "description": "Sertifisering av truckførere: sikkerhet, opplæring og praktisk prøve.",
        "keywords": ["truck", "HMS", "sertifisering"], "organisation": org.id
    }))
    .unwrap();
    let offer = api::save_entry(&cat, Side::Offer, offer).unwrap();
    let now = api::matches_for_need(&cat, "n-01".into(), Some(3)).unwrap();
    assert_eq!(
        now[0].offer.id, offer.id,
        "the new offer ranks first: {now:#?}"
    );
}

#[test]
fn a_past_deadline_is_refused_when_set_and_kept_when_untouched() {
    let (dir, cat) = demo();
    let mut need = api::get_entry(&cat, Side::Need, "n-01".into()).unwrap();
    let before = need.deadline;
    need.deadline = chrono::NaiveDate::from_ymd_opt(2026, 3, 15);
    let err = api::save_entry(&cat, Side::Need, need.clone()).unwrap_err();
    let ipc = kompis_core::IpcError::from(err);
    assert_eq!(ipc.field.as_deref(), Some("deadline"));
    assert!(
        ipc.message.contains("15.03.2026 has passed"),
        "{}",
        ipc.message
    );
    assert_eq!(
        ipc.problem,
        Some(Box::new(kompis_core::api::wire::Problem::DeadlinePassed {
            date: "15.03.2026".into()
        })),
        "the window gets the problem typed, to word in its language"
    );
    let stored = api::get_entry(&cat, Side::Need, "n-01".into()).unwrap();
    assert_eq!(stored.deadline, before, "nothing saved");

    // A need whose deadline passed while it was stored can still be edited.
    let path = dir.path().join("old.json");
    std::fs::write(
        &path,
        r#"{"format":"kompis-bundle","version":1,"needs":[{"id":"n-90","title":"Gammelt behov","kind":"expertise","deadline":"2025-06-30"}]}"#,
    )
    .unwrap();
    api::import_bundle_file(&cat, &path).unwrap();
    let mut old = api::get_entry(&cat, Side::Need, "n-90".into()).unwrap();
    old.title = "Gammelt behov, fortsatt uløst".into();
    let saved = api::save_entry(&cat, Side::Need, old).unwrap();
    assert_eq!(saved.deadline.unwrap().to_string(), "2025-06-30");
}

/// Every reason is a sentence in bokmål and in English that says which
/// words are the need's and which the offer's, from either page.
#[test]
fn reasons_are_sentences_in_both_languages_from_either_side() {
    let (_dir, cat) = demo();
    let nb_forms = ["Begge handler om ", "Begge nevner ", "Beslektede ord: "];
    let en_forms = ["Both are about ", "Both mention ", "Related words: "];
    let check = |nb: &[String], en: &[String]| {
        assert_eq!(nb.len(), en.len());
        assert!(!nb.is_empty());
        for (n, e) in nb.iter().zip(en) {
            assert!(nb_forms.iter().any(|f| n.starts_with(f)), "{n}");
            assert!(en_forms.iter().any(|f| e.starts_with(f)), "{e}");
            assert!(!n.contains('↔') && !n.contains('…'), "{n}");
            if !n.starts_with("Begge nevner") {
                assert!(
                    n.contains(" i behovet, ") && n.ends_with(" i tilbudet"),
                    "{n}"
                );
                assert!(
                    e.contains(" in the need, ") && e.ends_with(" in the offer"),
                    "{e}"
                );
            }
        }
    };
    let matches = api::matches_for_need(&cat, "n-02".into(), Some(3)).unwrap();
    assert!(!matches.is_empty());
    for m in &matches {
        check(&m.reasons, &m.reasons_en);
    }
    let offer = matches[0].offer.id.clone();
    let needs = api::needs_for_offer(&cat, offer, Some(3)).unwrap();
    assert!(!needs.is_empty());
    for n in &needs {
        check(&n.reasons, &n.reasons_en);
        // The words said to be the need's are words of the need's text.
        let text = format!(
            "{} {}",
            n.need.title,
            n.need.description.as_deref().unwrap_or("")
        )
        .to_lowercase();
        for r in n.reasons.iter().filter(|r| r.contains(" i behovet, ")) {
            let need_part = r
                .split(": ")
                .nth(1)
                .unwrap()
                .split(" i behovet")
                .next()
                .unwrap();
            let first = need_part
                .split('«')
                .nth(1)
                .unwrap()
                .split('»')
                .next()
                .unwrap();
            let word = first.split(' ').next().unwrap();
            assert!(
                text.contains(word),
                "«{word}» of {r:?} is not in the need: {text}"
            );
        }
    }
}

/// The match sheet words its reasons in the sheet's language.
#[test]
fn the_sheet_gives_the_reasons_in_its_own_language() {
    use kompis_core::api::wire::{SheetFormat, SheetLang, SheetRequest, SheetScope};
    let (dir, cat) = demo();
    let read = |lang: SheetLang| {
        let path = dir.path().join(format!("{lang:?}.csv"));
        let request = SheetRequest {
            format: SheetFormat::Csv,
            separator: None,
            layout: None,
            scope: SheetScope::All,
            lang,
        };
        api::export_sheet_file(&cat, &request, &path).unwrap();
        std::fs::read_to_string(path).unwrap()
    };
    let nb = read(SheetLang::Nb);
    let en = read(SheetLang::En);
    assert!(nb.contains(" i behovet, ") && !nb.contains(" in the need, "));
    assert!(en.contains(" in the need, ") && !en.contains(" i behovet, "));
    assert!(!nb.contains('↔') && !en.contains('↔'));
}

/// A pair has one score and one set of reasons, whichever page it is seen from.
#[test]
fn a_pair_scores_the_same_from_the_need_and_from_the_offer() {
    let (_dir, cat) = demo();
    let mut seen = 0;
    for i in 1..=12 {
        let need = format!("n-{i:02}");
        for m in api::matches_for_need(&cat, need.clone(), Some(3)).unwrap() {
            let from_offer = api::needs_for_offer(&cat, m.offer.id.clone(), Some(50)).unwrap();
            let Some(n) = from_offer.iter().find(|n| n.need.id == need) else {
                continue;
            };
            assert_eq!(n.score, m.score, "{need} ↔ {}", m.offer.id);
            assert_eq!(n.reasons, m.reasons, "{need} ↔ {}", m.offer.id);
            seen += 1;
        }
    }
    assert!(seen >= 20, "only {seen} pairs were seen from both sides");
}

/// A sheet shows a need's best five offers that are not declined, each
/// with its reasons: a decline brings the sixth in, worded like the rest.
#[test]
fn after_a_decline_the_sheet_shows_the_next_offer_with_its_reasons() {
    use kompis_core::api::wire::{SheetFormat, SheetLang, SheetRequest, SheetScope};
    let (dir, cat) = demo();
    let ranked = api::matches_for_need(&cat, "n-01".into(), Some(10)).unwrap();
    assert!(ranked.len() >= 6, "n-01 has {} offers", ranked.len());
    let (first, sixth) = (ranked[0].offer.id.clone(), ranked[5].offer.id.clone());
    let rows = |name: &str| {
        let path = dir.path().join(name);
        let request = SheetRequest {
            format: SheetFormat::Csv,
            separator: None,
            layout: None,
            scope: SheetScope::All,
            lang: SheetLang::Nb,
        };
        api::export_sheet_file(&cat, &request, &path).unwrap();
        let text = std::fs::read_to_string(path).unwrap();
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(b';')
            .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
        let head = reader.headers().unwrap().clone();
        let col = |h: &str| head.iter().position(|x| x == h).unwrap();
        let (need, offer, status) = (col("Behov-ID"), col("Tilbud-ID"), col("Status"));
        let why = col("Hvorfor");
        reader
            .records()
            .map(Result::unwrap)
            .filter(|r| &r[need] == "n-01")
            .map(|r| {
                (
                    r[offer].to_string(),
                    r[status].to_string(),
                    r[why].to_string(),
                )
            })
            .collect::<Vec<_>>()
    };
    let before = rows("before.csv");
    assert!(before.iter().any(|r| r.0 == first));
    assert!(!before.iter().any(|r| r.0 == sixth), "{before:?}");
    let mut decline = change("n-01", &first, MatchStatus::Declined);
    decline.reason = Some(DeclineReason::NotRelevant);
    api::set_match_status(&cat, decline).unwrap();
    let after = rows("after.csv");
    let shown: Vec<&(String, String, String)> = after.iter().filter(|r| r.1 != "Avslått").collect();
    assert_eq!(shown.len(), 5, "{after:?}");
    assert!(!shown.iter().any(|r| r.0 == first), "{after:?}");
    let next = shown
        .iter()
        .find(|r| r.0 == sixth)
        .expect("the sixth comes in");
    assert!(
        next.2.starts_with("Begge "),
        "worded like the rest: {next:?}"
    );
    for r in &shown {
        assert!(!r.2.is_empty(), "every shown offer says why: {r:?}");
    }
}
