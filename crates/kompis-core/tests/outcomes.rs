//! Outcomes of agreed matches, the follow-up list and the insight figures,
//! on a real store in a temp folder with a small hand-built catalogue
//! (times of the history set through a bundle import).

use chrono::{Duration, Local, Utc};
use kompis_core::api;
use kompis_core::api::wire::{IpcError, OutcomeRequest, StatusChange};
use kompis_core::model::{MatchStatus, OutcomeKind, Problem, ThesisLevel};
use kompis_core::Catalogue;
use serde_json::{json, Value};

/// An RFC 3339 time `days` days before now.
fn ago(days: i64) -> String {
    (Utc::now() - Duration::days(days)).to_rfc3339()
}

fn agreed_event(at: &str) -> Value {
    json!({ "status": "agreed", "at": at })
}

/// Five organisations in three of the region's municipalities and Oslo;
/// needs and offers on lean, welding and accounting; no matches yet.
fn catalogue_bundle(matches: Vec<Value>) -> Value {
    json!({
        "format": "kompis-bundle",
        "version": 1,
        "organisations": [
            { "id": "org-a", "name": "Alfa Mekaniske AS", "kind": "company", "municipality": "Elverum", "member": true, "in_report": true },
            { "id": "org-b", "name": "Beta Sag AS", "kind": "company", "municipality": "Trysil", "member": true, "in_report": true },
            { "id": "org-c", "name": "Høgskolen på Campus", "kind": "university", "municipality": "Elverum" },
            { "id": "org-d", "name": "Delta kommune", "kind": "public", "municipality": "Åmot", "member": true },
            { "id": "org-e", "name": "Epsilon Regnskap AS", "kind": "company", "municipality": "Oslo", "member": true, "in_report": true }
        ],
        "needs": [
            { "id": "n-1", "title": "Innføre lean i produksjonen", "kind": "expertise", "organisation": "org-a",
              "description": "Vi vil innføre lean og kontinuerlig forbedring i produksjonen.", "keywords": ["lean"],
              "created_at": "2025-01-10T10:00:00Z" },
            { "id": "n-2", "title": "Sveising av aluminium", "kind": "training", "organisation": "org-b",
              "description": "Kurs i sveising av aluminium for operatørene.", "keywords": ["sveising"],
              "created_at": "2025-04-02T10:00:00Z" },
            { "id": "n-3", "title": "Lean i kommunal drift", "kind": "experience", "organisation": "org-d",
              "description": "Erfaringer med lean og kontinuerlig forbedring i tjenestene.", "keywords": ["lean"],
              "created_at": "2025-07-01T10:00:00Z" },
            { "id": "n-4", "title": "Masteroppgave om sveising", "kind": "student_project", "organisation": "org-a",
              "description": "Sveising av tynne plater.", "keywords": ["sveising"],
              "created_at": "2025-08-01T10:00:00Z", "active": false }
        ],
        "offers": [
            { "id": "o-1", "title": "Lean og kontinuerlig forbedring", "kind": "expertise", "organisation": "org-c",
              "description": "Vi hjelper bedrifter med lean, tavlemøter og kontinuerlig forbedring i produksjonen.", "keywords": ["lean"],
              "created_at": "2025-01-05T10:00:00Z" },
            { "id": "o-2", "title": "Lean-reisen vår", "kind": "experience", "organisation": "org-b",
              "description": "Vi deler erfaringer fra lean og kontinuerlig forbedring.", "keywords": ["lean"],
              "created_at": "2025-02-05T10:00:00Z" },
            { "id": "o-3", "title": "Regnskap for små bedrifter", "kind": "expertise", "organisation": "org-e",
              "description": "Regnskap, årsregnskap og bokføring.", "keywords": ["regnskap"],
              "created_at": "2025-03-05T10:00:00Z" },
            { "id": "o-4", "title": "Ledig stilling som regnskapsfører", "kind": "position", "organisation": "org-e",
              "description": "Regnskapsfører søkes.", "keywords": ["regnskap"],
              "created_at": "2025-03-06T10:00:00Z" }
        ],
        "matches": matches
    })
}

fn open(bundle: &Value) -> (tempfile::TempDir, Catalogue) {
    let dir = tempfile::tempdir().unwrap();
    let cat = Catalogue::open(&dir.path().join("db")).unwrap();
    let file = dir.path().join("bundle.json");
    std::fs::write(&file, serde_json::to_string_pretty(bundle).unwrap()).unwrap();
    api::import_bundle_file(&cat, &file).unwrap();
    (dir, cat)
}

fn outcome(need: &str, offer: &str, kind: OutcomeKind) -> OutcomeRequest {
    OutcomeRequest {
        need: need.into(),
        offer: offer.into(),
        kind,
        date: None,
        note: None,
        level: None,
    }
}

fn status(need: &str, offer: &str, status: MatchStatus) -> StatusChange {
    StatusChange {
        need: need.into(),
        offer: offer.into(),
        status,
        reason: None,
        note: None,
    }
}

#[test]
fn an_outcome_is_refused_unless_the_match_is_agreed() {
    let (_dir, cat) = open(&catalogue_bundle(vec![json!({
        "need": "n-1", "offer": "o-1", "status": "contacted", "updated_at": ago(3)
    })]));
    let err =
        api::record_outcome(&cat, outcome("n-1", "o-1", OutcomeKind::MeetingHeld)).unwrap_err();
    assert!(
        err.to_string()
            .contains("an outcome can only be recorded on an agreed match; this one is contacted"),
        "{err}"
    );
    let ipc = IpcError::from(err);
    assert_eq!(ipc.code, "invalid");
    assert_eq!(ipc.field.as_deref(), Some("status"));
    assert_eq!(
        ipc.problem.as_deref(),
        Some(&Problem::NotAgreed {
            status: MatchStatus::Contacted
        })
    );
    // A pair nobody took a step on is "suggested".
    let err = api::record_outcome(&cat, outcome("n-1", "o-2", OutcomeKind::Hire)).unwrap_err();
    assert!(err.to_string().contains("this one is suggested"), "{err}");
    // Nothing was written.
    let bundle = cat.export().unwrap();
    assert!(bundle.matches.iter().all(|m| m.outcomes.is_empty()));
    assert_eq!(bundle.matches.len(), 1);
    // Unknown ends are named.
    let err = api::record_outcome(&cat, outcome("n-9", "o-1", OutcomeKind::Hire)).unwrap_err();
    assert_eq!(err.code(), "not_found", "{err}");
}

#[test]
fn several_outcomes_are_flushed_and_kept_by_status_changes_and_reranking() {
    let (dir, cat) = open(&catalogue_bundle(vec![]));
    api::set_match_status(&cat, status("n-1", "o-1", MatchStatus::Agreed)).unwrap();
    let today = Local::now().date_naive();
    let first = api::record_outcome(&cat, outcome("n-1", "o-1", OutcomeKind::MeetingHeld)).unwrap();
    assert_eq!(first.outcomes.len(), 1);
    assert_eq!(first.outcomes[0].date, today, "the date defaults to today");
    let second = api::record_outcome(
        &cat,
        OutcomeRequest {
            date: Some("2025-06-30".into()),
            note: Some("  Masteroppgave om tavlemøter  ".into()),
            level: Some(ThesisLevel::Master),
            ..outcome("n-1", "o-1", OutcomeKind::ThesisStarted)
        },
    )
    .unwrap();
    assert_eq!(second.outcomes.len(), 2);
    let thesis = &second.outcomes[1];
    assert_eq!(thesis.kind, OutcomeKind::ThesisStarted);
    assert_eq!(thesis.date.to_string(), "2025-06-30");
    assert_eq!(thesis.note.as_deref(), Some("Masteroppgave om tavlemøter"));
    assert_eq!(thesis.level, Some(ThesisLevel::Master));
    // A level belongs to a thesis only.
    let third = api::record_outcome(
        &cat,
        OutcomeRequest {
            level: Some(ThesisLevel::Phd),
            ..outcome("n-1", "o-1", OutcomeKind::Hire)
        },
    )
    .unwrap();
    assert_eq!(third.outcomes[2].level, None);

    // A date after today, or no date at all, is refused.
    let tomorrow = (today + Duration::days(1)).to_string();
    let err = api::record_outcome(
        &cat,
        OutcomeRequest {
            date: Some(tomorrow.clone()),
            ..outcome("n-1", "o-1", OutcomeKind::Hire)
        },
    )
    .unwrap_err();
    assert!(
        err.to_string()
            .contains(&format!("the date {tomorrow} is in the future")),
        "{err}"
    );
    assert_eq!(err.field(), Some("date"));
    let err = api::record_outcome(
        &cat,
        OutcomeRequest {
            date: Some("30.06.2025".into()),
            ..outcome("n-1", "o-1", OutcomeKind::Hire)
        },
    )
    .unwrap_err();
    assert_eq!(err.field(), Some("date"), "{err}");

    // Flushed: a reopened store has all three.
    drop(cat);
    let cat = Catalogue::open(&dir.path().join("db")).unwrap();
    let kinds = |cat: &Catalogue| -> Vec<OutcomeKind> {
        cat.match_record("n-1", "o-1")
            .unwrap()
            .unwrap()
            .outcomes
            .iter()
            .map(|o| o.kind)
            .collect()
    };
    let all = vec![
        OutcomeKind::MeetingHeld,
        OutcomeKind::ThesisStarted,
        OutcomeKind::Hire,
    ];
    assert_eq!(kinds(&cat), all);

    // The match card shows them, ranking after ranking.
    for _ in 0..2 {
        let views = api::matches_for_need(&cat, "n-1".into(), None).unwrap();
        let view = views
            .iter()
            .find(|v| v.offer.id == "o-1")
            .expect("o-1 ranks for n-1");
        assert_eq!(view.status, Some(MatchStatus::Agreed));
        assert_eq!(
            view.outcomes.iter().map(|o| o.kind).collect::<Vec<_>>(),
            all
        );
        // A write (a new offer) drops the cached ranking.
        api::save_entry(
            &cat,
            api::wire::Side::Offer,
            serde_json::from_value(json!({ "id": "", "title": "Kontinuerlig forbedring", "kind": "training", "organisation": "org-e" })).unwrap(),
        )
        .unwrap();
    }

    // A note, a step back and agreeing again keep them.
    let mut noted = status("n-1", "o-1", MatchStatus::Agreed);
    noted.note = Some("Oppfølging i januar".into());
    api::set_match_status(&cat, noted).unwrap();
    let back = api::step_back_match(&cat, "n-1".into(), "o-1".into()).unwrap();
    assert_eq!(back.status, Some(MatchStatus::Suggested));
    assert_eq!(back.outcomes.len(), 3);
    let again = api::set_match_status(&cat, status("n-1", "o-1", MatchStatus::Agreed)).unwrap();
    assert_eq!(again.outcomes.len(), 3);
    assert_eq!(kinds(&cat), all);

    // One recorded by mistake is taken back; a position past the end is named.
    let fewer = api::remove_outcome(&cat, "n-1".into(), "o-1".into(), 1).unwrap();
    assert_eq!(
        fewer.outcomes.iter().map(|o| o.kind).collect::<Vec<_>>(),
        vec![OutcomeKind::MeetingHeld, OutcomeKind::Hire]
    );
    let err = api::remove_outcome(&cat, "n-1".into(), "o-1".into(), 2).unwrap_err();
    assert_eq!(err.code(), "not_found");
    assert!(
        err.to_string().contains("outcome 3 of match n-1→o-1"),
        "{err}"
    );
    let err = api::remove_outcome(&cat, "n-2".into(), "o-1".into(), 0).unwrap_err();
    assert_eq!(err.code(), "not_found");
    drop(cat);
    let cat = Catalogue::open(&dir.path().join("db")).unwrap();
    assert_eq!(
        kinds(&cat),
        vec![OutcomeKind::MeetingHeld, OutcomeKind::Hire]
    );
}

#[test]
fn outcomes_and_consent_round_trip_in_bundles() {
    let (dir, cat) = open(&catalogue_bundle(vec![json!({
        "need": "n-1", "offer": "o-1", "status": "agreed", "updated_at": ago(30),
        "history": [{ "status": "contacted", "at": ago(40) }, agreed_event(&ago(30))]
    })]));
    api::record_outcome(
        &cat,
        OutcomeRequest {
            date: Some("2025-05-01".into()),
            note: Some("Prosjekt i gang".into()),
            ..outcome("n-1", "o-1", OutcomeKind::ProjectStarted)
        },
    )
    .unwrap();
    api::record_outcome(
        &cat,
        OutcomeRequest {
            level: Some(ThesisLevel::Bachelor),
            ..outcome("n-1", "o-1", OutcomeKind::ThesisDelivered)
        },
    )
    .unwrap();
    let out = dir.path().join("export.json");
    api::export_bundle_file(&cat, &out).unwrap();
    let text = std::fs::read_to_string(&out).unwrap();
    let exported: Value = serde_json::from_str(&text).unwrap();
    let m = &exported["matches"][0];
    assert_eq!(m["outcomes"][0]["kind"], "project_started");
    assert_eq!(m["outcomes"][0]["date"], "2025-05-01");
    assert_eq!(m["outcomes"][0]["note"], "Prosjekt i gang");
    assert_eq!(m["outcomes"][1]["level"], "bachelor");
    assert!(m["outcomes"][1]["recorded_at"].is_string());
    assert_eq!(exported["organisations"][0]["in_report"], true);
    assert!(exported["organisations"][2].get("in_report").is_none());

    let dir2 = tempfile::tempdir().unwrap();
    let cat2 = Catalogue::open(dir2.path()).unwrap();
    api::import_bundle_file(&cat2, &out).unwrap();
    let a = cat.export().unwrap();
    let b = cat2.export().unwrap();
    assert_eq!(a.matches, b.matches);
    assert_eq!(a.organisations, b.organisations);
    assert_eq!(b.matches[0].outcomes.len(), 2);
    // The agreement keeps its time through the outcomes and the trip.
    assert_eq!(b.matches[0].agreed_at(), a.matches[0].agreed_at());
    assert_eq!(b.matches[0].history.len(), 2);

    // A bundle whose outcome is no outcome names the match and the field.
    let mut bad = exported.clone();
    bad["matches"][0]["outcomes"][0]["kind"] = "party".into();
    std::fs::write(&out, bad.to_string()).unwrap();
    let err = api::import_bundle_file(&cat2, &out)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("match n-1→o-1") && err.contains("outcomes[0].kind"),
        "{err}"
    );
}

/// Agreed pairs at several ages, with and without outcomes, taken back,
/// declined, written without a history, and with an end in the trash.
fn follow_up_bundle() -> Value {
    catalogue_bundle(vec![
        // Agreed 10 weeks ago.
        json!({ "need": "n-1", "offer": "o-1", "status": "agreed", "updated_at": ago(70),
                "history": [{ "status": "shortlisted", "at": ago(90) }, agreed_event(&ago(70))] }),
        // Agreed 3 weeks ago.
        json!({ "need": "n-2", "offer": "o-2", "status": "agreed", "updated_at": ago(21),
                "history": [agreed_event(&ago(21))] }),
        // Agreed 20 weeks ago, with an outcome.
        json!({ "need": "n-3", "offer": "o-2", "status": "agreed", "updated_at": ago(140),
                "history": [agreed_event(&ago(140))],
                "outcomes": [{ "kind": "meeting_held", "date": "2025-06-01", "recorded_at": ago(100) }] }),
        // Agreed 12 weeks ago, then taken back.
        json!({ "need": "n-3", "offer": "o-1", "status": "contacted", "updated_at": ago(80),
                "history": [{ "status": "contacted", "at": ago(90) }, agreed_event(&ago(84)),
                            { "status": "contacted", "at": ago(80), "undo": true }] }),
        // Agreed 30 weeks ago, then declined.
        json!({ "need": "n-2", "offer": "o-3", "status": "declined", "decline_reason": "bad_timing", "updated_at": ago(100),
                "history": [agreed_event(&ago(210)), { "status": "declined", "at": ago(100), "reason": "bad_timing" }] }),
        // An older tool's record: agreed 15 weeks ago, no history.
        json!({ "need": "n-1", "offer": "o-2", "status": "agreed", "updated_at": ago(105) }),
        // Agreed 40 weeks ago, its offer later moved to the trash.
        json!({ "need": "n-2", "offer": "o-4", "status": "agreed", "updated_at": ago(280),
                "history": [agreed_event(&ago(280))] }),
    ])
}

#[test]
fn the_follow_up_list_has_agreed_matches_without_outcome_oldest_first() {
    let (_dir, cat) = open(&follow_up_bundle());
    api::delete_entity(&cat, kompis_core::model::EntityKind::Offer, "o-4".into()).unwrap();
    let pairs = |weeks: u32| -> Vec<(String, String, u32)> {
        api::follow_ups(&cat, weeks)
            .unwrap()
            .into_iter()
            .map(|f| (f.need, f.offer, f.weeks))
            .collect()
    };
    let p = |n: &str, o: &str, w: u32| (n.to_string(), o.to_string(), w);
    assert_eq!(pairs(8), vec![p("n-1", "o-2", 15), p("n-1", "o-1", 10)]);
    assert_eq!(pairs(10), vec![p("n-1", "o-2", 15), p("n-1", "o-1", 10)]);
    assert_eq!(pairs(11), vec![p("n-1", "o-2", 15)]);
    assert_eq!(
        pairs(0),
        vec![p("n-1", "o-2", 15), p("n-1", "o-1", 10), p("n-2", "o-2", 3)]
    );
    assert!(pairs(16).is_empty());

    let list = api::follow_ups(&cat, 0).unwrap();
    let f = &list[1];
    assert_eq!(f.need_title, "Innføre lean i produksjonen");
    assert_eq!(f.offer_title, "Lean og kontinuerlig forbedring");
    assert_eq!(f.need_organisation.as_deref(), Some("Alfa Mekaniske AS"));
    assert_eq!(f.offer_organisation.as_deref(), Some("Høgskolen på Campus"));
    let agreed = (Local::now() - Duration::days(70)).date_naive().to_string();
    assert_eq!(f.agreed_at, agreed);

    // An outcome takes a pair off the list; taking it back puts it on again.
    api::record_outcome(&cat, outcome("n-1", "o-2", OutcomeKind::NoResult)).unwrap();
    assert_eq!(pairs(8), vec![p("n-1", "o-1", 10)]);
    api::remove_outcome(&cat, "n-1".into(), "o-2".into(), 0).unwrap();
    assert_eq!(pairs(8), vec![p("n-1", "o-2", 15), p("n-1", "o-1", 10)]);
    // Agreeing again starts the weeks again.
    api::step_back_match(&cat, "n-1".into(), "o-1".into()).unwrap();
    assert_eq!(pairs(8), vec![p("n-1", "o-2", 15)]);
    api::set_match_status(&cat, status("n-1", "o-1", MatchStatus::Agreed)).unwrap();
    assert_eq!(pairs(0)[2], p("n-1", "o-1", 0));
}

/// A status change at noon UTC on a day of 2025 (or 2024).
fn on(status: &str, day: &str) -> Value {
    json!({ "status": status, "at": format!("{day}T12:00:00Z") })
}

fn done(kind: &str, day: &str) -> Value {
    json!({ "kind": kind, "date": day, "recorded_at": format!("{day}T15:00:00Z") })
}

/// Pairs through 2024–2025: two agreed in the first half of 2025, two in
/// the second; a decline, and a decline taken back.
fn insight_bundle() -> Value {
    catalogue_bundle(vec![
        json!({ "need": "n-1", "offer": "o-1", "status": "agreed", "updated_at": "2025-03-01T12:00:00Z",
                "history": [on("shortlisted", "2025-02-01"), on("contacted", "2025-02-10"), on("agreed", "2025-03-01")],
                "outcomes": [done("meeting_held", "2025-03-15"),
                             { "kind": "thesis_started", "date": "2025-09-01", "level": "master", "recorded_at": "2025-09-02T08:00:00Z" },
                             done("project_started", "2025-10-10")] }),
        json!({ "need": "n-2", "offer": "o-2", "status": "declined", "decline_reason": "no_capacity", "updated_at": "2025-05-20T12:00:00Z",
                "history": [on("contacted", "2025-05-01"),
                            { "status": "declined", "at": "2025-05-20T12:00:00Z", "reason": "no_capacity" }] }),
        json!({ "need": "n-3", "offer": "o-2", "status": "agreed", "updated_at": "2025-08-01T12:00:00Z",
                "history": [on("agreed", "2025-08-01")],
                "outcomes": [done("hire", "2025-12-01")] }),
        json!({ "need": "n-3", "offer": "o-1", "status": "shortlisted", "updated_at": "2025-07-21T12:00:00Z",
                "history": [on("shortlisted", "2025-07-10"),
                            { "status": "declined", "at": "2025-07-20T12:00:00Z", "reason": "not_relevant" },
                            { "status": "shortlisted", "at": "2025-07-21T12:00:00Z", "undo": true }] }),
        json!({ "need": "n-2", "offer": "o-3", "status": "agreed", "updated_at": "2025-04-15T12:00:00Z",
                "history": [on("contacted", "2024-11-01"), on("agreed", "2025-04-15")],
                "outcomes": [{ "kind": "thesis_delivered", "date": "2025-06-20", "level": "bachelor", "recorded_at": "2025-06-21T08:00:00Z" }] }),
        json!({ "need": "n-1", "offer": "o-2", "status": "agreed", "updated_at": "2025-11-01T12:00:00Z",
                "history": [on("agreed", "2025-11-01")] }),
    ])
}

fn query(
    from: Option<&str>,
    to: Option<&str>,
    municipality: Option<&str>,
) -> api::wire::InsightQuery {
    api::wire::InsightQuery {
        from: from.map(str::to_string),
        to: to.map(str::to_string),
        municipality: municipality.map(str::to_string),
    }
}

fn status_count(i: &kompis_core::model::insight::Insight, status: MatchStatus) -> u32 {
    i.funnel.iter().find(|s| s.status == status).unwrap().count
}

fn outcome_count(i: &kompis_core::model::insight::Insight, kind: OutcomeKind) -> u32 {
    i.outcomes.iter().find(|o| o.kind == kind).unwrap().count
}

#[test]
fn insight_counts_the_whole_catalogue() {
    let (_dir, cat) = open(&insight_bundle());
    let i = api::insight(&cat, query(None, None, None)).unwrap();
    let today = Local::now().date_naive();
    // The period: from the earliest event (a contact in November 2024) to today.
    assert_eq!(i.from, "2024-11-01");
    assert_eq!(i.to, today.to_string());
    assert_eq!(i.municipality, None);

    let k = &i.key;
    assert_eq!((k.organisations, k.members), (5, 4));
    assert_eq!((k.needs, k.offers), (3, 4), "the inactive need is left out");
    assert_eq!(k.agreed, 4);
    assert_eq!(k.outcomes, 5);
    assert_eq!(k.student_projects, 1);
    assert_eq!(k.open_vacancies, 1);

    let kinds: Vec<(u32, u32)> = i.by_kind.iter().map(|c| (c.needs, c.offers)).collect();
    // expertise, experience, student_project, training, facility, position
    assert_eq!(kinds, vec![(1, 2), (1, 1), (0, 0), (1, 0), (0, 0), (0, 1)]);

    let places: Vec<(&str, u32, u32, u32)> = i
        .by_municipality
        .iter()
        .map(|p| (p.municipality.as_str(), p.organisations, p.needs, p.offers))
        .collect();
    assert_eq!(
        places,
        vec![
            ("Elverum", 2, 1, 1),
            ("Åmot", 1, 1, 0),
            ("Stor-Elvdal", 0, 0, 0),
            ("Engerdal", 0, 0, 0),
            ("Trysil", 1, 1, 1),
            ("Våler", 0, 0, 0),
            ("Oslo", 1, 0, 2),
        ]
    );

    // Themes: lean is asked by two needs of two organisations and served
    // by two offers; welding (metall) by one need and no offer.
    let theme = |id: &str| i.themes.iter().find(|t| t.concept == id).cloned();
    let lean = theme("lean").expect("lean is a theme");
    assert_eq!(
        (lean.label.as_str(), lean.needs, lean.askers, lean.offers),
        ("Lean", 2, 2, 2)
    );
    let metal = theme("metall").expect("welding is a theme");
    assert_eq!((metal.needs, metal.askers, metal.offers), (1, 1, 0));
    assert!(theme("regnskap").is_none(), "no need asks for accounting");
    assert!(i.themes.len() <= 15);
    assert!(i.themes.windows(2).all(|w| w[0].needs >= w[1].needs));
    assert!(i
        .gaps
        .iter()
        .any(|g| g.concept == "metall" && g.askers == 1));
    assert!(i.gaps.iter().all(|g| g.offers == 0 && g.needs > 0));
    assert!(!i.gaps.iter().any(|g| g.concept == "lean"));

    // The funnel: every pair the ranking suggests and every pair with a status.
    let mut suggested: std::collections::HashSet<(String, String)> =
        api::rank_needs(&cat, None, 10)
            .unwrap()
            .into_iter()
            .filter(|n| n.need != "n-4")
            .flat_map(|n| {
                let need = n.need.clone();
                n.matches.into_iter().map(move |m| (need.clone(), m.offer))
            })
            .collect();
    for m in cat.export().unwrap().matches {
        suggested.insert((m.need, m.offer));
    }
    assert_eq!(
        status_count(&i, MatchStatus::Suggested),
        suggested.len() as u32
    );
    assert!(suggested.len() >= 6);
    assert_eq!(status_count(&i, MatchStatus::Shortlisted), 2);
    assert_eq!(status_count(&i, MatchStatus::Contacted), 3);
    assert_eq!(status_count(&i, MatchStatus::Agreed), 4);
    assert_eq!(
        status_count(&i, MatchStatus::Declined),
        1,
        "a decline taken back is not counted"
    );
    let reasons: Vec<_> = i
        .decline_reasons
        .iter()
        .map(|r| (r.reason, r.count))
        .collect();
    assert_eq!(
        reasons,
        vec![(kompis_core::model::DeclineReason::NoCapacity, 1)]
    );

    // Outcomes by kind and quarter, theses by level.
    assert_eq!(i.outcomes.len(), 9, "every kind, in order");
    assert_eq!(outcome_count(&i, OutcomeKind::MeetingHeld), 1);
    assert_eq!(outcome_count(&i, OutcomeKind::Hire), 1);
    assert_eq!(outcome_count(&i, OutcomeKind::Internship), 0);
    let quarters: Vec<&str> = i
        .outcomes_by_quarter
        .iter()
        .map(|q| q.quarter.as_str())
        .collect();
    assert_eq!(&quarters[..3], &["2024-Q4", "2025-Q1", "2025-Q2"]);
    let last = today.format("%Y").to_string()
        + &format!("-Q{}", (chrono::Datelike::month0(&today) / 3) + 1);
    assert_eq!(quarters.last().copied(), Some(last.as_str()));
    assert!(quarters.windows(2).all(|w| w[0] < w[1]), "{quarters:?}");
    let q4: Vec<_> = i.outcomes_by_quarter[4]
        .outcomes
        .iter()
        .map(|o| (o.kind, o.count))
        .collect();
    assert_eq!(i.outcomes_by_quarter[4].quarter, "2025-Q4");
    assert_eq!(
        q4,
        vec![(OutcomeKind::ProjectStarted, 1), (OutcomeKind::Hire, 1)]
    );
    assert!(
        i.outcomes_by_quarter[0].outcomes.is_empty(),
        "empty quarters are listed"
    );
    let levels: Vec<_> = i.theses.iter().map(|l| (l.level, l.count)).collect();
    assert_eq!(
        levels,
        vec![
            (Some(ThesisLevel::Bachelor), 1),
            (Some(ThesisLevel::Master), 1),
            (Some(ThesisLevel::Phd), 0)
        ]
    );

    // Who gives and who only asks.
    let givers: Vec<_> = i
        .givers
        .iter()
        .map(|g| (g.organisation.as_str(), g.offers, g.needs))
        .collect();
    assert_eq!(
        givers,
        vec![("org-e", 2, 0), ("org-b", 1, 1), ("org-c", 1, 0)]
    );
    let askers: Vec<_> = i
        .askers
        .iter()
        .map(|g| (g.name.as_str(), g.needs))
        .collect();
    assert_eq!(askers, vec![("Alfa Mekaniske AS", 1), ("Delta kommune", 1)]);

    // Collaborations: agreed, both organisations allow it; newest first.
    let named: Vec<_> = i
        .collaborations
        .iter()
        .map(|c| (c.need.as_str(), c.offer.as_str(), c.agreed_at.as_str()))
        .collect();
    assert_eq!(
        named,
        vec![("n-1", "o-2", "2025-11-01"), ("n-2", "o-3", "2025-04-15")]
    );
    let c = &i.collaborations[1];
    assert_eq!(c.need_title, "Sveising av aluminium");
    assert_eq!(c.offer_title, "Regnskap for små bedrifter");
    assert_eq!(
        (c.need_organisation.as_str(), c.offer_organisation.as_str()),
        ("Beta Sag AS", "Epsilon Regnskap AS")
    );
    assert_eq!(c.outcomes, vec![OutcomeKind::ThesisDelivered]);
}

#[test]
fn insight_counts_a_period() {
    let (_dir, cat) = open(&insight_bundle());
    let i = api::insight(&cat, query(Some("2025-01-01"), Some("2025-06-30"), None)).unwrap();
    assert_eq!(
        (i.from.as_str(), i.to.as_str()),
        ("2025-01-01", "2025-06-30")
    );
    // Entries there by the end of June: the need of July is not.
    assert_eq!((i.key.needs, i.key.offers), (2, 4));
    assert_eq!(status_count(&i, MatchStatus::Shortlisted), 1);
    assert_eq!(
        status_count(&i, MatchStatus::Contacted),
        2,
        "the contact of 2024 is before"
    );
    assert_eq!(status_count(&i, MatchStatus::Agreed), 2);
    assert_eq!(status_count(&i, MatchStatus::Declined), 1);
    assert_eq!(i.key.agreed, 2);
    assert_eq!(i.key.outcomes, 2);
    assert_eq!(i.key.student_projects, 0, "the thesis started in September");
    assert_eq!(outcome_count(&i, OutcomeKind::MeetingHeld), 1);
    assert_eq!(outcome_count(&i, OutcomeKind::ThesisDelivered), 1);
    assert_eq!(outcome_count(&i, OutcomeKind::Hire), 0);
    let quarters: Vec<_> = i
        .outcomes_by_quarter
        .iter()
        .map(|q| {
            (
                q.quarter.as_str(),
                q.outcomes
                    .iter()
                    .map(|o| (o.kind, o.count))
                    .collect::<Vec<_>>(),
            )
        })
        .collect();
    assert_eq!(
        quarters,
        vec![
            ("2025-Q1", vec![(OutcomeKind::MeetingHeld, 1)]),
            ("2025-Q2", vec![(OutcomeKind::ThesisDelivered, 1)]),
        ]
    );
    assert_eq!(
        i.theses.iter().map(|l| l.count).collect::<Vec<_>>(),
        vec![1, 0, 0]
    );
    // Agreed in the period, both named: n-2→o-3 (n-1→o-2 came in November).
    let named: Vec<_> = i.collaborations.iter().map(|c| c.need.as_str()).collect();
    assert_eq!(named, vec!["n-2"]);
    // The later half: the hire and the thesis, the agreements of August and November.
    let h2 = api::insight(&cat, query(Some("2025-07-01"), Some("2025-12-31"), None)).unwrap();
    assert_eq!(h2.key.needs, 3);
    assert_eq!(h2.key.agreed, 2);
    assert_eq!(h2.key.outcomes, 3);
    assert_eq!(h2.key.student_projects, 1);
    assert_eq!(
        status_count(&h2, MatchStatus::Declined),
        0,
        "the decline of July was taken back"
    );
    assert_eq!(status_count(&h2, MatchStatus::Shortlisted), 1);
    // A collaboration agreed before the period shows with an outcome in it.
    let named: Vec<_> = h2
        .collaborations
        .iter()
        .map(|c| (c.need.as_str(), c.offer.as_str()))
        .collect();
    assert_eq!(named, vec![("n-1", "o-2")]);
    // Nothing before the first entry.
    let early = api::insight(&cat, query(Some("2020-01-01"), Some("2024-06-30"), None)).unwrap();
    assert_eq!(
        (early.key.needs, early.key.offers, early.key.agreed),
        (0, 0, 0)
    );
    assert_eq!(early.outcomes_by_quarter.len(), 18);
    assert!(early.themes.is_empty());
    // A period that ends before it starts, or a day that is none, is refused.
    let err = api::insight(&cat, query(Some("2025-07-01"), Some("2025-06-30"), None)).unwrap_err();
    assert_eq!(err.field(), Some("from"), "{err}");
    let err = api::insight(&cat, query(Some("1.7.2025"), None, None)).unwrap_err();
    assert_eq!(err.field(), Some("from"), "{err}");
}

#[test]
fn insight_counts_one_municipality() {
    let (_dir, cat) = open(&insight_bundle());
    for name in ["Elverum", "elverum ", "ELVERUM"] {
        let i = api::insight(&cat, query(None, None, Some(name))).unwrap();
        let k = &i.key;
        assert_eq!((k.organisations, k.members), (2, 1), "{name}");
        assert_eq!((k.needs, k.offers), (1, 1));
        // Pairs whose need is Elverum's: n-1→o-1 and n-1→o-2.
        assert_eq!(k.agreed, 2);
        assert_eq!(status_count(&i, MatchStatus::Contacted), 1);
        assert_eq!(status_count(&i, MatchStatus::Declined), 0);
        assert_eq!(k.outcomes, 3);
        assert_eq!(k.open_vacancies, 0, "the vacancy is in Oslo");
        let elverum = &i.by_municipality[0];
        assert_eq!(
            (elverum.organisations, elverum.needs, elverum.offers),
            (2, 1, 1)
        );
        assert!(i.by_municipality[1..]
            .iter()
            .all(|p| p.organisations + p.needs + p.offers == 0));
        assert_eq!(i.by_municipality.len(), 6, "no other municipality");
        let lean = i.themes.iter().find(|t| t.concept == "lean").unwrap();
        assert_eq!((lean.needs, lean.askers, lean.offers), (1, 1, 1));
        assert!(
            !i.themes.iter().any(|t| t.concept == "metall"),
            "welding is Trysil's"
        );
        assert_eq!(
            i.givers
                .iter()
                .map(|g| g.organisation.as_str())
                .collect::<Vec<_>>(),
            vec!["org-c"]
        );
        assert_eq!(
            i.askers
                .iter()
                .map(|g| g.organisation.as_str())
                .collect::<Vec<_>>(),
            vec!["org-a"]
        );
        assert_eq!(i.collaborations.len(), 1);
        assert_eq!(
            i.from, "2025-01-05",
            "the earliest of Elverum's entries and events"
        );
    }
    let trysil = api::insight(&cat, query(None, None, Some("Trysil"))).unwrap();
    assert_eq!(trysil.key.agreed, 1, "n-2→o-3");
    assert_eq!(status_count(&trysil, MatchStatus::Declined), 1);
    assert!(trysil.gaps.iter().any(|g| g.concept == "metall"));
    let nowhere = api::insight(&cat, query(None, None, Some("Hamar"))).unwrap();
    assert_eq!(
        (
            nowhere.key.organisations,
            nowhere.key.needs,
            nowhere.key.agreed
        ),
        (0, 0, 0)
    );
    assert_eq!(status_count(&nowhere, MatchStatus::Suggested), 0);
    assert_eq!(
        nowhere.outcomes_by_quarter.len(),
        1,
        "a period of one day: today's quarter"
    );
}

#[test]
fn insight_follows_writes_and_thesaurus_edits() {
    let (_dir, cat) = open(&insight_bundle());
    let before = api::insight(&cat, query(None, None, None)).unwrap();
    api::record_outcome(&cat, outcome("n-1", "o-2", OutcomeKind::FundingApplication)).unwrap();
    let after = api::insight(&cat, query(None, None, None)).unwrap();
    assert_eq!(after.key.outcomes, before.key.outcomes + 1);
    assert_eq!(outcome_count(&after, OutcomeKind::FundingApplication), 1);
    // A new offer on welding closes the gap.
    api::save_entry(
        &cat,
        api::wire::Side::Offer,
        serde_json::from_value(
            json!({ "id": "", "title": "Sveisekurs for aluminium", "kind": "training",
            "organisation": "org-c", "description": "Sveising av aluminium og stål." }),
        )
        .unwrap(),
    )
    .unwrap();
    let closed = api::insight(&cat, query(None, None, None)).unwrap();
    assert!(!closed.gaps.iter().any(|g| g.concept == "metall"));
    let metal = closed
        .themes
        .iter()
        .find(|t| t.concept == "metall")
        .unwrap();
    assert_eq!(metal.offers, 1);
    // A term added to a group is heard at once.
    api::edit_thesaurus(
        &cat,
        api::wire::ThesaurusEdit::AddTerm {
            group: "regnskap".into(),
            term: "operatørene".into(),
        },
    )
    .unwrap();
    let edited = api::insight(&cat, query(None, None, None)).unwrap();
    let accounts = edited
        .themes
        .iter()
        .find(|t| t.concept == "regnskap")
        .expect("n-2 now asks for it");
    assert_eq!((accounts.needs, accounts.offers), (1, 2));
}
