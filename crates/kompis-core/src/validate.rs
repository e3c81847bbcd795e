//! Rules an entity must keep before it is stored, shared by forms and
//! imports. Each failure names entity, id and field.

use crate::error::{Error, Problem, Result};
use crate::model::{EntityKind, Entry, MatchRecord, Organisation, Person};

/// Longest id accepted (the format's limit).
pub const MAX_ID_LEN: usize = 200;

/// Longest name or title, and longest short field (e-mail, role, municipality …).
pub const MAX_SHORT: usize = 300;
/// Longest description or note.
pub const MAX_LONG: usize = 20_000;
/// Most keywords on one entry.
pub const MAX_KEYWORDS: usize = 50;
/// Most status changes kept for one match.
pub const MAX_HISTORY: usize = 1_000;
/// Most outcomes recorded on one match.
pub const MAX_OUTCOMES: usize = 1_000;
/// Longest text a list filter or search takes.
pub const MAX_QUERY: usize = 500;

/// Refuses a text longer than `max` characters, before it reaches the store.
pub fn length(entity: &str, id: &str, field: &str, value: &str, max: usize) -> Result<()> {
    // Bytes bound characters from above: most texts pass without counting.
    if value.len() > max && value.chars().count() > max {
        return Err(Error::invalid(
            entity,
            id,
            field,
            Problem::TooLong {
                length: value.chars().count(),
                max,
            },
        ));
    }
    Ok(())
}

fn short(kind: EntityKind, id: &str, field: &str, value: Option<&str>) -> Result<()> {
    length(kind.word(), id, field, value.unwrap_or(""), MAX_SHORT)
}

fn long(kind: EntityKind, id: &str, field: &str, value: Option<&str>) -> Result<()> {
    length(kind.word(), id, field, value.unwrap_or(""), MAX_LONG)
}

fn required(kind: EntityKind, id: &str, field: &str, value: &str) -> Result<()> {
    if value.trim().is_empty() {
        return Err(Error::invalid(kind.word(), id, field, Problem::Required));
    }
    Ok(())
}

/// Check an id's shape.
pub fn id(kind: EntityKind, id: &str) -> Result<()> {
    if id.trim().is_empty() {
        return Err(Error::invalid(
            kind.word(),
            "(no id)",
            "id",
            "must not be empty",
        ));
    }
    if id.chars().count() > MAX_ID_LEN {
        return Err(Error::invalid(
            kind.word(),
            format!("(an id of {} characters)", id.chars().count()),
            "id",
            format!("is longer than {MAX_ID_LEN} characters"),
        ));
    }
    if id.contains('\u{1f}') || id.chars().any(char::is_control) {
        return Err(Error::invalid(
            kind.word(),
            id,
            "id",
            "must not contain control characters",
        ));
    }
    Ok(())
}

/// Check an organisation.
pub fn organisation(o: &Organisation) -> Result<()> {
    let k = EntityKind::Organisation;
    id(k, &o.id)?;
    required(k, &o.id, "name", &o.name)?;
    short(k, &o.id, "name", Some(&o.name))?;
    short(k, &o.id, "municipality", o.municipality.as_deref())?;
    short(k, &o.id, "website", o.website.as_deref())?;
    long(k, &o.id, "notes", o.notes.as_deref())?;
    if let Some(n) = &o.org_number {
        if n.len() != 9 || !n.bytes().all(|b| b.is_ascii_digit()) {
            return Err(Error::invalid(
                k.word(),
                &o.id,
                "org_number",
                Problem::OrgNumber,
            ));
        }
    }
    Ok(())
}

/// Check a person.
pub fn person(p: &Person) -> Result<()> {
    let k = EntityKind::Person;
    id(k, &p.id)?;
    required(k, &p.id, "name", &p.name)?;
    short(k, &p.id, "name", Some(&p.name))?;
    short(k, &p.id, "email", p.email.as_deref())?;
    short(k, &p.id, "phone", p.phone.as_deref())?;
    short(k, &p.id, "role", p.role.as_deref())?;
    long(k, &p.id, "notes", p.notes.as_deref())?;
    if let Some(e) = &p.email {
        let ok = e.is_empty() || (e.contains('@') && !e.contains(char::is_whitespace));
        if !ok {
            return Err(Error::invalid(k.word(), &p.id, "email", Problem::Email));
        }
    }
    Ok(())
}

/// Check an offer or need.
pub fn entry(kind: EntityKind, e: &Entry) -> Result<()> {
    id(kind, &e.id)?;
    required(kind, &e.id, "title", &e.title)?;
    short(kind, &e.id, "title", Some(&e.title))?;
    long(kind, &e.id, "description", e.description.as_deref())?;
    if e.keywords.len() > MAX_KEYWORDS {
        return Err(Error::invalid(
            kind.word(),
            &e.id,
            "keywords",
            Problem::TooManyKeywords {
                count: e.keywords.len(),
                max: MAX_KEYWORDS,
            },
        ));
    }
    for k in &e.keywords {
        short(kind, &e.id, "keywords", Some(k))?;
    }
    if kind == EntityKind::Offer && e.deadline.is_some() {
        return Err(Error::invalid(
            kind.word(),
            &e.id,
            "deadline",
            Problem::DeadlineOnOffer,
        ));
    }
    Ok(())
}

/// Check a match record: its note, its history's notes and length.
pub fn match_record(m: &MatchRecord) -> Result<()> {
    let id = format!("{}→{}", m.need, m.offer);
    let note = |value: Option<&str>| match value {
        Some(v) => length("match", &id, "note", v, MAX_LONG),
        None => Ok(()),
    };
    note(m.note.as_deref())?;
    if m.history.len() > MAX_HISTORY {
        return Err(Error::invalid(
            "match",
            &id,
            "history",
            format!(
                "has {} status changes; at most {MAX_HISTORY} are kept",
                m.history.len()
            ),
        ));
    }
    m.history.iter().try_for_each(|e| note(e.note.as_deref()))?;
    if m.outcomes.len() > MAX_OUTCOMES {
        return Err(Error::invalid(
            "match",
            &id,
            "outcomes",
            format!(
                "has {} outcomes; at most {MAX_OUTCOMES} are kept",
                m.outcomes.len()
            ),
        ));
    }
    m.outcomes.iter().try_for_each(|o| note(o.note.as_deref()))
}
