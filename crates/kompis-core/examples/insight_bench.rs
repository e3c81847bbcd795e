//! What the insight figures cost on a large catalogue: 20,000 offers,
//! 2,000 needs and 5,000 match records with a history (and outcomes on the
//! agreed ones), spread over 2024–2026.
//! `cargo run --release -p kompis-core --example insight_bench`.

use std::time::{Duration, Instant};

use chrono::{Duration as Days, TimeZone, Utc};
use kompis_core::api::{self, Catalogue};
use kompis_core::model::{MatchRecord, MatchStatus, Outcome, OutcomeKind, StatusEvent};
use kompis_core::synthetic;

fn time<T>(label: &str, f: impl FnOnce() -> T) -> (T, Duration) {
    let t = Instant::now();
    let v = f();
    let d = t.elapsed();
    println!("{label:<60} {:>9.1} ms", d.as_secs_f64() * 1000.0);
    (v, d)
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let cat = Catalogue::open(dir.path()).unwrap();
    let mut bundle = synthetic::bundle(7, 20_000, 2_000);
    // 5,000 pairs: each need with 2–3 offers, walked some way along the
    // workflow; every agreed pair after the first with one or two outcomes.
    let start = Utc.with_ymd_and_hms(2024, 1, 15, 9, 0, 0).unwrap();
    let steps = [
        MatchStatus::Shortlisted,
        MatchStatus::Contacted,
        MatchStatus::Agreed,
    ];
    for k in 0..5_000usize {
        let need = &bundle.needs[k % bundle.needs.len()];
        let offer = &bundle.offers[(k * 7919) % bundle.offers.len()];
        let mut m = MatchRecord::new(&need.id, &offer.id);
        let mut at = start + Days::days((k % 900) as i64);
        let reach = k % 4; // 0: shortlisted … 2: agreed, 3: declined
        for (i, status) in steps.iter().enumerate() {
            if i > reach.min(2) {
                break;
            }
            m.history.push(StatusEvent {
                status: *status,
                at,
                reason: None,
                note: None,
                undo: false,
            });
            at += Days::days(9);
        }
        if reach == 3 {
            m.history.push(StatusEvent {
                status: MatchStatus::Declined,
                at,
                reason: Some(kompis_core::model::DeclineReason::BadTiming),
                note: None,
                undo: false,
            });
        }
        m.status = m.history.last().map(|e| e.status);
        m.updated_at = Some(at);
        if m.status == Some(MatchStatus::Agreed) && k % 3 != 0 {
            for j in 0..(1 + k % 2) {
                m.outcomes.push(Outcome {
                    kind: OutcomeKind::ALL[(k + j) % OutcomeKind::ALL.len()],
                    date: (at + Days::days(20 + 30 * j as i64)).date_naive(),
                    note: None,
                    level: None,
                    recorded_at: at,
                });
            }
        }
        bundle.matches.push(m);
    }
    cat.import(&bundle).unwrap();
    drop(cat);
    let cat = Catalogue::open(dir.path()).unwrap();
    println!("20,000 offers, 2,000 needs, 5,000 matches with history\n");
    time(
        "rank every active need (the cached ranking, built once)",
        || api::all_competence_gaps(&cat).unwrap(),
    );
    let q = |from: Option<&str>, m: Option<&str>| api::wire::InsightQuery {
        from: from.map(str::to_string),
        to: None,
        municipality: m.map(str::to_string),
    };
    let (first, _) = time(
        "insight, first (decodes entries, analyses 22,000 texts)",
        || api::insight(&cat, q(None, None)).unwrap(),
    );
    let mut worst = Duration::ZERO;
    for (label, query) in [
        ("insight, again (all of it)", q(None, None)),
        (
            "insight, one municipality (Trysil)",
            q(None, Some("Trysil")),
        ),
        ("insight, the year 2025", q(Some("2025-01-01"), None)),
    ] {
        let (_, d) = time(label, || api::insight(&cat, query).unwrap());
        worst = worst.max(d);
    }
    // A write drops the decoded entries and the ranking; the texts' themes
    // are kept.
    let agreed = first.collaborations.len();
    let m = cat
        .match_records()
        .unwrap()
        .into_iter()
        .find(|m| m.status == Some(MatchStatus::Agreed))
        .unwrap();
    time("record an outcome", || {
        api::record_outcome(
            &cat,
            api::wire::OutcomeRequest {
                need: m.need.clone(),
                offer: m.offer.clone(),
                kind: OutcomeKind::Hire,
                date: None,
                note: None,
                level: None,
            },
        )
        .unwrap()
    });
    time(
        "rank every active need again (the write dropped it)",
        || api::all_competence_gaps(&cat).unwrap(),
    );
    let (_, d) = time(
        "insight after the write (entries decoded again, themes kept)",
        || api::insight(&cat, q(None, None)).unwrap(),
    );
    worst = worst.max(d);
    let (_, d) = time("insight after that", || {
        api::insight(&cat, q(None, Some("Elverum"))).unwrap()
    });
    worst = worst.max(d);
    println!(
        "\nfigures: {} needs, {} offers, {} agreed, {} outcomes, {} themes, {} quarters, {agreed} named collaborations",
        first.key.needs,
        first.key.offers,
        first.key.agreed,
        first.key.outcomes,
        first.themes.len(),
        first.outcomes_by_quarter.len()
    );
    println!(
        "slowest insight with the ranking cached: {:.1} ms",
        worst.as_secs_f64() * 1000.0
    );
    // The network report, figures and file, as `kompis report` writes it.
    println!();
    for (label, file, lang) in [
        ("report as PDF (nb), figures included", "rapport.pdf", "nb"),
        ("report as XLSX (en), figures included", "report.xlsx", "en"),
    ] {
        let path = dir.path().join(file);
        let request = api::wire::ReportRequest {
            query: q(None, None),
            lang: serde_json::from_value(serde_json::json!(lang)).unwrap(),
        };
        let (s, _) = time(label, || {
            api::export_report_file(&cat, request, &path).unwrap()
        });
        println!("  {} bytes, {} pages", s.bytes, s.pages.unwrap_or(0));
    }
}
