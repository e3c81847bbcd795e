//! Hostile word lengths: one "word" of 100,000 or 1,000,000 characters
//! (pasted data without spaces), long runs of digits, 10,000 `æ`, long
//! hyphen chains and repeated compounds. Compound splitting and spelling
//! repair try every cut of a word, so without a bound their work grows with
//! the square of its length. The bound is checked by counting work (bytes
//! looked up or compared, [`Matcher::analysis_work`]) and the size of the
//! index, never by a clock.

use kompis_match::{Doc, DocKind, Matcher, Thesaurus};

/// Work a word of at most `MAX_WORD` (64) characters may cost: each of its
/// 61 cuts looks up both sides (3 × 128 bytes for two-byte letters), and
/// each known modifier may split the head once more (× 62): about 1.5 M.
/// Without the bound a word of 100,000 letters cost 10,000 M to index.
const PER_WORD: u64 = 2_000_000;

fn doc(id: &str, org: &str, title: &str, description: &str, keywords: &[&str]) -> Doc {
    Doc {
        keywords: keywords.iter().map(|k| k.to_string()).collect(),
        ..Doc::new(id, org, DocKind::Expertise, title, description)
    }
}

fn normal_offers() -> Vec<Doc> {
    vec![
        doc(
            "o-esg",
            "org-a",
            "Metodikk for bærekraftsrapportering",
            "Vi hjelper med vesentlighetsanalyse og indikatorer.",
            &["ESRS"],
        ),
        doc(
            "o-rekr",
            "org-b",
            "Rekruttering av fagfolk",
            "Vi hjelper bedrifter med rekruttering, intervjuer og utlysning.",
            &[],
        ),
        doc(
            "o-oko",
            "org-c",
            "Kurs i økonomistyring",
            "Budsjett, likviditet og lønnsomhet for små bedrifter.",
            &[],
        ),
    ]
}

/// The hostile words, by name.
fn corpus() -> Vec<(&'static str, String)> {
    vec![
        ("100k letters", "a".repeat(100_000)),
        ("1M letters", "a".repeat(1_000_000)),
        ("100k of a known word", "rapportering".repeat(100_000 / 12)),
        ("1M of a known word", "rapportering".repeat(1_000_000 / 12)),
        (
            "1M of a compound",
            "bærekraftsrapportering".repeat(1_000_000 / 22),
        ),
        ("1M digits", "1234567890".repeat(100_000)),
        ("10,000 æ", "æ".repeat(10_000)),
        ("hyphen chain", "ab-".repeat(100_000)),
        ("missing æøå", "okonomistyring".repeat(10_000)),
    ]
}

/// An index of the normal offers plus one whose title, description and
/// keyword are `word`, and the work and size of building it.
fn with_hostile(word: &str) -> Matcher {
    let mut offers = normal_offers();
    offers.push(doc(
        "o-hostile",
        "org-x",
        word,
        &format!("{word} og {word}x"),
        &[word],
    ));
    Matcher::new(&Thesaurus::builtin(), &offers)
}

fn hostile_need(word: &str) -> Doc {
    doc(
        "n-hostile",
        "org-y",
        &format!("{word}y rapportering av bærekraft"),
        &format!("z{word}"),
        &[word],
    )
}

#[test]
fn long_words_cost_bounded_work_and_space() {
    let base = Matcher::new(&Thesaurus::builtin(), &normal_offers());
    let base_work = base.analysis_work();
    let (base_feats, base_bytes) = base.index_size();
    let mut work_of = Vec::new();
    for (name, word) in corpus() {
        let m = with_hostile(&word);
        let built = m.analysis_work();
        // The hostile entry brings a few distinct (cut) words.
        assert!(
            built <= base_work + 4 * PER_WORD,
            "{name}: building cost {built} units of work, base {base_work}"
        );
        let (feats, bytes) = m.index_size();
        assert!(
            feats <= base_feats + 64,
            "{name}: {feats} features, base {base_feats}"
        );
        assert!(
            bytes <= base_bytes + 4 * 4 * 64,
            "{name}: {bytes} bytes of words kept, base {base_bytes}"
        );
        // A need made of the same word, with unknown variants to repair.
        let ranked = m.rank(&hostile_need(&word), 10);
        let asked = m.analysis_work() - built;
        assert!(
            asked <= 4 * PER_WORD,
            "{name}: one query cost {asked} units of work"
        );
        // The ordinary words of the same need still find their offer.
        assert!(ranked.iter().any(|r| r.id == "o-esg"), "{name}: {ranked:?}");
        let (explained, _) = m.explain(&hostile_need(&word), "o-esg");
        assert!(
            explained.len() <= 64,
            "{name}: the need has {} features",
            explained.len()
        );
        work_of.push((name, built, asked));
    }
    // Ten times the length, the same work: a word is analysed as its first
    // 64 characters, whatever follows.
    let get = |n: &str| work_of.iter().find(|w| w.0 == n).map(|w| (w.1, w.2));
    assert_eq!(get("100k letters"), get("1M letters"));
    assert_eq!(get("100k of a known word"), get("1M of a known word"));
}

#[test]
fn normal_ranking_is_untouched_by_a_hostile_neighbour() {
    let thes = Thesaurus::builtin();
    let plain = Matcher::new(&thes, &normal_offers());
    let need = doc(
        "n-1",
        "org-n",
        "Rapportering av bærekraft",
        "Trenger hjelp med ESRS og rekruttering av fagfolk.",
        &[],
    );
    let before = plain.rank(&need, 10);
    assert_eq!(before.first().map(|r| r.id.as_str()), Some("o-esg"));
    let hostile = with_hostile(&"1".repeat(1_000_000));
    let after = hostile.rank(&need, 10);
    let ids = |r: &[kompis_match::Ranked]| r.iter().map(|x| x.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&before), ids(&after));
}
