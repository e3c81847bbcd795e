//! The job market: the network's vacancies (position offers with vacancy
//! details), open or closed by their deadline, filtered and counted for the
//! map, and reopened by the coordinator.

use std::collections::HashMap;

use chrono::{NaiveDate, Utc};

use crate::calendar::today;
use crate::catalogue::Catalogue;
use crate::commute::plain;
use crate::error::{Error, Problem, Result};
use crate::model::jobs::JOB_FIELDS;
use crate::model::{EntityKind, Entry, EntryKind, Organisation, Person};
use crate::wire::{
    ContactLine, FieldCount, MunicipalityCount, VacancyList, VacancyQuery, VacancyRow,
};

/// The network's six municipalities, in the order the map and counts list them.
pub(crate) const REGION: [&str; 6] = [
    "Elverum",
    "Åmot",
    "Stor-Elvdal",
    "Engerdal",
    "Trysil",
    "Våler",
];

/// Whether an entry is a vacancy: a position offer with vacancy details.
pub(crate) fn is_vacancy(e: &Entry) -> bool {
    e.kind == EntryKind::Position && e.vacancy.is_some()
}

/// Whether a vacancy is past its deadline on `today`.
pub(crate) fn closed(e: &Entry, today: NaiveDate) -> bool {
    e.vacancy.as_ref().is_some_and(|v| v.closed_on(today))
}

/// The occupation field a text names: a code ("7") or a name in bokmål or
/// English, whole or its start ("håndverk", "craft"), without case or `æøå`.
pub(crate) fn field_code(text: &str) -> Option<&'static str> {
    let t = plain(text);
    if t.is_empty() {
        return None;
    }
    JOB_FIELDS
        .iter()
        .find(|(code, nb, en)| *code == t || plain(nb) == t || plain(en) == t)
        .or_else(|| {
            JOB_FIELDS
                .iter()
                .find(|(_, nb, en)| plain(nb).starts_with(&t) || plain(en).starts_with(&t))
        })
        .map(|(code, _, _)| *code)
}

/// The field code of a filter or request, refused with a sentence when it
/// names none.
pub(crate) fn field_filter(entity: &str, text: Option<&str>) -> Result<Option<&'static str>> {
    match text.map(str::trim).filter(|t| !t.is_empty()) {
        None => Ok(None),
        Some(t) => field_code(t).map(Some).ok_or_else(|| {
            Error::invalid(
                entity,
                "",
                "field",
                Problem::UnknownJobField {
                    text: t.chars().take(40).collect(),
                },
            )
        }),
    }
}

fn fold(s: &str) -> String {
    kompis_match::fold(s.trim())
}

/// The catalogue's organisations and people by id, to name a vacancy's.
pub(crate) struct Directory {
    pub orgs: HashMap<String, Organisation>,
    pub people: HashMap<String, Person>,
}

impl Directory {
    pub(crate) fn load(cat: &Catalogue) -> Result<Directory> {
        Ok(Directory {
            orgs: cat
                .organisations()?
                .into_iter()
                .map(|o| (o.id.clone(), o))
                .collect(),
            people: cat
                .people()?
                .into_iter()
                .map(|p| (p.id.clone(), p))
                .collect(),
        })
    }

    pub(crate) fn org(&self, e: &Entry) -> Option<&Organisation> {
        self.orgs.get(e.organisation.as_ref()?)
    }

    pub(crate) fn contact(&self, e: &Entry) -> Option<&Person> {
        self.people.get(e.contact.as_ref()?)
    }

    /// Where the work is: the vacancy's municipality, else its organisation's.
    pub(crate) fn work_place(&self, e: &Entry) -> Option<String> {
        e.vacancy
            .as_ref()
            .and_then(|v| v.municipality.clone())
            .filter(|m| !m.trim().is_empty())
            .or_else(|| self.org(e).and_then(|o| o.municipality.clone()))
    }

    /// A row of the job market.
    pub(crate) fn row(&self, e: Entry, today: NaiveDate) -> VacancyRow {
        VacancyRow {
            organisation_name: self.org(&e).map(|o| o.name.clone()),
            municipality: self.work_place(&e),
            field: e.vacancy.as_ref().and_then(|v| v.field.clone()),
            closed: closed(&e, today),
            contact: self.contact(&e).map(contact_line),
            entry: e,
        }
    }
}

/// A contact as a job seeker may see them: name, e-mail and phone only with
/// their consent.
pub(crate) fn contact_line(p: &Person) -> ContactLine {
    let named = p.consents();
    ContactLine {
        person: p.id.clone(),
        name: named.then(|| p.name.clone()),
        role: p.role.clone(),
        email: p.email.clone().filter(|_| named),
        phone: p.phone.clone().filter(|_| named),
    }
}

/// Every active vacancy of the catalogue, in id order.
pub(crate) fn all(cat: &Catalogue) -> Result<Vec<Entry>> {
    Ok(cat
        .offers()?
        .into_iter()
        .filter(|e| e.is_active() && is_vacancy(e))
        .collect())
}

/// The job market for a query: rows (open first, then by field and title),
/// counts, and the open vacancies per municipality and field.
pub(crate) fn list(cat: &Catalogue, query: &VacancyQuery) -> Result<VacancyList> {
    let field = field_filter("vacancy query", query.field.as_deref())?;
    let today = today();
    let dir = Directory::load(cat)?;
    let words: Vec<String> = query
        .text
        .as_deref()
        .unwrap_or("")
        .split_whitespace()
        .map(fold)
        .collect();
    let rows: Vec<VacancyRow> = all(cat)?.into_iter().map(|e| dir.row(e, today)).collect();
    let in_place = |r: &VacancyRow| match &query.municipality {
        Some(m) if !m.trim().is_empty() => r
            .municipality
            .as_deref()
            .is_some_and(|w| crate::commute::same_place(w, m)),
        _ => true,
    };
    let in_field = |r: &VacancyRow| field.is_none_or(|f| r.field.as_deref() == Some(f));
    let has_words = |r: &VacancyRow| {
        if words.is_empty() {
            return true;
        }
        let mut text = r.entry.search_fields().join(" ");
        text.push(' ');
        text.push_str(r.organisation_name.as_deref().unwrap_or(""));
        let text = fold(&text);
        words.iter().all(|w| text.contains(w.as_str()))
    };
    let mut by_municipality: Vec<MunicipalityCount> = REGION
        .iter()
        .map(|m| MunicipalityCount {
            municipality: (*m).into(),
            open: 0,
        })
        .collect();
    let mut by_field: Vec<FieldCount> = JOB_FIELDS
        .iter()
        .map(|(code, _, _)| FieldCount {
            code: (*code).into(),
            open: 0,
        })
        .collect();
    for r in rows.iter().filter(|r| !r.closed && has_words(r)) {
        if in_field(r) {
            if let Some(m) = &r.municipality {
                match by_municipality
                    .iter_mut()
                    .find(|c| crate::commute::same_place(&c.municipality, m))
                {
                    Some(c) => c.open += 1,
                    None => by_municipality.push(MunicipalityCount {
                        municipality: m.clone(),
                        open: 1,
                    }),
                }
            }
        }
        if in_place(r) {
            let code = r.field.clone().unwrap_or_default();
            match by_field.iter_mut().find(|c| c.code == code) {
                Some(c) => c.open += 1,
                None => by_field.push(FieldCount { code, open: 1 }),
            }
        }
    }
    by_municipality[REGION.len()..]
        .sort_by(|a, b| crate::collate::cmp_nb(&a.municipality, &b.municipality));
    let mut passing: Vec<VacancyRow> = rows
        .into_iter()
        .filter(|r| in_place(r) && in_field(r) && has_words(r))
        .collect();
    let open = passing.iter().filter(|r| !r.closed).count() as u32;
    let closed = passing.len() as u32 - open;
    if !query.include_closed {
        passing.retain(|r| !r.closed);
    }
    passing.sort_by(|a, b| {
        a.closed
            .cmp(&b.closed)
            .then_with(|| field_rank(a.field.as_deref()).cmp(&field_rank(b.field.as_deref())))
            .then_with(|| crate::collate::cmp_nb(&a.entry.title, &b.entry.title))
            .then_with(|| a.entry.id.cmp(&b.entry.id))
    });
    Ok(VacancyList {
        rows: passing,
        open,
        closed,
        by_municipality,
        by_field,
    })
}

/// A field's place in [`JOB_FIELDS`]; no field last.
pub(crate) fn field_rank(code: Option<&str>) -> usize {
    code.and_then(|c| JOB_FIELDS.iter().position(|(k, _, _)| *k == c))
        .unwrap_or(JOB_FIELDS.len())
}

/// Reopens a vacancy: its deadline is cleared (open until a new one is
/// set), it is made active, and the time is kept in `reopened_at`;
/// flushed before it returns.
pub(crate) fn reopen(cat: &Catalogue, id: &str) -> Result<Entry> {
    let mut e = cat.entry(EntityKind::Offer, id)?;
    let Some(v) = e.vacancy.as_mut().filter(|_| e.kind == EntryKind::Position) else {
        return Err(Error::invalid("offer", id, "vacancy", Problem::NotAVacancy));
    };
    let now = Utc::now();
    v.apply_by = None;
    v.reopened_at = Some(now);
    e.active = None;
    e.updated_at = Some(now);
    cat.put_entry(EntityKind::Offer, &e)?;
    Ok(e)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_field_is_named_by_code_or_name() {
        assert_eq!(field_code("7"), Some("7"));
        assert_eq!(field_code(" Håndverkere "), Some("7"));
        assert_eq!(field_code("handverkere"), Some("7"));
        assert_eq!(field_code("håndverk"), Some("7"));
        assert_eq!(field_code("craft"), Some("7"));
        assert_eq!(field_code("Professionals"), Some("2"));
        assert_eq!(field_code("akademiske yrker"), Some("2"));
        assert_eq!(field_code("bakers"), None);
        assert_eq!(field_code(""), None);
    }
}
