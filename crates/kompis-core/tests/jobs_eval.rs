//! The job ranking's quality on a labelled set of our own: twenty invented
//! job seekers (`data/job_seekers_graded.json`) against the example
//! network's vacancies, each vacancy graded 0, 1 or 2 per seeker. Prints
//! the mean nDCG@5 and holds it above a floor.

use kompis_core::api::{self, wire::Side, Catalogue};
use kompis_core::model::JobSeeker;
use serde::Deserialize;

/// The figure reached when the set was written (0.942), less a margin.
const FLOOR: f64 = 0.85;

#[derive(Deserialize)]
struct Labelled {
    label: String,
    seeker: JobSeeker,
    grades: std::collections::HashMap<String, u32>,
}

#[derive(Deserialize)]
struct Set {
    seekers: Vec<Labelled>,
}

/// DCG of grades in rank order: (2^g − 1) / log2(rank + 1).
fn dcg(grades: impl Iterator<Item = u32>) -> f64 {
    grades
        .enumerate()
        .map(|(i, g)| (2f64.powi(g as i32) - 1.0) / ((i + 2) as f64).log2())
        .sum()
}

/// The example network as of its own date: its vacancies' deadlines move
/// with the days since 1 December 2026, so the set measures the ranking,
/// not the calendar.
fn demo_as_of_its_date(cat: &Catalogue) {
    api::load_demo(cat).unwrap();
    let demo_day = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    let shift = chrono::Local::now().date_naive() - demo_day;
    if shift.num_days() <= 0 {
        return;
    }
    for mut e in api::all_entries(cat, Side::Offer, Default::default())
        .unwrap()
        .into_iter()
        .map(|r| r.entry)
    {
        if let Some(d) = e.vacancy.as_mut().and_then(|v| v.apply_by.as_mut()) {
            *d += shift;
            api::save_entry(cat, Side::Offer, e).unwrap();
        }
    }
}

#[test]
fn job_ranking_meets_its_ndcg_floor() {
    let set: Set =
        serde_json::from_str(include_str!("data/job_seekers_graded.json")).expect("the set reads");
    assert_eq!(set.seekers.len(), 20);
    let dir = tempfile::tempdir().unwrap();
    let cat = Catalogue::open(dir.path()).unwrap();
    demo_as_of_its_date(&cat);
    let mut total = 0.0;
    for l in &set.seekers {
        let saved = api::save_seeker(&cat, l.seeker.clone()).unwrap();
        let ranked = api::match_seeker(&cat, saved.id, 5).unwrap();
        let got: Vec<u32> = ranked
            .matches
            .iter()
            .map(|m| l.grades.get(&m.offer).copied().unwrap_or(0))
            .collect();
        let mut ideal: Vec<u32> = l.grades.values().copied().collect();
        ideal.sort_unstable_by(|a, b| b.cmp(a));
        let ndcg = dcg(got.iter().copied()) / dcg(ideal.into_iter().take(5));
        let shown: Vec<String> = ranked
            .matches
            .iter()
            .map(|m| format!("{}:{:.2}", m.offer, m.score))
            .collect();
        println!("{:<22} nDCG@5 {ndcg:.3}  {}", l.label, shown.join(" "));
        total += ndcg;
    }
    let mean = total / set.seekers.len() as f64;
    println!(
        "job ranking: nDCG@5 {mean:.3} over {} job seekers",
        set.seekers.len()
    );
    assert!(mean >= FLOOR, "nDCG@5 {mean:.3} is below {FLOOR}");
}
