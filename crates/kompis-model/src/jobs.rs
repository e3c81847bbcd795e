//! The region's job market: a position offer's [`Vacancy`], the occupation
//! fields it is filed under ([`JOB_FIELDS`], after the STYRK-08 major
//! groups), the [`JobSeeker`] a member registers for a recruit's partner,
//! and the typed [`JobReason`]s a ranking gives (English through `Display`,
//! worded in nb/en by the window and the job sheet).

use chrono::{DateTime, Months, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The level of education a vacancy asks for or a job seeker has, lowest
/// first (the order compares them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
#[cfg_attr(feature = "clap", value(rename_all = "snake_case"))]
pub enum EducationLevel {
    /// No formal education asked for.
    None,
    /// Videregående skole.
    UpperSecondary,
    /// Fagbrev or svennebrev.
    TradeCertificate,
    /// Fagskole.
    VocationalCollege,
    Bachelor,
    Master,
    Phd,
}

impl EducationLevel {
    /// The level as the bundle and the command line write it.
    pub fn word(self) -> &'static str {
        match self {
            EducationLevel::None => "none",
            EducationLevel::UpperSecondary => "upper_secondary",
            EducationLevel::TradeCertificate => "trade_certificate",
            EducationLevel::VocationalCollege => "vocational_college",
            EducationLevel::Bachelor => "bachelor",
            EducationLevel::Master => "master",
            EducationLevel::Phd => "phd",
        }
    }

    /// The level in English words, for sentences.
    pub fn english(self) -> &'static str {
        match self {
            EducationLevel::None => "no formal education",
            EducationLevel::UpperSecondary => "upper secondary school",
            EducationLevel::TradeCertificate => "a trade certificate",
            EducationLevel::VocationalCollege => "vocational college",
            EducationLevel::Bachelor => "a bachelor's degree",
            EducationLevel::Master => "a master's degree",
            EducationLevel::Phd => "a PhD",
        }
    }
}

/// What a job seeker looks for in a position offer (a Kompis addition to
/// v1: `offers[].vacancy`). Every field is optional. The contact is the
/// entry's own `contact`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Vacancy {
    /// Where the work is; none: the organisation's municipality.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub municipality: Option<String>,
    /// An occupation field code of [`JOB_FIELDS`] ("7": craft and related trades).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub field: Option<String>,
    /// The education asked for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub education: Option<EducationLevel>,
    /// Full time is 100.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub percent: Option<u8>,
    /// Fast (true) or midlertidig (false).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub permanent: Option<bool>,
    /// A place for an apprentice (lærling).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    #[ts(as = "Option<bool>", optional)]
    pub apprenticeship: bool,
    /// A trainee position.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    #[ts(as = "Option<bool>", optional)]
    pub trainee: bool,
    /// The languages the work asks for ("norsk", "engelsk"); none listed:
    /// the language the entry is written in.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<String>>", optional)]
    pub languages: Vec<String>,
    /// The application deadline (`YYYY-MM-DD`); the vacancy closes by
    /// itself the day after it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "string")]
    pub apply_by: Option<NaiveDate>,
    /// Where to read more or apply.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub link: Option<String>,
    /// When the coordinator last reopened it after its deadline (reopening
    /// clears `apply_by`: open until a new deadline is set).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "string")]
    pub reopened_at: Option<DateTime<Utc>>,
}

impl Vacancy {
    /// Whether the deadline has passed on `today` (the vacancy is closed).
    pub fn closed_on(&self, today: NaiveDate) -> bool {
        self.apply_by.is_some_and(|d| d < today)
    }
}

/// An occupation field: a STYRK-08 major group with its names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct JobField {
    pub code: String,
    /// The bokmål name ("Håndverkere").
    pub nb: String,
    /// The English name ("Craft and related trades").
    pub en: String,
}

/// The occupation fields, after the major groups of STYRK-08 (Statistics
/// Norway's version of ISCO-08): (code, bokmål, English), in code order
/// with 0 last, as SSB lists them.
pub const JOB_FIELDS: [(&str, &str, &str); 10] = [
    ("1", "Ledere", "Managers"),
    ("2", "Akademiske yrker", "Professionals"),
    (
        "3",
        "Høyskoleyrker",
        "Technicians and associate professionals",
    ),
    ("4", "Kontoryrker", "Clerical support workers"),
    ("5", "Salgs- og serviceyrker", "Service and sales workers"),
    (
        "6",
        "Bønder, fiskere mv.",
        "Skilled agricultural, forestry and fishery workers",
    ),
    ("7", "Håndverkere", "Craft and related trades"),
    (
        "8",
        "Operatører, sjåfører mv.",
        "Plant and machine operators and assemblers",
    ),
    ("9", "Andre yrker", "Elementary occupations"),
    ("0", "Militære yrker", "Armed forces occupations"),
];

/// The occupation fields as values.
pub fn job_fields() -> Vec<JobField> {
    JOB_FIELDS
        .iter()
        .map(|(code, nb, en)| JobField {
            code: (*code).into(),
            nb: (*nb).into(),
            en: (*en).into(),
        })
        .collect()
}

/// The field of a code, if it is one.
pub fn job_field(code: &str) -> Option<JobField> {
    job_fields().into_iter().find(|f| f.code == code.trim())
}

/// A job seeker's consent to be registered (recorded with its date and how
/// it was given).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Consent {
    pub given: bool,
    /// When it was given (`YYYY-MM-DD`); none: the day it is saved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "string")]
    pub date: Option<NaiveDate>,
    /// How it was given ("muntlig i møte", "e-post 03.11.2026").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub how: Option<String>,
}

/// How long a job seeker is kept after the last change before they are
/// flagged for deletion.
pub const SEEKER_KEEP_MONTHS: u32 = 6;

/// Someone a member recruits brings along (a partner) who looks for work in
/// the region: personal data, stored only with consent, erased on request
/// (a Kompis addition to v1: `job_seekers`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct JobSeeker {
    /// `js-01`; empty when creating.
    pub id: String,
    pub name: String,
    pub consent: Consent,
    /// Education as the person tells it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub education: Option<String>,
    /// The highest education level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub education_level: Option<EducationLevel>,
    /// Work experience as the person tells it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub experience: Option<String>,
    /// Occupation field codes of [`JOB_FIELDS`] they would work in.
    #[serde(default)]
    pub fields: Vec<String>,
    /// Municipalities they would work in (besides commuting from `lives`).
    #[serde(default)]
    pub municipalities: Vec<String>,
    /// Where they will live.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub lives: Option<String>,
    /// The longest drive to work they accept, one way, in minutes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub max_commute: Option<u32>,
    /// Languages they work in ("norsk", "engelsk", "polsk").
    #[serde(default)]
    pub languages: Vec<String>,
    /// From when they can start (`YYYY-MM-DD`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "string")]
    pub available_from: Option<NaiveDate>,
    /// They study: student projects and traineeships count for them too.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    #[ts(as = "Option<bool>", optional)]
    pub studies: bool,
    /// The member organisation recruiting their partner (an organisation id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub organisation: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "string")]
    pub created_at: Option<DateTime<Utc>>,
    /// The last change or renewal; the seeker is flagged for deletion
    /// [`SEEKER_KEEP_MONTHS`] months after it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "string")]
    pub updated_at: Option<DateTime<Utc>>,
}

impl JobSeeker {
    /// The day they are due for deletion: [`SEEKER_KEEP_MONTHS`] after the
    /// last change (or creation); none without either.
    pub fn due_on(&self) -> Option<NaiveDate> {
        let at = self.updated_at.or(self.created_at)?;
        at.date_naive()
            .checked_add_months(Months::new(SEEKER_KEEP_MONTHS))
    }
}

/// Why a vacancy was ranked for a job seeker (or a job seeker for a
/// vacancy), typed so that the window and the job sheet word it in their
/// language; `Display` is the English sentence (the command line's).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum JobReason {
    /// Words of the seeker's education and experience that the vacancy's
    /// text shares (`terms`: as the matcher says them, «a» ↔ «b»).
    Words { terms: String },
    /// The vacancy's field is one the seeker would work in.
    FieldFits { code: String },
    /// The vacancy's field is none of the seeker's.
    FieldDiffers { code: String },
    /// The seeker has the education asked for (or more).
    EducationFits { asked: EducationLevel },
    /// The vacancy asks for more education than the seeker has.
    EducationBelow {
        asked: EducationLevel,
        has: EducationLevel,
    },
    /// The seeker speaks every language the work asks for.
    LanguagesFit { languages: Vec<String> },
    /// The work asks for languages the seeker did not name.
    LanguagesMissing { missing: Vec<String> },
    /// Within the seeker's commute (`max`: their limit, when given).
    CommuteWithin {
        from: String,
        to: String,
        minutes: u32,
        max: Option<u32>,
    },
    /// Longer than the seeker's limit.
    CommuteTooFar {
        from: String,
        to: String,
        minutes: u32,
        max: u32,
    },
    /// The work is in a municipality the seeker named.
    WantedMunicipality { municipality: String },
    /// No driving time known between the two places.
    CommuteUnknown { from: String, to: String },
    /// A student project or traineeship, counted because the seeker studies.
    ForStudents,
    /// A trainee position.
    Trainee,
    /// A place for an apprentice.
    Apprenticeship,
}

impl std::fmt::Display for JobReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let field_name =
            |code: &str| job_field(code).map_or_else(|| code.to_string(), |j| j.en.to_lowercase());
        match self {
            JobReason::Words { terms } => write!(f, "Shared words: {terms}"),
            JobReason::FieldFits { code } => write!(f, "In a wanted field: {}", field_name(code)),
            JobReason::FieldDiffers { code } => {
                write!(f, "In another field: {}", field_name(code))
            }
            JobReason::EducationFits { asked } => {
                write!(f, "Has the education asked for ({})", asked.english())
            }
            JobReason::EducationBelow { asked, has } => write!(
                f,
                "Asks for {}; the job seeker has {}",
                asked.english(),
                has.english()
            ),
            JobReason::LanguagesFit { languages } => {
                write!(
                    f,
                    "Speaks the languages asked for: {}",
                    languages.join(", ")
                )
            }
            JobReason::LanguagesMissing { missing } => {
                write!(f, "Asks for languages not named: {}", missing.join(", "))
            }
            JobReason::CommuteWithin {
                from, to, minutes, ..
            } => {
                if from == to || *minutes == 0 {
                    write!(f, "In {to}, where they will live")
                } else {
                    write!(
                        f,
                        "Within commuting distance: {} from {from} to {to}",
                        duration(*minutes)
                    )
                }
            }
            JobReason::CommuteTooFar {
                from,
                to,
                minutes,
                max,
            } => write!(
                f,
                "Beyond commuting distance: {} from {from} to {to} (at most {} wanted)",
                duration(*minutes),
                duration(*max)
            ),
            JobReason::WantedMunicipality { municipality } => {
                write!(f, "In a wanted municipality: {municipality}")
            }
            JobReason::CommuteUnknown { from, to } => {
                write!(f, "No driving time known from {from} to {to}")
            }
            JobReason::ForStudents => write!(f, "For students"),
            JobReason::Trainee => write!(f, "A trainee position"),
            JobReason::Apprenticeship => write!(f, "A place for an apprentice"),
        }
    }
}

/// "35 min", "1 h 50 min", "2 h".
pub fn duration(minutes: u32) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_compare_lowest_first() {
        assert!(EducationLevel::TradeCertificate < EducationLevel::Bachelor);
        assert!(EducationLevel::None < EducationLevel::UpperSecondary);
    }

    #[test]
    fn a_vacancy_closes_the_day_after_its_deadline() {
        let day = |d| NaiveDate::from_ymd_opt(2027, 3, d).unwrap();
        let v = Vacancy {
            apply_by: Some(day(1)),
            ..Vacancy::default()
        };
        assert!(!v.closed_on(day(1)));
        assert!(v.closed_on(day(2)));
        assert!(!Vacancy::default().closed_on(day(2)));
    }

    #[test]
    fn a_seeker_is_due_six_months_after_the_last_change() {
        let at = "2026-06-30T10:00:00Z".parse().unwrap();
        let s = JobSeeker {
            updated_at: Some(at),
            ..JobSeeker::default()
        };
        assert_eq!(s.due_on(), NaiveDate::from_ymd_opt(2026, 12, 30));
    }

    #[test]
    fn reasons_read_as_english_sentences() {
        let r = JobReason::CommuteWithin {
            from: "Elverum".into(),
            to: "Åmot".into(),
            minutes: 35,
            max: Some(60),
        };
        assert_eq!(
            r.to_string(),
            "Within commuting distance: 35 min from Elverum to Åmot"
        );
        assert_eq!(duration(110), "1 h 50 min");
        assert_eq!(
            JobReason::FieldFits { code: "7".into() }.to_string(),
            "In a wanted field: craft and related trades"
        );
    }
}
