//! The catalogue's entities (the lowest layer: plain data, no store), in the shape of the bundle format v1
//! (`organisations`, `people`, `offers`, `needs`, `matches`).
//!
//! Optional fields are `Option`s that are left out of JSON when empty, so a
//! bundle read and written again keeps its shape.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What sort of body an organisation is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
pub enum OrgKind {
    Company,
    University,
    Public,
    Network,
    Other,
}

/// What an offer gives or a need asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
pub enum EntryKind {
    /// Fagkompetanse.
    Expertise,
    /// Erfaringsdeling.
    Experience,
    /// Bachelor-, master- og PhD-samarbeid.
    StudentProject,
    /// Kurs og opplæring.
    Training,
    /// Utstyr, lab, lokaler.
    Facility,
    /// Stilling og rekruttering.
    Position,
}

impl EntryKind {
    /// Every kind, in the order forms and sheets list them.
    pub const ALL: [EntryKind; 6] = [
        EntryKind::Expertise,
        EntryKind::Experience,
        EntryKind::StudentProject,
        EntryKind::Training,
        EntryKind::Facility,
        EntryKind::Position,
    ];
}

/// The language an entry is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
pub enum Language {
    Nb,
    Nn,
    En,
}

/// Where a suggested match stands in the coordinator's workflow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
pub enum MatchStatus {
    Suggested,
    Shortlisted,
    Contacted,
    Agreed,
    Declined,
}

/// A member company, the university, a municipality or another body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Organisation {
    pub id: String,
    pub name: String,
    pub kind: OrgKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub municipality: Option<String>,
    /// Nine digits (organisasjonsnummer).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub org_number: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub website: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub member: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub notes: Option<String>,
}

/// A contact person. Listed by name only with `consent == Some(true)`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Person {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub phone: Option<String>,
    /// An organisation id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub organisation: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub role: Option<String>,
    /// Agreed to be listed by name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub consent: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub notes: Option<String>,
}

impl Person {
    /// Whether this person may be shown by name.
    pub fn consents(&self) -> bool {
        self.consent == Some(true)
    }
}

/// A competence offer or need: the fields both share. A need adds a deadline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Entry {
    pub id: String,
    pub title: String,
    pub kind: EntryKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub description: Option<String>,
    #[serde(default)]
    pub keywords: Vec<String>,
    /// An organisation id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub organisation: Option<String>,
    /// A person id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub contact: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub language: Option<Language>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "string")]
    pub created_at: Option<DateTime<Utc>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "string")]
    pub updated_at: Option<DateTime<Utc>>,
    /// Defaults to true when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub active: Option<bool>,
    /// Needs only: `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "string")]
    pub deadline: Option<NaiveDate>,
}

impl Entry {
    /// Whether the entry is active (absent means active).
    pub fn is_active(&self) -> bool {
        self.active != Some(false)
    }

    /// The texts a search looks in: title, description, keywords.
    pub fn search_fields(&self) -> Vec<&str> {
        let mut fields = vec![
            self.title.as_str(),
            self.description.as_deref().unwrap_or(""),
        ];
        fields.extend(self.keywords.iter().map(String::as_str));
        fields
    }
}

/// An offer; the same shape as a need without a deadline.
pub type Offer = Entry;
/// A need.
pub type Need = Entry;

/// Why a coordinator declined a suggested match (a Kompis addition to v1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
pub enum DeclineReason {
    NotRelevant,
    BadTiming,
    NoCapacity,
    AlreadySolved,
    Other,
}

/// The coordinator's record of one need–offer pair.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MatchRecord {
    pub need: String,
    pub offer: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub status: Option<MatchStatus>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub note: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "string")]
    pub updated_at: Option<DateTime<Utc>>,
    /// Kompis addition: set when `status` is `declined`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub decline_reason: Option<DeclineReason>,
    /// Kompis addition: every status change, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<StatusEvent>>", optional)]
    pub history: Vec<StatusEvent>,
}

/// One status change of a need–offer pair (a Kompis addition to v1).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StatusEvent {
    /// The status the pair took.
    pub status: MatchStatus,
    #[ts(type = "string")]
    pub at: DateTime<Utc>,
    /// Why, when `status` is `declined`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub reason: Option<DeclineReason>,
    /// The note given with a decline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub note: Option<String>,
    /// This change took back the one it undoes ("Hent tilbake", "Angre").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    #[ts(as = "Option<bool>", optional)]
    pub undo: bool,
}

impl MatchRecord {
    /// A pair with no decision yet.
    pub fn new(need: impl Into<String>, offer: impl Into<String>) -> Self {
        MatchRecord {
            need: need.into(),
            offer: offer.into(),
            status: None,
            note: None,
            updated_at: None,
            decline_reason: None,
            history: Vec::new(),
        }
    }

    /// The status changes, oldest first. A record written without a history
    /// (an older catalogue, another tool's bundle) has one: its status, when
    /// it was last changed.
    pub fn events(&self) -> Vec<StatusEvent> {
        if !self.history.is_empty() {
            return self.history.clone();
        }
        match (self.status, self.updated_at) {
            (Some(status), Some(at)) if status != MatchStatus::Suggested => vec![StatusEvent {
                status,
                at,
                reason: self.decline_reason,
                note: None,
                undo: false,
            }],
            _ => Vec::new(),
        }
    }

    /// The statuses the pair went through that still stand, oldest first:
    /// each change adds one, each undo takes the last one back.
    pub fn standing(&self) -> Vec<StatusEvent> {
        let mut stack: Vec<StatusEvent> = Vec::new();
        for e in self.events() {
            if e.undo {
                stack.pop();
            } else {
                stack.push(e);
            }
        }
        stack
    }
}

/// The four kinds of catalogue entity a person edits, as named in the UI and CLI.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
pub enum EntityKind {
    Organisation,
    Person,
    Offer,
    Need,
}

impl EntityKind {
    /// The singular word used in messages: "need n-17: …".
    pub fn word(self) -> &'static str {
        match self {
            EntityKind::Organisation => "organisation",
            EntityKind::Person => "person",
            EntityKind::Offer => "offer",
            EntityKind::Need => "need",
        }
    }
}
