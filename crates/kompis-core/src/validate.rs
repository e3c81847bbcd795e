//! Rules an entity must keep before it is stored, shared by every door: the
//! window's save commands, bundle import and spreadsheet intake. Each
//! failure names entity, id and field, and a text too long is a typed
//! [`Problem::TooLong`] that says the limit.
//!
//! The limits, in characters, are generous for real text and stop pasted
//! data: ids and references [`MAX_ID_LEN`]; names, titles and short fields
//! [`MAX_SHORT`]; e-mail [`MAX_EMAIL`]; one keyword [`MAX_KEYWORD`], at most
//! [`MAX_KEYWORDS`] of them; descriptions and notes [`MAX_LONG`] (about
//! 7,000 words); thesaurus terms and group ids [`MAX_SHORT`], at most
//! [`MAX_GROUPS`] groups of [`MAX_TERMS`] terms. Before they are checked,
//! texts are [`clean`]ed: control characters (but tab and line breaks) and
//! bidirectional overrides are removed, so a name cannot reorder the text
//! shown after it ([`kompis_intake::clean`]).

use kompis_intake::clean::clean_in_place;
use kompis_match::ConceptGroup;

use crate::error::{Error, Problem, Result};
use crate::model::{EntityKind, Entry, MatchRecord, Organisation, Person};

/// Longest id accepted (the format's limit), also for references.
pub const MAX_ID_LEN: usize = 200;

/// Longest name or title, and longest short field (role, municipality …).
pub const MAX_SHORT: usize = 300;
/// Longest e-mail address (RFC 5321's limit of a path).
pub const MAX_EMAIL: usize = 254;
/// Longest description or note.
pub const MAX_LONG: usize = 50_000;
/// Longest keyword.
pub const MAX_KEYWORD: usize = 100;
/// Most keywords on one entry.
pub const MAX_KEYWORDS: usize = 50;
/// Most concept groups a bundle's thesaurus may bring.
pub const MAX_GROUPS: usize = 10_000;
/// Most terms in one concept group.
pub const MAX_TERMS: usize = 1_000;
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

/// [`length`] of an id or reference that names the entity: refused
/// without quoting it (the entity is named by the id's length).
fn id_length(entity: &str, field: &str, value: &str, max: usize) -> Result<()> {
    let n = value.chars().count();
    if value.len() > max && n > max {
        return Err(Error::invalid(
            entity,
            format!("(an id of {n} characters)"),
            field,
            Problem::TooLong { length: n, max },
        ));
    }
    Ok(())
}

/// A reference to another entity: no longer than an id.
fn reference(kind: EntityKind, id: &str, field: &str, value: Option<&str>) -> Result<()> {
    length(kind.word(), id, field, value.unwrap_or(""), MAX_ID_LEN)
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
    length(
        k.word(),
        &p.id,
        "email",
        p.email.as_deref().unwrap_or(""),
        MAX_EMAIL,
    )?;
    short(k, &p.id, "phone", p.phone.as_deref())?;
    reference(k, &p.id, "organisation", p.organisation.as_deref())?;
    short(k, &p.id, "role", p.role.as_deref())?;
    long(k, &p.id, "notes", p.notes.as_deref())?;
    short(k, &p.id, "consent_how", p.consent_how.as_deref())?;
    for c in &p.consent_history {
        short(k, &p.id, "consent_history", c.how.as_deref())?;
    }
    if p.consent_history.len() > MAX_HISTORY {
        return Err(Error::invalid(
            k.word(),
            &p.id,
            "consent_history",
            format!(
                "has {} consent changes; at most {MAX_HISTORY} are kept",
                p.consent_history.len()
            ),
        ));
    }
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
        length(kind.word(), &e.id, "keywords", k, MAX_KEYWORD)?;
    }
    reference(kind, &e.id, "organisation", e.organisation.as_deref())?;
    reference(kind, &e.id, "contact", e.contact.as_deref())?;
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
    for (field, end) in [("need", &m.need), ("offer", &m.offer)] {
        id_length("match", field, end, MAX_ID_LEN)?;
    }
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

/// Check a bundle's concept groups: how many, and how long their ids and terms.
pub fn thesaurus(groups: &[ConceptGroup]) -> Result<()> {
    if groups.len() > MAX_GROUPS {
        return Err(Error::invalid(
            "thesaurus",
            "",
            "groups",
            format!(
                "has {} concept groups; at most {MAX_GROUPS} are allowed",
                groups.len()
            ),
        ));
    }
    for g in groups {
        id_length("concept group", "id", &g.id, MAX_SHORT)?;
        if g.terms.len() > MAX_TERMS {
            return Err(Error::invalid(
                "concept group",
                &g.id,
                "terms",
                format!(
                    "has {} terms; at most {MAX_TERMS} are allowed",
                    g.terms.len()
                ),
            ));
        }
        for t in &g.terms {
            length("concept group", &g.id, "terms", t, MAX_SHORT)?;
        }
    }
    Ok(())
}

fn clean_opt(v: &mut Option<String>) {
    if let Some(s) = v {
        clean_in_place(s);
    }
}

/// Removes control characters and bidirectional overrides from an
/// organisation's texts ([`kompis_intake::clean`]).
pub fn clean_organisation(o: &mut Organisation) {
    clean_in_place(&mut o.name);
    for f in [
        &mut o.municipality,
        &mut o.org_number,
        &mut o.website,
        &mut o.notes,
    ] {
        clean_opt(f);
    }
}

/// [`clean_organisation`] for a person.
pub fn clean_person(p: &mut Person) {
    clean_in_place(&mut p.name);
    for f in [
        &mut p.email,
        &mut p.phone,
        &mut p.role,
        &mut p.notes,
        &mut p.consent_how,
    ] {
        clean_opt(f);
    }
}

/// [`clean_organisation`] for an offer or need.
pub fn clean_entry(e: &mut Entry) {
    clean_in_place(&mut e.title);
    clean_opt(&mut e.description);
    e.keywords.iter_mut().for_each(clean_in_place);
}

/// [`clean_organisation`] for a match's notes.
pub fn clean_match(m: &mut MatchRecord) {
    clean_opt(&mut m.note);
    m.history.iter_mut().for_each(|e| clean_opt(&mut e.note));
    m.outcomes.iter_mut().for_each(|o| clean_opt(&mut o.note));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(title: &str, description: &str) -> Entry {
        serde_json::from_value(serde_json::json!({
            "id": "o-1", "title": title, "kind": "expertise", "description": description
        }))
        .unwrap()
    }

    #[test]
    fn a_description_of_thousands_of_words_passes() {
        let words = "Vi hjelper bedrifter med bærekraftsrapportering og ESRS. ".repeat(800);
        assert!(words.split_whitespace().count() > 5_000);
        validate_entry(&entry("Rapportering", &words)).unwrap();
    }

    #[test]
    fn too_long_says_the_limit() {
        let e = entry(&"x".repeat(MAX_SHORT + 1), "");
        let err = validate_entry(&e).unwrap_err().to_string();
        assert_eq!(
            err,
            "offer o-1: field `title`: is 301 characters long; at most 300 are allowed"
        );
        let mut k = entry("T", "");
        k.keywords = vec!["k".repeat(MAX_KEYWORD + 1)];
        assert!(matches!(
            validate_entry(&k),
            Err(Error::Invalid { problem, .. }) if *problem == Problem::TooLong { length: 101, max: 100 }
        ));
        let mut r = entry("T", "");
        r.contact = Some("p".repeat(MAX_ID_LEN + 1));
        assert!(validate_entry(&r).is_err());
    }

    #[test]
    fn cleaning_removes_controls_and_overrides() {
        let mut e = entry("Sveis\u{202e}ing\u{0}", "linje 1\nlinje 2\u{7}");
        e.keywords = vec!["\u{feff}lean".into()];
        clean_entry(&mut e);
        assert_eq!(e.title, "Sveising");
        assert_eq!(e.description.as_deref(), Some("linje 1\nlinje 2"));
        assert_eq!(e.keywords, ["lean"]);
    }

    fn validate_entry(e: &Entry) -> Result<()> {
        super::entry(EntityKind::Offer, e)
    }
}
