//! Seeded synthetic catalogues for benchmarks and load tests.
//!
//! Texts are drawn from the built-in thesaurus terms, a list of everyday
//! Norwegian and English words and made-up compounds of both, so that the
//! vocabulary, compound splitting and concept expansion work as hard as on
//! real entries. The same seed always gives the same catalogue.

use crate::{Doc, DocKind, Thesaurus};

/// A small, fast, seeded generator (SplitMix64).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator for `seed`.
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    /// Next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }

    fn pick<'a, T>(&mut self, v: &'a [T]) -> &'a T {
        &v[self.below(v.len())]
    }

    fn topic(&mut self, topic: &[usize]) -> usize {
        topic[self.below(topic.len())]
    }
}

const FILLER: &str = "vi har en et og i på til med for som av om det er ønsker trenger \
    bedrift bedriften ansatte kunder prosjekt prosjektet arbeid året region regionen \
    hjelp erfaring løsning løsninger behov utvikling plan planer kompetanse samarbeid \
    produkter tjenester marked drift system rutiner tiltak kvalitet kostnader data \
    we our the and with for in to of need help team company customers project work \
    new experience support solution plan process quality people region local";

/// Size of the pool of made-up compounds.
const COMPOUNDS: usize = 6_000;

const KINDS: [DocKind; 6] = [
    DocKind::Expertise,
    DocKind::Experience,
    DocKind::StudentProject,
    DocKind::Training,
    DocKind::Facility,
    DocKind::Position,
];

/// Word source for synthetic texts.
pub struct Vocabulary {
    groups: Vec<Vec<String>>,
    filler: Vec<String>,
    /// Made-up compounds (a fixed pool: real vocabularies repeat themselves).
    compounds: Vec<String>,
}

impl Vocabulary {
    /// Vocabulary from the built-in thesaurus.
    pub fn builtin() -> Self {
        let groups: Vec<Vec<String>> = Thesaurus::builtin()
            .groups()
            .iter()
            .map(|g| g.terms.clone())
            .collect();
        let mut rng = Rng::new(0x5eed);
        let compounds = (0..COMPOUNDS)
            .map(|_| {
                let ga = rng.below(groups.len());
                let gb = rng.below(groups.len());
                let a = rng.pick(&groups[ga]).to_lowercase();
                let b = rng.pick(&groups[gb]).to_lowercase();
                let a = a.split_whitespace().next().unwrap_or("x").to_string();
                let b = b.split_whitespace().last().unwrap_or("y").to_string();
                if rng.chance(0.5) {
                    format!("{a}s{b}")
                } else {
                    format!("{a}{b}")
                }
            })
            .collect();
        Vocabulary {
            groups,
            filler: FILLER.split_whitespace().map(str::to_string).collect(),
            compounds,
        }
    }

    fn word(&self, rng: &mut Rng, topic: &[usize]) -> String {
        let r = rng.below(100);
        if r < 35 {
            let g = &self.groups[rng.topic(topic)];
            rng.pick(g).clone()
        } else if r < 45 {
            rng.pick(&self.compounds).clone()
        } else if r < 50 {
            let g = rng.below(self.groups.len());
            rng.pick(&self.groups[g]).clone()
        } else {
            rng.pick(&self.filler).clone()
        }
    }

    fn text(&self, rng: &mut Rng, topic: &[usize], words: usize) -> String {
        let mut out = Vec::with_capacity(words);
        for _ in 0..words {
            let mut w = self.word(rng, topic);
            if rng.chance(0.02) {
                // Typed without æøå.
                w = crate::text::ascii_key(&crate::fold(&w));
            }
            out.push(w);
        }
        out.join(" ")
    }

    /// One entry about 1–3 random concepts.
    pub fn doc(&self, rng: &mut Rng, id: String, orgs: usize) -> Doc {
        let topic: Vec<usize> = (0..1 + rng.below(3))
            .map(|_| rng.below(self.groups.len()))
            .collect();
        let title_len = 3 + rng.below(5);
        // About 30–35 words in all, as the entries of the dev set.
        let desc_len = 12 + rng.below(19);
        let keywords = (0..rng.below(4))
            .map(|_| {
                let g = rng.topic(&topic);
                rng.pick(&self.groups[g]).clone()
            })
            .collect();
        Doc {
            id,
            organisation: Some(format!("org-{}", rng.below(orgs.max(1)))),
            kind: *rng.pick(&KINDS),
            title: self.text(rng, &topic, title_len),
            description: self.text(rng, &topic, desc_len),
            keywords,
        }
    }
}

/// `(offers, needs)` of the given sizes, from `seed`.
pub fn catalogue(seed: u64, offers: usize, needs: usize) -> (Vec<Doc>, Vec<Doc>) {
    let v = Vocabulary::builtin();
    let mut rng = Rng::new(seed);
    let orgs = ((offers + needs) / 20).max(1);
    let o = (0..offers)
        .map(|i| v.doc(&mut rng, format!("o-{i}"), orgs))
        .collect();
    let n = (0..needs)
        .map(|i| v.doc(&mut rng, format!("n-{i}"), orgs))
        .collect();
    (o, n)
}

/// `n` `(id, label)` pairs for typeahead, from `seed`.
pub fn labels(seed: u64, n: usize) -> Vec<(String, String)> {
    let v = Vocabulary::builtin();
    let mut rng = Rng::new(seed);
    (0..n)
        .map(|i| {
            let topic = [rng.below(v.groups.len())];
            let len = 2 + rng.below(6);
            (format!("e-{i}"), v.text(&mut rng, &topic, len))
        })
        .collect()
}

/// `n` rows for the list filter ([`crate::listing::ListIndex`]), about 60
/// words each: a title (weight 2), keywords (1.5), a description made of two
/// synthetic entries (1) and a made-up contact name and place (1), so that
/// the vocabulary also has the many rare words (names) of a real catalogue.
pub fn list_rows(seed: u64, n: usize) -> Vec<Vec<(String, f32)>> {
    let (docs, _) = catalogue(seed, 2 * n, 0);
    let mut rng = Rng::new(seed);
    const SYL: &[&str] = &[
        "an", "ber", "dal", "en", "fjell", "gard", "han", "heim", "ing", "jo", "kar", "lund", "mo",
        "ness", "ol", "per", "rud", "sen", "stad", "tor", "vik", "øy", "ås", "bakk", "li", "stein",
        "haug", "nes", "bø", "sæ",
    ];
    let mut name = || {
        let k = 2 + rng.below(3);
        let s: String = (0..k).map(|_| *rng.pick(SYL)).collect();
        let mut c = s.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c).collect::<String>())
            .unwrap_or_default()
    };
    docs.chunks(2)
        .map(|p| {
            let contact: String = format!("{} {}, {}", name(), name(), name());
            let more = p
                .get(1)
                .map_or(String::new(), |d| format!("{} {}", d.title, d.description));
            vec![
                (p[0].title.clone(), 2.0),
                (p[0].keywords.join(", "), 1.5),
                (format!("{} {more}", p[0].description), 1.0),
                (contact, 1.0),
            ]
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_catalogue() {
        let a = catalogue(7, 50, 10);
        let b = catalogue(7, 50, 10);
        assert_eq!(a, b);
        assert_ne!(a, catalogue(8, 50, 10));
        assert_eq!(a.0.len(), 50);
        assert_eq!(a.1.len(), 10);
        assert!(a.0.iter().all(|d| !d.title.is_empty()));
    }
}
