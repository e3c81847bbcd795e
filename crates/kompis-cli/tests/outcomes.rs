//! `kompis outcome` and `kompis followup` end to end, on the real binary
//! and a temp catalogue read in from a bundle whose history has its times.

mod common;
use common::*;

use serde_json::{json, Value};

/// An RFC 3339 time `days` days before now.
fn ago(days: i64) -> String {
    (chrono::Utc::now() - chrono::Duration::days(days)).to_rfc3339()
}

/// The day, on the coordinator's calendar, `days` days before today.
fn day_ago(days: i64) -> String {
    (chrono::Local::now() - chrono::Duration::days(days))
        .date_naive()
        .to_string()
}

/// Two organisations, three needs and three offers; one pair contacted, one
/// agreed 12 weeks ago, one 9 weeks ago, one 2 weeks ago and one 20 weeks
/// ago with an outcome already.
fn setup() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let agreed = |days: i64| json!([{ "status": "agreed", "at": ago(days) }]);
    let bundle = json!({
        "format": "kompis-bundle",
        "version": 1,
        "organisations": [
            { "id": "org-a", "name": "Alfa Mekaniske AS", "kind": "company", "municipality": "Elverum" },
            { "id": "org-b", "name": "Høgskolen på Campus", "kind": "university", "municipality": "Åmot" }
        ],
        "needs": [
            { "id": "n-1", "title": "Innføre lean i produksjonen", "kind": "expertise", "organisation": "org-a" },
            { "id": "n-2", "title": "Sveising av aluminium", "kind": "training", "organisation": "org-a" },
            { "id": "n-3", "title": "Masteroppgave om robotisering", "kind": "student_project", "organisation": "org-a" }
        ],
        "offers": [
            { "id": "o-1", "title": "Lean og kontinuerlig forbedring", "kind": "expertise", "organisation": "org-b" },
            { "id": "o-2", "title": "Sveisekurs", "kind": "training", "organisation": "org-b" },
            { "id": "o-3", "title": "Studenter i robotikk", "kind": "student_project", "organisation": "org-b" }
        ],
        "matches": [
            { "need": "n-1", "offer": "o-2", "status": "contacted", "updated_at": ago(30) },
            { "need": "n-1", "offer": "o-1", "status": "agreed", "updated_at": ago(63), "history": agreed(63) },
            { "need": "n-2", "offer": "o-2", "status": "agreed", "updated_at": ago(84), "history": agreed(84) },
            { "need": "n-3", "offer": "o-3", "status": "agreed", "updated_at": ago(14), "history": agreed(14) },
            { "need": "n-2", "offer": "o-1", "status": "agreed", "updated_at": ago(140), "history": agreed(140),
              "outcomes": [{ "kind": "meeting_held", "date": "2025-06-01", "recorded_at": ago(130) }] }
        ]
    });
    let file = dir.path().join("bundle.json");
    std::fs::write(&file, bundle.to_string()).unwrap();
    stdout(kompis(&db).arg("import").arg(&file));
    (dir, db)
}

fn pairs(list: &Value) -> Vec<(String, String, u64)> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["need"].as_str().unwrap().to_string(),
                f["offer"].as_str().unwrap().to_string(),
                f["weeks"].as_u64().unwrap(),
            )
        })
        .collect()
}

fn p(n: &str, o: &str, w: u64) -> (String, String, u64) {
    (n.into(), o.into(), w)
}

#[test]
fn an_outcome_on_a_match_that_is_not_agreed_is_refused_with_a_sentence() {
    let (_dir, db) = setup();
    let err = refused(kompis(&db).args(["outcome", "n-1", "o-2", "meeting_held"]));
    assert!(
        err.contains("an outcome can only be recorded on an agreed match; this one is contacted"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
    let err = refused(kompis(&db).args(["outcome", "n-3", "o-1", "hire"]));
    assert!(err.contains("this one is suggested"), "{err}");
    let err = refused(kompis(&db).args(["outcome", "n-1", "o-1", "party"]));
    assert!(
        err.contains("meeting_held") && err.contains("no_result"),
        "{err}"
    );
    let err = refused(kompis(&db).args(["outcome", "n-9", "o-1", "hire"]));
    assert!(err.contains("need n-9 does not exist"), "{err}");
    let err = refused(kompis(&db).args(["outcome", "n-1", "o-1", "hire", "--date", "2999-01-01"]));
    assert!(err.contains("in the future"), "{err}");
    let err = refused(kompis(&db).args(["outcome", "n-1", "o-1", "hire", "--date", "1.1.2025"]));
    assert!(err.contains("YYYY-MM-DD"), "{err}");
}

#[test]
fn outcomes_are_recorded_and_exported() {
    let (dir, db) = setup();
    let said = stdout(kompis(&db).args(["outcome", "n-1", "o-1", "meeting_held"]));
    assert!(said.contains("n-1 → o-1: meeting_held on "), "{said}");
    assert!(said.contains("(1 outcome recorded)"), "{said}");
    let said = stdout(kompis(&db).args([
        "outcome",
        "n-1",
        "o-1",
        "thesis_started",
        "--date",
        "2025-09-01",
        "--note",
        "Masteroppgave om tavlemøter",
        "--level",
        "master",
    ]));
    assert!(
        said.contains("thesis_started on 2025-09-01 (2 outcomes recorded)"),
        "{said}"
    );
    // Every type of the contract is taken.
    for kind in [
        "project_started",
        "thesis_delivered",
        "internship",
        "hire",
        "funding_application",
        "course_held",
        "no_result",
    ] {
        stdout(kompis(&db).args(["outcome", "n-3", "o-3", kind]));
    }
    let out = dir.path().join("export.json");
    stdout(kompis(&db).arg("export").arg("--out").arg(&out));
    let bundle: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let record = |n: &str, o: &str| -> Value {
        bundle["matches"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["need"] == n && m["offer"] == o)
            .unwrap()
            .clone()
    };
    let m = record("n-1", "o-1");
    assert_eq!(m["outcomes"][0]["kind"], "meeting_held");
    assert_eq!(m["outcomes"][1]["kind"], "thesis_started");
    assert_eq!(m["outcomes"][1]["date"], "2025-09-01");
    assert_eq!(m["outcomes"][1]["note"], "Masteroppgave om tavlemøter");
    assert_eq!(m["outcomes"][1]["level"], "master");
    assert_eq!(
        record("n-3", "o-3")["outcomes"].as_array().unwrap().len(),
        7
    );
}

#[test]
fn followup_lists_agreed_matches_without_outcome_for_n_weeks_oldest_first() {
    let (_dir, db) = setup();
    // Default: 8 weeks.
    let list = json(kompis(&db).args(["followup", "--json"]));
    assert_eq!(pairs(&list), vec![p("n-2", "o-2", 12), p("n-1", "o-1", 9)]);
    let first = &list[0];
    assert_eq!(first["agreed_at"].as_str().unwrap(), day_ago(84));
    assert_eq!(first["need_title"], "Sveising av aluminium");
    assert_eq!(first["offer_organisation"], "Høgskolen på Campus");
    let list = json(kompis(&db).args(["followup", "--weeks", "10", "--json"]));
    assert_eq!(pairs(&list), vec![p("n-2", "o-2", 12)]);
    let list = json(kompis(&db).args(["followup", "--weeks", "0", "--json"]));
    assert_eq!(
        pairs(&list),
        vec![p("n-2", "o-2", 12), p("n-1", "o-1", 9), p("n-3", "o-3", 2)]
    );

    // An outcome takes the pair off the list.
    stdout(kompis(&db).args(["outcome", "n-2", "o-2", "course_held"]));
    let list = json(kompis(&db).args(["followup", "--json"]));
    assert_eq!(pairs(&list), vec![p("n-1", "o-1", 9)]);

    // The table names titles and organisations.
    let table = stdout(kompis(&db).arg("followup"));
    let mut lines = table.lines();
    let header = lines.next().unwrap();
    assert!(
        header.starts_with("AGREED") && header.contains("WEEKS"),
        "{table}"
    );
    let row = lines.next().unwrap();
    for text in [
        "9",
        "n-1 Innføre lean i produksjonen",
        "Alfa Mekaniske AS",
        "o-1 Lean og kontinuerlig forbedring",
        "Høgskolen på Campus",
        &day_ago(63),
    ] {
        assert!(row.contains(text), "{text} missing in {table}");
    }
    assert!(lines.next().is_none(), "{table}");
    let none = stdout(kompis(&db).args(["followup", "--weeks", "52"]));
    assert_eq!(none.trim(), "(none)");
    let empty = json(kompis(&db).args(["followup", "--weeks", "52", "--json"]));
    assert_eq!(empty, json!([]));
}
