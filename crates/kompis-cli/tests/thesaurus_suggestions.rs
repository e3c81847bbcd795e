//! `kompis thesaurus suggestions [--json]`, `accept` and `reject` (issue
//! 11): word pairs proposed from agreed and shortlisted matches, on a real
//! store through the binary.

mod common;
use common::*;

use serde_json::{json, Value};

/// Two needs that say "kapptap" and two offers that say "skurutbytte"
/// (words no concept links), each need agreed with a different offer; the
/// real-window test uses the same catalogue.
const DECIDED: &str = include_str!("../../kompis-core/tests/data/decided_kapptap.json");

/// The catalogue as a bundle file, with its decisions or without them.
fn bundle(dir: &std::path::Path, decided: bool) -> std::path::PathBuf {
    let mut b: Value = serde_json::from_str(DECIDED).unwrap();
    if !decided {
        b.as_object_mut().unwrap().remove("matches");
    }
    let path = dir.join("bundle.json");
    std::fs::write(&path, b.to_string()).unwrap();
    path
}

fn pairs(v: &Value) -> Vec<(String, String)> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["need_word"].as_str().unwrap().to_string(),
                s["offer_word"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn proposals_from_agreed_matches_can_be_accepted_or_rejected_for_good() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    stdout(kompis(&db).arg("import").arg(bundle(dir.path(), true)));
    let found = json(kompis(&db).args(["thesaurus", "suggestions", "--json"]));
    let list = pairs(&found);
    let pair = ("kapptap".to_string(), "skurutbytte".to_string());
    assert!(list.contains(&pair), "{found}");
    let first = found
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["need_word"] == "kapptap" && s["offer_word"] == "skurutbytte")
        .unwrap();
    assert_eq!(first["matches"], 2);
    assert_eq!(first["agreed"], 2);
    let table = stdout(kompis(&db).args(["thesaurus", "suggestions"]));
    assert!(
        table.contains("kapptap") && table.contains("together in 2 matches (2 agreed)"),
        "{table}"
    );

    // Rejected pairs do not come back, also after reopening.
    let others: Vec<_> = list.iter().filter(|p| **p != pair).cloned().collect();
    for (a, b) in &others {
        stdout(kompis(&db).args(["thesaurus", "reject", a, b]));
    }
    let left = pairs(&json(kompis(&db).args([
        "thesaurus",
        "suggestions",
        "--json",
    ])));
    assert_eq!(left, vec![pair.clone()]);

    let finds = |db: &std::path::Path| -> Vec<String> {
        let ranked = json(kompis(db).args(["match", "--json", "--need", "n1"]));
        ranked["needs"][0]["matches"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|m| m["offer"].as_str().map(str::to_string))
            .collect()
    };
    assert!(
        !finds(&db).contains(&"o2".to_string()),
        "before: the words differ"
    );

    // Accepted: the words share a concept group, and the proposal is gone.
    let said = stdout(kompis(&db).args(["thesaurus", "accept", "kapptap", "skurutbytte"]));
    assert!(
        said.contains("Linked «kapptap» and «skurutbytte»"),
        "{said}"
    );
    let groups = json(kompis(&db).args(["thesaurus", "list", "--json"]));
    assert!(
        groups.as_array().unwrap().iter().any(|g| {
            let terms: Vec<&str> = g["terms"]
                .as_array()
                .unwrap()
                .iter()
                .filter_map(Value::as_str)
                .collect();
            terms.contains(&"kapptap") && terms.contains(&"skurutbytte")
        }),
        "a group links them: {groups}"
    );
    let after = pairs(&json(kompis(&db).args([
        "thesaurus",
        "suggestions",
        "--json",
    ])));
    assert!(!after.contains(&pair), "{after:?}");
    assert!(others.iter().all(|p| !after.contains(p)), "{after:?}");

    // Now the need's word reaches the offers' word: n1 finds o2 as well.
    assert!(finds(&db).contains(&"o2".to_string()), "after: linked");
}

#[test]
fn no_decisions_no_proposals() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    stdout(kompis(&db).arg("import").arg(bundle(dir.path(), false)));
    let found = json(kompis(&db).args(["thesaurus", "suggestions", "--json"]));
    assert_eq!(found, json!([]));
    let text = stdout(kompis(&db).args(["thesaurus", "suggestions"]));
    assert!(text.contains("No proposals"), "{text}");
}
