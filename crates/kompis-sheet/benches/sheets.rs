//! The two heavy exports: a 1,000-need per-need PDF (1,000 pages, 5 matches
//! each) and a 100,000-row XLSX (100,000 matches; 20,000 needs and offers).
//! Short samples: the machine has 2 shared cores. Figures: BENCHMARKS.md.

#[path = "../tests/common/mod.rs"]
mod common;

use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use kompis_sheet::{write_sheet, Format, SheetOptions};

fn pdf_1000_needs(c: &mut Criterion) {
    let input = common::big(1_000, 5);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("per-need.pdf");
    let mut g = c.benchmark_group("pdf");
    g.sample_size(10).measurement_time(Duration::from_secs(20));
    g.bench_function("per_need_1000_needs", |b| {
        b.iter(|| write_sheet(&input, &SheetOptions::new(Format::Pdf), &out).unwrap())
    });
    g.finish();
}

fn xlsx_100k_rows(c: &mut Criterion) {
    let input = common::big(20_000, 5);
    assert_eq!(input.matches.len(), 100_000);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("sheet.xlsx");
    let mut g = c.benchmark_group("xlsx");
    g.sample_size(10).measurement_time(Duration::from_secs(30));
    g.bench_function("matches_100000_rows", |b| {
        b.iter(|| write_sheet(&input, &SheetOptions::new(Format::Xlsx), &out).unwrap())
    });
    g.bench_function("csv_100000_rows", |b| {
        let out = dir.path().join("sheet.csv");
        b.iter(|| write_sheet(&input, &SheetOptions::new(Format::CSV), &out).unwrap())
    });
    g.finish();
}

criterion_group!(benches, pdf_1000_needs, xlsx_100k_rows);
criterion_main!(benches);
