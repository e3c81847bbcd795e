//! Network figures for the report's tests, example and bench, built by hand:
//! a small network around Elverum with a municipality of one organisation,
//! a large one of realistic size, and a hostile one.
#![allow(dead_code)]

use chrono::NaiveDate;
use kompis_model::insight::{
    Collaboration, Insight, KeyFigures, KindCount, LevelCount, OrgBalance, OutcomeCount,
    PlaceCount, QuarterCount, ReasonCount, StatusCount, ThemeCount,
};
use kompis_model::{DeclineReason, EntryKind, MatchStatus, OutcomeKind, ThesisLevel};
use kompis_sheet::{ReportInput, SheetLang};

pub fn input(insight: Insight, lang: SheetLang) -> ReportInput {
    ReportInput {
        network_name: "Industrinettverket Elverumsregionen".into(),
        date: NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
        insight,
        lang,
    }
}

fn theme(concept: &str, label: &str, needs: u32, askers: u32, offers: u32) -> ThemeCount {
    ThemeCount {
        concept: concept.into(),
        label: label.into(),
        needs,
        askers,
        offers,
    }
}

fn org(id: &str, name: &str, offers: u32, needs: u32) -> OrgBalance {
    OrgBalance {
        organisation: id.into(),
        name: name.into(),
        offers,
        needs,
    }
}

fn outcome(kind: OutcomeKind, count: u32) -> OutcomeCount {
    OutcomeCount { kind, count }
}

fn quarters(
    from_year: i32,
    n: usize,
    per: impl Fn(usize) -> Vec<OutcomeCount>,
) -> Vec<QuarterCount> {
    (0..n)
        .map(|i| QuarterCount {
            quarter: format!("{}-Q{}", from_year + (i / 4) as i32, i % 4 + 1),
            outcomes: per(i),
        })
        .collect()
}

/// A small network: every count 0 or at least 3, except where a test looks
/// for "< 3" (Våler has one organisation; two open vacancies; one hire in
/// 2025-Q3; a gap asked for by one member).
pub fn sample() -> Insight {
    use OutcomeKind::*;
    Insight {
        from: "2025-01-01".into(),
        to: "2025-12-31".into(),
        municipality: None,
        key: KeyFigures {
            members: 42,
            organisations: 57,
            offers: 1_234,
            needs: 318,
            agreed: 64,
            outcomes: 87,
            student_projects: 11,
            open_vacancies: 2,
        },
        by_kind: EntryKind::ALL
            .iter()
            .enumerate()
            .map(|(i, &kind)| KindCount {
                kind,
                needs: [120, 40, 58, 45, 25, 30][i],
                offers: [700, 160, 130, 140, 60, 44][i],
            })
            .collect(),
        by_municipality: vec![
            PlaceCount {
                municipality: "Elverum".into(),
                organisations: 31,
                needs: 190,
                offers: 800,
            },
            PlaceCount {
                municipality: "Åmot".into(),
                organisations: 7,
                needs: 40,
                offers: 120,
            },
            PlaceCount {
                municipality: "Stor-Elvdal".into(),
                organisations: 4,
                needs: 18,
                offers: 70,
            },
            PlaceCount {
                municipality: "Trysil".into(),
                organisations: 6,
                needs: 30,
                offers: 90,
            },
            PlaceCount {
                municipality: "Engerdal".into(),
                organisations: 3,
                needs: 9,
                offers: 40,
            },
            PlaceCount {
                municipality: "Våler".into(),
                organisations: 1,
                needs: 4,
                offers: 0,
            },
            PlaceCount {
                municipality: "Hamar".into(),
                organisations: 5,
                needs: 27,
                offers: 114,
            },
        ],
        themes: vec![
            theme("c-tre", "Tre og treteknologi", 48, 17, 90),
            theme("c-auto", "Automasjon og robotikk", 40, 15, 65),
            theme("c-h2", "Hydrogen", 22, 7, 0),
            theme("c-ikt", "Digitalisering", 20, 9, 140),
            theme("c-sveis", "Sveising", 12, 5, 30),
        ],
        funnel: vec![
            StatusCount {
                status: MatchStatus::Suggested,
                count: 940,
            },
            StatusCount {
                status: MatchStatus::Shortlisted,
                count: 310,
            },
            StatusCount {
                status: MatchStatus::Contacted,
                count: 130,
            },
            StatusCount {
                status: MatchStatus::Agreed,
                count: 64,
            },
            StatusCount {
                status: MatchStatus::Declined,
                count: 45,
            },
        ],
        outcomes: vec![
            outcome(MeetingHeld, 40),
            outcome(ProjectStarted, 14),
            outcome(ThesisStarted, 11),
            outcome(ThesisDelivered, 5),
            outcome(Hire, 4),
            outcome(CourseHeld, 3),
            outcome(NoResult, 10),
        ],
        outcomes_by_quarter: quarters(2025, 4, |i| match i {
            0 => vec![outcome(MeetingHeld, 9), outcome(ProjectStarted, 3)],
            1 => vec![outcome(MeetingHeld, 12), outcome(ThesisStarted, 5)],
            2 => vec![outcome(MeetingHeld, 10), outcome(Hire, 1)],
            _ => vec![],
        }),
        theses: vec![
            LevelCount {
                level: Some(ThesisLevel::Bachelor),
                count: 7,
            },
            LevelCount {
                level: Some(ThesisLevel::Master),
                count: 6,
            },
            LevelCount {
                level: None,
                count: 3,
            },
        ],
        decline_reasons: vec![
            ReasonCount {
                reason: DeclineReason::NotRelevant,
                count: 20,
            },
            ReasonCount {
                reason: DeclineReason::NoCapacity,
                count: 15,
            },
            ReasonCount {
                reason: DeclineReason::BadTiming,
                count: 10,
            },
        ],
        givers: (0..38)
            .map(|i| org(&format!("o{i}"), &format!("Bedrift {i}"), 30, 5))
            .collect(),
        askers: (0..12)
            .map(|i| org(&format!("a{i}"), &format!("Spørrer {i}"), 0, 6))
            .collect(),
        gaps: vec![
            theme("c-h2", "Hydrogen", 22, 7, 0),
            theme("c-lidar", "Laserskanning", 3, 1, 0),
        ],
        collaborations: vec![
            Collaboration {
                need: "n-7".into(),
                offer: "o-12".into(),
                need_title: "Robotcelle for palletering".into(),
                offer_title: "Automasjon og robotikk".into(),
                need_organisation: "Moelven Elverum AS".into(),
                offer_organisation: "Høgskolen i Innlandet".into(),
                agreed_at: "2025-09-14".into(),
                outcomes: vec![MeetingHeld, ProjectStarted],
            },
            Collaboration {
                need: "n-9".into(),
                offer: "o-30".into(),
                need_title: "Masteroppgave om tørking av tre".into(),
                offer_title: "Studentoppgaver i treteknologi".into(),
                need_organisation: "Trysil Trelast".into(),
                offer_organisation: "NTNU Gjøvik".into(),
                agreed_at: "2025-03-02".into(),
                outcomes: vec![],
            },
        ],
    }
}

/// The sample filtered to one municipality.
pub fn filtered() -> Insight {
    Insight {
        municipality: Some("Elverum".into()),
        ..sample()
    }
}

/// Realistic sizes: 15 themes, 8 municipalities (the region's six, Hamar,
/// unknown), 20 quarters with every kind, 200 collaborations, 300 givers.
pub fn large() -> Insight {
    let places = [
        "Elverum",
        "Åmot",
        "Stor-Elvdal",
        "Trysil",
        "Engerdal",
        "Våler",
        "Hamar",
        "",
    ];
    let themes: Vec<ThemeCount> = (0..15)
        .map(|i| {
            theme(
                &format!("c-{i}"),
                &format!("Tema nummer {i} med et ganske langt navn"),
                200 - i * 11,
                60 - i * 3,
                if i % 4 == 3 { 0 } else { 900 - i * 50 },
            )
        })
        .collect();
    Insight {
        from: "2021-01-01".into(),
        to: "2025-12-31".into(),
        key: KeyFigures {
            members: 1_400,
            organisations: 2_000,
            offers: 20_000,
            needs: 2_000,
            agreed: 900,
            outcomes: 1_600,
            student_projects: 140,
            open_vacancies: 75,
        },
        by_municipality: places
            .iter()
            .enumerate()
            .map(|(i, m)| PlaceCount {
                municipality: m.to_string(),
                organisations: 400 - i as u32 * 40,
                needs: 400 - i as u32 * 30,
                offers: 4_000 - i as u32 * 300,
            })
            .collect(),
        gaps: themes.iter().filter(|t| t.offers == 0).cloned().collect(),
        themes,
        outcomes_by_quarter: quarters(2021, 20, |q| {
            OutcomeKind::ALL
                .iter()
                .enumerate()
                .map(|(k, &kind)| outcome(kind, ((q * 7 + k * 5) % 23) as u32))
                .collect()
        }),
        collaborations: (0..200)
            .map(|i| Collaboration {
                need: format!("n-{i}"),
                offer: format!("o-{i}"),
                need_title: format!("Behov nummer {i} for en bedrift i regionen"),
                offer_title: format!("Tilbud nummer {i} fra et kompetansemiljø"),
                need_organisation: format!("Bedrift {i} AS"),
                offer_organisation: format!("Leverandør {i}"),
                agreed_at: format!("2025-{:02}-{:02}", i % 12 + 1, i % 28 + 1),
                outcomes: vec![OutcomeKind::ALL[i % 9], OutcomeKind::ALL[(i + 4) % 9]],
            })
            .collect(),
        givers: (0..300)
            .map(|i| org(&format!("o{i}"), &format!("Bedrift {i}"), 60, 3))
            .collect(),
        askers: (0..120)
            .map(|i| org(&format!("a{i}"), &format!("Spørrer {i}"), 0, 4))
            .collect(),
        ..sample()
    }
}

/// Catalogue text that tries to break the report: formulas, a very long
/// title, emoji, right-to-left text, empty names, unknown quarters and dates.
pub fn hostile() -> Insight {
    let mut ins = sample();
    ins.themes[0].label = "=HYPERLINK(\"http://x\")".into();
    ins.themes[1].label = String::new();
    ins.gaps[0].label = "🚀 Rakett ".repeat(40);
    ins.by_municipality[0].municipality = "אלברום".into();
    ins.outcomes_by_quarter[0].quarter = "not a quarter".into();
    ins.collaborations[0].need_title = "Sveis ".repeat(2_000);
    ins.collaborations[0].need_organisation = String::new();
    ins.collaborations[1].offer_organisation = "+47 900 00 000".into();
    ins.collaborations[1].agreed_at = "31.02.2025".into();
    ins.from = "garbage".into();
    ins
}
