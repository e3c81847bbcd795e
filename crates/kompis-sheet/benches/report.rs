//! The network report at realistic sizes (`tests/insight/mod.rs::large`:
//! 15 themes, 8 municipalities, 20 quarters with every outcome kind, 200
//! collaborations), as PDF and as XLSX. Figures: BENCHMARKS.md.

#[path = "../tests/insight/mod.rs"]
mod insight;

use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use kompis_sheet::{write_report, ReportFormat, SheetLang};

fn report(c: &mut Criterion) {
    let input = insight::input(insight::large(), SheetLang::Nb);
    let dir = tempfile::tempdir().unwrap();
    let mut g = c.benchmark_group("report");
    g.sample_size(20).measurement_time(Duration::from_secs(10));
    for format in [ReportFormat::Pdf, ReportFormat::Xlsx] {
        let out = dir.path().join(format!("rapport.{}", format.extension()));
        g.bench_function(format.extension(), |b| {
            b.iter(|| write_report(&input, format, &out).unwrap())
        });
    }
    g.finish();
}

criterion_group!(benches, report);
criterion_main!(benches);
