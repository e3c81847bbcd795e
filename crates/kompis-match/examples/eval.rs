//! Match quality on the shared labelled sets, for development:
//! `cargo run --release -p kompis-match --example eval [-v] [SET_DIR …]`
//! (default: `../shared/eval/dev` and `../shared/eval/dev2`).
//!
//! Prints nDCG@5, recall@5 and MRR (as `score.py`) for the whole set, its
//! development part and its held-aside part: every 4th need id, sorted
//! (index 3, 7, 11 …). `-v` prints the needs of the development part that
//! rank imperfectly; the held-aside part is never shown need by need.
//! `--by` adds the figures per language and per kind of need.
//! `KOMPIS_EXPLAIN="need:offer,offer;…"` prints feature contributions (not
//! for held-aside needs; `need:` alone prints its top five). `--folds` runs the fold protocol in process (as
//! `scripts/folds.py` does through the CLI): needs in 4 folds by sorted id;
//! per fold, the other folds' labels are decisions (grade 2 agreed, grade 1
//! shortlisted, an ungraded top-5 suggestion declined as not relevant), and
//! only the fold's needs are scored, against ranking with no decisions;
//! with `-v` it also lists the needs of folds 0–2 whose nDCG@5 changed.
//! `--calib` prints every need's top five scores with their grades (ids
//! only), to calibrate the threshold.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use kompis_match::labelled::{self, docs, metrics};
use kompis_match::{Decision, Doc, Matcher, Thesaurus, Verdict};
use serde_json::Value;

/// The fold protocol on one set, printed (see [`labelled::folds`]).
fn folds(name: &str, offers: &[Doc], needs: &[Doc], gold: &labelled::Gold) {
    if std::env::args().any(|a| a == "--links") {
        let m = Matcher::new(&Thesaurus::builtin(), offers);
        let decisions: Vec<Decision> = gold
            .iter()
            .filter_map(|(nid, g)| Some((needs.iter().find(|x| &x.id == nid)?, g)))
            .flat_map(|(need, g)| {
                g.iter().map(move |(o, &grade)| Decision {
                    need,
                    offer: o,
                    verdict: if grade >= 2 {
                        Verdict::Agreed
                    } else {
                        Verdict::Shortlisted
                    },
                })
            })
            .collect();
        for l in m.link_suggestions(&decisions).iter().take(25) {
            println!(
                "{name:5} link {} <-> {}: {} ({} agreed)",
                l.need_word, l.offer_word, l.matches, l.agreed
            );
        }
    }
    let all = labelled::folds(offers, needs, gold);
    for (k, f) in all.iter().enumerate() {
        println!(
            "{name:5} fold {k}: {} decisions, nDCG@5 {:.3} -> {:.3} ({:+.3})",
            f.decisions,
            f.before,
            f.after,
            f.after - f.before
        );
        // Fold 3 is the held-aside quarter: never shown need by need.
        if std::env::args().any(|a| a == "-v") && k != 3 {
            for (nid, b, a) in f.needs.iter().filter(|e| (e.2 - e.1).abs() > 1e-9) {
                println!("{name:5}   {nid}: {b:.3} -> {a:.3}");
            }
        }
    }
    let gains: Vec<f64> = all.iter().map(|f| f.after - f.before).collect();
    let mean = gains.iter().sum::<f64>() / gains.len().max(1) as f64;
    let worst = gains.iter().copied().fold(f64::MAX, f64::min);
    println!("{name:5} folds: mean gain {mean:+.3}, worst {worst:+.3}");
}

/// The shipped thesaurus, or the one in the file `KOMPIS_THESAURUS` names
/// (to try an edit without a rebuild; not for `--folds`).
fn thesaurus() -> Thesaurus {
    match std::env::var("KOMPIS_THESAURUS") {
        Ok(path) => {
            let text = std::fs::read_to_string(&path).expect("KOMPIS_THESAURUS file");
            Thesaurus::from_json(&text).expect("KOMPIS_THESAURUS parses")
        }
        Err(_) => Thesaurus::builtin(),
    }
}

fn main() {
    let fold_mode = std::env::args().any(|a| a == "--folds");
    let verbose = std::env::args().any(|a| a == "-v");
    let per_need = std::env::args().any(|a| a == "-p");
    let calib = std::env::args().any(|a| a == "--calib");
    let mut dirs: Vec<PathBuf> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .map(PathBuf::from)
        .collect();
    if dirs.is_empty() {
        let base = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval");
        dirs = vec![base.join("dev"), base.join("dev2")];
    }
    for dir in dirs {
        let (Ok(b), Ok(g)) = (
            std::fs::read_to_string(dir.join("bundle.json")),
            std::fs::read_to_string(dir.join("gold.json")),
        ) else {
            eprintln!("{} not found", dir.display());
            continue;
        };
        let bundle: Value = serde_json::from_str(&b).expect("bundle");
        let gold: BTreeMap<String, BTreeMap<String, u8>> = serde_json::from_str(&g).expect("gold");
        let offers = docs(&bundle, "offers");
        let needs = docs(&bundle, "needs");
        if fold_mode {
            folds(
                &dir.file_name().unwrap().to_string_lossy(),
                &offers,
                &needs,
                &gold,
            );
            continue;
        }
        let m = Matcher::new(&thesaurus(), &offers);
        let sorted: Vec<&String> = gold.keys().collect();
        let held: HashSet<&String> = sorted
            .iter()
            .enumerate()
            .filter(|(i, _)| i % 4 == 3)
            .map(|(_, n)| *n)
            .collect();
        if let Ok(spec) = std::env::var("KOMPIS_EXPLAIN") {
            for item in spec.split(';') {
                let (nid, oids) = item.split_once(':').expect("need:offers");
                let Some(need) = needs.iter().find(|n| n.id == nid) else {
                    continue;
                };
                if held.contains(&need.id) {
                    eprintln!("{nid} is held aside");
                    continue;
                }
                if oids.is_empty() {
                    for r in m.rank(need, 5) {
                        let why: Vec<String> =
                            r.reasons.iter().map(|x| x.concept.clone()).collect();
                        println!("{nid} {} {:.3} {}", r.id, r.score, why.join(", "));
                    }
                }
                for oid in oids.split(',').filter(|o| !o.is_empty()) {
                    let (parts, ideal) = m.explain(need, oid);
                    let total: f64 = parts.iter().map(|p| p.1).sum();
                    eprintln!("{nid} vs {oid}: raw {total:.2} / ideal {ideal:.2}");
                    for (name, c) in parts.iter().filter(|p| p.1 > 0.0) {
                        eprintln!("    {c:.2}  {name}");
                    }
                }
                let (parts, _) = m.explain(need, oids.split(',').next().unwrap());
                let names: Vec<&str> = parts.iter().map(|p| p.0.as_str()).collect();
                eprintln!("  need features: {}", names.join("  "));
            }
        }
        // [whole, dev part, held part]: sums and counts.
        let mut s = [[0.0f64; 3]; 3];
        let mut c = [0usize; 3];
        let (mut empty, mut empty_sugg) = (0, 0);
        // Per language and per kind of the need: sums of the three and counts.
        let mut by: BTreeMap<String, ([f64; 3], usize)> = BTreeMap::new();
        let field = |nid: &str, f: &str| -> String {
            bundle["needs"]
                .as_array()
                .and_then(|a| a.iter().find(|e| e["id"] == nid))
                .and_then(|e| e[f].as_str())
                .unwrap_or("?")
                .to_string()
        };
        for (nid, g) in &gold {
            let need = needs.iter().find(|n| &n.id == nid).expect("need");
            let r = m.rank(need, offers.len());
            if calib {
                let top: Vec<String> = r
                    .iter()
                    .take(5)
                    .map(|x| format!("{:.3}g{}", x.score, g.get(&x.id).unwrap_or(&0)))
                    .collect();
                let held_mark = if held.contains(nid) { "held" } else { "" };
                println!("calib {nid} {held_mark} gold={} {}", g.len(), top.join(" "));
            }
            if g.is_empty() {
                empty += 1;
                if !r.is_empty() {
                    empty_sugg += 1;
                }
                continue;
            }
            let ids: Vec<String> = r.iter().map(|x| x.id.clone()).collect();
            let x = metrics(&ids, g);
            let part = if held.contains(nid) { 2 } else { 1 };
            for group in [
                format!("language {}", field(nid, "language")),
                format!("kind {}", field(nid, "kind")),
            ] {
                let e = by.entry(group).or_default();
                e.0[0] += x.0;
                e.0[1] += x.1;
                e.0[2] += x.2;
                e.1 += 1;
            }
            for p in [0, part] {
                s[p][0] += x.0;
                s[p][1] += x.1;
                s[p][2] += x.2;
                c[p] += 1;
            }
            if per_need && part == 1 {
                println!("{nid}\t{:.3}\t{:.3}\t{:.3}", x.0, x.1, x.2);
            }
            if verbose && part == 1 && (x.0 < 0.999 || x.2 < 1.0) {
                println!(
                    "{nid}\tnDCG@5={:.3}\trecall@5={:.3}\tRR={:.3}  [{:?}] {}",
                    x.0, x.1, x.2, need.kind, need.title
                );
                for o in r.iter().take(6) {
                    let why: Vec<String> = o
                        .reasons
                        .iter()
                        .map(|x| format!("{}:{}", x.concept, x.sentence()))
                        .collect();
                    let kind = offers
                        .iter()
                        .find(|d| d.id == o.id)
                        .map(|d| d.kind)
                        .unwrap();
                    println!(
                        "   {} g{} {:.3} {:?} {}",
                        o.id,
                        g.get(&o.id).unwrap_or(&0),
                        o.score,
                        kind,
                        why.join(" | ")
                    );
                }
                for (o, gr) in g {
                    if *gr == 2 {
                        let pos = ids.iter().position(|x| x == o);
                        println!("   want {o} at {:?}", pos.map(|p| p + 1));
                    }
                }
            }
        }
        let name = dir.file_name().unwrap().to_string_lossy();
        for (p, label) in ["whole", "dev part", "held part"].iter().enumerate() {
            let n = c[p].max(1) as f64;
            println!(
                "{name:5} {label:9}: nDCG@5 {:.3}  recall@5 {:.3}  MRR {:.3}  ({} needs)",
                s[p][0] / n,
                s[p][1] / n,
                s[p][2] / n,
                c[p]
            );
        }
        if std::env::args().any(|a| a == "--by") {
            for (group, (sum, n)) in &by {
                let n = *n as f64;
                println!(
                    "{name:5} {group:24}: nDCG@5 {:.3}  recall@5 {:.3}  MRR {:.3}  ({n} needs)",
                    sum[0] / n,
                    sum[1] / n,
                    sum[2] / n
                );
            }
        }
        if empty > 0 {
            println!("{name:5} no-answer needs {empty}, suggested for {empty_sugg}");
        }
    }
}
