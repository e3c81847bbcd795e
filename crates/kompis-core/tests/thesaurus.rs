//! The thesaurus filter ("Begreper"): word starts of group ids and terms,
//! folded, in Norwegian order, on a real store with the example network.

use kompis_core::api;
use kompis_core::api::wire::ThesaurusEdit;
use kompis_core::Catalogue;

fn demo() -> (tempfile::TempDir, Catalogue) {
    let dir = tempfile::tempdir().unwrap();
    let cat = Catalogue::open(dir.path()).unwrap();
    api::load_demo(&cat).unwrap();
    (dir, cat)
}

/// The ids and hit terms `find_concepts` answers for `text`.
fn found(cat: &Catalogue, text: &str) -> Vec<(String, bool, Vec<String>)> {
    api::find_concepts(cat, text.into())
        .unwrap()
        .into_iter()
        .map(|c| {
            let hits = c
                .hits
                .iter()
                .map(|&i| c.terms[i as usize].clone())
                .collect();
            (c.id, c.id_hit, hits)
        })
        .collect()
}

#[test]
fn the_thesaurus_filter_matches_word_starts_folded_in_norwegian_order() {
    let (_dir, cat) = demo();
    let lean = found(&cat, "lean");
    let terms: Vec<&str> = lean
        .iter()
        .flat_map(|(_, _, h)| h.iter().map(String::as_str))
        .collect();
    for t in [
        "Lean",
        "lean production",
        "lean manufacturing",
        "lean-prinsipper",
    ] {
        assert!(terms.contains(&t), "{t} in {terms:?}");
    }
    assert!(!terms.contains(&"solcelleanlegg"), "{terms:?}");
    let solar = api::list_concepts(&cat)
        .unwrap()
        .into_iter()
        .find(|c| c.terms.iter().any(|t| t == "solcelleanlegg"))
        .expect("a group holds solcelleanlegg");
    assert!(
        lean.iter()
            .all(|(id, _, h)| id != &solar.id || !h.is_empty()),
        "{} is found only through another term",
        solar.id
    );
    // Case does not matter, and a word start inside a hyphenated word counts.
    assert_eq!(found(&cat, "LEAN"), lean);
    assert!(terms.contains(&"lean-prinsipper"));
    assert!(found(&cat, "prinsipper")
        .iter()
        .any(|(_, _, h)| h.iter().any(|t| t == "lean-prinsipper")));

    // æøå: typed as written or without them, and a word start, not inside a word.
    let okonomi = found(&cat, "økonomi");
    assert_eq!(found(&cat, "Okonomi"), okonomi);
    let (_, id_hit, hits) = okonomi
        .iter()
        .find(|(id, _, _)| id == "okonomistyring")
        .expect("økonomi finds økonomistyring");
    assert!(id_hit);
    assert!(hits.iter().any(|t| t == "økonomi"));
    assert!(hits.iter().any(|t| t == "økonomiansvarlig"));
    let miljo = found(&cat, "miljø");
    assert!(miljo
        .iter()
        .any(|(id, _, h)| id == "hms" && h.iter().any(|t| t == "helse, miljø og sikkerhet")));
    assert!(
        miljo
            .iter()
            .all(|(_, _, h)| h.iter().all(|t| t != "arbeidsmiljø")),
        "{miljo:?}"
    );
    // Every typed word, in one term.
    assert!(found(&cat, "manufacturing lean")
        .iter()
        .any(|(_, _, h)| h == &["lean manufacturing"]));

    // Norwegian order of the ids (æ, ø, å after z), new groups found at once.
    for (group, term) in [("åpen-lean", "Åpen lean"), ("ærlig-lean", "Ærlig lean")] {
        api::edit_thesaurus(
            &cat,
            ThesaurusEdit::AddTerm {
                group: group.into(),
                term: term.into(),
            },
        )
        .unwrap();
    }
    let ids: Vec<String> = found(&cat, "lean").into_iter().map(|c| c.0).collect();
    assert_eq!(ids[ids.len() - 2..], ["ærlig-lean", "åpen-lean"], "{ids:?}");
    assert!(found(&cat, "ÅPEN").contains(&(
        "åpen-lean".to_string(),
        true,
        vec!["Åpen lean".to_string()]
    )));

    // No words: every group, as listed, nothing marked.
    let all = api::find_concepts(&cat, "  ".into()).unwrap();
    let listed = api::list_concepts(&cat).unwrap();
    assert_eq!(
        all.iter().map(|c| &c.id).collect::<Vec<_>>(),
        listed.iter().map(|c| &c.id).collect::<Vec<_>>()
    );
    assert!(all.iter().all(|c| !c.id_hit && c.hits.is_empty()));
    assert!(found(&cat, "zzzqqq").is_empty());
}

/// Prints how long the thesaurus filter takes on the example network (no
/// assertion on time): `cargo test -p kompis-core --release --test thesaurus
/// thesaurus_filter_time -- --nocapture`.
#[test]
fn thesaurus_filter_time() {
    let (_dir, cat) = demo();
    let t = std::time::Instant::now();
    api::find_concepts(&cat, "l".into()).unwrap();
    let first = t.elapsed();
    let words = [
        "l", "le", "lea", "lean", "s", "sv", "sveis", "miljø", "ø", "okonomi",
    ];
    let rounds = 50;
    let t = std::time::Instant::now();
    for _ in 0..rounds {
        for w in words {
            std::hint::black_box(api::find_concepts(&cat, w.into()).unwrap());
        }
    }
    let each = t.elapsed() / (rounds * words.len() as u32);
    println!("find_concepts on the example network: first (index built) {first:?}, then {each:?} a query");
}
