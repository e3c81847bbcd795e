//! Resident memory with a large catalogue open and its offer index built:
//! `cargo run --release -p kompis-core --example memory -- 20000`.

use kompis_core::matching::{build_offer_index, rank_catalogue};
use kompis_core::{synthetic, Catalogue};

fn rss_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb: f64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.0);
    kb / 1024.0
}

fn main() {
    let entries: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(20_000);
    let dir = tempfile::tempdir().unwrap();
    {
        let cat = Catalogue::open(dir.path()).unwrap();
        cat.import(&synthetic::bundle(7, entries * 10 / 11, entries / 11))
            .unwrap();
    }
    let base = rss_mb();
    let cat = Catalogue::open(dir.path()).unwrap();
    let opened = rss_mb();
    cat.with_offer_index(build_offer_index, |_| ()).unwrap();
    let ranked = rank_catalogue(&cat, None, 10).unwrap();
    println!(
        "{entries} entries: RSS {base:.0} MB before open, {opened:.0} MB open, {:.0} MB with the offer index built and {} needs ranked",
        rss_mb(),
        ranked.len()
    );
}
