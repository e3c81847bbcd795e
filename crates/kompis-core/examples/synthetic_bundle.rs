//! Writes a synthetic catalogue (`kompis_core::synthetic::bundle`) as a
//! bundle file for `kompis --db DIR import FILE`:
//! `cargo run --release -p kompis-core --example synthetic_bundle -- FILE [OFFERS NEEDS SEED]`
//! (default 20,000 offers, 2,000 needs, seed 7). `scripts/match-speed.sh`
//! uses it.

use kompis_core::synthetic;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(file) = args.next() else {
        eprintln!("usage: synthetic_bundle FILE [OFFERS NEEDS SEED]");
        std::process::exit(2);
    };
    let mut number = |default: u64| args.next().and_then(|a| a.parse().ok()).unwrap_or(default);
    let offers = number(20_000) as usize;
    let needs = number(2_000) as usize;
    let seed = number(7);
    let bundle = synthetic::bundle(seed, offers, needs);
    let text = serde_json::to_string(&bundle).expect("a bundle serialises");
    std::fs::write(&file, text).unwrap_or_else(|e| panic!("writing {file}: {e}"));
    println!("{offers} offers, {needs} needs (seed {seed}) written to {file}");
}
