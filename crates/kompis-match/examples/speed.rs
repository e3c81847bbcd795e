//! Quick phase timings on a synthetic catalogue (the criterion benches are the
//! reference): `cargo run --release -p kompis-match --example speed`.

use std::time::Instant;

use kompis_match::{synth, Matcher, Thesaurus};

fn main() {
    let (offers, needs) = synth::catalogue(2026, 20_000, 2_000);
    let thes = Thesaurus::builtin();
    let t = Instant::now();
    let m = Matcher::new(&thes, &offers);
    println!("index build 20k: {:?}", t.elapsed());
    let t = Instant::now();
    let mut n = 0;
    for need in &needs {
        n += m.rank(need, 10).len();
    }
    println!(
        "full re-match 2k x 20k: {:?} ({n} suggestions)",
        t.elapsed()
    );
    println!("per need: {:?}", t.elapsed() / needs.len() as u32);
}
