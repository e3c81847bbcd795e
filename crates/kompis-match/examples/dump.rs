//! Prints the rankings of synthetic needs with scores and reasons, to compare
//! two builds of the matcher (`… --example dump > a.txt`, then `diff`).

use kompis_match::{synth, Matcher, Thesaurus};

fn main() {
    let (offers, needs) = synth::catalogue(2026, 20_000, 300);
    let m = Matcher::new(&Thesaurus::builtin(), &offers);
    for need in &needs {
        for r in m.rank(need, 10) {
            let why: Vec<String> = r
                .reasons
                .iter()
                .map(|x| format!("{}:{:?}/{:?}", x.concept, x.need_terms, x.offer_terms))
                .collect();
            println!("{} {} {:.6} {}", need.id, r.id, r.score, why.join(" | "));
        }
    }
}
