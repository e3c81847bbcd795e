//! The job market against a real sled store in a temp folder.
//!
//! Map: `deadline_*` (a vacancy closes by itself and is reopened),
//! `consent_*` (a job seeker is never stored without it), `erase_*` (gone
//! from the store, the trash and every export), `renew_*`, `bundle_*`
//! (vacancies and job seekers round-trip), `vacancy_rules_*`, `list_*`
//! (filters and the counts behind the map), `rank_*`.

use chrono::{Duration, Local, Utc};
use kompis_core::api::{self, wire::*, Catalogue};
use kompis_core::model::{Consent, EducationLevel, Problem};
use kompis_core::{Error, IpcError};

fn temp() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

/// A small network: two organisations, a consenting contact, four
/// vacancies (one past its deadline, one in Trysil) and an expertise offer.
fn network(cat: &Catalogue) {
    let yesterday = (Local::now().date_naive() - Duration::days(1)).to_string();
    let later = (Local::now().date_naive() + Duration::days(30)).to_string();
    let text = serde_json::json!({
        "format": "kompis-bundle", "version": 1,
        "organisations": [
            {"id": "org-grundset", "name": "Grundset Plateverk AS", "kind": "company", "municipality": "Elverum"},
            {"id": "org-trysil", "name": "Trysil Hyttebygg AS", "kind": "company", "municipality": "Trysil"}
        ],
        "people": [
            {"id": "p-trond", "name": "Trond Hagen", "organisation": "org-grundset", "role": "Produksjonssjef", "consent": true},
            {"id": "p-siri", "name": "Siri Haug", "organisation": "org-trysil", "role": "Prosjektleder", "consent": false}
        ],
        "offers": [
            {"id": "o-1", "title": "Sveiser med sertifikat", "kind": "position", "organisation": "org-grundset",
             "contact": "p-trond", "description": "Sveising av stål og aluminium, MIG/MAG. Fagbrev som sveiser.",
             "vacancy": {"field": "7", "education": "trade_certificate", "percent": 100, "permanent": true, "apply_by": later}},
            {"id": "o-2", "title": "Platearbeider, sommervikar", "kind": "position", "organisation": "org-grundset",
             "description": "Sveising og platearbeid i sommer.",
             "vacancy": {"field": "7", "percent": 100, "permanent": false, "apply_by": yesterday}},
            {"id": "o-3", "title": "Tømrer med fagbrev", "kind": "position", "organisation": "org-trysil",
             "contact": "p-siri", "description": "Hyttebygging i Trysil-fjellet.",
             "vacancy": {"field": "7", "education": "trade_certificate"}},
            {"id": "o-4", "title": "Regnskapsmedarbeider", "kind": "position", "organisation": "org-grundset",
             "description": "Bokføring og lønn.", "vacancy": {"field": "3", "education": "bachelor", "percent": 80}},
            {"id": "o-5", "title": "Sveisekurs for ansatte", "kind": "training", "organisation": "org-grundset"}
        ]
    });
    cat.import(&api::parse_bundle(&text.to_string()).unwrap())
        .unwrap();
}

fn seeker(name: &str) -> JobSeeker {
    JobSeeker {
        name: name.into(),
        consent: Consent {
            given: true,
            date: None,
            how: Some("muntlig i møte".into()),
        },
        education: Some("Fagbrev som sveiser".into()),
        education_level: Some(EducationLevel::TradeCertificate),
        experience: Some("Åtte år med sveising av stål og aluminium, MIG/MAG".into()),
        fields: vec!["7".into()],
        lives: Some("Rena".into()),
        max_commute: Some(45),
        languages: vec!["norsk".into()],
        ..JobSeeker::default()
    }
}

/// The PDF's text as pdftotext (poppler-utils) reads it.
fn pdf_text(pdf: &std::path::Path) -> String {
    let out = std::process::Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs (Debian: poppler-utils)");
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

fn ids(list: &VacancyList) -> Vec<&str> {
    list.rows.iter().map(|r| r.entry.id.as_str()).collect()
}

#[test]
fn deadline_closes_a_vacancy_and_reopen_brings_it_back() {
    let dir = temp();
    let cat = Catalogue::open(dir.path()).unwrap();
    network(&cat);
    let open = api::list_vacancies(&cat, VacancyQuery::default()).unwrap();
    assert!(
        !ids(&open).contains(&"o-2"),
        "past its deadline: {:?}",
        ids(&open)
    );
    assert_eq!((open.open, open.closed), (3, 1));
    let all = api::list_vacancies(
        &cat,
        VacancyQuery {
            include_closed: true,
            ..VacancyQuery::default()
        },
    )
    .unwrap();
    let closed = all.rows.iter().find(|r| r.entry.id == "o-2").expect("kept");
    assert!(closed.closed);
    assert_eq!(all.rows.last().unwrap().entry.id, "o-2", "closed ones last");
    // Not offered to a job seeker either.
    let s = api::save_seeker(&cat, seeker("Kari Sveen")).unwrap();
    let ranked = api::match_seeker(&cat, s.id.clone(), 10).unwrap();
    assert!(ranked.matches.iter().all(|m| m.offer != "o-2"));

    let e = api::reopen_vacancy(&cat, "o-2".into()).unwrap();
    let v = e.vacancy.unwrap();
    assert_eq!(v.apply_by, None);
    assert!(v.reopened_at.is_some());
    let open = api::list_vacancies(&cat, VacancyQuery::default()).unwrap();
    assert!(ids(&open).contains(&"o-2"));
    assert_eq!((open.open, open.closed), (4, 0));
    // Kept through a reopening of the store.
    drop(cat);
    let cat = Catalogue::open(dir.path()).unwrap();
    assert_eq!(
        api::list_vacancies(&cat, VacancyQuery::default())
            .unwrap()
            .open,
        4
    );
    // Only a vacancy can be reopened.
    let err = api::reopen_vacancy(&cat, "o-5".into()).unwrap_err();
    assert!(
        matches!(&err, Error::Invalid { problem, .. } if **problem == Problem::NotAVacancy),
        "{err}"
    );
}

#[test]
fn consent_is_required_and_nothing_is_stored_without_it() {
    let dir = temp();
    let cat = Catalogue::open(dir.path()).unwrap();
    let mut s = seeker("Uten Samtykke");
    s.consent.given = false;
    let err = api::save_seeker(&cat, s).unwrap_err();
    assert_eq!(
        err.to_string(),
        "job seeker: field `consent`: a job seeker is stored only with their consent; record that they agreed (and when) before saving"
    );
    let ipc = IpcError::from(err);
    assert_eq!(ipc.code, "invalid");
    assert_eq!(ipc.field.as_deref(), Some("consent"));
    assert_eq!(ipc.problem.as_deref(), Some(&Problem::NoConsent));
    assert!(api::list_seekers(&cat).unwrap().is_empty());
    assert!(api::export_bundle_file(&cat, &dir.path().join("b.json")).is_ok());
    let text = std::fs::read_to_string(dir.path().join("b.json")).unwrap();
    assert!(!text.contains("Samtykke"), "{text}");
    // Withdrawing consent on a stored seeker is refused too: erase instead.
    let stored = api::save_seeker(&cat, seeker("Kari Sveen")).unwrap();
    let mut withdrawn = stored.clone();
    withdrawn.consent.given = false;
    assert!(api::save_seeker(&cat, withdrawn).is_err());
    assert!(api::get_seeker(&cat, stored.id).unwrap().consent.given);
}

#[test]
fn consent_date_defaults_to_today_and_ids_count_up() {
    let dir = temp();
    let cat = Catalogue::open(dir.path()).unwrap();
    let a = api::save_seeker(&cat, seeker("A")).unwrap();
    let b = api::save_seeker(&cat, seeker("B")).unwrap();
    assert_eq!((a.id.as_str(), b.id.as_str()), ("js-01", "js-02"));
    assert_eq!(a.consent.date, Some(Local::now().date_naive()));
    assert!(a.created_at.is_some() && a.updated_at.is_some());
}

#[test]
fn erase_removes_the_person_from_the_store_the_trash_and_every_export() {
    let dir = temp();
    let cat = Catalogue::open(dir.path()).unwrap();
    network(&cat);
    let s = api::save_seeker(&cat, seeker("Zelda Quist")).unwrap();
    let bundle = dir.path().join("before.json");
    api::export_bundle_file(&cat, &bundle).unwrap();
    assert!(std::fs::read_to_string(&bundle)
        .unwrap()
        .contains("Zelda Quist"));
    let package = dir.path().join("pakke.pdf");
    let request = JobSheetRequest {
        seeker: Some(s.id.clone()),
        ..JobSheetRequest::default()
    };
    api::export_job_sheet_file(&cat, &request, &package).unwrap();
    assert!(pdf_text(&package).contains("Jobbpakke for Zelda Quist"));

    api::erase_seeker(&cat, s.id.clone()).unwrap();
    assert!(matches!(
        api::get_seeker(&cat, s.id.clone()),
        Err(Error::NotFound { .. })
    ));
    assert!(api::list_seekers(&cat).unwrap().is_empty());
    assert_eq!(api::all_trash(&cat).unwrap().len(), 0, "never to the trash");
    assert_eq!(api::catalogue_info(&cat).unwrap().counts.trash, 0);
    // Gone for good, after a reopening of the store too.
    drop(cat);
    let cat = Catalogue::open(dir.path()).unwrap();
    assert!(api::get_seeker(&cat, s.id.clone()).is_err());
    let after = dir.path().join("after.json");
    api::export_bundle_file(&cat, &after).unwrap();
    assert!(!std::fs::read_to_string(&after).unwrap().contains("Zelda"));
    let sheet = dir.path().join("jobb.pdf");
    api::export_job_sheet_file(&cat, &JobSheetRequest::default(), &sheet).unwrap();
    assert!(!pdf_text(&sheet).contains("Zelda"));
    // Their package can no longer be made, and erasing twice says so.
    assert!(api::export_job_sheet_file(&cat, &request, &package).is_err());
    assert!(matches!(
        api::erase_seeker(&cat, s.id),
        Err(Error::NotFound { .. })
    ));
}

#[test]
fn renew_keeps_a_seeker_six_more_months() {
    let dir = temp();
    let cat = Catalogue::open(dir.path()).unwrap();
    // A seeker last changed seven months ago, as an older bundle holds it.
    let old = Utc::now() - Duration::days(213);
    let mut s = seeker("Gammel Oppføring");
    s.id = "js-09".into();
    s.created_at = Some(old);
    s.updated_at = Some(old);
    let mut b = api::Bundle::new();
    b.job_seekers.push(s);
    cat.import(&b).unwrap();
    let rows = api::list_seekers(&cat).unwrap();
    assert!(rows[0].due_for_deletion, "{:?}", rows[0]);
    let renewed = api::renew_seeker(&cat, "js-09".into()).unwrap();
    assert!(renewed.updated_at.unwrap() > old);
    let rows = api::list_seekers(&cat).unwrap();
    assert!(!rows[0].due_for_deletion);
    assert_eq!(rows[0].due_on, renewed.due_on().unwrap().to_string());
    assert!(rows[0].due_on > (Local::now().date_naive() + Duration::days(180)).to_string());
}

#[test]
fn bundle_round_trips_vacancies_and_consenting_seekers() {
    let dir = temp();
    let cat = Catalogue::open(dir.path()).unwrap();
    network(&cat);
    api::save_seeker(&cat, seeker("Kari Sveen")).unwrap();
    let file = dir.path().join("b.json");
    api::export_bundle_file(&cat, &file).unwrap();
    let other = temp();
    let cat2 = Catalogue::open(other.path()).unwrap();
    api::import_bundle_file(&cat2, &file).unwrap();
    let e = api::get_entry(&cat2, Side::Offer, "o-1".into()).unwrap();
    let v = e.vacancy.unwrap();
    assert_eq!(v.field.as_deref(), Some("7"));
    assert_eq!(v.education, Some(EducationLevel::TradeCertificate));
    assert_eq!(v.percent, Some(100));
    assert_eq!(
        api::list_seekers(&cat2).unwrap()[0].seeker.name,
        "Kari Sveen"
    );
    // A bundle with a seeker without consent is refused whole, naming no one.
    let mut text: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    text["job_seekers"][0]["consent"]["given"] = false.into();
    let third = temp();
    let cat3 = Catalogue::open(third.path()).unwrap();
    let err = api::parse_bundle(&text.to_string()).unwrap_err();
    assert!(err.to_string().contains("consent"), "{err}");
    assert!(!err.to_string().contains("Kari"), "{err}");
    assert!(api::list_seekers(&cat3).unwrap().is_empty());
}

#[test]
fn vacancy_rules_refuse_what_no_vacancy_is() {
    let dir = temp();
    let cat = Catalogue::open(dir.path()).unwrap();
    network(&cat);
    let mut e = api::get_entry(&cat, Side::Offer, "o-1".into()).unwrap();
    let problem = |e: kompis_core::model::Entry| match api::save_entry(&cat, Side::Offer, e) {
        Err(Error::Invalid { problem, .. }) => *problem,
        other => panic!("{other:?}"),
    };
    e.vacancy.as_mut().unwrap().percent = Some(0);
    assert_eq!(problem(e.clone()), Problem::Percent { value: 0 });
    e.vacancy.as_mut().unwrap().percent = Some(50);
    e.vacancy.as_mut().unwrap().field = Some("77".into());
    assert_eq!(
        problem(e.clone()),
        Problem::UnknownJobField { text: "77".into() }
    );
    let mut course = api::get_entry(&cat, Side::Offer, "o-5".into()).unwrap();
    course.vacancy = Some(Vacancy {
        field: Some("7".into()),
        ..Vacancy::default()
    });
    assert_eq!(problem(course.clone()), Problem::VacancyNotPosition);
    // A form's empty vacancy details are no vacancy.
    course.vacancy = Some(Vacancy::default());
    let saved = api::save_entry(&cat, Side::Offer, course).unwrap();
    assert_eq!(saved.vacancy, None);
    let mut s = seeker("X");
    s.fields = vec!["bakers".into()];
    assert!(matches!(
        api::save_seeker(&cat, s),
        Err(Error::Invalid { problem, .. }) if matches!(*problem, Problem::UnknownJobField { .. })
    ));
}

#[test]
fn list_filters_by_municipality_and_field_and_counts_for_the_map() {
    let dir = temp();
    let cat = Catalogue::open(dir.path()).unwrap();
    let empty = api::list_vacancies(&cat, VacancyQuery::default()).unwrap();
    let places: Vec<&str> = empty
        .by_municipality
        .iter()
        .map(|c| c.municipality.as_str())
        .collect();
    assert_eq!(
        places,
        [
            "Elverum",
            "Åmot",
            "Stor-Elvdal",
            "Engerdal",
            "Trysil",
            "Våler"
        ]
    );
    assert!(empty.by_municipality.iter().all(|c| c.open == 0));
    assert_eq!(empty.by_field.len(), 10);
    network(&cat);
    let all = api::list_vacancies(&cat, VacancyQuery::default()).unwrap();
    let count = |m: &str| {
        all.by_municipality
            .iter()
            .find(|c| c.municipality == m)
            .unwrap()
            .open
    };
    assert_eq!(
        (count("Elverum"), count("Trysil"), count("Åmot")),
        (2, 1, 0)
    );
    let field = |code: &str| all.by_field.iter().find(|c| c.code == code).unwrap().open;
    assert_eq!((field("7"), field("3")), (2, 1));
    let trysil = api::list_vacancies(
        &cat,
        VacancyQuery {
            municipality: Some("trysil".into()),
            ..VacancyQuery::default()
        },
    )
    .unwrap();
    assert_eq!(ids(&trysil), ["o-3"]);
    // The map still counts every municipality under a municipality filter.
    assert_eq!(
        trysil.by_municipality.iter().map(|c| c.open).sum::<u32>(),
        3
    );
    let contact = trysil.rows[0].contact.as_ref().unwrap();
    assert_eq!(
        (contact.name.as_deref(), contact.email.as_deref()),
        (None, None)
    );
    for name in ["Håndverkere", "handverk", "7", "craft"] {
        let craft = api::list_vacancies(
            &cat,
            VacancyQuery {
                field: Some(name.into()),
                ..VacancyQuery::default()
            },
        )
        .unwrap();
        assert_eq!(ids(&craft), ["o-1", "o-3"], "{name}");
    }
    let err = api::list_vacancies(
        &cat,
        VacancyQuery {
            field: Some("bakers".into()),
            ..VacancyQuery::default()
        },
    )
    .unwrap_err();
    assert!(err.to_string().contains("no occupation field"), "{err}");
    let words = api::list_vacancies(
        &cat,
        VacancyQuery {
            text: Some("bokføring".into()),
            ..VacancyQuery::default()
        },
    )
    .unwrap();
    assert_eq!(ids(&words), ["o-4"]);
}

#[test]
fn rank_weighs_field_level_and_commute_and_says_why() {
    let dir = temp();
    let cat = Catalogue::open(dir.path()).unwrap();
    network(&cat);
    let s = api::save_seeker(&cat, seeker("Kari Sveen")).unwrap();
    let ranked = api::match_seeker(&cat, s.id.clone(), 10).unwrap();
    assert_eq!(ranked.seeker, s.id);
    let first = &ranked.matches[0];
    assert_eq!(first.offer, "o-1", "{:?}", ranked.matches);
    assert_eq!(first.commute_minutes, Some(35));
    assert!((0.0..=1.0).contains(&first.score));
    assert!(first
        .reasons
        .contains(&JobReason::FieldFits { code: "7".into() }));
    assert!(first.reasons.contains(&JobReason::CommuteWithin {
        from: "Rena".into(),
        to: "Elverum".into(),
        minutes: 35,
        max: Some(45),
    }));
    assert!(first
        .reasons
        .iter()
        .any(|r| r.to_string() == "Within commuting distance: 35 min from Rena to Elverum"));
    assert_eq!(
        first.contact.as_ref().unwrap().name.as_deref(),
        Some("Trond Hagen")
    );
    // Trysil is 70 minutes from Rena, beyond the 45 wanted: far down.
    let trysil = ranked.matches.iter().find(|m| m.offer == "o-3").unwrap();
    assert!(trysil.score < first.score / 3.0, "{trysil:?}");
    assert!(matches!(
        trysil.reasons.last(),
        Some(JobReason::CommuteTooFar { minutes: 70, .. })
    ));
    // No other field, no training offer.
    assert!(ranked.matches.iter().all(|m| m.offer != "o-5"));
    // The reverse: the seeker for the welding vacancy.
    let seekers = api::seekers_for_vacancy(&cat, "o-1".into()).unwrap();
    assert_eq!(seekers.len(), 1);
    assert_eq!(seekers[0].seeker, s.id);
    assert_eq!(seekers[0].score, first.score);
}
