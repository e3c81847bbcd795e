//! Horizontal bar charts, drawn as vector paths: a title, a legend when
//! there are several series, a label per row, bars in greys and hatches
//! (readable in grey print), the number beside each bar, and an axis label
//! saying what the bars count. A chart with nothing to draw says so in
//! words; a chart taller than a page is split into parts on one scale.

use super::small::{count_text, shown, Shown};
use crate::pdf::fonts::Fonts;
use crate::pdf::layout::{
    fit, wrap, Block, Hatch, Rgb, Shade, Style, CARD_TITLE, CONTENT_BOTTOM, CONTENT_TOP, CONTENT_W,
    INK, MARGIN, MUTED, PANEL, SMALL,
};
use crate::preview_types::PreviewStyle as P;
use crate::SheetLang;

const ROW_LABEL: Style = Style::new(8.5, false, INK, P::Body);
const VALUE: Style = Style::new(8.0, true, INK, P::Body);
const LEGEND: Style = Style::new(8.0, false, INK, P::Muted);
const EMPTY: Style = Style::new(9.5, false, MUTED, P::Muted);

/// The row labels' column: the same in every chart, so the bars line up.
const LABEL_W: f32 = 165.0;
/// The least room the bars keep beside the labels and the numbers.
const MIN_AREA: f32 = 200.0;
/// A hidden small count's bar: short, and the same whatever the scale.
const FEW_LEN: f32 = 5.0;
/// A bar's height when a row has one bar, and within a group.
const BAR_H: f32 = 9.0;
const GROUP_BAR_H: f32 = 7.5;
const GROUP_GAP: f32 = 1.5;
const ROW_GAP: f32 = 5.0;
/// Room a part leaves on a page for the section heading above it.
const HEADING_ROOM: f32 = 60.0;

const DARK_GREY: Rgb = Rgb(0x3A, 0x3F, 0x47);
const MID_GREY: Rgb = Rgb(0x8E, 0x95, 0x9E);
const LIGHT_GREY: Rgb = Rgb(0xD4, 0xD8, 0xDD);
const WHITE: Rgb = Rgb(0xFF, 0xFF, 0xFF);

const fn shade(fill: Rgb, hatch: Hatch) -> Shade {
    Shade {
        fill,
        hatch,
        ink: DARK_GREY,
    }
}

/// Needs: dark.
pub(crate) const NEEDS: Shade = shade(DARK_GREY, Hatch::None);
/// Offers: white, hatched.
pub(crate) const OFFERS: Shade = shade(WHITE, Hatch::Diagonal);
/// Organisations (and single-series charts): mid grey.
pub(crate) const ORGANISATIONS: Shade = shade(MID_GREY, Hatch::None);

/// One shade per outcome kind, in [`kompis_model::OutcomeKind::ALL`] order,
/// so a kind looks the same in every chart.
pub(crate) const OUTCOME_SHADES: [Shade; 9] = [
    shade(DARK_GREY, Hatch::None),
    shade(WHITE, Hatch::Diagonal),
    shade(MID_GREY, Hatch::None),
    shade(WHITE, Hatch::Cross),
    shade(LIGHT_GREY, Hatch::None),
    shade(WHITE, Hatch::Vertical),
    shade(LIGHT_GREY, Hatch::BackDiagonal),
    shade(WHITE, Hatch::Horizontal),
    shade(WHITE, Hatch::None),
];

/// How the series of a row are drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Bars {
    /// One bar per series, under each other.
    Grouped,
    /// The series end to end in one bar.
    Stacked,
}

/// A chart to draw.
pub(crate) struct Chart<'a> {
    pub title: &'a str,
    /// What the bars count ("Antall utfall").
    pub axis: &'a str,
    /// Each series' name (for the legend) and shade.
    pub series: Vec<(&'a str, Shade)>,
    /// A label and one count per series.
    pub rows: Vec<(String, Vec<u32>)>,
    pub bars: Bars,
    /// Said instead of the bars when every count is 0.
    pub empty: &'a str,
    /// A line under the axis label.
    pub note: Option<&'a str>,
}

impl Chart<'_> {
    fn is_empty(&self) -> bool {
        self.rows.iter().all(|(_, v)| v.iter().all(|&n| n == 0))
    }

    /// The height of a row's bars.
    fn bars_h(&self) -> f32 {
        let n = self.series.len().max(1) as f32;
        match self.bars {
            Bars::Grouped if n > 1.0 => n * GROUP_BAR_H + (n - 1.0) * GROUP_GAP,
            _ => BAR_H,
        }
    }

    /// The text beside a row's bar (grouped: one per bar).
    fn value_texts(&self, counts: &[u32], lang: SheetLang) -> Vec<String> {
        match self.bars {
            Bars::Grouped => counts
                .iter()
                .map(|&n| standalone(&count_text(n, lang)))
                .collect(),
            Bars::Stacked => {
                let parts: Vec<String> = counts
                    .iter()
                    .filter(|&&n| n > 0)
                    .map(|&n| count_text(n, lang))
                    .collect();
                vec![if parts.is_empty() {
                    "0".to_string()
                } else {
                    standalone(&parts.join(" · "))
                }]
            }
        }
    }

    /// Points per unit, so the longest bar fills `area`.
    fn scale(&self, area: f32) -> f32 {
        let exact = |n: u32| match shown(n) {
            Shown::Count(n) => n as f32,
            Shown::Few => 0.0,
        };
        let few = |v: &[u32]| v.iter().filter(|&&n| shown(n) == Shown::Few).count() as f32;
        self.rows
            .iter()
            .filter_map(|(_, v)| {
                let (sum, room) = match self.bars {
                    Bars::Grouped => (v.iter().map(|&n| exact(n)).fold(0.0, f32::max), area),
                    Bars::Stacked => (
                        v.iter().map(|&n| exact(n)).sum(),
                        (area - few(v) * FEW_LEN).max(area * 0.5),
                    ),
                };
                (sum > 0.0).then(|| room / sum)
            })
            .fold(f32::INFINITY, f32::min)
    }
}

/// A short text that stands alone (a bar's number, a key figure) with its
/// spaces as en spaces: pdftotext joins "< 3" and "9 · 3" into "<3" and
/// "9·3" when they are only a space apart, and reads an en space as a space.
pub(crate) fn standalone(text: &str) -> String {
    text.replace(' ', "\u{2002}")
}

/// A bar's length for count `n`.
fn bar_len(n: u32, scale: f32) -> f32 {
    match shown(n) {
        Shown::Few => FEW_LEN,
        Shown::Count(0) => 0.0,
        Shown::Count(n) if scale.is_finite() => (n as f32 * scale).max(1.0),
        Shown::Count(_) => FEW_LEN,
    }
}

/// Where a chart's bars go and how long a unit is, shared by its rows.
struct Plot {
    /// Where the bars start.
    bx: f32,
    /// Room for the numbers after the longest bar.
    value_w: f32,
    /// Points per unit.
    scale: f32,
    lang: SheetLang,
}

/// The chart as blocks to place, each fitting a page; parts after the
/// first have `continued` after their title. A row label takes two lines
/// at most.
pub(crate) fn draw(fonts: &Fonts, chart: &Chart, lang: SheetLang, continued: &str) -> Vec<Block> {
    if chart.is_empty() {
        let mut b = head(fonts, chart, chart.title, false);
        b.rect(MARGIN, b.h, CONTENT_W, 26.0, PANEL);
        b.text_at(
            MARGIN + 10.0,
            b.h + 8.0,
            EMPTY,
            fit(fonts, EMPTY, chart.empty, CONTENT_W - 20.0),
        );
        b.preview_line(P::Muted, chart.empty.to_string());
        b.gap(26.0 + 6.0);
        return vec![b];
    }
    // The label column is the same in every chart, unless the numbers
    // need its room (a stacked bar lists its parts): then it narrows to
    // what the labels need. The numbers are never shortened.
    let value_w = chart
        .rows
        .iter()
        .flat_map(|(_, v)| chart.value_texts(v, lang))
        .map(|t| fonts.width(&t, true, VALUE.size))
        .fold(0.0, f32::max)
        + 8.0;
    let label_w = if CONTENT_W - LABEL_W - value_w >= MIN_AREA {
        LABEL_W
    } else {
        let needed = chart
            .rows
            .iter()
            .map(|(s, _)| fonts.width(s, false, ROW_LABEL.size) + 10.0)
            .fold(0.0, f32::max);
        needed.max(CONTENT_W - value_w - MIN_AREA).min(LABEL_W)
    };
    let value_w = value_w.min(CONTENT_W - label_w - 60.0);
    let plot = Plot {
        bx: MARGIN + label_w,
        value_w,
        scale: chart.scale(CONTENT_W - label_w - value_w),
        lang,
    };
    let labels: Vec<(Vec<String>, bool)> = chart
        .rows
        .iter()
        .map(|(label, _)| wrap(fonts, ROW_LABEL, label, label_w - 8.0, 2))
        .collect();
    let row_h = |lines: usize| chart.bars_h().max(lines as f32 * ROW_LABEL.line_h()) + ROW_GAP;
    // Rows into parts that fit a page under a heading.
    let title_h = head(fonts, chart, chart.title, true).h;
    let room = CONTENT_BOTTOM - CONTENT_TOP - HEADING_ROOM - title_h - 40.0;
    let mut parts: Vec<std::ops::Range<usize>> = Vec::new();
    let (mut start, mut used) = (0, 0.0);
    for (i, (lines, _)) in labels.iter().enumerate() {
        let h = row_h(lines.len());
        if i > start && used + h > room {
            parts.push(start..i);
            (start, used) = (i, 0.0);
        }
        used += h;
    }
    parts.push(start..chart.rows.len());
    let n_parts = parts.len();
    let mut blocks = Vec::with_capacity(n_parts);
    for (i, part) in parts.into_iter().enumerate() {
        let title = if i == 0 {
            chart.title.to_string()
        } else {
            format!("{} ({continued})", chart.title)
        };
        let mut b = head(fonts, chart, &title, true);
        let top = b.h;
        for row in part {
            let (lines, cut) = &labels[row];
            b.truncated |= *cut;
            let h = row_h(lines.len()) - ROW_GAP;
            draw_row(fonts, &mut b, chart, &plot, (lines, h), &chart.rows[row]);
        }
        let bottom = b.h - ROW_GAP + 2.0;
        b.line((plot.bx, top - 2.0), (plot.bx, bottom), 0.8, MUTED);
        b.h = bottom + 3.0;
        if i + 1 == n_parts {
            b.para(fonts, plot.bx, CONTENT_W - label_w, SMALL, chart.axis, 2);
            if let Some(note) = chart.note {
                b.para(fonts, plot.bx, CONTENT_W - label_w, SMALL, note, 2);
            }
        }
        b.gap(8.0);
        blocks.push(b);
    }
    blocks
}

/// One row `h` high: its label's lines, its bars and their numbers, both
/// centred on the row.
fn draw_row(
    fonts: &Fonts,
    b: &mut Block,
    chart: &Chart,
    plot: &Plot,
    (lines, h): (&[String], f32),
    (label, counts): &(String, Vec<u32>),
) {
    let y0 = b.h;
    let label_h = lines.len() as f32 * ROW_LABEL.line_h();
    let mut ly = y0 + (h - label_h) / 2.0 + (ROW_LABEL.line_h() - ROW_LABEL.size) / 2.0 - 0.5;
    for line in lines {
        b.text_at(MARGIN, ly, ROW_LABEL, line.clone());
        ly += ROW_LABEL.line_h();
    }
    let texts = chart.value_texts(counts, plot.lang);
    let value_at = |b: &mut Block, x: f32, y: f32, h: f32, text: &str| {
        b.text_at(
            x + 4.0,
            y + (h - VALUE.size) / 2.0,
            VALUE,
            fit(fonts, VALUE, text, plot.value_w - 6.0),
        );
    };
    let (bx, scale) = (plot.bx, plot.scale);
    let y_bars = y0 + (h - chart.bars_h()) / 2.0;
    match chart.bars {
        Bars::Grouped => {
            let bar_h = if counts.len() > 1 { GROUP_BAR_H } else { BAR_H };
            for (j, (&n, text)) in counts.iter().zip(&texts).enumerate() {
                let y = y_bars + j as f32 * (bar_h + GROUP_GAP);
                let len = bar_len(n, scale);
                if len > 0.0 {
                    let shade = chart.series.get(j).map_or(ORGANISATIONS, |s| s.1);
                    b.bar(bx, y, len, bar_h, shade);
                }
                value_at(b, bx + len, y, bar_h, text);
            }
        }
        Bars::Stacked => {
            let mut x = bx;
            for (j, &n) in counts.iter().enumerate() {
                let len = bar_len(n, scale);
                if len > 0.0 {
                    let shade = chart.series.get(j).map_or(ORGANISATIONS, |s| s.1);
                    b.bar(x, y_bars, len, BAR_H, shade);
                    x += len;
                }
            }
            if let Some(text) = texts.first() {
                value_at(b, x, y_bars, BAR_H, text);
            }
        }
    }
    b.preview_line(P::Body, format!("{label}: {}", texts.join(", ")));
    b.h = y0 + h + ROW_GAP;
}

/// The title and, with `legend` and several series, the legend.
fn head(fonts: &Fonts, chart: &Chart, title: &str, legend: bool) -> Block {
    let mut b = Block::new();
    b.gap(4.0);
    b.para(fonts, MARGIN, CONTENT_W, CARD_TITLE, title, 2);
    b.gap(3.0);
    if legend && chart.series.len() > 1 {
        let mut x = MARGIN;
        let line_h = 12.0;
        for (name, shade) in &chart.series {
            let w = 12.0 + fonts.width(name, false, LEGEND.size) + 14.0;
            if x > MARGIN && x + w > MARGIN + CONTENT_W {
                x = MARGIN;
                b.gap(line_h);
            }
            b.bar(x, b.h + 1.0, 9.0, 8.0, *shade);
            b.text_at(x + 13.0, b.h + 0.5, LEGEND, name.to_string());
            x += w;
        }
        b.gap(line_h + 4.0);
    }
    b
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::layout::Op;

    fn chart(rows: Vec<(String, Vec<u32>)>, bars: Bars) -> Chart<'static> {
        Chart {
            title: "Utfall",
            axis: "Antall utfall",
            series: vec![("a", NEEDS), ("b", OFFERS)],
            rows,
            bars,
            empty: "Ingen utfall registrert i perioden.",
            note: None,
        }
    }

    fn texts(blocks: &[Block]) -> Vec<String> {
        blocks
            .iter()
            .flat_map(|b| &b.ops)
            .filter_map(|op| match op {
                Op::Text { text, .. } => Some(text.clone()),
                _ => None,
            })
            .collect()
    }

    fn bar_widths(blocks: &[Block]) -> Vec<f32> {
        blocks
            .iter()
            .flat_map(|b| &b.ops)
            .filter_map(|op| match op {
                // Not the legend's swatches (9 × 8).
                Op::Bar { w, h, .. } if !(*w == 9.0 && *h == 8.0) => Some(*w),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn an_empty_chart_says_so_and_draws_no_bar() {
        let fonts = Fonts::load();
        let c = chart(vec![("x".into(), vec![0, 0])], Bars::Grouped);
        let blocks = draw(&fonts, &c, SheetLang::Nb, "forts.");
        assert!(texts(&blocks).contains(&"Ingen utfall registrert i perioden.".to_string()));
        assert!(!blocks[0].ops.iter().any(|op| matches!(op, Op::Bar { .. })));
    }

    #[test]
    fn a_small_count_has_a_fixed_short_bar_and_says_less_than_three() {
        let fonts = Fonts::load();
        for big in [10, 10_000] {
            let c = chart(vec![("x".into(), vec![1, big])], Bars::Grouped);
            let blocks = draw(&fonts, &c, SheetLang::Nb, "forts.");
            let t = texts(&blocks);
            assert!(t.contains(&standalone("< 3")), "{t:?}");
            assert!(!t.contains(&"1".to_string()), "{t:?}");
            let widths = bar_widths(&blocks);
            assert!(widths.contains(&FEW_LEN), "{widths:?}");
        }
    }

    #[test]
    fn a_stacked_bar_lists_its_parts_and_no_total() {
        let fonts = Fonts::load();
        let c = chart(vec![("2026".into(), vec![5, 1])], Bars::Stacked);
        let t = texts(&draw(&fonts, &c, SheetLang::Nb, "forts."));
        assert!(t.contains(&standalone("5 · < 3")), "{t:?}");
        assert!(!t.iter().any(|s| s == "6"), "{t:?}");
    }

    #[test]
    fn the_numbers_of_a_nine_part_stack_are_never_shortened() {
        let fonts = Fonts::load();
        let mut c = chart(
            vec![(
                "4. kvartal 2025".into(),
                vec![2_000, 1, 17, 22, 4, 9, 14, 3_000, 12],
            )],
            Bars::Stacked,
        );
        c.series = OUTCOME_SHADES.iter().map(|s| ("x", *s)).collect();
        let t = texts(&draw(&fonts, &c, SheetLang::Nb, "forts."));
        let want = standalone("2\u{A0}000 · < 3 · 17 · 22 · 4 · 9 · 14 · 3\u{A0}000 · 12");
        assert!(t.contains(&want), "{t:?}");
        assert!(t.contains(&"4. kvartal 2025".to_string()), "{t:?}");
    }

    #[test]
    fn a_long_chart_is_split_on_one_scale_with_continued_titles() {
        let fonts = Fonts::load();
        let rows = (0..200)
            .map(|i| (format!("r{i}"), vec![i + 3, 3]))
            .collect();
        let blocks = draw(&fonts, &chart(rows, Bars::Grouped), SheetLang::Nb, "forts.");
        assert!(blocks.len() > 1);
        for b in &blocks {
            assert!(
                b.h <= CONTENT_BOTTOM - CONTENT_TOP - HEADING_ROOM,
                "{}",
                b.h
            );
        }
        assert!(texts(&blocks).contains(&"Utfall (forts.)".to_string()));
    }
}
