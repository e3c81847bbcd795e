//! Rules an entity must keep before it is stored, shared by forms and
//! imports. Each failure names entity, id and field.

use crate::error::{Error, Result};
use crate::model::{EntityKind, Entry, Organisation, Person};

/// Longest id accepted (the format's limit).
pub const MAX_ID_LEN: usize = 200;

fn required(kind: EntityKind, id: &str, field: &str, value: &str) -> Result<()> {
    if value.trim().is_empty() {
        return Err(Error::invalid(kind.word(), id, field, "must not be empty"));
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
            id,
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
    if let Some(n) = &o.org_number {
        if n.len() != 9 || !n.bytes().all(|b| b.is_ascii_digit()) {
            return Err(Error::invalid(
                k.word(),
                &o.id,
                "org_number",
                format!("expected 9 digits, got {n:?}"),
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
    if let Some(e) = &p.email {
        let ok = e.is_empty() || (e.contains('@') && !e.contains(char::is_whitespace));
        if !ok {
            return Err(Error::invalid(
                k.word(),
                &p.id,
                "email",
                format!("expected an e-mail address like navn@firma.no, got {e:?}"),
            ));
        }
    }
    Ok(())
}

/// Check an offer or need.
pub fn entry(kind: EntityKind, e: &Entry) -> Result<()> {
    id(kind, &e.id)?;
    required(kind, &e.id, "title", &e.title)?;
    if kind == EntityKind::Offer && e.deadline.is_some() {
        return Err(Error::invalid(
            kind.word(),
            &e.id,
            "deadline",
            "only needs have a deadline",
        ));
    }
    Ok(())
}
