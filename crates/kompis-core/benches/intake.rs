//! Intake of a 20,000-row table (a need, its organisation and contact on
//! each row, 400 organisations) onto the example network: the review (all
//! new), the apply (one batch into a fresh catalogue), and the review of the
//! same file once applied (all unchanged). Figures in the README.

use std::path::Path;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use kompis_core::api::{self, wire::IntakeOptions};

const ROWS: usize = 20_000;

fn table(path: &Path) {
    let kinds = [
        "Fagkompetanse",
        "Studentoppgave",
        "Kurs",
        "Erfaringsdeling",
        "Utstyr",
        "Stilling",
    ];
    let mut text =
        String::from("Tittel;Beskrivelse;Stikkord;Bedrift;Kontaktperson;E-post;Frist;Type\n");
    for i in 0..ROWS {
        let org = i % 400;
        text.push_str(&format!(
            "Behov {i} innen bærekraft og sveising;Vi i bedrift {org} trenger hjelp med oppgave {i};sveising, bærekraft / lean;Bedrift {org} AS;Kontakt {org};kontakt{org}@bedrift{org}.no;{}.{}.2027;{}\n",
            i % 28 + 1,
            i % 12 + 1,
            kinds[i % kinds.len()]
        ));
    }
    std::fs::write(path, text).unwrap();
}

fn fresh(dir: &Path) -> api::Catalogue {
    let cat = api::open(dir).unwrap();
    api::load_demo(&cat).unwrap();
    cat
}

fn intake(c: &mut Criterion) {
    let files = tempfile::tempdir().unwrap();
    let csv = files.path().join("behov.csv");
    table(&csv);
    let opts = IntakeOptions::default();
    let mut g = c.benchmark_group("intake");
    g.sample_size(10);

    let cat = fresh(&files.path().join("review"));
    g.bench_function("review_20000_rows_new", |b| {
        b.iter(|| {
            let r = api::intake_review(&cat, &csv, &opts).unwrap();
            assert_eq!(r.summary.new as usize, ROWS + 800);
        })
    });
    drop(cat);

    let mut n = 0;
    g.bench_function("apply_20000_rows_one_batch", |b| {
        b.iter_batched(
            || {
                n += 1;
                fresh(&files.path().join(format!("apply-{n}")))
            },
            |cat| {
                api::intake_apply(&cat, &csv, &opts).unwrap();
                cat
            },
            BatchSize::PerIteration,
        )
    });

    let cat = fresh(&files.path().join("again"));
    api::intake_apply(&cat, &csv, &opts).unwrap();
    g.bench_function("review_20000_rows_unchanged", |b| {
        b.iter(|| {
            let r = api::intake_review(&cat, &csv, &opts).unwrap();
            assert_eq!(r.summary.unchanged as usize, ROWS);
        })
    });
    g.finish();
}

criterion_group!(benches, intake);
criterion_main!(benches);
