//! Start-up with a large catalogue: opening the sled store and building the
//! offer index from it (what the app does before its first match view), and
//! ranking one need against the cached index. See BENCHMARKS.md.

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use kompis_core::api;
use kompis_core::{synthetic, Catalogue};

fn startup(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    {
        let cat = Catalogue::open(dir.path()).unwrap();
        cat.import(&synthetic::bundle(7, 20_000, 2_000)).unwrap();
    }
    let mut g = c.benchmark_group("store");
    g.sample_size(10);
    // Start-up is open + index; closing the catalogue (dropping it and its
    // index) happens outside the timing, one iteration at a time, since the
    // next open needs the lock back.
    g.bench_function("open_and_build_index_20000_offers", |b| {
        b.iter_batched(
            || (),
            |()| {
                let cat = Catalogue::open(dir.path()).unwrap();
                let n = api::warm_offer_index(&cat).unwrap();
                assert_eq!(n, 20_000);
                cat
            },
            BatchSize::PerIteration,
        )
    });
    g.bench_function("read_20000_offers_from_sled", |b| {
        let cat = Catalogue::open(dir.path()).unwrap();
        b.iter(|| assert_eq!(cat.offers().unwrap().len(), 20_000))
    });
    let cat = Catalogue::open(dir.path()).unwrap();
    let need = cat.needs().unwrap()[0].id.clone();
    api::warm_offer_index(&cat).unwrap();
    g.bench_function("one_need_against_cached_index_20000_offers", |b| {
        b.iter(|| api::rank_needs(&cat, Some(&need), 10).unwrap())
    });
    g.finish();
}

criterion_group!(benches, startup);
criterion_main!(benches);
