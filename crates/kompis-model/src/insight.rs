//! The network's figures, as one value: what the insight screen draws and
//! the network report prints. Computed once, by `kompis_core::api::insight`;
//! neither the window nor the report counts anything itself.
//!
//! Counts are exact here. The report shows a count below
//! [`SMALL_COUNT`] as "< 3" so that no single member can be singled out.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{DeclineReason, EntryKind, MatchStatus, OutcomeKind, ThesisLevel};

/// Counts below this are shown as "< 3" in the network report.
pub const SMALL_COUNT: u32 = 3;

/// Which part of the catalogue the figures cover.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct InsightQuery {
    /// First day of the period (YYYY-MM-DD), inclusive; none: from the start.
    #[ts(optional)]
    pub from: Option<String>,
    /// Last day of the period (YYYY-MM-DD), inclusive; none: up to today.
    #[ts(optional)]
    pub to: Option<String>,
    /// Only organisations in this municipality (and their entries).
    #[ts(optional)]
    pub municipality: Option<String>,
}

/// The network's figures for one period and place.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Insight {
    /// The query, with the period's ends filled in (YYYY-MM-DD).
    pub from: String,
    pub to: String,
    #[ts(optional)]
    pub municipality: Option<String>,
    pub key: KeyFigures,
    /// Active needs and offers of each kind, in [`EntryKind::ALL`] order.
    pub by_kind: Vec<KindCount>,
    /// Active needs and offers by the municipality of their organisation:
    /// the region's six first, then the others, then "unknown" (empty name).
    pub by_municipality: Vec<PlaceCount>,
    /// The needs' themes (thesaurus concept groups), most asked first, at
    /// most 15, with how many offers serve each.
    pub themes: Vec<ThemeCount>,
    /// Pairs that reached each step in the period: suggested, shortlisted,
    /// contacted, agreed, and declined.
    pub funnel: Vec<StatusCount>,
    /// Outcomes recorded in the period, by kind.
    pub outcomes: Vec<OutcomeCount>,
    /// Outcomes by quarter ("2026-Q3") and kind, oldest quarter first; every
    /// quarter of the period is listed, empty ones too.
    pub outcomes_by_quarter: Vec<QuarterCount>,
    /// Theses started or delivered in the period, by level (none: not given).
    pub theses: Vec<LevelCount>,
    /// Why pairs were declined in the period, most common first.
    pub decline_reasons: Vec<ReasonCount>,
    /// Organisations that offer something, most offers first.
    pub givers: Vec<OrgBalance>,
    /// Organisations that only ask (needs, no offers), most needs first.
    pub askers: Vec<OrgBalance>,
    /// Themes the needs ask for that no active offer serves, as asks for
    /// the report: most asking organisations first.
    pub gaps: Vec<ThemeCount>,
    /// Agreed pairs whose organisations both allow being named in the
    /// report (`in_report`), newest agreement first.
    pub collaborations: Vec<Collaboration>,
}

/// The report's key figures.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct KeyFigures {
    /// Organisations marked as members.
    pub members: u32,
    /// All organisations in the catalogue (members or not).
    pub organisations: u32,
    /// Active offers.
    pub offers: u32,
    /// Active needs.
    pub needs: u32,
    /// Pairs agreed in the period.
    pub agreed: u32,
    /// Outcomes recorded in the period.
    pub outcomes: u32,
    /// Theses started in the period (every level).
    pub student_projects: u32,
    /// Active position offers whose deadline has not passed.
    pub open_vacancies: u32,
}

/// Needs and offers of one kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct KindCount {
    pub kind: EntryKind,
    pub needs: u32,
    pub offers: u32,
}

/// Needs, offers and organisations in one municipality.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PlaceCount {
    /// The municipality; empty when the organisation gives none.
    pub municipality: String,
    pub organisations: u32,
    pub needs: u32,
    pub offers: u32,
}

/// One theme (a thesaurus concept group) of the needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ThemeCount {
    /// The concept group's id.
    pub concept: String,
    /// Its first term, as the thesaurus screen shows it.
    pub label: String,
    /// Active needs that touch the theme.
    pub needs: u32,
    /// Distinct organisations behind those needs.
    pub askers: u32,
    /// Active offers that touch the theme.
    pub offers: u32,
}

/// Pairs that reached one status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StatusCount {
    pub status: MatchStatus,
    pub count: u32,
}

/// Outcomes of one kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OutcomeCount {
    pub kind: OutcomeKind,
    pub count: u32,
}

/// Outcomes of each kind in one quarter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct QuarterCount {
    /// "2026-Q3".
    pub quarter: String,
    /// One count per kind that occurred in the quarter (none listed: zero).
    pub outcomes: Vec<OutcomeCount>,
}

/// Theses at one level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LevelCount {
    #[ts(optional)]
    pub level: Option<ThesisLevel>,
    pub count: u32,
}

/// Declines for one reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReasonCount {
    pub reason: DeclineReason,
    pub count: u32,
}

/// What one organisation gives and asks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OrgBalance {
    pub organisation: String,
    pub name: String,
    pub offers: u32,
    pub needs: u32,
}

/// An agreed pair that may be named in the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Collaboration {
    pub need: String,
    pub offer: String,
    pub need_title: String,
    pub offer_title: String,
    /// The organisations' names.
    pub need_organisation: String,
    pub offer_organisation: String,
    /// When it was agreed (YYYY-MM-DD).
    pub agreed_at: String,
    /// What came of it, in the order recorded.
    pub outcomes: Vec<OutcomeKind>,
}
