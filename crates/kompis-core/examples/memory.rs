//! Resident memory with a large catalogue open and its offer index built,
//! measured in a process that only opens the catalogue:
//! `cargo run --release -p kompis-core --example memory -- make DIR 20000`, then
//! `cargo run --release -p kompis-core --example memory -- open DIR`.

use std::path::Path;

use kompis_core::api;
use kompis_core::{synthetic, Catalogue};

fn rss_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| -> f64 {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.split_whitespace().next())
            .and_then(|v| v.parse().ok())
            .unwrap_or(0.0)
    };
    field("VmRSS:") / 1024.0
}

fn peak_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse::<f64>().ok())
        .unwrap_or(0.0)
        / 1024.0
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["make", dir, n] => {
            let entries: usize = n.parse().expect("a number of entries");
            let cat = Catalogue::open(Path::new(dir)).unwrap();
            cat.import(&synthetic::bundle(7, entries * 10 / 11, entries / 11))
                .unwrap();
            println!("made {entries} entries in {dir}");
        }
        ["open", dir] => {
            let start = rss_mb();
            let cat = Catalogue::open(Path::new(dir)).unwrap();
            let opened = rss_mb();
            api::warm_offer_index(&cat).unwrap();
            let indexed = rss_mb();
            let ranked = api::rank_needs(&cat, None, 10).unwrap();
            println!(
                "RSS {start:.0} MB at start, {opened:.0} MB open, {indexed:.0} MB with the offer index, \
                 {:.0} MB after ranking {} needs; peak {:.0} MB",
                rss_mb(),
                ranked.len(),
                peak_mb()
            );
        }
        _ => eprintln!("usage: memory make DIR N | memory open DIR"),
    }
}
