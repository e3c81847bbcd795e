//! The list filter on real Norwegian texts: folding, word starts, typos,
//! several words, ordering, marks, and odd input.

use kompis_match::listing::{Hit, ListIndex, MAX_QUERY_WORDS};
use kompis_match::synth;

const TITLE: f32 = 2.0;
const DESC: f32 = 1.0;

/// Needs as the app lists them: title and description.
fn needs() -> Vec<[(&'static str, f32); 2]> {
    vec![
        [
            ("Sveising av rustfritt stål", TITLE),
            (
                "Vi trenger hjelp med TIG-sveising og sveisesertifikat for to ansatte.",
                DESC,
            ),
        ],
        [
            ("Bærekraftsrapportering etter CSRD", TITLE),
            (
                "Kunden krever ESG-data og en enkel rapport om bærekraft hvert år.",
                DESC,
            ),
        ],
        [
            ("Lean i produksjonen", TITLE),
            (
                "Vi vil innføre lean og 5S i sagbruket, og trenger erfaring fra andre.",
                DESC,
            ),
        ],
        [
            ("Rekruttering av lærlinger", TITLE),
            (
                "Vi søker en lærebedrift å samarbeide med om rekruttering av unge fagfolk.",
                DESC,
            ),
        ],
        [
            ("Økonomistyring for små bedrifter", TITLE),
            (
                "Månedlig rapportering til styret og bedre lønnsomhet. Svein Åsen er kontakt.",
                DESC,
            ),
        ],
        [
            ("HMS-kartlegging på verkstedet", TITLE),
            (
                "Støy, ergonomi og sveiserøyk må kartlegges før nyttår. BÆREKRAFT er også et tema.",
                DESC,
            ),
        ],
        [
            ("Kafé og kantine", TITLE),
            ("Vi ønsker råd om matsvinn i kantina.", DESC),
        ],
    ]
}

fn rows_of(hits: &[Hit<'_>]) -> Vec<usize> {
    hits.iter().map(|h| h.row).collect()
}

fn sorted(mut v: Vec<usize>) -> Vec<usize> {
    v.sort_unstable();
    v
}

#[test]
fn baerekraft_found_with_and_without_aeoeaa_and_in_any_case() {
    let ix = ListIndex::new(&needs());
    for q in [
        "bærekraft",
        "barekraft",
        "baerekraft",
        "BÆREKRAFT",
        "Bærekraft",
    ] {
        let r = ix.query(q);
        // Row 1 has «bærekraft» in its description and «Bærekraftsrapportering»
        // as a word start; row 5 has «BÆREKRAFT».
        assert_eq!(sorted(rows_of(&r)), vec![1, 5], "{q}");
    }
    // Compounds are found by their first word, not by their inner words.
    assert!(ix.query("kraft").is_empty());
    // «rapportering» of row 4, not the compound of row 1.
    assert_eq!(rows_of(&ix.query("rapportering")), vec![4]);
}

#[test]
fn a_word_start_finds_its_words_and_only_those() {
    let ix = ListIndex::new(&needs());
    let r = ix.query("sveis");
    // «Sveising», «sveisesertifikat», «sveiserøyk»; then «Svein», one edit
    // away (a five-letter word may have a typo).
    assert_eq!(sorted(rows_of(&r[..2])), vec![0, 5]);
    assert_eq!(rows_of(&r[2..]), vec![4]);
    assert_eq!(r[2].marks, vec!["Svein"]);
    let marks = &r.iter().find(|h| h.row == 0).expect("row 0").marks;
    for m in ["Sveising", "sveising", "sveisesertifikat"] {
        assert!(marks.contains(&m), "{m} in {marks:?}");
    }
    assert!(!marks.contains(&"TIG"));
    assert_eq!(ix.query("svein")[0].row, 4);
    // «lean» is a word of row 2 only; not inside other words.
    assert_eq!(rows_of(&ix.query("lean")), vec![2]);
    assert_eq!(rows_of(&ix.query("LEAN")), vec![2]);
}

#[test]
fn every_word_must_be_held() {
    let ix = ListIndex::new(&needs());
    assert_eq!(
        rows_of(&ix.query("sveising sertifikat")),
        Vec::<usize>::new()
    );
    assert_eq!(rows_of(&ix.query("sveising sveisesertifikat")), vec![0]);
    assert_eq!(rows_of(&ix.query("rapport bære")), vec![1]);
    assert_eq!(rows_of(&ix.query("vi trenger erfaring")), vec![2]);
    // Word order and punctuation do not matter.
    assert_eq!(rows_of(&ix.query("erfaring, trenger; vi")), vec![2]);
    assert!(ix.query("lean sveis").is_empty());
}

#[test]
fn typos_in_longer_words_only() {
    let ix = ListIndex::new(&needs());
    // One edit from a whole word (≥ 5 letters).
    assert_eq!(rows_of(&ix.query("rekrutering")), vec![3]);
    assert_eq!(rows_of(&ix.query("sveisng")), vec![0]);
    assert_eq!(rows_of(&ix.query("produksjnen")), vec![2]);
    // Two swapped letters are one edit.
    assert_eq!(rows_of(&ix.query("ergonmoi")), vec![5]);
    // Two edits from a word start of the same length (≥ 9 letters).
    assert_eq!(rows_of(&ix.query("økonomstyrng")), vec![4]);
    assert_eq!(rows_of(&ix.query("sveisesrtifkat")), vec![0]);
    // Short words must be typed right.
    assert!(ix.query("laen").is_empty());
    assert!(ix.query("hsm").is_empty());
    // Two edits in a word of 5–8 letters are too many.
    assert!(ix.query("sveisnig").len() <= 1);
    assert!(ix.query("sevisnig").is_empty());
}

#[test]
fn accents_and_combining_marks_fold() {
    let rows = vec![
        vec![("Kafé på Rørvik".to_string(), 1.0)],
        // «å» written as «a» + combining ring, «ø» as «o» + combining stroke.
        vec![("A\u{30a}rsregnskap for Ro\u{338}ros".to_string(), 1.0)],
        vec![("Crème brûlée og smørbrød".to_string(), 1.0)],
    ];
    let ix = ListIndex::new(&rows);
    assert_eq!(rows_of(&ix.query("kafe")), vec![0]);
    assert_eq!(rows_of(&ix.query("KAFÉ")), vec![0]);
    assert_eq!(rows_of(&ix.query("rorvik")), vec![0]);
    assert_eq!(rows_of(&ix.query("årsregnskap")), vec![1]);
    assert_eq!(rows_of(&ix.query("arsregnskap røros")), vec![1]);
    assert_eq!(ix.query("årsregnskap")[0].marks, vec!["A\u{30a}rsregnskap"]);
    assert_eq!(rows_of(&ix.query("creme brulee")), vec![2]);
    assert_eq!(rows_of(&ix.query("smorbrod")), vec![2]);
}

#[test]
fn exact_beats_word_start_beats_typo_and_title_beats_description() {
    let rows = vec![
        vec![
            ("Kurs".to_string(), TITLE),
            ("om sveisesertifikat".to_string(), DESC),
        ],
        vec![
            ("Kurs".to_string(), TITLE),
            ("om sveising".to_string(), DESC),
        ],
        vec![
            ("Kurs".to_string(), TITLE),
            ("om sveisng".to_string(), DESC),
        ],
        vec![("Sveising".to_string(), TITLE), ("kurs".to_string(), DESC)],
        vec![
            ("Kurs".to_string(), TITLE),
            ("om sveisingen".to_string(), DESC),
        ],
    ];
    let ix = ListIndex::new(&rows);
    let r = ix.query("sveising");
    // Title exact, description exact, description word starts (the shorter
    // completion first), description typo.
    assert_eq!(rows_of(&r), vec![3, 1, 4, 2]);
    assert!(r.windows(2).all(|w| w[0].score > w[1].score), "{r:?}");
    // The title's word start beats the description's whole word.
    let r = ix.query("sveis");
    assert_eq!(r[0].row, 3);
    // With the description weighted above the title, the order turns.
    let flipped: Vec<Vec<(String, f32)>> = rows
        .iter()
        .map(|r| vec![(r[0].0.clone(), DESC), (r[1].0.clone(), 3.0)])
        .collect();
    let ix = ListIndex::new(&flipped);
    assert_eq!(ix.query("sveising")[0].row, 1);
}

#[test]
fn equal_scores_keep_the_input_order() {
    let rows: Vec<[(String, f32); 1]> = (0..50)
        .map(|i| [(format!("Lean i bedrift nummer {}", 49 - i), 1.0)])
        .collect();
    let ix = ListIndex::new(&rows);
    let r = ix.query("lean");
    assert_eq!(rows_of(&r), (0..50).collect::<Vec<_>>());
    assert!(r.iter().all(|h| h.score == r[0].score));
}

#[test]
fn marks_are_the_words_as_written() {
    let ix = ListIndex::new(&needs());
    let r = ix.query("BARE rapp");
    assert_eq!(rows_of(&r), vec![1]);
    assert_eq!(
        r[0].marks,
        vec!["bærekraft", "Bærekraftsrapportering", "rapport"]
    );
    let r = ix.query("okonomistyring");
    assert_eq!(r[0].marks, vec!["Økonomistyring"]);
    let r = ix.query("hms");
    // «HMS-kartlegging» is two words for the filter.
    assert_eq!(r[0].marks, vec!["HMS"]);
    let r = ix.query("rekrutering");
    assert_eq!(r[0].marks, vec!["Rekruttering", "rekruttering"]);
}

#[test]
fn a_query_without_words_filters_nothing() {
    let ix = ListIndex::new(&needs());
    for q in ["", "   ", "—", "🙂🚀", ", . ;", "\u{200d}\u{30a}"] {
        let r = ix.query(q);
        assert_eq!(rows_of(&r), (0..needs().len()).collect::<Vec<_>>(), "{q:?}");
        assert!(r.iter().all(|h| h.score == 0.0 && h.marks.is_empty()));
    }
}

#[test]
fn odd_input_does_not_panic() {
    let huge_word = "ø".repeat(100_000);
    let huge_text = "sveising og bærekraft 🙂 ".repeat(20_000);
    let rows: Vec<Vec<(String, f32)>> = vec![
        vec![],
        vec![(String::new(), 1.0)],
        vec![("🙂🚀👩‍👩‍👧 emoji‍zwj".to_string(), 1.0)],
        vec![("שלום עולם مرحبا بالعالم".to_string(), 1.0)],
        vec![("İstanbul ǅemal ﬁre ΣΊΣΥΦΟΣ".to_string(), f32::NAN)],
        vec![(huge_word.clone(), -1.0)],
        vec![(huge_text.clone(), f32::INFINITY)],
        vec![(
            "\u{0}\u{7f}\u{feff}a\u{301}\u{301}\u{301} ctrl".to_string(),
            0.0,
        )],
    ];
    let ix = ListIndex::new(&rows);
    assert_eq!(ix.len(), rows.len());
    assert_eq!(rows_of(&ix.query("שלום")), vec![3]);
    assert_eq!(rows_of(&ix.query("مرحبا")), vec![3]);
    assert_eq!(rows_of(&ix.query("istanbul")), vec![4]);
    assert_eq!(rows_of(&ix.query("σίσυφος")), vec![4]);
    assert_eq!(rows_of(&ix.query("emoji")), vec![2]);
    assert_eq!(rows_of(&ix.query("sveising")), vec![6]);
    assert_eq!(rows_of(&ix.query("ctrl")), vec![7]);
    assert_eq!(rows_of(&ix.query(&huge_word)), vec![5]);
    assert_eq!(rows_of(&ix.query(&huge_word[..200])), vec![5]);
    for q in [
        huge_text.as_str(),
        &huge_word,
        "🙂",
        "a\u{301}",
        "\u{0}",
        "ﬁ",
        "øøøøøøøøøøøøøøøøøøøøøøøøøøøøøøøøøøøøøøøøø",
        "ab12345",
        "-",
    ] {
        let _ = ix.query(q);
    }
    // Many distinct words: only the first ones count, quickly.
    let many: String = (0..100 * MAX_QUERY_WORDS)
        .map(|i| format!("ord{i} "))
        .collect();
    let t = std::time::Instant::now();
    assert!(ix.query(&many).is_empty());
    assert!(t.elapsed().as_secs() < 2);
    // No rows at all.
    let empty = ListIndex::new::<Vec<(String, f32)>, String>(&[]);
    assert!(empty.is_empty());
    assert!(empty.query("sveis").is_empty());
    assert!(empty.query("").is_empty());
}

/// Folded, `æøå`-less words, as the filter sees them.
fn key(w: &str) -> String {
    kompis_match::text::ascii_key(&kompis_match::fold(w))
}

#[test]
fn short_query_words_keep_exactly_the_rows_with_such_a_word_start() {
    // Brute force over a synthetic catalogue: a query word under 5 letters
    // (no typos) keeps exactly the rows with a word starting with it.
    let (docs, _) = synth::catalogue(11, 1_500, 0);
    let rows: Vec<[(String, f32); 2]> = docs
        .iter()
        .map(|d| [(d.title.clone(), TITLE), (d.description.clone(), DESC)])
        .collect();
    let ix = ListIndex::new(&rows);
    let words_of = |r: &[(String, f32); 2]| -> Vec<String> {
        r.iter()
            .flat_map(|(t, _)| {
                t.split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .map(key)
                    .collect::<Vec<_>>()
            })
            .collect()
    };
    let row_words: Vec<Vec<String>> = rows.iter().map(words_of).collect();
    for q in ["s", "le", "hms", "bære", "kurs", "esg", "digi", "z"] {
        let k = key(q);
        let want: Vec<usize> = (0..rows.len())
            .filter(|&i| row_words[i].iter().any(|w| w.starts_with(&k)))
            .collect();
        let got = sorted(rows_of(&ix.query(q)));
        assert_eq!(got, want, "{q}");
        assert!(got.len() < rows.len() || q == "s", "{q} narrows");
    }
}
