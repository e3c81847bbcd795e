//! The catalogue's entities (the lowest layer: plain data, no store), in the shape of the bundle format v1
//! (`organisations`, `people`, `offers`, `needs`, `matches`).
//!
//! Optional fields are `Option`s that are left out of JSON when empty, so a
//! bundle read and written again keeps its shape.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub mod insight;
pub mod jobs;
pub mod privacy;

pub use jobs::{Consent, EducationLevel, JobField, JobReason, JobSeeker, Vacancy};

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

impl MatchStatus {
    /// The status as the bundle and the command line write it: "agreed".
    pub fn word(self) -> &'static str {
        match self {
            MatchStatus::Suggested => "suggested",
            MatchStatus::Shortlisted => "shortlisted",
            MatchStatus::Contacted => "contacted",
            MatchStatus::Agreed => "agreed",
            MatchStatus::Declined => "declined",
        }
    }
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
    /// Kompis addition: the organisation allows its agreed collaborations to
    /// be named in the network report (left out when not `Some(true)`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub in_report: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub notes: Option<String>,
}

/// A contact person. Listed by name only with `consent == Some(true)`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
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
    /// Kompis addition: the day the current consent was given or withdrawn.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "string")]
    pub consent_date: Option<NaiveDate>,
    /// Kompis addition: how it was given ("muntlig i møte", "e-post").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub consent_how: Option<String>,
    /// Kompis addition: every change of consent, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<ConsentChange>>", optional)]
    pub consent_history: Vec<ConsentChange>,
    /// Kompis addition: when the person was last saved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "string")]
    pub updated_at: Option<DateTime<Utc>>,
}

/// One change of a person's consent (a Kompis addition to v1).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ConsentChange {
    /// The consent after the change (none: not asked).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub consent: Option<bool>,
    /// When the change was saved.
    #[ts(type = "string")]
    pub at: DateTime<Utc>,
    /// The day it was given or withdrawn, as recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "string")]
    pub date: Option<NaiveDate>,
    /// How it was given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub how: Option<String>,
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
    /// Kompis addition, position offers only: what a job seeker looks for
    /// (work place, field, level, percent, deadline, link).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub vacancy: Option<Vacancy>,
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
    /// Kompis addition: what came of an agreed pair, in the order recorded.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<Outcome>>", optional)]
    pub outcomes: Vec<Outcome>,
}

/// What came of an agreed match (a Kompis addition to v1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
// The command line writes them as the bundle does: `meeting_held`.
#[cfg_attr(feature = "clap", value(rename_all = "snake_case"))]
pub enum OutcomeKind {
    MeetingHeld,
    ProjectStarted,
    ThesisStarted,
    ThesisDelivered,
    Internship,
    Hire,
    FundingApplication,
    CourseHeld,
    NoResult,
}

impl OutcomeKind {
    /// Every kind, in the order forms, charts and reports list them.
    pub const ALL: [OutcomeKind; 9] = [
        OutcomeKind::MeetingHeld,
        OutcomeKind::ProjectStarted,
        OutcomeKind::ThesisStarted,
        OutcomeKind::ThesisDelivered,
        OutcomeKind::Internship,
        OutcomeKind::Hire,
        OutcomeKind::FundingApplication,
        OutcomeKind::CourseHeld,
        OutcomeKind::NoResult,
    ];

    /// A student thesis started or delivered (counted by level).
    pub fn is_thesis(self) -> bool {
        matches!(
            self,
            OutcomeKind::ThesisStarted | OutcomeKind::ThesisDelivered
        )
    }

    /// The kind as the bundle and the command line write it: "meeting_held".
    pub fn word(self) -> &'static str {
        match self {
            OutcomeKind::MeetingHeld => "meeting_held",
            OutcomeKind::ProjectStarted => "project_started",
            OutcomeKind::ThesisStarted => "thesis_started",
            OutcomeKind::ThesisDelivered => "thesis_delivered",
            OutcomeKind::Internship => "internship",
            OutcomeKind::Hire => "hire",
            OutcomeKind::FundingApplication => "funding_application",
            OutcomeKind::CourseHeld => "course_held",
            OutcomeKind::NoResult => "no_result",
        }
    }
}

/// The level of a student thesis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
pub enum ThesisLevel {
    Bachelor,
    Master,
    Phd,
}

/// One result recorded on an agreed match.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Outcome {
    pub kind: OutcomeKind,
    /// When it happened.
    #[ts(type = "string")]
    pub date: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub note: Option<String>,
    /// For a thesis: bachelor, master or PhD, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub level: Option<ThesisLevel>,
    /// When the coordinator recorded it.
    #[ts(type = "string")]
    pub recorded_at: DateTime<Utc>,
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
            outcomes: Vec::new(),
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

    /// The pair's status now (no status: suggested).
    pub fn current(&self) -> MatchStatus {
        self.status.unwrap_or(MatchStatus::Suggested)
    }

    /// When the pair was agreed: the time of the latest `agreed` change that
    /// still stands (see [`MatchRecord::standing`]); none when it never was,
    /// or when that change was taken back.
    pub fn agreed_at(&self) -> Option<DateTime<Utc>> {
        self.standing()
            .into_iter()
            .rev()
            .find(|e| e.status == MatchStatus::Agreed)
            .map(|e| e.at)
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

/// What was wrong with a field, typed so that the window can say it in its
/// own language; `Display` is the English sentence (the command line's).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum Problem {
    /// The field must be filled in.
    Required,
    /// A text longer than allowed.
    TooLong { length: usize, max: usize },
    /// An organisation number that is not nine digits.
    OrgNumber,
    /// An e-mail address without `@`, or with spaces.
    Email,
    /// More keywords than allowed.
    TooManyKeywords { count: usize, max: usize },
    /// A deadline on an offer.
    DeadlineOnOffer,
    /// A deadline set in the past (`date` as dd.mm.åååå).
    DeadlinePassed { date: String },
    /// A decline with no reason.
    DeclineReason,
    /// An entity still named by others (`by`: the first five).
    InUse { by: Vec<UsedBy>, more: usize },
    /// A cell naming no kind of entry Kompis knows (`text`: the cell, cut).
    NotAKind { text: String },
    /// A cell that is no date.
    NotADate { text: String },
    /// An organisation number that is not nine digits.
    OrgNumberDigits { text: String },
    /// Nine digits whose check digit does not match.
    OrgNumberCheck { text: String },
    /// A cell that is neither yes nor no.
    NotYesNo { text: String },
    /// A cell naming no language Kompis knows.
    NotALanguage { text: String },
    /// A row with no name for the organisation or person it makes.
    NameMissing { entity: EntityKind },
    /// An organisation number no organisation in the catalogue has, and no name to make one.
    UnknownOrgNumber { number: String },
    /// An e-mail address no person in the catalogue has, and no name to make one.
    UnknownEmail,
    /// A hidden id copied from an earlier row of the file.
    CopiedId { id: String, first_row: u32 },
    /// A hidden id that is no entity in the catalogue.
    UnknownId { entity: EntityKind, id: String },
    /// Probably a duplicate: the organisation number of another organisation.
    SameOrgNumber { id: String, name: String },
    /// Probably a duplicate: the e-mail address of another person.
    SameEmail { id: String, name: String },
    /// Probably a duplicate: a title near-identical to another entry's.
    NearTitle {
        entity: EntityKind,
        id: String,
        title: String,
    },
    /// The same entity as an earlier row of the file.
    Repeats {
        entity: EntityKind,
        sheet: String,
        row: u32,
    },
    /// A bundle's date that is no `YYYY-MM-DD` (`found`: what kind of value, in English).
    BundleDate { found: String },
    /// A bundle's time that is no RFC 3339 time.
    BundleTime { found: String },
    /// An outcome recorded on a pair that is not agreed (`status`: what it is).
    NotAgreed { status: MatchStatus },
    /// An outcome dated after today (`date` as YYYY-MM-DD).
    OutcomeInFuture { date: String },
    /// A job seeker saved without their consent (they are never stored without it).
    NoConsent,
    /// A text naming no occupation field (a STYRK-08 major group code or name).
    UnknownJobField { text: String },
    /// A vacancy's percent outside 1–100.
    Percent { value: u32 },
    /// Vacancy details on an entry that is no position offer.
    VacancyNotPosition,
    /// An offer that is no vacancy (a position offer with vacancy details).
    NotAVacancy,
    /// Anything else, in English.
    Other { text: String },
}

/// One entity that names another, by its kind and title or name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct UsedBy {
    pub kind: EntityKind,
    pub label: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Problem::Required => write!(f, "must not be empty"),
            Problem::TooLong { length, max } => {
                write!(f, "is {length} characters long; at most {max} are allowed")
            }
            Problem::OrgNumber => write!(f, "expected 9 digits (organisasjonsnummer)"),
            Problem::Email => write!(f, "expected an e-mail address like navn@firma.no"),
            Problem::TooManyKeywords { count, max } => {
                write!(f, "has {count} keywords; at most {max} are allowed")
            }
            Problem::DeadlineOnOffer => write!(f, "only needs have a deadline"),
            Problem::DeadlinePassed { date } => write!(
                f,
                "the deadline {date} has passed; choose today or a later date, or leave it empty"
            ),
            Problem::DeclineReason => write!(
                f,
                "say why the match is declined (not relevant, bad timing, no capacity, already solved or other)"
            ),
            Problem::InUse { by, more } => {
                let more = if *more > 0 {
                    format!(" and {more} more")
                } else {
                    String::new()
                };
                let by: Vec<String> = by
                    .iter()
                    .map(|u| format!("{} «{}»", u.kind.word(), u.label))
                    .collect();
                write!(
                    f,
                    "is still used by {}{more}; change or delete those first",
                    by.join(", ")
                )
            }
            Problem::NotAKind { text } => write!(
                f,
                "\"{text}\" is not a kind Kompis knows; write one of Fagkompetanse, Erfaringsdeling, Studentoppgave, Kurs og opplæring, Utstyr og lokaler, Stilling (or expertise, experience, student_project, training, facility, position)"
            ),
            Problem::NotADate { text } => write!(
                f,
                "expected a date like 31.12.2027, 1.3.27 or 2027-12-31, got \"{text}\""
            ),
            Problem::OrgNumberDigits { text } => write!(
                f,
                "expected an organisation number of 9 digits like 912 345 672, got \"{text}\""
            ),
            Problem::OrgNumberCheck { text } => write!(
                f,
                "\"{text}\" is not a valid organisation number (its check digit does not match); look it up in Brønnøysundregistrene"
            ),
            Problem::NotYesNo { text } => write!(f, "expected Ja or Nei, got \"{text}\""),
            Problem::NotALanguage { text } => {
                write!(f, "expected bokmål, nynorsk or English, got \"{text}\"")
            }
            Problem::NameMissing { entity } => write!(
                f,
                "is empty; each row needs the {}'s name",
                entity.word()
            ),
            Problem::UnknownOrgNumber { number } => write!(
                f,
                "no organisation in the catalogue has the number {number}; write its name too"
            ),
            Problem::UnknownEmail => write!(
                f,
                "no person in the catalogue has this e-mail address; write the person's name too"
            ),
            Problem::CopiedId { id, first_row } => write!(
                f,
                "has the same hidden id {id} as row {first_row}; a copied row keeps the id of the row it was copied from, so clear the ID cell of the copy to add it as new"
            ),
            Problem::UnknownId { entity, id } => write!(
                f,
                "the hidden id {id} is no {} in the catalogue (deleted since the workbook was written?); clear the ID cell to add the row as new",
                entity.word()
            ),
            Problem::SameOrgNumber { id, name } => write!(
                f,
                "has the same organisation number as organisation {id} ({name})"
            ),
            Problem::SameEmail { id, name } => {
                write!(f, "has the same e-mail address as person {id} ({name})")
            }
            Problem::NearTitle { entity, id, title } => write!(
                f,
                "has a title near-identical to {} {id} ({title})",
                entity.word()
            ),
            Problem::Repeats { entity, sheet, row } => write!(
                f,
                "repeats the {} of sheet {sheet}, row {row}",
                entity.word()
            ),
            Problem::BundleDate { found } => write!(f, "expected a date YYYY-MM-DD{found}"),
            Problem::BundleTime { found } => write!(f, "expected an RFC 3339 time{found}"),
            Problem::NotAgreed { status } => write!(
                f,
                "an outcome can only be recorded on an agreed match; this one is {}",
                status.word()
            ),
            Problem::OutcomeInFuture { date } => write!(
                f,
                "the date {date} is in the future; record an outcome once it has happened (today or earlier)"
            ),
            Problem::NoConsent => write!(
                f,
                "a job seeker is stored only with their consent; record that they agreed (and when) before saving"
            ),
            Problem::UnknownJobField { text } => write!(
                f,
                "\"{text}\" is no occupation field; write a STYRK-08 major group's code (0–9) or name, like 7 or Håndverkere"
            ),
            Problem::Percent { value } => write!(
                f,
                "is {value} %; a position is between 1 and 100 % of full time"
            ),
            Problem::VacancyNotPosition => write!(
                f,
                "only position offers (kind position) have vacancy details"
            ),
            Problem::NotAVacancy => write!(
                f,
                "is no vacancy; only a position offer with vacancy details can be reopened"
            ),
            Problem::Other { text } => write!(f, "{text}"),
        }
    }
}

impl From<String> for Problem {
    fn from(text: String) -> Self {
        Problem::Other { text }
    }
}

impl From<&str> for Problem {
    fn from(text: &str) -> Self {
        Problem::Other { text: text.into() }
    }
}
