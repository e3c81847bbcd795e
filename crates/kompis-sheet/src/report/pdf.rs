//! The report as a PDF: a cover with the period, the key figures and what
//! the network lacks (the asks), then what the matches achieved, what the
//! network offers and needs, the match funnel, who gives and who only asks, the collaborations
//! that may be named, and what the figures count. Pages, header, footer and
//! fonts are the match sheets' ([`crate::pdf`]).

use super::charts::{self, Bars, Chart, NEEDS, OFFERS, ORGANISATIONS, OUTCOME_SHADES};
use super::labels::ReportLabels;
use super::small::count_text;
use super::tables::{figures, outcome_words, period, place, theme_label, words, Counts, Figures};
use super::ReportInput;
use crate::labels::Labels;
use crate::pdf::fonts::Fonts;
use crate::pdf::layout::{
    fit, heading, note, wrap, Block, PageFlow, Style, BODY, BODY_BOLD, CONTENT_W, INK, LABEL,
    MARGIN, MUTED, PANEL, RULE, SMALL, SMALL_BOLD,
};
use crate::pdf::{document, Chrome};
use crate::preview_types::PreviewStyle as P;
use crate::{Rendered, SheetError};

const COVER_NAME: Style = Style::new(24.0, true, INK, P::Title);
const COVER_SUB: Style = Style::new(11.0, false, MUTED, P::Body);
const KEY_LABEL: Style = Style::new(10.0, false, INK, P::Body);
const KEY_VALUE: Style = Style::new(12.0, true, INK, P::Body);

/// At most this many collaborations and gaps in the PDF; the XLSX has all.
const MAX_COLLABORATIONS: usize = 50;
const MAX_GAPS: usize = 15;

/// The report's pages, with what the footer and the warnings need.
struct Report<'a> {
    fonts: &'a Fonts,
    input: &'a ReportInput,
    l: &'static Labels,
    r: &'static ReportLabels,
    flow: PageFlow,
    warnings: Vec<String>,
}

pub(crate) fn render(input: &ReportInput) -> Result<Rendered, SheetError> {
    let fonts = Fonts::load();
    let (l, r) = words(input.lang);
    let f = figures(input);
    let mut report = Report {
        fonts: &fonts,
        input,
        l,
        r,
        flow: PageFlow::new(),
        warnings: Vec::new(),
    };
    report.cover(&f);
    report.gaps();
    report.results(&f);
    report.supply_and_demand(&f);
    report.workflow(&f);
    report.collaborations();
    report.methods();
    let Report {
        flow, mut warnings, ..
    } = report;
    if flow.truncated {
        warnings.insert(0, l.pdf_shortened.to_string());
    }
    let pages = flow.finish();
    let footer = format!("{} · {}", r.title, period(&input.insight, r));
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

/// Whether the figures hold nothing at all.
fn nothing_yet(input: &ReportInput, f: &Figures) -> bool {
    let ins = &input.insight;
    [
        &f.key,
        &f.outcomes,
        &f.quarters,
        &f.by_kind,
        &f.by_municipality,
        &f.themes,
        &f.funnel,
        &f.declines,
        &f.balance,
    ]
    .iter()
    .all(|c| c.is_empty())
        && ins.gaps.is_empty()
        && ins.collaborations.is_empty()
}

/// A one-series chart of `counts`.
fn single<'a>(counts: &'a Counts, title: &'a str, axis: &'a str, empty: &'a str) -> Chart<'a> {
    Chart {
        title,
        axis,
        series: vec![(counts.columns.first().copied().unwrap_or(""), ORGANISATIONS)],
        rows: counts.rows.clone(),
        bars: Bars::Grouped,
        empty,
        note: None,
    }
}

impl Report<'_> {
    fn place(&mut self, block: Block) {
        self.flow.place_keep(self.fonts, block, 0.0);
    }

    /// A section heading, kept on the page with `keep` points after it.
    fn section(&mut self, title: &str, keep: f32) {
        let h = heading(self.fonts, title);
        self.flow.place_keep(self.fonts, h, keep);
    }

    /// One-series charts: (section heading, counts, title, axis, empty state).
    fn singles(&mut self, charts: &[(Option<&str>, &Counts, &str, &str, &str)]) {
        for &(section, counts, title, axis, empty) in charts {
            self.chart(section, &single(counts, title, axis, empty));
        }
    }

    /// A chart, under a section heading when `section` is given.
    fn chart(&mut self, section: Option<&str>, chart: &Chart) {
        let blocks = charts::draw(self.fonts, chart, self.input.lang, self.l.continued);
        let first_h = blocks.first().map_or(0.0, |b| b.h);
        if let Some(title) = section {
            self.section(title, first_h);
        }
        for b in blocks {
            self.place(b);
        }
    }

    fn cover(&mut self, f: &Figures) {
        let (fonts, r, ins) = (self.fonts, self.r, &self.input.insight);
        self.flow.new_page();
        let mut b = Block::new();
        b.gap(36.0);
        b.para(fonts, MARGIN, CONTENT_W, LABEL, &r.title.to_uppercase(), 1);
        b.gap(6.0);
        b.para(
            fonts,
            MARGIN,
            CONTENT_W,
            COVER_NAME,
            &self.input.network_name,
            3,
        );
        b.gap(4.0);
        b.para(fonts, MARGIN, CONTENT_W, COVER_SUB, r.subtitle, 2);
        b.gap(18.0);
        let mut facts = vec![(r.period, period(ins, r))];
        if let Some(m) = place(ins) {
            facts.push((self.l.municipality, m.to_string()));
        }
        facts.push((r.date, crate::text::date(self.input.date)));
        for (key, value) in facts {
            let top = b.h;
            b.text_at(
                MARGIN,
                top + 1.0,
                SMALL_BOLD,
                fit(fonts, SMALL_BOLD, key, 86.0),
            );
            b.para(fonts, MARGIN + 90.0, CONTENT_W - 90.0, BODY, &value, 2);
            b.gap(2.0);
        }
        b.gap(10.0);
        if nothing_yet(self.input, f) {
            let from = b.ops.len();
            let y0 = b.h + 6.0;
            b.gap(6.0);
            b.para(
                fonts,
                MARGIN + 10.0,
                CONTENT_W - 20.0,
                BODY_BOLD,
                r.nothing_yet,
                3,
            );
            b.gap(6.0);
            b.panel_behind(from, MARGIN, CONTENT_W, y0, 6.0, PANEL);
            b.gap(12.0);
        }
        self.place(b);
        self.section(r.key_figures, 60.0);
        for (i, (label, counts)) in f.key.rows.iter().enumerate() {
            let mut row = Block::new();
            const ROW_H: f32 = 21.0;
            if i % 2 == 0 {
                row.rect(MARGIN, 0.0, CONTENT_W, ROW_H, PANEL);
            }
            let value = charts::standalone(&count_text(
                counts.first().copied().unwrap_or(0),
                self.input.lang,
            ));
            let vw = fonts.width(&value, true, KEY_VALUE.size);
            row.text_at(
                MARGIN + 8.0,
                5.0,
                KEY_LABEL,
                fit(fonts, KEY_LABEL, label, CONTENT_W - vw - 32.0),
            );
            row.text_at(MARGIN + CONTENT_W - 8.0 - vw, 4.0, KEY_VALUE, value);
            row.h = ROW_H;
            self.place(row);
        }
        let mut space = Block::new();
        space.gap(12.0);
        self.place(space);
    }

    fn results(&mut self, f: &Figures) {
        let r = self.r;
        self.flow.new_page();
        self.singles(&[
            (
                Some(r.results),
                &f.outcomes,
                r.outcomes_by_kind,
                r.axis_outcomes,
                r.empty_outcomes,
            ),
            (
                None,
                &f.theses,
                r.theses_by_level,
                r.axis_theses,
                r.empty_theses,
            ),
        ]);
        // Stack only the kinds that occur, each in its own shade.
        let kinds: Vec<usize> = (0..f.quarters.columns.len())
            .filter(|&k| f.quarters.rows.iter().any(|(_, v)| v.get(k) > Some(&0)))
            .collect();
        let quarters = Chart {
            title: r.outcomes_by_quarter,
            axis: r.axis_outcomes,
            series: kinds
                .iter()
                .map(|&k| {
                    (
                        f.quarters.columns[k],
                        OUTCOME_SHADES[k % OUTCOME_SHADES.len()],
                    )
                })
                .collect(),
            rows: f
                .quarters
                .rows
                .iter()
                .map(|(q, v)| (q.clone(), kinds.iter().map(|&k| v[k]).collect()))
                .collect(),
            bars: Bars::Stacked,
            empty: r.empty_outcomes,
            note: (kinds.len() > 1).then_some(r.stack_order),
        };
        self.chart(None, &quarters);
    }

    fn supply_and_demand(&mut self, f: &Figures) {
        let (l, r) = (self.l, self.r);
        let by_kind = Chart {
            title: r.by_kind,
            axis: r.axis_entries,
            series: vec![(l.needs, NEEDS), (l.offers, OFFERS)],
            rows: f.by_kind.rows.clone(),
            bars: Bars::Grouped,
            empty: r.empty_entries,
            note: None,
        };
        self.chart(Some(r.supply_and_demand), &by_kind);
        let by_place = Chart {
            title: r.by_municipality,
            axis: r.axis_places,
            series: vec![
                (l.organisations, ORGANISATIONS),
                (l.needs, NEEDS),
                (l.offers, OFFERS),
            ],
            rows: f.by_municipality.rows.clone(),
            bars: Bars::Grouped,
            empty: r.empty_entries,
            note: None,
        };
        self.chart(None, &by_place);
        let themes = Chart {
            title: r.themes,
            axis: r.axis_themes,
            series: vec![(l.needs, NEEDS), (l.offers, OFFERS)],
            rows: f
                .themes
                .rows
                .iter()
                .map(|(t, v)| (t.clone(), vec![v[0], v[2]]))
                .collect(),
            bars: Bars::Grouped,
            empty: r.empty_themes,
            note: None,
        };
        self.chart(None, &themes);
    }

    /// The competence gaps, written as asks.
    fn gaps(&mut self) {
        let (fonts, r, ins) = (self.fonts, self.r, &self.input.insight);
        let lang = self.input.lang;
        self.section(r.gaps, 40.0);
        if ins.gaps.is_empty() {
            let text = if ins.themes.is_empty() {
                r.no_themes
            } else {
                r.no_gaps
            };
            let b = note(fonts, text);
            self.place(b);
            return;
        }
        for g in ins.gaps.iter().take(MAX_GAPS) {
            let theme = theme_label(&g.label, &g.concept);
            let line = if g.askers > 0 {
                (r.gap_line)(&count_text(g.askers, lang), &theme)
            } else {
                (r.gap_line_needs)(&count_text(g.needs, lang), &theme)
            };
            let mut b = Block::new();
            b.text_at(MARGIN + 2.0, 0.0, BODY_BOLD, "•".to_string());
            b.para(fonts, MARGIN + 14.0, CONTENT_W - 14.0, BODY, &line, 3);
            b.gap(4.0);
            self.place(b);
        }
        self.more(ins.gaps.len(), MAX_GAPS, r.gaps_word);
    }

    /// "+ N more in the spreadsheet", and a warning, for a shortened list.
    fn more(&mut self, all: usize, shown: usize, what: &str) {
        if all <= shown {
            return;
        }
        let r = self.r;
        let b = note(self.fonts, &(r.more_in_spreadsheet)(all - shown));
        self.place(b);
        self.warnings.push((r.list_shortened)(what, shown, all));
    }

    fn workflow(&mut self, f: &Figures) {
        let r = self.r;
        self.singles(&[
            (
                Some(r.workflow),
                &f.funnel,
                r.funnel,
                r.axis_pairs,
                r.empty_funnel,
            ),
            (
                None,
                &f.declines,
                r.declines,
                r.axis_declines,
                r.empty_declines,
            ),
            (
                Some(r.balance),
                &f.balance,
                r.givers_and_askers,
                r.axis_organisations,
                r.empty_balance,
            ),
        ]);
    }

    fn collaborations(&mut self) {
        let (fonts, l, r) = (self.fonts, self.l, self.r);
        let list = &self.input.insight.collaborations;
        self.section(r.collaborations, 50.0);
        let intro = note(
            fonts,
            if list.is_empty() {
                r.no_collaborations
            } else {
                r.collaborations_intro
            },
        );
        self.place(intro);
        let or = |s: &str, fallback: &str| {
            if s.trim().is_empty() {
                fallback.to_string()
            } else {
                s.to_string()
            }
        };
        for c in list.iter().take(MAX_COLLABORATIONS) {
            let mut b = Block::new();
            b.gap(4.0);
            let (need, offer) = (
                or(&c.need_title, l.untitled),
                or(&c.offer_title, l.untitled),
            );
            let both = format!("{need}  →  {offer}");
            if wrap(fonts, BODY_BOLD, &both, CONTENT_W, 2).1 {
                // Too long for two lines: a line each, so the offer shows too.
                b.para(fonts, MARGIN, CONTENT_W, BODY_BOLD, &need, 1);
                b.para(
                    fonts,
                    MARGIN,
                    CONTENT_W,
                    BODY_BOLD,
                    &format!("→  {offer}"),
                    1,
                );
            } else {
                b.para(fonts, MARGIN, CONTENT_W, BODY_BOLD, &both, 2);
            }
            let outcomes = if c.outcomes.is_empty() {
                r.no_outcome_yet.to_string()
            } else {
                outcome_words(l, &c.outcomes)
            };
            let meta = format!(
                "{}  ↔  {} · {} · {}",
                or(&c.need_organisation, l.no_organisation),
                or(&c.offer_organisation, l.no_organisation),
                (r.agreed_on)(&super::tables::day(&c.agreed_at)),
                outcomes
            );
            b.para(fonts, MARGIN, CONTENT_W, SMALL, &meta, 2);
            b.gap(4.0);
            b.rule(MARGIN, CONTENT_W, RULE, 0.4);
            self.place(b);
        }
        self.more(list.len(), MAX_COLLABORATIONS, r.collaborations_word);
    }

    fn methods(&mut self) {
        let (fonts, r, ins) = (self.fonts, self.r, &self.input.insight);
        self.section(r.methods, 60.0);
        for text in (r.method_notes)(&period(ins, r), place(ins)) {
            let mut b = Block::new();
            b.para(fonts, MARGIN, CONTENT_W, BODY, &text, 8);
            b.gap(5.0);
            self.place(b);
        }
    }
}
