//! The job sheet as a PDF: a head with the title, the date and the count,
//! the coordinator's text about the region in a panel, then the vacancies
//! as cards grouped by occupation field (a package: ranked, each with the
//! match, the driving time and why). Pages, header, footer and fonts are
//! the match sheets' ([`crate::pdf`]).

use super::labels::JobLabels;
use super::rows::{apply_by, contact, groups, link, seeker_facts, terms, title, words};
use super::{JobSheetInput, JobSheetVacancy};
use crate::labels::Labels;
use crate::pdf::fonts::Fonts;
use crate::pdf::layout::{
    fit, heading, Block, PageFlow, Style, ACCENT, BODY, BODY_BOLD, CARD_TITLE, CONTENT_W, INK,
    LABEL, MARGIN, MUTED, PANEL, RULE, SMALL, SMALL_BOLD,
};
use crate::pdf::{document, Chrome};
use crate::preview_types::PreviewStyle as P;
use crate::{Rendered, SheetError};

const SHEET_TITLE: Style = Style::new(20.0, true, INK, P::Title);
const SUB: Style = Style::new(10.0, false, MUTED, P::Body);
const SCORE: Style = Style::new(11.0, true, ACCENT, P::Body);

/// The most lines of the region's text and of a vacancy's description.
const REGION_LINES: usize = 14;
const DESCRIPTION_LINES: usize = 3;
/// The most reasons a package's card lists.
const REASONS: usize = 5;

pub(crate) fn render(input: &JobSheetInput) -> Result<Rendered, SheetError> {
    let fonts = Fonts::load();
    let (j, l) = words(input);
    let mut flow = PageFlow::new();
    let title = title(input);
    head(&fonts, &mut flow, input, j, &title);
    let package = input.seeker.is_some();
    if input.vacancies.is_empty() {
        let text = if package {
            j.nothing_fits
        } else {
            j.nothing_open
        };
        let mut b = Block::new();
        b.gap(8.0);
        b.para(&fonts, MARGIN, CONTENT_W, BODY_BOLD, text, 2);
        flow.place_keep(&fonts, b, 0.0);
    }
    let mut rank = 0;
    for (code, list) in groups(input) {
        let name = if package {
            j.ranked.to_string()
        } else {
            format!("{} ({})", j.field(code.as_deref()), list.len())
        };
        let first_h = list
            .first()
            .map_or(0.0, |v| card(&fonts, j, l, v, package.then_some(1)).h);
        // A page that starts with the heading needs no "continued" line.
        flow.continued = None;
        let h = heading(&fonts, &name);
        flow.place_keep(&fonts, h, first_h);
        flow.continued = Some(format!("{} ({})", name, l.continued));
        for v in list {
            rank += 1;
            let b = card(&fonts, j, l, v, package.then_some(rank));
            flow.place_keep(&fonts, b, 0.0);
        }
    }
    let mut warnings = Vec::new();
    if flow.truncated {
        warnings.push(j.shortened.to_string());
    }
    let pages = flow.finish();
    let chrome = Chrome {
        network_name: &input.network_name,
        date: input.date,
        footer: &title,
        l,
    };
    let bytes = document(&fonts, &pages, &chrome)?;
    Ok(Rendered {
        bytes,
        pages: Some(pages.len() as u32),
        warnings,
    })
}

/// The first page's head: the kicker, the title, the date and selection,
/// the count; a package's seeker panel; the text about the region.
fn head(fonts: &Fonts, flow: &mut PageFlow, input: &JobSheetInput, j: &JobLabels, title: &str) {
    flow.new_page();
    let mut b = Block::new();
    let kicker = if input.seeker.is_some() {
        j.package_kicker
    } else {
        j.kicker
    };
    b.para(fonts, MARGIN, CONTENT_W, LABEL, kicker, 1);
    b.gap(3.0);
    b.para(fonts, MARGIN, CONTENT_W, SHEET_TITLE, title, 2);
    b.gap(3.0);
    let mut sub = vec![
        input.network_name.clone(),
        crate::text::date(input.date),
        (j.open_count)(input.vacancies.len()),
    ];
    if let Some(f) = &input.filter {
        sub.push(format!("{}: {f}", j.selection));
    }
    b.para(fonts, MARGIN, CONTENT_W, SUB, &sub.join(" · "), 2);
    b.gap(10.0);
    if let Some(s) = &input.seeker {
        let from = b.ops.len();
        let y0 = b.h + 4.0;
        b.gap(4.0);
        for (key, value) in seeker_facts(j, s) {
            key_value(&mut b, fonts, key, &value);
        }
        b.gap(2.0);
        b.panel_behind(from, MARGIN, CONTENT_W, y0, 4.0, PANEL);
        b.gap(10.0);
        b.para(fonts, MARGIN, CONTENT_W, BODY, j.package_intro, 2);
        b.gap(4.0);
    }
    flow.place_keep(fonts, b, 0.0);
    if let Some(text) = input
        .region_text
        .as_deref()
        .filter(|t| !t.trim().is_empty())
    {
        let mut r = Block::new();
        r.gap(2.0);
        r.para(fonts, MARGIN, CONTENT_W, SMALL_BOLD, j.about_region, 1);
        r.gap(2.0);
        r.para(fonts, MARGIN, CONTENT_W, BODY, text, REGION_LINES);
        r.gap(6.0);
        r.rule(MARGIN, CONTENT_W, RULE, 0.8);
        r.gap(4.0);
        flow.place_keep(fonts, r, 0.0);
    }
}

/// A key in bold and its value beside it, in the seeker's panel.
fn key_value(b: &mut Block, fonts: &Fonts, key: &str, value: &str) {
    const KEY_W: f32 = 96.0;
    let x = MARGIN + 10.0;
    let top = b.h;
    b.text_at(
        x,
        top + 0.8,
        SMALL_BOLD,
        fit(fonts, SMALL_BOLD, key, KEY_W - 6.0),
    );
    if b.para(fonts, x + KEY_W, CONTENT_W - 20.0 - KEY_W, BODY, value, 2) == 0 {
        b.h = top + BODY.line_h();
    }
    b.gap(1.5);
}

/// One vacancy: title (a package's with its rank and match), organisation
/// and place, terms and deadline, a short description, contact, link, and
/// in a package why.
fn card(
    fonts: &Fonts,
    j: &JobLabels,
    l: &Labels,
    v: &JobSheetVacancy,
    rank: Option<usize>,
) -> Block {
    const RIGHT_W: f32 = 60.0;
    let mut b = Block::new();
    b.gap(6.0);
    let top = b.h;
    let w = match rank {
        Some(_) => CONTENT_W - RIGHT_W,
        None => CONTENT_W,
    };
    let title = match rank {
        Some(n) => format!("{n}. {}", v.title),
        None => v.title.clone(),
    };
    b.para(fonts, MARGIN, w, CARD_TITLE, &title, 2);
    if let (Some(_), Some(score)) = (rank, v.score) {
        let text = crate::text::percent(score);
        let tw = fonts.width(&text, true, SCORE.size);
        b.text_at(MARGIN + CONTENT_W - tw, top, SCORE, text);
    }
    let place: Vec<&str> = [v.organisation.as_deref(), v.municipality.as_deref()]
        .into_iter()
        .flatten()
        .filter(|s| !s.trim().is_empty())
        .collect();
    if !place.is_empty() {
        b.para(fonts, MARGIN, w, BODY_BOLD, &place.join(" · "), 1);
    }
    let mut line = terms(j, v);
    if let Some(d) = apply_by(j, v) {
        line.push(format!("{} {d}", j.apply_by));
    }
    if let Some(m) = v.commute_minutes.filter(|m| *m > 0) {
        line.push(format!("{} {}", j.duration(m), j.drive));
    }
    if !line.is_empty() {
        b.para(fonts, MARGIN, w, SMALL, &line.join(" · "), 2);
    }
    if let Some(d) = v.description.as_deref().filter(|d| !d.trim().is_empty()) {
        b.gap(2.0);
        b.para(fonts, MARGIN, CONTENT_W, BODY, d, DESCRIPTION_LINES);
    }
    if let Some(c) = contact(l, v, ", ", true) {
        b.para(
            fonts,
            MARGIN,
            CONTENT_W,
            BODY,
            &format!("{}: {c}", j.contact),
            2,
        );
    }
    if let Some(link) = link(v) {
        b.para(
            fonts,
            MARGIN,
            CONTENT_W,
            SMALL,
            &format!("{}: {link}", j.link),
            1,
        );
    }
    if rank.is_some() && !v.reasons.is_empty() {
        b.gap(2.0);
        b.para(fonts, MARGIN, CONTENT_W, SMALL_BOLD, j.why, 1);
        for r in v.reasons.iter().take(REASONS) {
            let top = b.h;
            b.text_at(MARGIN + 2.0, top, SMALL, "•".to_string());
            b.para(
                fonts,
                MARGIN + 12.0,
                CONTENT_W - 12.0,
                SMALL,
                &j.reason(r),
                2,
            );
        }
    }
    b.gap(6.0);
    b.rule(MARGIN, CONTENT_W, RULE, 0.4);
    b
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_sheet_still_has_a_page() {
        let input = JobSheetInput {
            network_name: "Nettverket".into(),
            date: chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
            lang: crate::SheetLang::Nb,
            region_text: None,
            filter: None,
            vacancies: Vec::new(),
            seeker: None,
        };
        let r = render(&input).unwrap();
        assert_eq!(r.pages, Some(1));
        assert!(r.bytes.starts_with(b"%PDF"));
    }
}
