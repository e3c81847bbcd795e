//! Match quality on the shared labelled sets, for development:
//! `cargo run --release -p kompis-match --example eval [-v] [SET_DIR …]`
//! (default: `../shared/eval/dev` and `../shared/eval/dev2`).
//!
//! Prints nDCG@5, recall@5 and MRR (as `score.py`) for the whole set, its
//! development part and its held-aside part: every 4th need id, sorted
//! (index 3, 7, 11 …). `-v` prints the needs of the development part that
//! rank imperfectly; the held-aside part is never shown need by need.
//! `KOMPIS_EXPLAIN="need:offer,offer;…"` prints feature contributions (not
//! for held-aside needs).

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use kompis_match::{Doc, DocKind, Matcher, Thesaurus};
use serde_json::Value;

fn docs(bundle: &Value, side: &str) -> Vec<Doc> {
    bundle[side]
        .as_array()
        .map(|a| a.as_slice())
        .unwrap_or_default()
        .iter()
        .filter(|e| e["active"].as_bool().unwrap_or(true))
        .map(|e| Doc {
            id: e["id"].as_str().expect("id").to_string(),
            organisation: e["organisation"].as_str().map(str::to_string),
            kind: DocKind::parse(e["kind"].as_str().expect("kind")).expect("known kind"),
            title: e["title"].as_str().unwrap_or_default().to_string(),
            description: e["description"].as_str().unwrap_or_default().to_string(),
            keywords: e["keywords"]
                .as_array()
                .map(|k| {
                    k.iter()
                        .filter_map(|x| x.as_str().map(str::to_string))
                        .collect()
                })
                .unwrap_or_default(),
        })
        .collect()
}

fn metrics(ranked: &[String], gold: &BTreeMap<String, u8>) -> (f64, f64, f64) {
    let k = 5;
    let dcg: f64 = ranked
        .iter()
        .take(k)
        .enumerate()
        .map(|(i, o)| f64::from(*gold.get(o).unwrap_or(&0)) / ((i + 2) as f64).log2())
        .sum();
    let mut ideal: Vec<u8> = gold.values().copied().collect();
    ideal.sort_unstable_by(|a, b| b.cmp(a));
    let idcg: f64 = ideal
        .iter()
        .take(k)
        .enumerate()
        .map(|(i, &g)| f64::from(g) / ((i + 2) as f64).log2())
        .sum();
    let ndcg = if idcg > 0.0 { dcg / idcg } else { 0.0 };
    let g2: HashSet<&String> = gold
        .iter()
        .filter(|(_, &g)| g == 2)
        .map(|(o, _)| o)
        .collect();
    let top: HashSet<&String> = ranked.iter().take(k).collect();
    let rec = if g2.is_empty() {
        0.0
    } else {
        g2.intersection(&top).count() as f64 / g2.len() as f64
    };
    let rr = ranked
        .iter()
        .position(|o| g2.contains(o))
        .map(|i| 1.0 / (i + 1) as f64)
        .unwrap_or(0.0);
    (ndcg, rec, rr)
}

fn main() {
    let verbose = std::env::args().any(|a| a == "-v");
    let per_need = std::env::args().any(|a| a == "-p");
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
        let m = Matcher::new(&Thesaurus::builtin(), &offers);
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
                for oid in oids.split(',') {
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
        for (nid, g) in &gold {
            let need = needs.iter().find(|n| &n.id == nid).expect("need");
            let r = m.rank(need, offers.len());
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
        if empty > 0 {
            println!("{name:5} no-answer needs {empty}, suggested for {empty_sugg}");
        }
    }
}
