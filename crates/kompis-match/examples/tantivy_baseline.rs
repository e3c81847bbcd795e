//! Wall time and peak resident memory of the tantivy baseline
//! (`benches/support/tantivy.rs`) building its index over 20,000 synthetic
//! offers and ranking the ten best for each of 2,000 needs, in a fresh
//! process, to compare with `kompis match --json --top 10` on the same
//! catalogue (`scripts/match-speed.sh`, `make match-speed`):
//! `cargo run --release -p kompis-match --example tantivy_baseline [SEED]`.
//! The default seed, 7, is the one of `kompis_core::synthetic::bundle(7, …)`.

use std::time::Instant;

use kompis_match::synth;

#[path = "../benches/support/tantivy.rs"]
mod tantivy_baseline;

/// A `/proc/self/status` field in MiB (0 where there is none).
fn status_mib(field: &str) -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix(field))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse::<f64>().ok())
        .unwrap_or(0.0)
        / 1024.0
}

fn main() -> tantivy::Result<()> {
    let seed = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(7);
    let start = Instant::now();
    let (offers, needs) = synth::catalogue(seed, 20_000, 2_000);
    let made = start.elapsed();
    let t = Instant::now();
    let index = tantivy_baseline::TantivyBaseline::new(&offers)?;
    let built = t.elapsed();
    let t = Instant::now();
    let ranked = index.rank_all(&needs, 10)?;
    let rank = t.elapsed();
    let hits: usize = ranked.iter().map(Vec::len).sum();
    std::hint::black_box(&ranked);
    println!(
        "tantivy 0.27, {} offers x {} needs (seed {seed}): catalogue {:.0} ms, index {:.0} ms, ranking {:.0} ms ({hits} hits), build + rank {:.0} ms, whole {:.0} ms; peak RSS {:.1} MiB",
        offers.len(),
        needs.len(),
        made.as_secs_f64() * 1e3,
        built.as_secs_f64() * 1e3,
        rank.as_secs_f64() * 1e3,
        (built + rank).as_secs_f64() * 1e3,
        start.elapsed().as_secs_f64() * 1e3,
        status_mib("VmHWM:"),
    );
    Ok(())
}
