//! The ranking learns from the coordinator's decisions (issue 11), on a real
//! store with the example network: a new need like a decided one moves
//! towards what was agreed and away from what was declined as not relevant,
//! by a bounded factor, and the learning survives reopening the store.

use kompis_core::api;
use kompis_core::api::wire::{Side, StatusChange};
use kompis_core::model::{DeclineReason, Entry, MatchStatus};
use kompis_core::Catalogue;

fn change(
    need: &str,
    offer: &str,
    status: MatchStatus,
    reason: Option<DeclineReason>,
) -> StatusChange {
    StatusChange {
        need: need.into(),
        offer: offer.into(),
        status,
        reason,
        note: None,
    }
}

/// Offer id → score of a need's ranking.
fn scores(cat: &Catalogue, need: &str) -> Vec<(String, f64)> {
    api::matches_for_need(cat, need.into(), Some(50))
        .unwrap()
        .into_iter()
        .map(|m| (m.offer.id, m.score))
        .collect()
}

/// The offers of `list` with no record yet for need `decided` (the example
/// network holds decisions of its own).
fn undecided(cat: &Catalogue, decided: &str, list: &[(String, f64)]) -> Vec<String> {
    let views = api::matches_for_need(cat, decided.into(), Some(50)).unwrap();
    list.iter()
        .filter(|(o, _)| views.iter().any(|v| &v.offer.id == o && v.status.is_none()))
        .map(|(o, _)| o.clone())
        .collect()
}

fn score_of(list: &[(String, f64)], offer: &str) -> f64 {
    list.iter().find(|x| x.0 == offer).map_or(0.0, |x| x.1)
}

/// A new need with the same words as `like`, from another organisation.
fn twin(cat: &Catalogue, like: &str) -> String {
    let n = api::get_entry(cat, Side::Need, like.into()).unwrap();
    let orgs = api::all_organisations(cat).unwrap();
    let other = orgs
        .iter()
        .find(|o| Some(&o.id) != n.organisation.as_ref())
        .expect("another organisation");
    let new = Entry {
        id: String::new(),
        organisation: Some(other.id.clone()),
        contact: None,
        title: format!("{} (ny)", n.title),
        ..n
    };
    api::save_entry(cat, Side::Need, new).unwrap().id
}

#[test]
fn a_similar_new_need_moves_towards_agreed_and_away_from_declined() {
    let dir = tempfile::tempdir().unwrap();
    let cat = Catalogue::open(dir.path()).unwrap();
    api::load_demo(&cat).unwrap();
    let decided = "n-01";
    let new = twin(&cat, decided);
    let before = scores(&cat, &new);
    let free = undecided(&cat, decided, &before);
    assert!(free.len() >= 4, "the twin finds offers: {before:?}");
    let (agreed, declined, timing) = (&free[3], &free[0], &free[1]);

    api::set_match_status(&cat, change(decided, agreed, MatchStatus::Agreed, None)).unwrap();
    api::set_match_status(
        &cat,
        change(
            decided,
            declined,
            MatchStatus::Declined,
            Some(DeclineReason::NotRelevant),
        ),
    )
    .unwrap();
    api::set_match_status(
        &cat,
        change(
            decided,
            timing,
            MatchStatus::Declined,
            Some(DeclineReason::BadTiming),
        ),
    )
    .unwrap();
    let after = scores(&cat, &new);
    let (a0, a1) = (score_of(&before, agreed), score_of(&after, agreed));
    let (d0, d1) = (score_of(&before, declined), score_of(&after, declined));
    assert!(a1 > a0, "agreed offer gains: {a0} → {a1}");
    assert!(d1 < d0, "declined offer loses: {d0} → {d1}");
    // Bounded: the text carries most of the score.
    assert!(a1 < a0 * 1.7 && d1 > d0 * 0.3, "{a0}→{a1}, {d0}→{d1}");
    let pos = |l: &[(String, f64)], o: &str| l.iter().position(|x| x.0 == o);
    assert!(
        pos(&after, agreed) < pos(&before, agreed),
        "agreed offer climbs"
    );
    // The store holds the decisions: reopened, the ranking is the same.
    drop(cat);
    let cat = Catalogue::open(dir.path()).unwrap();
    assert_eq!(scores(&cat, &new), after, "learning survives reopening");

    // Taking the decisions back (suggested again) unlearns them.
    for o in [agreed, declined, timing] {
        api::set_match_status(&cat, change(decided, o, MatchStatus::Suggested, None)).unwrap();
    }
    assert_eq!(scores(&cat, &new), before, "no decisions, the text alone");
}

#[test]
fn a_decline_for_timing_teaches_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let cat = Catalogue::open(dir.path()).unwrap();
    api::load_demo(&cat).unwrap();
    let new = twin(&cat, "n-02");
    let before = scores(&cat, &new);
    for o in undecided(&cat, "n-02", &before).iter().take(3) {
        for reason in [DeclineReason::BadTiming, DeclineReason::NoCapacity] {
            api::set_match_status(&cat, change("n-02", o, MatchStatus::Declined, Some(reason)))
                .unwrap();
        }
    }
    assert_eq!(scores(&cat, &new), before);
}
