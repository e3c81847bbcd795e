//! The `kompis` binary end to end, each test on its own temp catalogue.

mod common;
use common::*;

use assert_cmd::Command;

#[test]
fn every_command_has_help() {
    let dir = tempfile::tempdir().unwrap();
    for cmd in [
        "import",
        "export",
        "list",
        "search",
        "match",
        "demo",
        "delete",
        "trash",
        "restore",
        "info",
        "sheet",
        "status",
        "declined",
        "outcome",
        "followup",
        "report",
        "backup",
        "check",
        "gaps",
        "thesaurus",
    ] {
        let text = stdout(kompis(dir.path()).args([cmd, "--help"]));
        assert!(text.contains("--db"), "{cmd} --help lacks --db: {text}");
    }
}

#[test]
fn demo_then_list_search_and_match() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    stdout(kompis(&db).arg("demo"));
    let needs = json(kompis(&db).args(["list", "needs", "--json"]));
    assert_eq!(needs.as_array().unwrap().len(), 25);
    let orgs = json(kompis(&db).args(["list", "organisations", "--json"]));
    assert!(orgs.as_array().unwrap().len() >= 18);
    assert!(
        orgs[0]["id"].is_string() && orgs[0]["kind"].is_string(),
        "bundle form: {}",
        orgs[0]
    );

    let table = stdout(kompis(&db).args(["list", "offers"]));
    assert!(table.starts_with("ID"), "{table}");

    let hits = json(kompis(&db).args(["search", "KOMMUNE", "--json"]));
    assert!(
        !hits.as_array().unwrap().is_empty(),
        "case-folded search finds kommune"
    );

    let m = json(kompis(&db).args(["match", "--top", "3", "--json"]));
    let list = m["needs"].as_array().unwrap();
    assert_eq!(list.len(), 25);
    let mut any = false;
    for n in list {
        let matches = n["matches"].as_array().unwrap();
        assert!(matches.len() <= 3);
        for x in matches {
            let s = x["score"].as_f64().unwrap();
            assert!((0.0..=1.0).contains(&s), "score {s}");
            assert!(!x["reasons"].as_array().unwrap().is_empty());
            any = true;
        }
    }
    assert!(any, "some need has a match");
    let one = json(kompis(&db).args(["match", "--need", "n-01", "--json"]));
    assert_eq!(one["needs"].as_array().unwrap().len(), 1);
    // Every need's ranking, streamed as it is ranked, is the one the need
    // gets alone (built whole, as before), need for need.
    for n in list {
        let id = n["need"].as_str().unwrap();
        let alone = json(kompis(&db).args(["match", "--need", id, "--top", "3", "--json"]));
        assert_eq!(&alone["needs"][0], n, "need {id}");
    }
}

#[test]
fn import_refusal_goes_to_stderr_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let bad = dir.path().join("bad.json");
    std::fs::write(
        &bad,
        r#"{"format":"kompis-bundle","version":1,
        "organisations":[{"id":"org-x","name":"X AS","kind":"company"}],
        "needs":[{"id":"n-17","title":"Y","kind":"expertise","deadline":"31.02.2027"}]}"#,
    )
    .unwrap();
    let out = kompis(&db).arg("import").arg(&bad).output().unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("need n-17: field `deadline`: expected a date YYYY-MM-DD, got a text"),
        "{err}"
    );
    let orgs = json(kompis(&db).args(["list", "organisations", "--json"]));
    assert_eq!(orgs.as_array().unwrap().len(), 0);
}

#[test]
fn export_import_roundtrip_through_the_cli() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    stdout(kompis(&a).arg("demo"));
    let f1 = dir.path().join("one.json");
    stdout(kompis(&a).arg("export").arg("--out").arg(&f1));
    stdout(kompis(&b).arg("import").arg(&f1));
    stdout(kompis(&b).arg("import").arg(&f1));
    for what in ["offers", "needs", "organisations", "people"] {
        let x = json(kompis(&a).args(["list", what, "--json"]));
        let y = json(kompis(&b).args(["list", what, "--json"]));
        assert_eq!(x, y, "{what} differ after export → import");
    }
}

#[test]
fn delete_and_restore_through_the_trash() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    stdout(kompis(&db).arg("demo"));
    stdout(kompis(&db).args(["delete", "need", "n-01"]));
    let trash = json(kompis(&db).args(["trash", "--json"]));
    assert_eq!(trash[0]["id"], "n-01");
    assert_eq!(
        json(kompis(&db).args(["list", "needs", "--json"]))
            .as_array()
            .unwrap()
            .len(),
        24
    );
    stdout(kompis(&db).args(["restore", "need", "n-01"]));
    assert_eq!(
        json(kompis(&db).args(["list", "needs", "--json"]))
            .as_array()
            .unwrap()
            .len(),
        25
    );
}

#[test]
fn kompis_db_variable_selects_the_catalogue() {
    let dir = tempfile::tempdir().unwrap();
    let mut c = Command::cargo_bin("kompis").unwrap();
    c.env("KOMPIS_DB", dir.path()).args(["info", "--json"]);
    let info = json(&mut c);
    assert_eq!(info["path"], dir.path().display().to_string());
    assert_eq!(info["schema_version"], 2);
}

#[test]
fn second_process_gets_the_lock_sentence() {
    let dir = tempfile::tempdir().unwrap();
    let _open = kompis_core::Catalogue::open(dir.path()).unwrap();
    let out = kompis(dir.path()).args(["list", "needs"]).output().unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains(&format!(
            "The catalogue in {} is open in another Kompis window",
            dir.path().display()
        )),
        "{err}"
    );
}

#[test]
fn status_workflow_gaps_and_thesaurus_from_the_cli() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    stdout(kompis(&db).arg("demo"));
    let m = json(kompis(&db).args(["match", "--need", "n-03", "--json"]));
    let offer = m["needs"][0]["matches"][0]["offer"]
        .as_str()
        .unwrap()
        .to_string();
    let out = kompis(&db)
        .args(["status", "n-03", &offer, "declined"])
        .output()
        .unwrap();
    assert!(
        !out.status.success(),
        "declining without a reason is refused"
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("say why the match is declined"));
    stdout(kompis(&db).args([
        "status",
        "n-03",
        &offer,
        "declined",
        "--reason",
        "bad-timing",
        "--note",
        "Til høsten",
    ]));
    let declined = json(kompis(&db).args(["declined", "n-03", "--json"]));
    assert_eq!(declined[0]["offer"]["id"], offer.as_str());
    assert_eq!(declined[0]["decline_reason"], "bad_timing");
    let reverse = json(kompis(&db).args(["match", "--offer", &offer, "--json"]));
    assert!(
        reverse
            .as_array()
            .unwrap()
            .iter()
            .all(|n| n["need"]["id"] != "n-03"),
        "declined pair left out both ways"
    );
    stdout(kompis(&db).args(["status", "n-03", &offer, "suggested"]));
    assert!(json(kompis(&db).args(["declined", "n-03", "--json"]))
        .as_array()
        .unwrap()
        .is_empty());

    stdout(kompis(&db).args(["thesaurus", "add", "sagbruk", "sawmill"]));
    let groups = json(kompis(&db).args(["thesaurus", "list", "--json"]));
    let g = groups
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["id"] == "sagbruk")
        .unwrap();
    assert!(g["terms"]
        .as_array()
        .unwrap()
        .iter()
        .any(|t| t == "sawmill"));
    let gaps = json(kompis(&db).args(["gaps", "--json"]));
    assert!(gaps.is_array());
}

#[test]
fn sheet_writes_pdf_xlsx_and_csv() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    stdout(kompis(&db).arg("demo"));
    let pdf = dir.path().join("treff.pdf");
    let said = stdout(
        kompis(&db)
            .args([
                "sheet", "--format", "pdf", "--need", "n-01", "--need", "n-02", "--out",
            ])
            .arg(&pdf),
    );
    assert!(
        said.contains("2 needs") && said.contains("2 pages"),
        "{said}"
    );
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));
    let xlsx = dir.path().join("treff.xlsx");
    stdout(
        kompis(&db)
            .args(["sheet", "--format", "xlsx", "--status", "agreed", "--out"])
            .arg(&xlsx),
    );
    assert!(
        std::fs::read(&xlsx).unwrap().starts_with(b"PK"),
        "an XLSX is a zip"
    );
    let csv = dir.path().join("treff.csv");
    stdout(
        kompis(&db)
            .args([
                "sheet",
                "--format",
                "csv",
                "--lang",
                "en",
                "--separator",
                ",",
                "--out",
            ])
            .arg(&csv),
    );
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(
        text.starts_with('\u{feff}'),
        "UTF-8 byte-order mark for Excel"
    );
    assert!(
        text.lines().next().unwrap().contains(','),
        "{}",
        text.lines().next().unwrap()
    );
    let out = kompis(&db)
        .args(["sheet", "--format", "pdf", "--need", "n-nope", "--out"])
        .arg(dir.path().join("x.pdf"))
        .output()
        .unwrap();
    assert!(!out.status.success(), "an unknown need is refused");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("n-nope"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_reader_that_goes_away_ends_it_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c");
    stdout(kompis(&db).arg("demo"));
    let bin = assert_cmd::cargo::cargo_bin("kompis");
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "'{}' --db '{}' list offers --json | head -c 10 >/dev/null",
            bin.display(),
            db.display()
        ))
        .env_remove("KOMPIS_DB")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{err}");
    assert!(err.is_empty(), "nothing said on a closed pipe: {err}");
}

#[test]
fn match_table_names_each_offer_by_title_and_organisation() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    stdout(kompis(&db).arg("demo"));
    let ranked = json(kompis(&db).args(["match", "--need", "n-02", "--top", "3", "--json"]));
    let table = stdout(kompis(&db).args(["match", "--need", "n-02", "--top", "3"]));
    let offers = json(kompis(&db).args(["list", "offers", "--json"]));
    let orgs = json(kompis(&db).args(["list", "organisations", "--json"]));
    let matches = ranked["needs"][0]["matches"].as_array().unwrap();
    assert!(!matches.is_empty(), "{ranked}");
    for m in matches {
        let id = m["offer"].as_str().unwrap();
        let offer = offers
            .as_array()
            .unwrap()
            .iter()
            .find(|o| o["id"] == id)
            .unwrap();
        let org = orgs
            .as_array()
            .unwrap()
            .iter()
            .find(|o| o["id"] == offer["organisation"])
            .unwrap();
        let line = table
            .lines()
            .find(|l| l.contains(&format!("  {id}  ")))
            .unwrap_or_else(|| panic!("no line for {id}: {table}"));
        assert!(
            line.contains(offer["title"].as_str().unwrap())
                && line.contains(org["name"].as_str().unwrap()),
            "{line}"
        );
    }
}
