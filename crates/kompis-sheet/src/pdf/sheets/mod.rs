//! The three PDF layouts: one page per need ([`per_need`]), "Dine treff"
//! per organisation ([`per_org`]) and the network summary ([`summary`]),
//! and what they share: styles, the page flow, and the match card.

mod per_need;
mod per_org;
mod summary;

use kompis_model::{Entry, MatchStatus, Organisation};

use super::fonts::Fonts;
use super::layout::{
    fit, Block, PageDraft, PageFlow, Rgb, Style, BODY, BODY_BOLD, CARD_TITLE, CONTENT_W, INK,
    LABEL, MARGIN, PANEL, RULE, SMALL, SMALL_BOLD, TITLE,
};
use crate::preview_types::PreviewStyle as P;
use crate::select::{Lookup, Selection};
use crate::text::{date, percent};
use crate::track::{outcomes_text, status_since};
use crate::{PdfLayout, SheetLang, SheetMatch};

/// Pages laid out, before the header and footer are added.
pub(crate) struct Built {
    pub pages: Vec<PageDraft>,
    /// For the footer: "Treffark · per behov".
    pub kind_label: &'static str,
    pub truncated: bool,
}

pub(crate) fn build(fonts: &Fonts, cat: &Lookup, sel: &Selection, layout: PdfLayout) -> Built {
    let mut flow = Flow::new(fonts, cat);
    match layout {
        PdfLayout::PerNeed => per_need::per_need(&mut flow, sel),
        PdfLayout::PerOrganisation => per_org::per_organisation(&mut flow, sel),
        PdfLayout::Summary => summary::summary(&mut flow, sel),
    }
    let kind_label = match (cat.l.lang, layout) {
        (SheetLang::Nb, PdfLayout::PerNeed) => "Treffark · per behov",
        (SheetLang::Nb, PdfLayout::PerOrganisation) => "Treffark · Dine treff",
        (SheetLang::Nb, PdfLayout::Summary) => "Treffark · oversikt",
        (SheetLang::En, PdfLayout::PerNeed) => "Match sheet · per need",
        (SheetLang::En, PdfLayout::PerOrganisation) => "Match sheet · your matches",
        (SheetLang::En, PdfLayout::Summary) => "Match sheet · overview",
    };
    let truncated = flow.pages.truncated;
    Built {
        pages: flow.pages.finish(),
        kind_label,
        truncated,
    }
}

/// The page flow, with the fonts and the catalogue the layouts draw from.
pub(super) struct Flow<'f, 'c, 'a> {
    fonts: &'f Fonts,
    cat: &'c Lookup<'a>,
    pages: PageFlow,
}

impl<'f, 'c, 'a> Flow<'f, 'c, 'a> {
    fn new(fonts: &'f Fonts, cat: &'c Lookup<'a>) -> Self {
        Flow {
            fonts,
            cat,
            pages: PageFlow::new(),
        }
    }

    fn new_page(&mut self) {
        self.pages.new_page();
    }

    fn room(&self) -> f32 {
        self.pages.room()
    }

    /// Place `block`, breaking the page first unless `keep` more points fit too.
    fn place_keep(&mut self, block: Block, keep: f32) {
        self.pages.place_keep(self.fonts, block, keep);
    }

    fn place(&mut self, block: Block) {
        self.place_keep(block, 0.0);
    }

    fn heading(&self, text: &str) -> Block {
        super::layout::heading(self.fonts, text)
    }

    fn note(&self, text: &str) -> Block {
        super::layout::note(self.fonts, text)
    }
}

pub(super) fn status_colors(s: MatchStatus) -> (Rgb, Rgb) {
    match s {
        MatchStatus::Suggested => (Rgb(0xE6, 0xEA, 0xF0), Rgb(0x3D, 0x46, 0x52)),
        MatchStatus::Shortlisted => (Rgb(0xFF, 0xF0, 0xC8), Rgb(0x7A, 0x55, 0x00)),
        MatchStatus::Contacted => (Rgb(0xDA, 0xEA, 0xFA), Rgb(0x1F, 0x5F, 0x8B)),
        MatchStatus::Agreed => (Rgb(0xD8, 0xF1, 0xE0), Rgb(0x1E, 0x6B, 0x3A)),
        MatchStatus::Declined => (Rgb(0xEC, 0xEC, 0xEC), Rgb(0x77, 0x77, 0x77)),
    }
}

/// "Fagkompetanse · Frist 01.02.2027 · inaktiv".
pub(super) fn entry_meta(cat: &Lookup, e: &Entry) -> String {
    let l = cat.l;
    let mut parts = vec![l.entry_kind(e.kind).to_string()];
    if let Some(d) = e.deadline {
        parts.push(format!("{} {}", l.deadline, date(d)));
    }
    if !e.is_active() {
        parts.push(l.inactive.to_string());
    }
    parts.join(" · ")
}

/// The entry's title, or "(uten tittel)" when it is blank.
pub(super) fn title(cat: &Lookup, e: &Entry) -> String {
    if e.title.trim().is_empty() {
        cat.l.untitled.to_string()
    } else {
        e.title.clone()
    }
}

/// "Bedrift AS · Elverum".
pub(super) fn org_line(cat: &Lookup, e: &Entry) -> String {
    let mut parts = Vec::new();
    match cat.org_label(e.organisation.as_deref()) {
        Some(name) => parts.push(name),
        None if e.organisation.is_some() => parts.push(cat.l.unknown.to_string()),
        None => {}
    }
    if let Some(m) = cat.municipality(e) {
        parts.push(m.to_string());
    }
    parts.join(" · ")
}

/// The contact line as the PDF prints it: parts joined with " · ", phone
/// numbers kept on one line.
pub(super) fn pdf_contact(cat: &Lookup, e: &Entry) -> String {
    cat.entry_contact(e)
        .map(|c| cat.contact_line_with(&c, " · ", true))
        .unwrap_or_default()
}

/// A label in a narrow left column and its value wrapped beside it.
pub(super) fn key_value(
    b: &mut Block,
    fonts: &Fonts,
    x: f32,
    w: f32,
    key: &str,
    value: &str,
    lines: usize,
) {
    const KEY_W: f32 = 84.0;
    let top = b.h;
    b.text_at(
        x,
        top + 0.8,
        SMALL_BOLD,
        fit(fonts, SMALL_BOLD, key, KEY_W - 6.0),
    );
    if b.para(fonts, x + KEY_W, w - KEY_W, BODY, value, lines) == 0 {
        b.h = top + BODY.line_h();
    }
}

/// One match as a card: the other side's title, organisation, contact, why,
/// note; status and score on the right; a bar in the status colour.
pub(super) fn match_card(
    fonts: &Fonts,
    cat: &Lookup,
    rank: usize,
    m: &SheetMatch,
    show_offer: bool,
    indent: f32,
) -> Block {
    let l = cat.l;
    const RIGHT_W: f32 = 88.0;
    let x0 = MARGIN + indent + 10.0;
    let w = CONTENT_W - indent - 10.0 - RIGHT_W - 10.0;
    let other = if show_offer {
        cat.offer(&m.offer)
    } else {
        cat.need(&m.need)
    };
    let (bg, fg) = status_colors(m.status);
    let mut b = Block::new();
    b.gap(5.0);
    let top = b.h;
    let title = match other {
        Some(e) => format!("{rank}. {}", title(cat, e)),
        None => format!(
            "{rank}. {} ({})",
            l.unknown,
            if show_offer { &m.offer } else { &m.need }
        ),
    };
    b.para(fonts, x0, w, CARD_TITLE, &title, 2);
    if let Some(e) = other {
        let org = org_line(cat, e);
        if !org.is_empty() {
            b.para(fonts, x0, w, BODY_BOLD, &org, 1);
        }
        let contact = pdf_contact(cat, e);
        if !contact.is_empty() {
            b.para(fonts, x0, w, BODY, &format!("{}: {contact}", l.contact), 2);
        }
    }
    let reasons: Vec<&str> = m
        .why(cat.l.lang)
        .iter()
        .map(|r| r.trim())
        .filter(|r| !r.is_empty())
        .collect();
    if !reasons.is_empty() {
        let why = format!("{}: {}", l.why, reasons.join("; "));
        b.para(fonts, x0, w, BODY, &why, 3);
    }
    if let Some(note) = m.note.as_deref().filter(|n| !n.trim().is_empty()) {
        b.para(fonts, x0, w, SMALL, &format!("{}: {note}", l.note), 2);
    }
    let outcomes = outcomes_text(l, &m.outcomes);
    if !outcomes.is_empty() {
        b.para(
            fonts,
            x0,
            w,
            SMALL,
            &format!("{}: {outcomes}", l.outcomes),
            2,
        );
    }
    // Right column: status chip, the day it was reached, and score.
    let rx = MARGIN + CONTENT_W - RIGHT_W;
    let mut status = l.status(m.status).to_string();
    let chip = Style::new(8.5, true, fg, P::Muted);
    let sw = fonts.width(&status, true, chip.size);
    b.rect(rx, top, RIGHT_W, 15.0, bg);
    b.text_at(rx + (RIGHT_W - sw) / 2.0, top + 3.0, chip, status.clone());
    let mut below = top + 19.0;
    if let Some(since) = status_since(m).map(date) {
        let dw = fonts.width(&since, false, SMALL.size);
        b.text_at(rx + (RIGHT_W - dw) / 2.0, top + 17.5, SMALL, since.clone());
        status = format!("{status} {since}");
        below += 11.0;
    }
    // A pair the coordinator recorded but the ranking did not score has 0:
    // print no percentage rather than a misleading "0 %".
    if m.score > 0.0 {
        let score = percent(m.score);
        let score_style = Style::new(13.0, true, INK, P::Body);
        let scw = fonts.width(&score, true, score_style.size);
        b.text_at(rx + RIGHT_W - scw, below, score_style, score.clone());
        b.preview_line(P::Muted, format!("{status} · {score}"));
        below += 19.0;
    } else {
        b.preview_line(P::Muted, status);
    }
    b.h = b.h.max(top + 38.0).max(below);
    b.gap(5.0);
    b.rect(MARGIN + indent, top, 3.0, b.h - top - 5.0, fg);
    b.rule(MARGIN + indent, CONTENT_W - indent, RULE, 0.4);
    b
}
