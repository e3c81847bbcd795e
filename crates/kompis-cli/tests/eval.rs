//! Match quality on the labelled development set (`../shared/eval/dev`),
//! measured the way the issue asks: `kompis match --json` scored by the
//! set's own `score.py`. Skips (saying so) when `../shared` is absent.

use std::path::Path;
use std::process::Command as Process;

use assert_cmd::Command;

#[test]
fn dev_set_meets_the_quality_floors() {
    let dev = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval");
    if !dev.join("dev/bundle.json").exists() {
        eprintln!("skipped: ../shared/eval/dev is not beside the checkout");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let kompis = || {
        let mut c = Command::cargo_bin("kompis").unwrap();
        c.arg("--db").arg(dir.path().join("db"));
        c
    };
    kompis()
        .arg("import")
        .arg(dev.join("dev/bundle.json"))
        .assert()
        .success();
    let out = kompis()
        .args(["match", "--json", "--top", "20"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let ranking = dir.path().join("ranking.json");
    std::fs::write(&ranking, &out.stdout).unwrap();
    let scored = Process::new("python3")
        .arg(dev.join("score.py"))
        .arg(dev.join("dev/bundle.json"))
        .arg(dev.join("dev/gold.json"))
        .arg(&ranking)
        .output()
        .expect("python3 runs score.py");
    assert!(
        scored.status.success(),
        "{}",
        String::from_utf8_lossy(&scored.stderr)
    );
    let text = String::from_utf8(scored.stdout).unwrap();
    println!("{text}");
    let metric = |name: &str| -> f64 {
        text.lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|rest| rest.split_whitespace().next())
            .and_then(|v| v.parse().ok())
            .unwrap_or_else(|| panic!("score.py printed no {name}: {text}"))
    };
    let (ndcg, recall, mrr) = (metric("nDCG@5"), metric("recall@5"), metric("MRR"));
    assert!(ndcg >= 0.83, "nDCG@5 {ndcg} < 0.83");
    assert!(recall >= 0.98, "recall@5 {recall} < 0.98");
    assert!(mrr >= 0.92, "MRR {mrr} < 0.92");
}
