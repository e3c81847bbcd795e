//! Rules a vacancy and a job seeker keep before they are stored, shared by
//! forms, the command line and bundles; each failure names the entity, its
//! id and the field (`vacancy.percent`, `consent`).

use crate::error::{Error, Problem, Result};
use crate::model::jobs::job_field;
use crate::model::{EntityKind, Entry, EntryKind, JobSeeker};
use crate::validate::{length, MAX_ID_LEN, MAX_KEYWORDS, MAX_LONG, MAX_SHORT};

/// The word messages name a job seeker by: "job seeker js-03: …".
pub const SEEKER: &str = "job seeker";

/// Check an entry's vacancy: only on position offers, a known field, a
/// percent of 1–100, short texts.
pub fn vacancy(kind: EntityKind, e: &Entry) -> Result<()> {
    let Some(v) = &e.vacancy else { return Ok(()) };
    let word = kind.word();
    if kind != EntityKind::Offer || e.kind != EntryKind::Position {
        return Err(Error::invalid(
            word,
            &e.id,
            "vacancy",
            Problem::VacancyNotPosition,
        ));
    }
    for (field, value) in [
        ("vacancy.municipality", &v.municipality),
        ("vacancy.link", &v.link),
    ] {
        length(
            word,
            &e.id,
            field,
            value.as_deref().unwrap_or(""),
            MAX_SHORT,
        )?;
    }
    if let Some(code) = &v.field {
        field_code(word, &e.id, "vacancy.field", code)?;
    }
    if let Some(p) = v.percent {
        if !(1..=100).contains(&p) {
            return Err(Error::invalid(
                word,
                &e.id,
                "vacancy.percent",
                Problem::Percent { value: p.into() },
            ));
        }
    }
    list(word, &e.id, "vacancy.languages", &v.languages)
}

/// Check a job seeker: consent given, a name, known field codes, short
/// texts and lists of a sensible size.
pub fn seeker(s: &JobSeeker) -> Result<()> {
    length(SEEKER, &s.id, "id", &s.id, MAX_ID_LEN)?;
    if !s.consent.given {
        return Err(Error::invalid(SEEKER, &s.id, "consent", Problem::NoConsent));
    }
    if s.name.trim().is_empty() {
        return Err(Error::invalid(SEEKER, &s.id, "name", Problem::Required));
    }
    for (field, value, max) in [
        ("name", Some(&s.name), MAX_SHORT),
        ("consent.how", s.consent.how.as_ref(), MAX_SHORT),
        ("education", s.education.as_ref(), MAX_LONG),
        ("experience", s.experience.as_ref(), MAX_LONG),
        ("lives", s.lives.as_ref(), MAX_SHORT),
        ("organisation", s.organisation.as_ref(), MAX_ID_LEN),
    ] {
        length(SEEKER, &s.id, field, value.map_or("", |v| v.as_str()), max)?;
    }
    for code in &s.fields {
        field_code(SEEKER, &s.id, "fields", code)?;
    }
    list(SEEKER, &s.id, "fields", &s.fields)?;
    list(SEEKER, &s.id, "municipalities", &s.municipalities)?;
    list(SEEKER, &s.id, "languages", &s.languages)
}

/// Refuses a code that is no occupation field.
fn field_code(entity: &str, id: &str, field: &str, code: &str) -> Result<()> {
    if job_field(code).is_none() {
        return Err(Error::invalid(
            entity,
            id,
            field,
            Problem::UnknownJobField {
                text: code.chars().take(40).collect(),
            },
        ));
    }
    Ok(())
}

/// Refuses a list longer than a keyword list, or with a long item.
fn list(entity: &str, id: &str, field: &str, items: &[String]) -> Result<()> {
    if items.len() > MAX_KEYWORDS {
        return Err(Error::invalid(
            entity,
            id,
            field,
            format!(
                "has {} items; at most {MAX_KEYWORDS} are allowed",
                items.len()
            ),
        ));
    }
    for item in items {
        length(entity, id, field, item, MAX_SHORT)?;
    }
    Ok(())
}
