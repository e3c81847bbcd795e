//! The three PDF layouts: one page per need, "Dine treff" per organisation,
//! and the network summary.

use std::collections::BTreeMap;

use kompis_core::model::{Entry, MatchStatus, Organisation};

use super::fonts::Fonts;
use super::layout::{
    fit, Block, PageDraft, Rgb, Style, ACCENT, CONTENT_W, INK, MARGIN, MUTED, PANEL, RULE,
};
use crate::labels::ENTRY_KINDS;
use crate::preview::PreviewStyle as P;
use crate::select::{Catalogue, Selection};
use crate::text::{date, percent};
use crate::{Lang, PdfLayout, SheetMatch};

const LABEL: Style = Style::new(8.0, true, ACCENT, P::Label);
const TITLE: Style = Style::new(16.0, true, INK, P::Title);
const HEADING: Style = Style::new(11.5, true, INK, P::Heading);
const CARD_TITLE: Style = Style::new(10.5, true, INK, P::Body);
const BODY: Style = Style::new(9.5, false, INK, P::Body);
const BODY_BOLD: Style = Style::new(9.5, true, INK, P::Body);
const SMALL: Style = Style::new(8.5, false, MUTED, P::Muted);
const SMALL_BOLD: Style = Style::new(8.5, true, MUTED, P::Muted);

/// Pages laid out, before the header and footer are added.
pub(crate) struct Built {
    pub pages: Vec<PageDraft>,
    /// For the footer: "Treffark · per behov".
    pub kind_label: &'static str,
    pub truncated: bool,
}

pub(crate) fn build(fonts: &Fonts, cat: &Catalogue, sel: &Selection, layout: PdfLayout) -> Built {
    let mut flow = Flow::new(fonts, cat);
    match layout {
        PdfLayout::PerNeed => per_need(&mut flow, sel),
        PdfLayout::PerOrganisation => per_organisation(&mut flow, sel),
        PdfLayout::Summary => summary(&mut flow, sel),
    }
    let kind_label = match (cat.l.lang, layout) {
        (Lang::Nb, PdfLayout::PerNeed) => "Treffark · per behov",
        (Lang::Nb, PdfLayout::PerOrganisation) => "Treffark · Dine treff",
        (Lang::Nb, PdfLayout::Summary) => "Treffark · oversikt",
        (Lang::En, PdfLayout::PerNeed) => "Match sheet · per need",
        (Lang::En, PdfLayout::PerOrganisation) => "Match sheet · your matches",
        (Lang::En, PdfLayout::Summary) => "Match sheet · overview",
    };
    let mut pages = flow.pages;
    if let Some(page) = flow.page.take() {
        pages.push(page);
    }
    Built {
        pages,
        kind_label,
        truncated: flow.truncated,
    }
}

/// Places blocks on pages, starting a new page (with a "continued" heading)
/// when the next block does not fit.
struct Flow<'f, 'c, 'a> {
    fonts: &'f Fonts,
    cat: &'c Catalogue<'a>,
    pages: Vec<PageDraft>,
    page: Option<PageDraft>,
    /// Printed at the top of a page the current section runs on to.
    continued: Option<String>,
    truncated: bool,
}

impl<'f, 'c, 'a> Flow<'f, 'c, 'a> {
    fn new(fonts: &'f Fonts, cat: &'c Catalogue<'a>) -> Self {
        Flow {
            fonts,
            cat,
            pages: Vec::new(),
            page: None,
            continued: None,
            truncated: false,
        }
    }

    fn new_page(&mut self) {
        if let Some(page) = self.page.take() {
            self.pages.push(page);
        }
        self.page = Some(PageDraft::new());
    }

    fn room(&self) -> f32 {
        self.page.as_ref().map_or(0.0, PageDraft::room)
    }

    /// Place `block`, breaking the page first unless `keep` more points fit too.
    fn place_keep(&mut self, block: Block, keep: f32) {
        if self.page.is_none() || block.h + keep > self.room() {
            self.new_page();
            if let Some(text) = self.continued.clone() {
                let mut b = Block::new();
                b.line_at(
                    MARGIN,
                    SMALL_BOLD,
                    fit(self.fonts, SMALL_BOLD, &text, CONTENT_W),
                );
                b.gap(6.0);
                self.page_mut().place(b);
            }
        }
        self.truncated |= block.truncated;
        self.page_mut().place(block);
    }

    fn place(&mut self, block: Block) {
        self.place_keep(block, 0.0);
    }

    fn page_mut(&mut self) -> &mut PageDraft {
        self.page.get_or_insert_with(PageDraft::new)
    }

    /// A section heading with a rule under it.
    fn heading(&self, text: &str) -> Block {
        let mut b = Block::new();
        b.gap(8.0);
        b.para(self.fonts, MARGIN, CONTENT_W, HEADING, text, 2);
        b.gap(2.0);
        b.rule(MARGIN, CONTENT_W, RULE, 0.8);
        b.gap(6.0);
        b
    }

    fn note(&self, text: &str) -> Block {
        let mut b = Block::new();
        b.para(self.fonts, MARGIN, CONTENT_W, SMALL, text, 2);
        b
    }
}

fn status_colors(s: MatchStatus) -> (Rgb, Rgb) {
    match s {
        MatchStatus::Suggested => (Rgb(0xE6, 0xEA, 0xF0), Rgb(0x3D, 0x46, 0x52)),
        MatchStatus::Shortlisted => (Rgb(0xFF, 0xF0, 0xC8), Rgb(0x7A, 0x55, 0x00)),
        MatchStatus::Contacted => (Rgb(0xDA, 0xEA, 0xFA), Rgb(0x1F, 0x5F, 0x8B)),
        MatchStatus::Agreed => (Rgb(0xD8, 0xF1, 0xE0), Rgb(0x1E, 0x6B, 0x3A)),
        MatchStatus::Declined => (Rgb(0xEC, 0xEC, 0xEC), Rgb(0x77, 0x77, 0x77)),
    }
}

/// "Fagkompetanse · Frist 01.02.2027 · inaktiv".
fn entry_meta(cat: &Catalogue, e: &Entry) -> String {
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
fn title(cat: &Catalogue, e: &Entry) -> String {
    if e.title.trim().is_empty() {
        cat.l.untitled.to_string()
    } else {
        e.title.clone()
    }
}

/// "Bedrift AS · Elverum".
fn org_line(cat: &Catalogue, e: &Entry) -> String {
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
fn pdf_contact(cat: &Catalogue, e: &Entry) -> String {
    cat.entry_contact(e)
        .map(|c| cat.contact_line_with(&c, " · ", true))
        .unwrap_or_default()
}

/// A label in a narrow left column and its value wrapped beside it.
fn key_value(b: &mut Block, fonts: &Fonts, x: f32, w: f32, key: &str, value: &str, lines: usize) {
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
fn match_card(
    fonts: &Fonts,
    cat: &Catalogue,
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
        .reasons
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
    // Right column: status chip and score.
    let rx = MARGIN + CONTENT_W - RIGHT_W;
    let status = l.status(m.status);
    let chip = Style::new(8.5, true, fg, P::Muted);
    let sw = fonts.width(status, true, chip.size);
    b.rect(rx, top, RIGHT_W, 15.0, bg);
    b.text_at(
        rx + (RIGHT_W - sw) / 2.0,
        top + 3.0,
        chip,
        status.to_string(),
    );
    // A pair the coordinator recorded but the ranking did not score has 0:
    // print no percentage rather than a misleading "0 %".
    if m.score > 0.0 {
        let score = percent(m.score);
        let score_style = Style::new(13.0, true, INK, P::Body);
        let scw = fonts.width(&score, true, score_style.size);
        b.text_at(rx + RIGHT_W - scw, top + 19.0, score_style, score.clone());
        b.preview_line(P::Muted, format!("{status} · {score}"));
    } else {
        b.preview_line(P::Muted, status.to_string());
    }
    b.h = b.h.max(top + 38.0);
    b.gap(5.0);
    b.rect(MARGIN + indent, top, 3.0, b.h - top - 5.0, fg);
    b.rule(MARGIN + indent, CONTENT_W - indent, RULE, 0.4);
    b
}

// ---- one page per need -------------------------------------------------

fn per_need(flow: &mut Flow, sel: &Selection) {
    let (fonts, cat) = (flow.fonts, flow.cat);
    let l = cat.l;
    if sel.primary_needs.is_empty() {
        flow.new_page();
        let b = flow.note(l.empty_sheet);
        flow.place(b);
        return;
    }
    for need in &sel.primary_needs {
        flow.new_page();
        flow.continued = None;
        let mut head = Block::new();
        let label = format!(
            "{} · {}",
            l.need.to_uppercase(),
            entry_meta(cat, need).to_uppercase()
        );
        head.para(fonts, MARGIN, CONTENT_W, LABEL, &label, 1);
        head.gap(2.0);
        head.para(fonts, MARGIN, CONTENT_W, TITLE, &title(cat, need), 3);
        head.gap(6.0);
        // Owner panel.
        let from = head.ops.len();
        let y0 = head.h + 4.0;
        head.gap(4.0);
        let inner = CONTENT_W - 16.0;
        let mut org = org_line(cat, need);
        if org.is_empty() {
            org = l.no_organisation.to_string();
        }
        key_value(
            &mut head,
            fonts,
            MARGIN + 8.0,
            inner,
            l.organisation,
            &org,
            1,
        );
        let contact = pdf_contact(cat, need);
        if !contact.is_empty() {
            key_value(
                &mut head,
                fonts,
                MARGIN + 8.0,
                inner,
                l.contact,
                &contact,
                2,
            );
        }
        head.gap(2.0);
        head.panel_behind(from, MARGIN, CONTENT_W, y0, 2.0, PANEL);
        head.gap(10.0);
        if let Some(d) = need.description.as_deref().filter(|d| !d.trim().is_empty()) {
            head.para(fonts, MARGIN, CONTENT_W, BODY, d, 8);
            head.gap(4.0);
        }
        if !need.keywords.is_empty() {
            head.para(
                fonts,
                MARGIN,
                CONTENT_W,
                SMALL,
                &format!("{}: {}", l.keywords, need.keywords.join(", ")),
                2,
            );
        }
        flow.place(head);
        let matches = sel.matches_for_need(&need.id);
        let heading = flow.heading(&format!("{} ({})", l.suggestions, matches.len()));
        flow.place(heading);
        if matches.is_empty() {
            let b = flow.note(l.no_suggestions);
            flow.place(b);
            notes_lines(flow);
            continue;
        }
        let mut shown = 0;
        for (i, m) in matches.iter().enumerate() {
            let card = match_card(fonts, cat, i + 1, m, true, 0.0);
            let reserve = if i + 1 < matches.len() { 16.0 } else { 0.0 };
            if card.h + reserve > flow.room() {
                break;
            }
            flow.place(card);
            shown += 1;
        }
        if shown < matches.len() {
            let mut b = Block::new();
            b.gap(4.0);
            b.para(
                fonts,
                MARGIN,
                CONTENT_W,
                SMALL,
                &(l.more_matches)(matches.len() - shown),
                1,
            );
            flow.place(b);
        }
        notes_lines(flow);
    }
}

/// Ruled lines for the meeting's notes in what is left of a need's page.
fn notes_lines(flow: &mut Flow) {
    const LINE_GAP: f32 = 22.0;
    let room = flow.room();
    if room < 90.0 {
        return;
    }
    let mut b = Block::new();
    b.gap(14.0);
    b.para(
        flow.fonts,
        MARGIN,
        CONTENT_W,
        SMALL_BOLD,
        flow.cat.l.meeting_notes,
        1,
    );
    while b.h + LINE_GAP <= room - 4.0 {
        b.gap(LINE_GAP);
        b.rule(MARGIN, CONTENT_W, Rgb(0xDD, 0xE1, 0xE6), 0.5);
    }
    flow.place(b);
}

// ---- "Dine treff" per organisation --------------------------------------

fn per_organisation(flow: &mut Flow, sel: &Selection) {
    let (fonts, cat) = (flow.fonts, flow.cat);
    let l = cat.l;
    // Group the primary needs and offers by organisation, in catalogue order.
    let mut groups: Vec<(Option<&Organisation>, Vec<&Entry>, Vec<&Entry>)> = Vec::new();
    let orgs: Vec<&Organisation> = match sel.focus {
        Some(o) => vec![o],
        None => cat.input.organisations.iter().collect(),
    };
    for o in orgs {
        let ours = |e: &&&Entry| e.organisation.as_deref() == Some(o.id.as_str());
        let needs: Vec<&Entry> = sel.primary_needs.iter().filter(ours).copied().collect();
        let offers: Vec<&Entry> = sel.primary_offers.iter().filter(ours).copied().collect();
        if !needs.is_empty() || !offers.is_empty() || sel.focus.is_some() {
            groups.push((Some(o), needs, offers));
        }
    }
    if sel.focus.is_none() {
        let orphan = |e: &&&Entry| cat.org(e.organisation.as_deref()).is_none();
        let needs: Vec<&Entry> = sel.primary_needs.iter().filter(orphan).copied().collect();
        let offers: Vec<&Entry> = sel.primary_offers.iter().filter(orphan).copied().collect();
        if !needs.is_empty() || !offers.is_empty() {
            groups.push((None, needs, offers));
        }
    }
    if groups.is_empty() {
        flow.new_page();
        let b = flow.note(l.empty_sheet);
        flow.place(b);
        return;
    }
    for (org, needs, offers) in groups {
        flow.new_page();
        let name = match org {
            Some(o) => cat
                .org_label(Some(&o.id))
                .unwrap_or_else(|| l.unknown.to_string()),
            None => l.no_organisation.to_string(),
        };
        flow.continued = Some(format!("{} – {name} ({})", l.your_matches, l.continued));
        let mut head = Block::new();
        head.para(
            fonts,
            MARGIN,
            CONTENT_W,
            LABEL,
            &l.your_matches.to_uppercase(),
            1,
        );
        head.gap(2.0);
        head.para(fonts, MARGIN, CONTENT_W, TITLE, &name, 2);
        let mut meta = Vec::new();
        if let Some(o) = org {
            meta.push(l.org_kind(o.kind).to_string());
            meta.extend(o.municipality.clone().filter(|m| !m.trim().is_empty()));
        }
        meta.push(format!("{} {}", needs.len(), l.needs.to_lowercase()));
        meta.push(format!("{} {}", offers.len(), l.offers.to_lowercase()));
        head.para(fonts, MARGIN, CONTENT_W, SMALL, &meta.join(" · "), 1);
        flow.place(head);
        for (is_need, list) in [(true, &needs), (false, &offers)] {
            if list.is_empty() {
                continue;
            }
            let section = if is_need { l.our_needs } else { l.our_offers };
            let h = flow.heading(&format!("{section} ({})", list.len()));
            flow.place_keep(h, 60.0);
            for e in list.iter() {
                let mut eb = Block::new();
                eb.gap(8.0);
                let (from, y0) = (eb.ops.len(), eb.h);
                eb.para(
                    fonts,
                    MARGIN + 6.0,
                    CONTENT_W - 12.0,
                    CARD_TITLE,
                    &title(cat, e),
                    3,
                );
                eb.para(
                    fonts,
                    MARGIN + 6.0,
                    CONTENT_W - 12.0,
                    SMALL,
                    &entry_meta(cat, e),
                    1,
                );
                eb.panel_behind(from, MARGIN, CONTENT_W, y0, 3.0, PANEL);
                eb.gap(3.0);
                let ms = if is_need {
                    sel.matches_for_need(&e.id)
                } else {
                    sel.matches_for_offer(&e.id)
                };
                let cards: Vec<Block> = ms
                    .iter()
                    .enumerate()
                    .map(|(i, m)| match_card(fonts, cat, i + 1, m, is_need, 14.0))
                    .collect();
                if cards.is_empty() {
                    eb.para(
                        fonts,
                        MARGIN + 14.0,
                        CONTENT_W - 14.0,
                        SMALL,
                        l.no_suggestions,
                        1,
                    );
                }
                let keep = cards.first().map_or(0.0, |c| c.h);
                flow.place_keep(eb, keep);
                for c in cards {
                    flow.place(c);
                }
            }
        }
    }
}

// ---- network summary ----------------------------------------------------

/// A table row: the first cell left, the numbers right-aligned in columns.
fn count_row(fonts: &Fonts, cells: &[String], shade: bool, bold: bool) -> Block {
    const NUM_W: f32 = 90.0;
    let style = if bold { BODY_BOLD } else { BODY };
    let mut b = Block::new();
    let n = cells.len().saturating_sub(1) as f32;
    let first_w = CONTENT_W - n * NUM_W - 8.0;
    if shade {
        b.rect(MARGIN, 0.0, CONTENT_W, style.line_h() + 4.0, PANEL);
    }
    b.text_at(
        MARGIN + 4.0,
        2.0,
        style,
        fit(fonts, style, &cells[0], first_w),
    );
    for (i, c) in cells.iter().enumerate().skip(1) {
        let right = MARGIN + CONTENT_W - 4.0 - (cells.len() - 1 - i) as f32 * NUM_W;
        let w = fonts.width(c, bold, style.size);
        b.text_at(right - w, 2.0, style, c.clone());
    }
    b.preview_line(P::Body, cells.join(" | "));
    b.h = style.line_h() + 4.0;
    b
}

fn summary(flow: &mut Flow, sel: &Selection) {
    let (fonts, cat) = (flow.fonts, flow.cat);
    let l = cat.l;
    flow.new_page();
    let agreed: Vec<&SheetMatch> = sel
        .matches
        .iter()
        .copied()
        .filter(|m| m.status == MatchStatus::Agreed)
        .collect();
    let mut head = Block::new();
    head.para(fonts, MARGIN, CONTENT_W, TITLE, l.summary_title, 2);
    let meta = format!(
        "{} {} · {} {} · {} {} · {} {} · {} {}",
        sel.organisations.len(),
        l.organisations.to_lowercase(),
        sel.needs.len(),
        l.needs.to_lowercase(),
        sel.offers.len(),
        l.offers.to_lowercase(),
        sel.matches.len(),
        l.matches.to_lowercase(),
        agreed.len(),
        l.status(MatchStatus::Agreed).to_lowercase(),
    );
    head.para(fonts, MARGIN, CONTENT_W, SMALL, &meta, 2);
    flow.place(head);

    // By kind.
    let h = flow.heading(l.by_kind);
    flow.place_keep(h, 40.0);
    flow.place(count_row(
        fonts,
        &[l.kind.into(), l.needs.into(), l.offers.into()],
        false,
        true,
    ));
    for (i, k) in ENTRY_KINDS.iter().enumerate() {
        let n = sel.needs.iter().filter(|e| e.kind == *k).count();
        let o = sel.offers.iter().filter(|e| e.kind == *k).count();
        let row = [l.entry_kind(*k).to_string(), n.to_string(), o.to_string()];
        flow.place(count_row(fonts, &row, i % 2 == 0, false));
    }
    let total = [
        l.total.to_string(),
        sel.needs.len().to_string(),
        sel.offers.len().to_string(),
    ];
    flow.place(count_row(fonts, &total, false, true));

    // By municipality.
    let mut by_muni: BTreeMap<String, [usize; 3]> = BTreeMap::new();
    for o in &sel.organisations {
        let m = o.municipality.clone().filter(|m| !m.trim().is_empty());
        by_muni.entry(m.unwrap_or_default()).or_default()[0] += 1;
    }
    for (i, list) in [&sel.needs, &sel.offers].iter().enumerate() {
        for e in list.iter() {
            let m = cat.municipality(e).unwrap_or_default().to_string();
            by_muni.entry(m).or_default()[i + 1] += 1;
        }
    }
    let h = flow.heading(l.by_municipality);
    flow.place_keep(h, 40.0);
    let header = [
        l.municipality.into(),
        l.organisations.into(),
        l.needs.into(),
        l.offers.into(),
    ];
    flow.place(count_row(fonts, &header, false, true));
    let unknown = by_muni.remove("");
    let rows = by_muni
        .into_iter()
        .chain(unknown.map(|c| (l.unknown_municipality.to_string(), c)));
    for (i, (name, c)) in rows.enumerate() {
        let row = [name, c[0].to_string(), c[1].to_string(), c[2].to_string()];
        flow.place(count_row(fonts, &row, i % 2 == 0, false));
    }

    // Agreed matches.
    let h = flow.heading(&format!("{} ({})", l.agreed_matches, agreed.len()));
    flow.place_keep(h, 30.0);
    if agreed.is_empty() {
        let b = flow.note(l.none);
        flow.place(b);
    }
    for m in &agreed {
        let need = cat.need(&m.need);
        let offer = cat.offer(&m.offer);
        let title = |e: Option<&Entry>, id: &str| {
            e.map_or(format!("{} ({id})", l.unknown), |e| title(cat, e))
        };
        let org = |e: Option<&Entry>| {
            e.map(|e| cat.org_name(e.organisation.as_deref()))
                .unwrap_or_default()
        };
        let mut b = Block::new();
        b.gap(3.0);
        b.para(
            fonts,
            MARGIN,
            CONTENT_W,
            BODY_BOLD,
            &format!("{}  →  {}", title(need, &m.need), title(offer, &m.offer)),
            2,
        );
        b.para(
            fonts,
            MARGIN,
            CONTENT_W,
            SMALL,
            &format!("{}  ↔  {}", org(need), org(offer)),
            1,
        );
        if let Some(note) = m.note.as_deref().filter(|n| !n.trim().is_empty()) {
            b.para(
                fonts,
                MARGIN,
                CONTENT_W,
                SMALL,
                &format!("{}: {note}", l.note),
                1,
            );
        }
        b.gap(3.0);
        b.rule(MARGIN, CONTENT_W, RULE, 0.4);
        flow.place(b);
    }

    // Needs without a live match.
    let lonely: Vec<&Entry> = sel
        .primary_needs
        .iter()
        .copied()
        .filter(|n| {
            !sel.matches
                .iter()
                .any(|m| m.need == n.id && m.status != MatchStatus::Declined)
        })
        .collect();
    let h = flow.heading(&format!("{} ({})", l.needs_without_match, lonely.len()));
    flow.place_keep(h, 30.0);
    if lonely.is_empty() {
        let b = flow.note(l.none);
        flow.place(b);
    }
    for n in lonely {
        let mut b = Block::new();
        b.gap(3.0);
        b.para(fonts, MARGIN, CONTENT_W, BODY_BOLD, &title(cat, n), 2);
        let meta = [org_line(cat, n), entry_meta(cat, n)]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" · ");
        b.para(fonts, MARGIN, CONTENT_W, SMALL, &meta, 1);
        b.gap(3.0);
        flow.place(b);
    }
}
