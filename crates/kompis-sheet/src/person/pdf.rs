//! The person's sheet as a PDF: a head with the name and the date, the
//! person's details in a panel, the consent history, the entries they are
//! the contact of, and the match records whose notes name them.

use chrono::{DateTime, Local, Utc};
use kompis_model::{EntityKind, MatchRecord};

use super::labels::{person_labels, PersonLabels};
use super::PersonSheetInput;
use crate::labels::{labels, Labels};
use crate::pdf::fonts::Fonts;
use crate::pdf::layout::{
    fit, heading, note, Block, PageFlow, Style, BODY, CARD_TITLE, CONTENT_W, INK, LABEL, MARGIN,
    MUTED, PANEL, SMALL, SMALL_BOLD,
};
use crate::pdf::{document, Chrome};
use crate::preview_types::PreviewStyle as P;
use crate::text::date;
use crate::{Rendered, SheetError};

const SHEET_TITLE: Style = Style::new(20.0, true, INK, P::Title);
const SUB: Style = Style::new(10.0, false, MUTED, P::Body);
/// The most lines one note or description takes.
const TEXT_LINES: usize = 12;

pub(crate) fn render(input: &PersonSheetInput) -> Result<Rendered, SheetError> {
    let fonts = Fonts::load();
    let w = person_labels(input.lang);
    let l = labels(input.lang);
    let x = &input.export;
    let mut flow = PageFlow::new();
    flow.new_page();
    let mut b = Block::new();
    b.para(&fonts, MARGIN, CONTENT_W, LABEL, w.kicker, 1);
    b.gap(3.0);
    b.para(
        &fonts,
        MARGIN,
        CONTENT_W,
        SHEET_TITLE,
        &(w.title)(&x.person.name),
        2,
    );
    b.gap(3.0);
    let sub = format!("{} · {}", input.network_name, date(input.date));
    b.para(&fonts, MARGIN, CONTENT_W, SUB, &sub, 1);
    b.gap(6.0);
    flow.place_keep(&fonts, b, 0.0);

    flow.place_keep(&fonts, heading(&fonts, w.person), 0.0);
    flow.place_keep(&fonts, details(&fonts, w, input), 0.0);

    flow.place_keep(&fonts, heading(&fonts, w.history), 0.0);
    if x.person.consent_history.is_empty() {
        flow.place_keep(&fonts, note(&fonts, w.no_history), 0.0);
    }
    for c in &x.person.consent_history {
        let mut text = format!("{}: {}", moment(c.at), consent_word(w, c.consent));
        if let Some(d) = c.date {
            text.push_str(&format!(" ({} {})", w.given, date(d)));
        }
        if let Some(how) = &c.how {
            text.push_str(&format!(" · {how}"));
        }
        let mut b = Block::new();
        b.para(&fonts, MARGIN, CONTENT_W, BODY, &text, 3);
        b.gap(1.5);
        flow.place_keep(&fonts, b, 0.0);
    }

    flow.place_keep(&fonts, heading(&fonts, &(w.entries)(x.entries.len())), 0.0);
    if x.entries.is_empty() {
        flow.place_keep(&fonts, note(&fonts, w.no_entries), 0.0);
    }
    for pe in &x.entries {
        let e = &pe.entry;
        let kind = if pe.kind == EntityKind::Need {
            w.need
        } else {
            w.offer
        };
        let state = if pe.trashed {
            w.trashed
        } else if e.is_active() {
            w.active
        } else {
            w.inactive
        };
        let mut b = Block::new();
        b.para(&fonts, MARGIN, CONTENT_W, CARD_TITLE, &e.title, 2);
        let facts = format!("{kind} · {} · {} · {state}", l.entry_kind(e.kind), e.id);
        b.para(&fonts, MARGIN, CONTENT_W, SMALL, &facts, 1);
        if let Some(d) = &e.description {
            b.para(&fonts, MARGIN, CONTENT_W, BODY, d, TEXT_LINES);
        }
        b.gap(5.0);
        flow.place_keep(&fonts, b, 0.0);
    }

    flow.place_keep(&fonts, heading(&fonts, &(w.matches)(x.matches.len())), 0.0);
    if x.matches.is_empty() {
        flow.place_keep(&fonts, note(&fonts, w.no_matches), 0.0);
    }
    for m in &x.matches {
        flow.place_keep(&fonts, match_block(&fonts, w, l, m), 0.0);
    }
    let mut b = Block::new();
    b.gap(10.0);
    b.para(&fonts, MARGIN, CONTENT_W, SMALL, w.closing, 3);
    flow.place_keep(&fonts, b, 0.0);

    let mut warnings = Vec::new();
    if flow.truncated {
        warnings.push(w.shortened.to_string());
    }
    let pages = flow.finish();
    let footer = format!("{} · {}", w.footer, x.person.name);
    let chrome = Chrome {
        network_name: &input.network_name,
        date: input.date,
        footer: &footer,
        l,
    };
    let bytes = document(&fonts, &pages, &chrome)?;
    Ok(Rendered {
        bytes,
        pages: Some(pages.len() as u32),
        warnings,
    })
}

/// The person's own fields in a panel, key and value on each line.
fn details(fonts: &Fonts, w: &PersonLabels, input: &PersonSheetInput) -> Block {
    let x = &input.export;
    let p = &x.person;
    let org = match (&x.organisation_name, &p.organisation) {
        (Some(n), Some(id)) => Some(format!("{n} ({id})")),
        (None, Some(id)) => Some(id.clone()),
        _ => None,
    };
    let rows: Vec<(&str, Option<String>)> = vec![
        (w.name, Some(format!("{} ({})", p.name, p.id))),
        (w.email, p.email.clone()),
        (w.phone, p.phone.clone()),
        (w.organisation, org),
        (w.role, p.role.clone()),
        (w.consent, Some(consent_word(w, p.consent).to_string())),
        (w.consent_date, p.consent_date.map(date)),
        (w.consent_how, p.consent_how.clone()),
        (w.updated, p.updated_at.map(moment)),
        (w.notes, p.notes.clone()),
    ];
    let mut b = Block::new();
    let from = b.ops.len();
    let y0 = b.h;
    b.gap(4.0);
    for (key, value) in rows {
        if let Some(v) = value {
            key_value(&mut b, fonts, key, &v);
        }
    }
    b.gap(2.0);
    b.panel_behind(from, MARGIN, CONTENT_W, y0, 4.0, PANEL);
    b.gap(6.0);
    b
}

/// One match record: the pair and its status, then each note that names
/// the person.
fn match_block(fonts: &Fonts, w: &PersonLabels, l: &Labels, m: &MatchRecord) -> Block {
    let mut b = Block::new();
    let mut head = format!("{} → {}", m.need, m.offer);
    if let Some(s) = m.status {
        head.push_str(&format!(" · {}", l.status(s)));
    }
    b.para(fonts, MARGIN, CONTENT_W, CARD_TITLE, &head, 1);
    if let Some(n) = &m.note {
        key_value(&mut b, fonts, w.note, n);
    }
    for h in &m.history {
        if let Some(n) = &h.note {
            let value = format!("{}: {n}", moment(h.at));
            key_value(&mut b, fonts, w.history_note, &value);
        }
    }
    for o in &m.outcomes {
        if let Some(n) = &o.note {
            let value = format!("{}: {n}", date(o.date));
            key_value(&mut b, fonts, w.outcome_note, &value);
        }
    }
    b.gap(5.0);
    b
}

fn key_value(b: &mut Block, fonts: &Fonts, key: &str, value: &str) {
    const KEY_W: f32 = 110.0;
    let x = MARGIN + 8.0;
    let top = b.h;
    b.text_at(
        x,
        top + 0.8,
        SMALL_BOLD,
        fit(fonts, SMALL_BOLD, key, KEY_W - 6.0),
    );
    let width = CONTENT_W - 16.0 - KEY_W;
    if b.para(fonts, x + KEY_W, width, BODY, value, TEXT_LINES) == 0 {
        b.h = top + BODY.line_h();
    }
    b.gap(1.5);
}

fn consent_word(w: &PersonLabels, consent: Option<bool>) -> &'static str {
    match consent {
        Some(true) => w.yes,
        Some(false) => w.no,
        None => w.not_asked,
    }
}

/// A moment as local day and time: "03.11.2026 14:05".
fn moment(at: DateTime<Utc>) -> String {
    at.with_timezone(&Local)
        .format("%d.%m.%Y %H:%M")
        .to_string()
}
