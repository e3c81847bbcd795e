//! Speed of the list filter (`kompis_match::listing`) over 20,000 synthetic
//! rows of about 60 words. Figures go into BENCHMARKS.md.
//!
//! `cargo bench -p kompis-match --bench listing` (short runs: the machine is
//! shared). Rows from `synth::list_rows`: title, keywords, description and
//! a made-up contact, about 60 words.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{criterion_group, Criterion};
use kompis_match::listing::ListIndex;
use kompis_match::synth;

const SEED: u64 = 2026;

/// Queries as typed in a list filter: word starts, whole words, missing
/// æøå, typos, several words, one letter (the widest).
const QUERIES: &[&str] = &[
    "s",
    "ba",
    "bære",
    "bærekraft",
    "barekraft",
    "baerekraft",
    "rekrutering",
    "digitalisering",
    "hms",
    "lean produksjon",
    "kurs i hms",
    "vesentlighetsanalyse",
    "okonomistyring",
    "energi kartlegging",
    "sikkerhet",
    "sertifkat",
    "hansen",
    "innovasjon samarbeid",
    "xyzzy",
    "logistikk eksport",
];

fn listing_benches(c: &mut Criterion) {
    let rows = synth::list_rows(SEED, 20_000);
    let words: usize = rows
        .iter()
        .flatten()
        .map(|(t, _)| t.split_whitespace().count())
        .sum();
    println!(
        "{} rows, {:.1} words per row",
        rows.len(),
        words as f64 / rows.len() as f64
    );
    let mut g = c.benchmark_group("listing");
    g.sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    g.bench_function("list index build, 20k rows", |b| {
        b.iter(|| black_box(ListIndex::new(&rows)))
    });
    let ix = ListIndex::new(&rows);
    let mut i = 0;
    g.bench_function("list query, 20k rows (mixed queries)", |b| {
        b.iter(|| {
            i = (i + 1) % QUERIES.len();
            black_box(ix.query(QUERIES[i]))
        })
    });
    g.finish();
    // Per query: hits and the median of 20 runs.
    for q in QUERIES {
        let mut t: Vec<Duration> = (0..20)
            .map(|_| {
                let s = Instant::now();
                black_box(ix.query(q));
                s.elapsed()
            })
            .collect();
        t.sort();
        println!(
            "query {:<24} {:>6} hits  median {:?}  max {:?}",
            format!("{q:?}"),
            ix.query(q).len(),
            t[10],
            t[19]
        );
    }
}

criterion_group!(benches, listing_benches);

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
}
