//! The five tables a spreadsheet holds (matches, needs, offers, organisations,
//! people) as typed cells. XLSX writes all five, CSV the match table, and the
//! preview shows their first rows.

use chrono::{DateTime, NaiveDate, Utc};
use kompis_model::Entry;

use crate::select::{Lookup, Selection};
use crate::track;

/// One cell, typed so each writer can store it properly.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cell {
    /// Catalogue or label text; always written as a string.
    Text(String),
    /// A score, 0..1.
    Number(f64),
    Int(i64),
    Date(NaiveDate),
    DateTime(DateTime<Utc>),
    Empty,
}

impl Cell {
    fn opt(s: Option<&str>) -> Cell {
        match s {
            Some(s) => Cell::Text(s.to_string()),
            None => Cell::Empty,
        }
    }

    /// Generated text, empty when there is none to show.
    fn text_or_empty(s: String) -> Cell {
        if s.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(s)
        }
    }

    /// As plain text (for the preview).
    pub fn display(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Number(n) => format!("{n:.2}"),
            Cell::Int(n) => n.to_string(),
            Cell::Date(d) => crate::text::date(*d),
            Cell::DateTime(d) => d.format("%d.%m.%Y %H:%M").to_string(),
            Cell::Empty => String::new(),
        }
    }
}

/// A table: its sheet name, column headers with widths, and rows.
pub(crate) struct Table {
    pub name: &'static str,
    pub columns: Vec<(&'static str, f64)>,
    pub rows: Vec<Vec<Cell>>,
}

/// Whether the match table ends with the history column (XLSX only; the
/// CSV keeps the columns it had, plus the status date and the outcomes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum History {
    Column,
    Left,
}

/// The match table: the two sides, score, status and why, then when the
/// status was reached and the outcomes (and the history, when asked).
pub(crate) fn matches(cat: &Lookup, sel: &Selection, history: History) -> Table {
    let l = cat.l;
    let mut columns = vec![
        (l.col_need_id, 10.0),
        (l.need, 40.0),
        (l.col_need_org, 24.0),
        (l.col_need_contact, 30.0),
        (l.col_offer_id, 10.0),
        (l.offer, 40.0),
        (l.col_offer_org, 24.0),
        (l.col_offer_contact, 30.0),
        (l.col_score, 8.0),
        (l.col_status, 12.0),
        (l.why, 50.0),
        (l.note, 30.0),
        (l.col_status_date, 12.0),
        (l.outcomes, 40.0),
    ];
    if history == History::Column {
        columns.push((l.col_history, 60.0));
    }
    let rows = sel
        .matches
        .iter()
        .map(|m| {
            let need = cat.need(&m.need);
            let offer = cat.offer(&m.offer);
            let side = |e: Option<&Entry>| -> [Cell; 3] {
                match e {
                    Some(e) => [
                        Cell::Text(e.title.clone()),
                        Cell::Text(cat.org_name(e.organisation.as_deref())),
                        Cell::Text(cat.entry_contact_line(e)),
                    ],
                    None => [Cell::Text(l.unknown.to_string()), Cell::Empty, Cell::Empty],
                }
            };
            let [need_title, need_org, need_contact] = side(need);
            let [offer_title, offer_org, offer_contact] = side(offer);
            let mut row = vec![
                Cell::Text(m.need.clone()),
                need_title,
                need_org,
                need_contact,
                Cell::Text(m.offer.clone()),
                offer_title,
                offer_org,
                offer_contact,
                Cell::Number(if m.score.is_finite() { m.score } else { 0.0 }),
                Cell::Text(l.status(m.status).to_string()),
                Cell::Text(m.why(l.lang).join("; ")),
                Cell::opt(m.note.as_deref()),
                track::status_since(m).map_or(Cell::Empty, Cell::Date),
                Cell::text_or_empty(track::outcomes_text(l, &m.outcomes)),
            ];
            if history == History::Column {
                row.push(Cell::text_or_empty(track::history_text(l, &m.history)));
            }
            row
        })
        .collect();
    Table {
        name: l.matches,
        columns,
        rows,
    }
}

fn entries(cat: &Lookup, sel: &Selection, list: &[&Entry], needs: bool) -> Table {
    let l = cat.l;
    let mut columns = vec![
        (l.col_id, 10.0),
        (l.col_title, 40.0),
        (l.kind, 20.0),
        (l.organisation, 24.0),
        (l.municipality, 14.0),
        (l.contact, 30.0),
        (l.col_description, 60.0),
        (l.keywords, 30.0),
        (l.col_language, 10.0),
    ];
    if needs {
        columns.push((l.deadline, 12.0));
    }
    columns.extend([
        (l.col_active, 8.0),
        (l.col_created, 17.0),
        (l.col_updated, 17.0),
        (l.col_match_count, 8.0),
    ]);
    let mut count: std::collections::HashMap<&str, usize> = Default::default();
    for m in &sel.matches {
        *count
            .entry(if needs { &m.need } else { &m.offer })
            .or_default() += 1;
    }
    let rows = list
        .iter()
        .map(|e| {
            let mut row = vec![
                Cell::Text(e.id.clone()),
                Cell::Text(e.title.clone()),
                Cell::Text(l.entry_kind(e.kind).to_string()),
                Cell::Text(cat.org_name(e.organisation.as_deref())),
                Cell::opt(cat.municipality(e)),
                Cell::Text(cat.entry_contact_line(e)),
                Cell::opt(e.description.as_deref()),
                Cell::Text(e.keywords.join(", ")),
                Cell::opt(e.language.map(|x| l.language(x))),
            ];
            if needs {
                row.push(e.deadline.map(Cell::Date).unwrap_or(Cell::Empty));
            }
            row.extend([
                Cell::Text(l.yes_no(e.is_active()).to_string()),
                e.created_at.map(Cell::DateTime).unwrap_or(Cell::Empty),
                e.updated_at.map(Cell::DateTime).unwrap_or(Cell::Empty),
                Cell::Int(count.get(e.id.as_str()).copied().unwrap_or(0) as i64),
            ]);
            row
        })
        .collect();
    Table {
        name: if needs { l.needs } else { l.offers },
        columns,
        rows,
    }
}

pub(crate) fn needs(cat: &Lookup, sel: &Selection) -> Table {
    entries(cat, sel, &sel.needs, true)
}

pub(crate) fn offers(cat: &Lookup, sel: &Selection) -> Table {
    entries(cat, sel, &sel.offers, false)
}

pub(crate) fn organisations(cat: &Lookup, sel: &Selection) -> Table {
    let l = cat.l;
    let columns = vec![
        (l.col_id, 10.0),
        (l.col_name, 32.0),
        (l.kind, 18.0),
        (l.municipality, 14.0),
        (l.col_org_number, 12.0),
        (l.col_website, 28.0),
        (l.col_member, 8.0),
        (l.col_notes, 40.0),
    ];
    let rows = sel
        .organisations
        .iter()
        .map(|o| {
            vec![
                Cell::Text(o.id.clone()),
                Cell::Text(o.name.clone()),
                Cell::Text(l.org_kind(o.kind).to_string()),
                Cell::opt(o.municipality.as_deref()),
                Cell::opt(o.org_number.as_deref()),
                Cell::opt(o.website.as_deref()),
                Cell::opt(o.member.map(|b| l.yes_no(b))),
                Cell::opt(o.notes.as_deref()),
            ]
        })
        .collect();
    Table {
        name: l.organisations,
        columns,
        rows,
    }
}

/// People: name, e-mail, phone and notes only for those who consented.
pub(crate) fn people(cat: &Lookup, sel: &Selection) -> Table {
    let l = cat.l;
    let columns = vec![
        (l.col_id, 10.0),
        (l.col_name, 26.0),
        (l.col_role, 24.0),
        (l.organisation, 28.0),
        (l.col_email, 28.0),
        (l.col_phone, 14.0),
        (l.col_consent, 10.0),
        (l.col_notes, 40.0),
    ];
    let rows = sel
        .people
        .iter()
        .map(|p| {
            let c = cat.contact_of(p);
            let consent = p.consents();
            vec![
                Cell::Text(p.id.clone()),
                Cell::Text(c.name.clone().unwrap_or_else(|| l.not_named.to_string())),
                Cell::opt(c.role.as_deref()),
                Cell::Text(cat.org_name(p.organisation.as_deref())),
                Cell::opt(c.email.as_deref()),
                Cell::opt(c.phone.as_deref()),
                Cell::Text(l.yes_no(consent).to_string()),
                Cell::opt(p.notes.as_deref().filter(|_| consent)),
            ]
        })
        .collect();
    Table {
        name: l.people,
        columns,
        rows,
    }
}
