//! Speed of the matcher on synthetic catalogues (see `kompis_match::synth`),
//! beside the naive fuzzy-matcher baseline. Figures go into BENCHMARKS.md.
//!
//! Kept short (10 samples, small measurement time): the machine is shared.
//! `cargo bench -p kompis-match` runs everything; a filter such as
//! `cargo bench -p kompis-match -- typeahead` runs one group
//! (`KOMPIS_BENCH_NO_EXTRA=1` skips the p95/memory/naive extrapolation).

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{criterion_group, Criterion};
use kompis_match::naive::{NaiveMatcher, NaiveTypeahead};
use kompis_match::{synth, Matcher, Thesaurus, Typeahead};
use rayon::prelude::*;

#[path = "support/tantivy.rs"]
mod tantivy_baseline;

const SEED: u64 = 2026;

fn quick(c: &mut Criterion) -> criterion::BenchmarkGroup<'_, criterion::measurement::WallTime> {
    let mut g = c.benchmark_group("kompis-match");
    g.sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    g
}

fn matcher_benches(c: &mut Criterion) {
    let thes = Thesaurus::builtin();
    let (offers, needs) = synth::catalogue(SEED, 20_000, 2_000);
    let mut g = quick(c);
    g.bench_function("index build, 20k offers", |b| {
        b.iter(|| black_box(Matcher::new(&thes, &offers)))
    });
    let m = Matcher::new(&thes, &offers);
    let mut i = 0;
    g.bench_function("one need vs 20k offers", |b| {
        b.iter(|| {
            i = (i + 1) % needs.len();
            black_box(m.rank(&needs[i], 10))
        })
    });
    g.measurement_time(Duration::from_secs(8));
    g.bench_function("full re-match, 2k needs x 20k offers", |b| {
        b.iter(|| {
            for n in &needs {
                black_box(m.rank(n, 10));
            }
        })
    });
    g.finish();
}

fn naive_benches(c: &mut Criterion) {
    let (offers, needs) = synth::catalogue(SEED, 20_000, 2_000);
    let mut g = quick(c);
    g.bench_function("naive: index build, 20k offers", |b| {
        b.iter(|| black_box(NaiveMatcher::new(&offers)))
    });
    let m = NaiveMatcher::new(&offers);
    let mut i = 0;
    g.bench_function("naive: one need vs 20k offers", |b| {
        b.iter(|| {
            i = (i + 1) % needs.len();
            black_box(m.rank(&needs[i], 10))
        })
    });
    g.finish();
}

/// Building the index and ranking every need (top 10), kompis-match beside
/// the tantivy baseline (`support/tantivy.rs`): what a search engineer
/// would pick. Both use every core.
fn tantivy_benches(c: &mut Criterion) {
    let thes = Thesaurus::builtin();
    let (offers, needs) = synth::catalogue(SEED, 20_000, 2_000);
    let mut g = quick(c);
    g.measurement_time(Duration::from_secs(20));
    g.bench_function("build + rank all, 2k needs x 20k offers", |b| {
        b.iter(|| {
            let m = Matcher::new(&thes, &offers);
            let ranked: Vec<_> = needs.par_iter().map(|n| m.rank(n, 10)).collect();
            black_box(ranked)
        })
    });
    g.bench_function("tantivy: build + rank all, 2k needs x 20k offers", |b| {
        b.iter(|| {
            let t = tantivy_baseline::TantivyBaseline::new(&offers).expect("tantivy index");
            black_box(t.rank_all(&needs, 10).expect("tantivy search"))
        })
    });
    g.finish();
}

fn typeahead_benches(c: &mut Criterion) {
    let labels = synth::labels(SEED, 100_000);
    let t = Typeahead::new(labels.iter().cloned());
    let queries = typeahead_queries(&labels);
    let naive = NaiveTypeahead::new(&labels);
    let mut g = quick(c);
    let mut i = 0;
    g.bench_function("typeahead, 100k labels", |b| {
        b.iter(|| {
            i = (i + 1) % queries.len();
            black_box(t.query(&queries[i], 10))
        })
    });
    g.bench_function("naive: typeahead, 100k labels", |b| {
        b.iter(|| {
            i = (i + 1) % queries.len();
            black_box(naive.query(&queries[i], 10))
        })
    });
    g.bench_function("typeahead index build, 100k labels", |b| {
        b.iter(|| black_box(Typeahead::new(labels.iter().cloned())))
    });
    g.finish();
}

/// Prefixes of 2–8 letters of real labels, as a user types them.
fn typeahead_queries(labels: &[(String, String)]) -> Vec<String> {
    let mut rng = synth::Rng::new(SEED);
    (0..400)
        .map(|_| {
            let l = &labels[rng.below(labels.len())].1;
            let n = 2 + rng.below(7);
            l.chars().take(n).collect::<String>().trim().to_string()
        })
        .filter(|q| !q.is_empty())
        .collect()
}

fn percentile(mut v: Vec<Duration>, p: f64) -> Duration {
    v.sort();
    v[((v.len() as f64 - 1.0) * p).round() as usize]
}

/// Figures criterion does not give: typeahead p95 and the naive full re-match.
/// (Memory is measured in a fresh process: `--example speed`.)
fn extra_figures() {
    let labels = synth::labels(SEED, 100_000);
    let t = Typeahead::new(labels.iter().cloned());
    let queries = typeahead_queries(&labels);
    let times: Vec<Duration> = queries
        .iter()
        .map(|q| {
            let s = Instant::now();
            black_box(t.query(q, 10));
            s.elapsed()
        })
        .collect();
    println!(
        "typeahead 100k: p50 {:?}, p95 {:?}, max {:?} over {} queries",
        percentile(times.clone(), 0.5),
        percentile(times.clone(), 0.95),
        percentile(times, 1.0),
        queries.len()
    );
    drop(t);
    let naive = NaiveTypeahead::new(&labels);
    let times: Vec<Duration> = queries
        .iter()
        .map(|q| {
            let s = Instant::now();
            black_box(naive.query(q, 10));
            s.elapsed()
        })
        .collect();
    println!(
        "naive typeahead 100k: p50 {:?}, p95 {:?}",
        percentile(times.clone(), 0.5),
        percentile(times, 0.95)
    );

    // Naive full re-match is too slow to sample; time 20 needs and scale.
    let (offers, needs) = synth::catalogue(SEED, 20_000, 2_000);
    let naive = NaiveMatcher::new(&offers);
    let s = Instant::now();
    for n in needs.iter().take(20) {
        black_box(naive.rank(n, 10));
    }
    let per = s.elapsed() / 20;
    println!(
        "naive full re-match 2k x 20k (extrapolated from 20 needs): {:?} ({:?} per need)",
        per * 2_000,
        per
    );
}

criterion_group!(
    benches,
    matcher_benches,
    naive_benches,
    tantivy_benches,
    typeahead_benches
);

fn main() {
    benches();
    if std::env::var_os("KOMPIS_BENCH_NO_EXTRA").is_none() {
        extra_figures();
    }
    Criterion::default().configure_from_args().final_summary();
}
