//! Creating and updating entities: fresh ids, trimmed and cleaned text
//! ([`validate::clean_entry`]), stamped times.
//! Validation itself happens in the store's write ([`crate::validate`]).

use chrono::Utc;

use crate::catalogue::Catalogue;
use crate::error::{Error, Problem, Result};
use crate::model::{ConsentChange, EntityKind, Entry, Organisation, Person};
use crate::validate;
use crate::wire::Side;

fn trimmed(v: &mut Option<String>) {
    if let Some(s) = v {
        *s = s.trim().to_string();
        if s.is_empty() {
            *v = None;
        }
    }
}

/// Create (empty id) or update an organisation; returns what was stored.
pub(crate) fn save_organisation(cat: &Catalogue, mut o: Organisation) -> Result<Organisation> {
    if o.id.trim().is_empty() {
        o.id = cat.next_id(EntityKind::Organisation)?;
    }
    o.name = o.name.trim().to_string();
    for f in [
        &mut o.municipality,
        &mut o.org_number,
        &mut o.website,
        &mut o.notes,
    ] {
        trimmed(f);
    }
    validate::clean_organisation(&mut o);
    cat.put_organisation(&o)?;
    Ok(o)
}

/// Create (empty id) or update a person; returns what was stored.
pub(crate) fn save_person(cat: &Catalogue, mut p: Person) -> Result<Person> {
    if p.id.trim().is_empty() {
        p.id = cat.next_id(EntityKind::Person)?;
    }
    p.name = p.name.trim().to_string();
    for f in [
        &mut p.email,
        &mut p.phone,
        &mut p.organisation,
        &mut p.role,
        &mut p.notes,
        &mut p.consent_how,
    ] {
        trimmed(f);
    }
    validate::clean_person(&mut p);
    consent_recorded(cat, &mut p);
    cat.put_person(&p)?;
    Ok(p)
}

/// Stamps a person's save: the history is the stored one (a form cannot
/// rewrite it), and a change of consent, its day or how it was given is
/// added to it (a changed consent without a new day is dated today).
fn consent_recorded(cat: &Catalogue, p: &mut Person) {
    let now = Utc::now();
    let old = cat.person(&p.id).ok();
    p.consent_history = old
        .as_ref()
        .map(|o| o.consent_history.clone())
        .unwrap_or_default();
    let before = old
        .as_ref()
        .map(|o| (o.consent, o.consent_date, o.consent_how.clone()));
    let consent_changed = before
        .as_ref()
        .map_or(p.consent.is_some(), |b| b.0 != p.consent);
    let old_date = before.as_ref().and_then(|b| b.1);
    let date_kept = p.consent_date.is_none() || p.consent_date == old_date;
    if consent_changed && p.consent.is_some() && date_kept {
        p.consent_date = Some(chrono::Local::now().date_naive());
    }
    let now_state = (p.consent, p.consent_date, p.consent_how.clone());
    let changed = before.map_or(p.consent.is_some(), |b| b != now_state);
    if changed && p.consent_history.len() < validate::MAX_HISTORY {
        p.consent_history.push(ConsentChange {
            consent: p.consent,
            at: now,
            date: p.consent_date,
            how: p.consent_how.clone(),
        });
    }
    p.updated_at = Some(now);
}

/// Create (empty id) or update an offer or need, stamping its times;
/// returns what was stored.
pub(crate) fn save_entry(cat: &Catalogue, side: Side, mut e: Entry) -> Result<Entry> {
    let kind = side.into();
    let now = Utc::now();
    if let Some(deadline) = e.deadline {
        let stored = cat.entry(kind, &e.id).ok().and_then(|old| old.deadline);
        let today = chrono::Local::now().date_naive();
        if deadline < today && stored != Some(deadline) {
            return Err(Error::invalid(
                kind.word(),
                &e.id,
                "deadline",
                Problem::DeadlinePassed {
                    date: deadline.format("%d.%m.%Y").to_string(),
                },
            ));
        }
    }
    if e.id.trim().is_empty() {
        e.id = cat.next_id(kind)?;
        e.created_at = Some(now);
    } else if e.created_at.is_none() {
        e.created_at = cat
            .entry(kind, &e.id)
            .ok()
            .and_then(|old| old.created_at)
            .or(Some(now));
    }
    e.updated_at = Some(now);
    e.title = e.title.trim().to_string();
    e.keywords = e
        .keywords
        .iter()
        .map(|k| k.trim().to_string())
        .filter(|k| !k.is_empty())
        .collect();
    let mut seen = std::collections::HashSet::new();
    e.keywords.retain(|k| seen.insert(k.clone()));
    for f in [&mut e.description, &mut e.organisation, &mut e.contact] {
        trimmed(f);
    }
    validate::clean_entry(&mut e);
    vacancy_trimmed(&mut e);
    cat.put_entry(kind, &e)?;
    Ok(e)
}

/// A vacancy's texts cleaned of control characters and trimmed; a form's
/// empty vacancy details are no vacancy.
fn vacancy_trimmed(e: &mut Entry) {
    use kompis_intake::clean::clean_in_place;
    if let Some(v) = &mut e.vacancy {
        for f in [&mut v.municipality, &mut v.field, &mut v.link] {
            if let Some(s) = f {
                clean_in_place(s);
            }
            trimmed(f);
        }
        for l in &mut v.languages {
            clean_in_place(l);
            *l = l.trim().to_string();
        }
        v.languages.retain(|l| !l.is_empty());
    }
    if e.vacancy == Some(crate::model::Vacancy::default()) {
        e.vacancy = None;
    }
}
