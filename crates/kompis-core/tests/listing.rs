//! The app's lists as the core serves them: filtered by every typed word,
//! ordered, paged, on a real sled store in a temp folder.

use kompis_core::api::wire::{EntryQuery, EntrySort, OrganisationQuery, PersonQuery, Side};
use kompis_core::api::{self, Catalogue};
use kompis_core::synthetic;

fn synthetic_catalogue() -> (tempfile::TempDir, Catalogue) {
    let dir = tempfile::tempdir().unwrap();
    let cat = Catalogue::open(dir.path()).unwrap();
    cat.import(&synthetic::bundle(3, 2_000, 400)).unwrap();
    (dir, cat)
}

fn query(text: &str) -> EntryQuery {
    EntryQuery {
        text: Some(text.into()),
        limit: Some(500),
        ..Default::default()
    }
}

/// Whether `text` holds a word starting with `start` (both lower-cased).
fn has_word_start(text: &str, start: &str) -> bool {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| w.starts_with(start))
}

#[test]
fn a_filter_keeps_only_entries_that_hold_the_word() {
    let (_dir, cat) = synthetic_catalogue();
    let all = api::all_entries(&cat, Side::Offer, EntryQuery::default()).unwrap();
    for word in ["sveis", "lean", "bærekraft"] {
        let expected = all
            .iter()
            .filter(|r| {
                let e = &r.entry;
                has_word_start(&e.title, word)
                    || has_word_start(e.description.as_deref().unwrap_or(""), word)
                    || e.keywords.iter().any(|k| has_word_start(k, word))
                    || has_word_start(r.organisation_name.as_deref().unwrap_or(""), word)
                    || has_word_start(r.municipality.as_deref().unwrap_or(""), word)
            })
            .count();
        let found = api::all_entries(&cat, Side::Offer, query(word)).unwrap();
        // Typos are allowed in longer words, so the filter may find a few
        // more than the exact word starts, but it must narrow the list.
        assert!(
            found.len() >= expected,
            "{word}: {} < {expected}",
            found.len()
        );
        assert!(
            found.len() < all.len() / 2,
            "{word}: {} of {} kept",
            found.len(),
            all.len()
        );
        for r in &found {
            assert!(
                !r.marks.is_empty(),
                "{word}: {:?} has no marks",
                r.entry.title
            );
        }
    }
}

#[test]
fn every_word_must_match_and_pages_add_up() {
    let (_dir, cat) = synthetic_catalogue();
    let one = api::all_entries(&cat, Side::Offer, query("sveising")).unwrap();
    let two = api::all_entries(&cat, Side::Offer, query("sveising aluminium")).unwrap();
    assert!(two.len() <= one.len());
    let ids: Vec<_> = one.iter().map(|r| &r.entry.id).collect();
    assert!(two.iter().all(|r| ids.contains(&&r.entry.id)));

    let mut paged = Vec::new();
    let mut offset = 0;
    loop {
        let page = api::list_entries(
            &cat,
            Side::Offer,
            EntryQuery {
                text: Some("sveising".into()),
                offset: Some(offset),
                limit: Some(7),
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(page.total as usize, one.len());
        if page.rows.is_empty() {
            break;
        }
        offset += page.rows.len() as u32;
        paged.extend(page.rows.into_iter().map(|r| r.entry.id));
    }
    let whole: Vec<_> = one.iter().map(|r| r.entry.id.clone()).collect();
    assert_eq!(paged, whole);
}

#[test]
fn orders_are_by_title_deadline_and_relevance() {
    let (_dir, cat) = synthetic_catalogue();
    let by_deadline = api::all_entries(
        &cat,
        Side::Need,
        EntryQuery {
            sort: Some(EntrySort::Deadline),
            ..Default::default()
        },
    )
    .unwrap();
    let deadlines: Vec<_> = by_deadline.iter().map(|r| r.entry.deadline).collect();
    let dated: Vec<_> = deadlines.iter().flatten().collect();
    assert!(dated.windows(2).all(|w| w[0] <= w[1]));
    let first_undated = deadlines.iter().position(Option::is_none);
    if let Some(i) = first_undated {
        assert!(deadlines[i..].iter().all(Option::is_none), "undated last");
    }
    let titles = api::all_entries(&cat, Side::Need, EntryQuery::default()).unwrap();
    assert_eq!(titles.len(), 400);
}

#[test]
fn a_write_is_seen_by_the_next_query() {
    let (_dir, cat) = synthetic_catalogue();
    assert_eq!(
        api::list_entries(&cat, Side::Need, query("kvantefysikk"))
            .unwrap()
            .total,
        0
    );
    let need: kompis_core::model::Entry = serde_json::from_value(serde_json::json!({
        "id": "", "title": "Kvantefysikk for sagbruket", "kind": "expertise"
    }))
    .unwrap();
    api::save_entry(&cat, Side::Need, need).unwrap();
    let page = api::list_entries(&cat, Side::Need, query("KVANTEFYSIKK")).unwrap();
    assert_eq!(page.total, 1);
    assert_eq!(page.rows[0].marks, ["Kvantefysikk"]);
}

#[test]
fn organisations_people_and_facets_come_from_the_core() {
    let dir = tempfile::tempdir().unwrap();
    let cat = Catalogue::open(dir.path()).unwrap();
    api::load_demo(&cat).unwrap();
    let facets = api::facets(&cat).unwrap();
    assert!(!facets.organisations.is_empty());
    let names: Vec<_> = facets
        .organisations
        .iter()
        .map(|o| o.name.clone())
        .collect();
    let mut sorted = names.clone();
    sorted.sort_by_key(|n| n.to_lowercase());
    assert_eq!(names.first(), sorted.first());
    assert!(facets.municipalities.iter().any(|m| m == "Åmot"));
    assert_eq!(
        facets.municipalities.last().map(String::as_str),
        Some("Åmot")
    );

    let orgs = api::list_organisations(
        &cat,
        OrganisationQuery {
            municipality: Some("Trysil".into()),
            ..Default::default()
        },
    )
    .unwrap();
    assert!(orgs.total >= 1);
    assert!(orgs
        .rows
        .iter()
        .all(|r| r.organisation.municipality.as_deref() == Some("Trysil")));

    let all_people = api::all_people(&cat).unwrap();
    let consenting = api::list_people(
        &cat,
        PersonQuery {
            consent: Some(true),
            limit: Some(500),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(
        consenting.total as usize,
        all_people.iter().filter(|p| p.consents()).count()
    );
}

#[test]
fn a_municipality_box_suggests_the_region_then_the_others_in_use() {
    let dir = tempfile::tempdir().unwrap();
    let cat = Catalogue::open(dir.path()).unwrap();
    // An empty catalogue suggests the region.
    let region = api::facets(&cat).unwrap().municipality_choices;
    assert_eq!(
        region.join(", "),
        "Elverum, Åmot, Stor-Elvdal, Engerdal, Trysil, Våler"
    );
    api::load_demo(&cat).unwrap();
    for (name, municipality) in [("Hamar Verk AS", "Hamar"), ("Liten AS", "ELVERUM")] {
        api::save_organisation(
            &cat,
            serde_json::from_value(serde_json::json!({
                "id": "", "name": name, "kind": "company", "municipality": municipality
            }))
            .unwrap(),
        )
        .unwrap();
    }
    let facets = api::facets(&cat).unwrap();
    let choices = facets.municipality_choices;
    assert_eq!(choices[..6], region[..]);
    // Others in use follow once each; one of the six typed otherwise is not repeated.
    assert!(choices[6..].contains(&"Hamar".to_string()), "{choices:?}");
    assert!(!choices.contains(&"ELVERUM".to_string()), "{choices:?}");
    let mut distinct = choices.clone();
    distinct.dedup();
    assert_eq!(distinct.len(), choices.len());
    // The filters still offer what is in use, as written.
    assert!(facets.municipalities.contains(&"ELVERUM".to_string()));
}
