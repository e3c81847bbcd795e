use kompis_match::{Doc, DocKind, Matcher, Thesaurus};
use std::time::Instant;
fn main() {
    let n: usize = std::env::args().nth(1).unwrap().parse().unwrap();
    let ch = std::env::args().nth(2).unwrap_or("a".into());
    let word: String = ch.repeat(n);
    let mk = |id: &str, t: &str| Doc { id: id.into(), organisation: Some(id.into()), kind: DocKind::Expertise, title: t.into(), description: "Vi hjelper med bærekraftsrapportering og rekruttering".into(), keywords: vec![] };
    let offers = vec![mk("o1", &word), mk("o2", "Kurs i økonomistyring")];
    let t = Instant::now();
    let m = Matcher::new(&Thesaurus::builtin(), &offers);
    eprintln!("build {:?}", t.elapsed());
    let t = Instant::now();
    let r = m.rank(&mk("n1", &format!("{word} rapportering")), 10);
    eprintln!("rank {:?} {}", t.elapsed(), r.len());
}
