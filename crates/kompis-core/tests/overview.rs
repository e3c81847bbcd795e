//! The pages of an organisation and a person, on a real store with the
//! example network: what each holds, in what order, and who is named.

use kompis_core::api;
use kompis_core::api::wire::{Side, StatusChange};
use kompis_core::model::{DeclineReason, EntityKind, MatchStatus};
use kompis_core::Catalogue;

fn demo() -> (tempfile::TempDir, Catalogue) {
    let dir = tempfile::tempdir().unwrap();
    let cat = Catalogue::open(dir.path()).unwrap();
    api::load_demo(&cat).unwrap();
    (dir, cat)
}

/// Records a coordinator's step on a pair.
fn step(cat: &Catalogue, pair: (&str, &str), status: MatchStatus, reason: Option<DeclineReason>) {
    let (need, offer) = pair;
    let change = StatusChange {
        need: need.into(),
        offer: offer.into(),
        status,
        reason,
        note: None,
    };
    api::set_match_status(cat, change).unwrap();
}

#[test]
fn an_organisations_page_names_only_people_who_consented() {
    let (_dir, cat) = demo();
    let o = api::organisation_overview(&cat, "org-rena-aluminium".into()).unwrap();
    assert_eq!(o.organisation.name, "Rena Aluminium AS");
    assert_eq!(o.organisation.org_number.as_deref(), Some("999100102"));

    let people: Vec<(&str, Option<&str>, Option<&str>, bool)> = o
        .people
        .iter()
        .map(|p| {
            (
                p.id.as_str(),
                p.name.as_deref(),
                p.role.as_deref(),
                p.consents,
            )
        })
        .collect();
    assert_eq!(people.len(), 3, "{people:?}");
    // Named first, in name order; Ahmad Karimi has not consented: by role only.
    assert_eq!(people[0].1, Some("Jon Olav Berg"));
    assert_eq!(people[1].1, Some("Mette Sandvik"));
    assert_eq!(
        people[2],
        ("p-ahmad-karimi", None, Some("Kvalitetsingeniør"), false)
    );
    let text = serde_json::to_string(&o).unwrap();
    assert!(
        !text.contains("Ahmad"),
        "the name without consent is not sent"
    );
    assert!(!text.contains("ahmad.karimi@"), "nor the e-mail");
}

#[test]
fn an_organisations_page_lists_its_entries_in_title_order_with_their_state() {
    let (_dir, cat) = demo();
    let mut need = api::get_entry(&cat, Side::Need, "n-19".into()).unwrap();
    need.deadline = Some(chrono::NaiveDate::from_ymd_opt(2020, 1, 31).unwrap());
    cat.put_entry(EntityKind::Need, &need).unwrap();
    let mut offer = api::get_entry(&cat, Side::Offer, "o-35".into()).unwrap();
    offer.active = Some(false);
    cat.put_entry(EntityKind::Offer, &offer).unwrap();

    let o = api::organisation_overview(&cat, "org-rena-aluminium".into()).unwrap();
    let titles = |l: &[kompis_core::api::wire::EntryLine]| {
        l.iter().map(|e| e.title.clone()).collect::<Vec<_>>()
    };
    assert_eq!(
        titles(&o.needs),
        ["Innføre lean i støperiet", "Onboarding of foreign workers"]
    );
    assert_eq!(
        titles(&o.offers),
        [
            "Kurs i rotårsaksanalyse og 8D",
            "Kvalitetsingeniør, vikariat i 12 måneder",
            "Materiallaboratorium med strekkprøving",
            "Operatør til ekstruderingspressen – skiftarbeid",
            "Prosessingeniør til ekstruderingen – fast stilling",
            "Varmegjenvinning fra smelteovner",
        ]
    );
    assert!(o.needs.iter().all(|e| e.side == Side::Need));
    let lean = &o.needs[0];
    assert!(lean.active && !lean.expired && lean.deadline.is_some());
    let onboarding = &o.needs[1];
    assert!(onboarding.expired, "a deadline in 2020 has passed");
    assert!(!o.offers[0].active, "the course was made inactive");
    assert!(o.offers[1].active && !o.offers[1].expired);
}

#[test]
fn an_organisations_page_holds_the_pairs_the_coordinator_took_a_step_on() {
    let (_dir, cat) = demo();
    // In the example, Rena's need n-02 is agreed with Grundset's offer o-36,
    // its offers o-32 and o-34 with n-12 and n-10, and its need n-19 was
    // declined with o-49. Here its offer o-35 is declined for Glamdal's
    // need, and o-32 shortlisted for n-01 and taken back.
    step(
        &cat,
        ("n-01", "o-35"),
        MatchStatus::Declined,
        Some(DeclineReason::BadTiming),
    );
    step(&cat, ("n-01", "o-32"), MatchStatus::Shortlisted, None);
    api::step_back_match(&cat, "n-01".into(), "o-32".into()).unwrap();
    // A pair whose other end is in the trash is not shown.
    step(&cat, ("n-05", "o-34"), MatchStatus::Contacted, None);
    api::delete_entity(&cat, EntityKind::Need, "n-05".into()).unwrap();

    let o = api::organisation_overview(&cat, "org-rena-aluminium".into()).unwrap();
    let pairs: Vec<(&str, &str, MatchStatus)> = o
        .matches
        .iter()
        .map(|m| (m.ours.id.as_str(), m.other.id.as_str(), m.status))
        .collect();
    assert_eq!(
        pairs,
        [
            ("n-02", "o-36", MatchStatus::Agreed),
            ("o-32", "n-12", MatchStatus::Agreed),
            ("o-34", "n-10", MatchStatus::Agreed),
            ("o-35", "n-01", MatchStatus::Declined),
            ("n-19", "o-49", MatchStatus::Declined),
        ]
    );
    let agreed = &o.matches[0];
    assert_eq!(agreed.ours.side, Side::Need);
    assert_eq!(agreed.other.side, Side::Offer);
    assert_eq!(
        agreed.other.title,
        "Vår lean-reise: fra tavlemøter til kontinuerlig forbedring"
    );
    let other_org = agreed.other.organisation.as_ref().unwrap();
    assert_eq!(
        (other_org.id.as_str(), other_org.name.as_str()),
        ("org-grundset-plateverk", "Grundset Plateverk AS")
    );
    let declined = &o.matches[3];
    assert_eq!(declined.ours.side, Side::Offer);
    assert_eq!(declined.decline_reason, Some(DeclineReason::BadTiming));
    assert_eq!(
        declined.other.organisation.as_ref().map(|o| o.id.as_str()),
        Some("org-glamdal-sagbruk")
    );

    // The other side's page shows the same pair from its end.
    let g = api::organisation_overview(&cat, "org-grundset-plateverk".into()).unwrap();
    assert!(g
        .matches
        .iter()
        .any(|m| m.ours.id == "o-36" && m.other.id == "n-02" && m.status == MatchStatus::Agreed));
}

#[test]
fn a_persons_page_holds_their_organisation_consent_and_entries() {
    let (_dir, cat) = demo();
    let p = api::person_overview(&cat, "p-jon-olav-berg".into()).unwrap();
    assert_eq!(p.person.name, "Jon Olav Berg");
    assert!(p.consents);
    let org = p.organisation.as_ref().unwrap();
    assert_eq!(
        (org.id.as_str(), org.name.as_str()),
        ("org-rena-aluminium", "Rena Aluminium AS")
    );
    let entries: Vec<(Side, &str)> = p.entries.iter().map(|e| (e.side, e.id.as_str())).collect();
    assert_eq!(
        entries,
        [
            (Side::Need, "n-02"),
            (Side::Offer, "o-34"),
            (Side::Offer, "o-32")
        ],
        "needs first, then offers, each in title order"
    );

    let ahmad = api::person_overview(&cat, "p-ahmad-karimi".into()).unwrap();
    assert!(!ahmad.consents);
    assert!(ahmad.entries.is_empty());
}

#[test]
fn an_unknown_or_oversized_id_is_refused_with_a_sentence() {
    let (_dir, cat) = demo();
    let e = api::organisation_overview(&cat, "org-nobody".into()).unwrap_err();
    assert_eq!(e.code(), "not_found", "{e}");
    let e = api::person_overview(&cat, "p-nobody".into()).unwrap_err();
    assert_eq!(e.code(), "not_found", "{e}");
    let e = api::person_overview(&cat, "x".repeat(100_000)).unwrap_err();
    assert_eq!(e.code(), "invalid", "{e}");
    assert!(e.to_string().len() < 400);
}
