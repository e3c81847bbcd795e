//! What each screen's command costs in the core on a large catalogue
//! (20,000 offers, 2,000 needs): the first call after open (building the
//! caches) and the calls after it, through `api::dispatch` as the app's
//! commands and `kompis serve` reach them.
//! `cargo run --release -p kompis-core --example screen_commands`.

use std::time::{Duration, Instant};

use kompis_core::api::{self, Catalogue};
use kompis_core::synthetic;
use serde_json::{json, Value};

fn time(cat: &Catalogue, name: &str, args: Value) -> Duration {
    let t = Instant::now();
    api::dispatch(cat, name, args).unwrap_or_else(|e| panic!("{name}: {e}"));
    t.elapsed()
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let cat = Catalogue::open(dir.path()).unwrap();
    cat.import(&synthetic::bundle(7, 20_000, 2_000)).unwrap();
    drop(cat);
    let cat = Catalogue::open(dir.path()).unwrap();
    let need = api::all_entries(&cat, api::wire::Side::Need, Default::default()).unwrap()[0]
        .entry
        .id
        .clone();
    let offer = api::all_entries(&cat, api::wire::Side::Offer, Default::default()).unwrap()[0]
        .entry
        .id
        .clone();
    let calls: Vec<(&str, Value)> = vec![
        (
            "list_entries",
            json!({"side": "need", "query": {"sort": "deadline"}}),
        ),
        ("list_entries", json!({"side": "offer", "query": {}})),
        (
            "list_entries",
            json!({"side": "offer", "query": {"text": "sveis"}}),
        ),
        (
            "list_entries",
            json!({"side": "offer", "query": {"text": "bærekraft rapp"}}),
        ),
        ("list_organisations", json!({"query": {}})),
        ("list_people", json!({"query": {}})),
        ("facets", json!({})),
        ("matches_for_need", json!({"needId": need, "top": 10})),
        ("needs_for_offer", json!({"offerId": offer, "top": 10})),
        ("competence_gaps", json!({"query": {}})),
        ("search", json!({"text": "sveis"})),
        (
            "sheet_preview",
            json!({"request": {"format": "pdf", "scope": {"kind": "all"}, "lang": "nb"}}),
        ),
    ];
    println!(
        "{:<22} {:<48} {:>10} {:>10}",
        "command", "args", "first", "again"
    );
    for (name, args) in calls {
        let first = time(&cat, name, args.clone());
        let again = time(&cat, name, args.clone());
        let shown: String = args.to_string().chars().take(48).collect();
        println!("{name:<22} {shown:<48} {first:>10.1?} {again:>10.1?}");
    }
}
