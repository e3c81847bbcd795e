//! Quick timings on synthetic catalogues (the criterion benches are the
//! reference): `cargo run --release -p kompis-match --example speed [typeahead]`.

use std::time::{Duration, Instant};

use kompis_match::{synth, Matcher, Thesaurus, Typeahead};

fn main() {
    if std::env::args().any(|a| a == "typeahead") {
        let labels = synth::labels(2026, 100_000);
        let t = Instant::now();
        let ta = Typeahead::new(labels.iter().cloned());
        println!("typeahead build 100k: {:?}", t.elapsed());
        let mut rng = synth::Rng::new(7);
        let mut times: Vec<(Duration, String)> = (0..400)
            .map(|_| {
                let l = &labels[rng.below(labels.len())].1;
                let q: String = l.chars().take(1 + rng.below(8)).collect();
                let t = Instant::now();
                std::hint::black_box(ta.query(q.trim(), 10));
                (t.elapsed(), q)
            })
            .collect();
        times.sort();
        println!(
            "typeahead p50 {:?} p95 {:?} max {:?}",
            times[200].0, times[380].0, times[399].0
        );
        for (d, q) in &times[385..] {
            println!("  {d:?} {q:?}");
        }
        return;
    }
    if std::env::args().any(|a| a == "build") {
        let (offers, _) = synth::catalogue(2026, 20_000, 0);
        let reps = if std::env::args().any(|a| a == "once") {
            1
        } else {
            3
        };
        for _ in 0..reps {
            let t = Instant::now();
            std::hint::black_box(Matcher::new(&Thesaurus::builtin(), &offers));
            println!("index build 20k: {:?}", t.elapsed());
        }
        return;
    }
    let rss0 = rss_kib();
    let (offers, needs) = synth::catalogue(2026, 20_000, 2_000);
    let rss1 = rss_kib();
    let thes = Thesaurus::builtin();
    let t = Instant::now();
    let m = Matcher::new(&thes, &offers);
    println!("index build 20k: {:?}", t.elapsed());
    let rss2 = rss_kib();
    println!(
        "resident memory: {} MiB at start, {} MiB with 22k synthetic entries, {} MiB with the 20k index (peak {} MiB)",
        rss0 / 1024,
        rss1 / 1024,
        rss2 / 1024,
        hwm_kib() / 1024
    );
    let t = Instant::now();
    let mut n = 0;
    for need in &needs {
        n += m.rank(need, 10).len();
    }
    println!(
        "full re-match 2k x 20k: {:?} ({n} suggestions)",
        t.elapsed()
    );
    println!("per need: {:?}", t.elapsed() / needs.len() as u32);
}

fn status_kib(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(field))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|x| x.parse().ok())
        })
        .unwrap_or(0)
}

fn rss_kib() -> u64 {
    status_kib("VmRSS:")
}

fn hwm_kib() -> u64 {
    status_kib("VmHWM:")
}
