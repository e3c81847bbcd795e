//! PDF match sheets with krilla: lay out pages as drafts ([`layout`]), then
//! add the header and "Side p av N" and draw them with the embedded fonts.
//! The network report ([`crate::report`]) uses the same fonts, layout and
//! [`document`].

pub(crate) mod fonts;
pub(crate) mod layout;
mod sheets;

use chrono::NaiveDate;
use krilla::color::rgb;
use krilla::geom::{Path, PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, FillRule, Stroke};
use krilla::surface::Surface;
use krilla::text::TextDirection;
use krilla::Document;
use unicode_bidi::BidiInfo;

use crate::labels::Labels;
use crate::preview_types::{PreviewLine, PreviewStyle};
use crate::select::{Lookup, Selection};
use crate::{PdfLayout, Rendered, SheetError, SheetLang};
use fonts::Fonts;
use layout::{fit, Hatch, Op, PageDraft, Rgb, Shade, Style, MARGIN, MUTED, PAGE_H, PAGE_W, RULE};

const HEADER: Style = Style::new(8.5, true, MUTED, PreviewStyle::Header);
const HEADER_DATE: Style = Style::new(8.5, false, MUTED, PreviewStyle::Header);
const FOOTER: Style = Style::new(8.0, false, MUTED, PreviewStyle::Footer);

pub(crate) fn render(
    cat: &Lookup,
    sel: &Selection,
    layout: PdfLayout,
) -> Result<Rendered, SheetError> {
    let fonts = Fonts::load();
    let built = sheets::build(&fonts, cat, sel, layout);
    let chrome = Chrome {
        network_name: &cat.input.network_name,
        date: cat.input.date,
        footer: built.kind_label,
        l: cat.l,
    };
    let bytes = document(&fonts, &built.pages, &chrome)?;
    let mut warnings = Vec::new();
    if built.truncated {
        warnings.push(cat.l.pdf_shortened.to_string());
    }
    Ok(Rendered {
        bytes,
        pages: Some(built.pages.len() as u32),
        warnings,
    })
}

/// What every page of a document repeats: the network's name and the date
/// in the header, `footer` and "Side p av N" in the footer.
pub(crate) struct Chrome<'a> {
    pub network_name: &'a str,
    pub date: NaiveDate,
    pub footer: &'a str,
    pub l: &'static Labels,
}

/// The PDF of `pages`, each with the header and footer of `chrome`.
pub(crate) fn document(
    fonts: &Fonts,
    pages: &[PageDraft],
    chrome: &Chrome,
) -> Result<Vec<u8>, SheetError> {
    let n = pages.len() as u32;
    let mut doc = Document::new();
    doc.set_metadata(
        Metadata::new()
            .title(format!(
                "{} – {}",
                chrome.network_name,
                crate::text::date(chrome.date)
            ))
            .language(match chrome.l.lang {
                SheetLang::Nb => "nb".to_string(),
                SheetLang::En => "en".to_string(),
            })
            .creator("Kompis".to_string()),
    );
    for (i, draft) in pages.iter().enumerate() {
        let mut page = doc.start_page_with(
            PageSettings::from_wh(PAGE_W, PAGE_H).expect("A4 is a valid page size"),
        );
        let mut surface = page.surface();
        for op in page_chrome(fonts, chrome, i as u32 + 1, n)
            .iter()
            .chain(draft.ops.iter())
        {
            draw(&mut surface, fonts, op);
        }
        surface.finish();
        page.finish();
    }
    doc.finish().map_err(|e| SheetError::Render {
        format: "PDF",
        message: format!("{e:?}"),
    })
}

/// The first page's lines (header included) and the page count.
pub(crate) fn first_page(
    cat: &Lookup,
    sel: &Selection,
    layout: PdfLayout,
) -> (Vec<PreviewLine>, u32) {
    let fonts = Fonts::load();
    let built = sheets::build(&fonts, cat, sel, layout);
    let n = built.pages.len() as u32;
    let mut lines = vec![PreviewLine {
        style: PreviewStyle::Header,
        text: format!(
            "{} · {}",
            cat.input.network_name,
            crate::text::date(cat.input.date)
        ),
    }];
    if let Some(first) = built.pages.first() {
        lines.extend(first.preview.iter().cloned());
    }
    lines.push(PreviewLine {
        style: PreviewStyle::Footer,
        text: (cat.l.page_of)(1, n),
    });
    (lines, n)
}

/// Header (network name, date, rule) and footer (document kind, "Side p av N").
fn page_chrome(fonts: &Fonts, chrome: &Chrome, page: u32, pages: u32) -> Vec<Op> {
    let date = crate::text::date(chrome.date);
    let date_w = fonts.width(&date, false, HEADER_DATE.size);
    let name = fit(
        fonts,
        HEADER,
        chrome.network_name,
        layout::CONTENT_W - date_w - 24.0,
    );
    let page_of = (chrome.l.page_of)(page, pages);
    let page_w = fonts.width(&page_of, false, FOOTER.size);
    let kind = fit(
        fonts,
        FOOTER,
        chrome.footer,
        layout::CONTENT_W - page_w - 24.0,
    );
    let text = |x: f32, y: f32, s: Style, t: String| Op::Text {
        x,
        y,
        size: s.size,
        bold: s.bold,
        color: s.color,
        text: t,
    };
    vec![
        text(MARGIN, 40.0, HEADER, name),
        text(PAGE_W - MARGIN - date_w, 40.0, HEADER_DATE, date),
        Op::Line {
            x1: MARGIN,
            y1: 48.0,
            x2: PAGE_W - MARGIN,
            y2: 48.0,
            width: 0.6,
            color: RULE,
        },
        Op::Line {
            x1: MARGIN,
            y1: PAGE_H - 40.0,
            x2: PAGE_W - MARGIN,
            y2: PAGE_H - 40.0,
            width: 0.6,
            color: RULE,
        },
        text(MARGIN, PAGE_H - 28.0, FOOTER, kind),
        text(PAGE_W - MARGIN - page_w, PAGE_H - 28.0, FOOTER, page_of),
    ]
}

fn paint(c: Rgb) -> krilla::paint::Paint {
    rgb::Color::new(c.0, c.1, c.2).into()
}

fn draw(surface: &mut Surface, fonts: &Fonts, op: &Op) {
    match op {
        Op::Text {
            x,
            y,
            size,
            bold,
            color,
            text,
        } => {
            if text.is_empty() {
                return;
            }
            surface.set_stroke(None);
            surface.set_fill(Some(Fill {
                paint: paint(*color),
                opacity: NormalizedF32::ONE,
                rule: Default::default(),
            }));
            draw_text(surface, fonts, *x, *y, *size, *bold, text);
        }
        Op::Rect { x, y, w, h, fill } => {
            if let Some(path) = rect_path(*x, *y, *w, *h) {
                fill_path(surface, &path, *fill);
            }
        }
        Op::Bar { x, y, w, h, shade } => draw_bar(surface, *x, *y, *w, *h, shade),
        Op::Line {
            x1,
            y1,
            x2,
            y2,
            width,
            color,
        } => {
            let mut pb = PathBuilder::new();
            pb.move_to(*x1, *y1);
            pb.line_to(*x2, *y2);
            if let Some(path) = pb.finish() {
                stroke_path(surface, &path, *width, *color);
            }
        }
    }
}

fn rect_path(x: f32, y: f32, w: f32, h: f32) -> Option<Path> {
    let rect = Rect::from_xywh(x, y, w.max(0.1), h.max(0.1))?;
    let mut pb = PathBuilder::new();
    pb.push_rect(rect);
    pb.finish()
}

fn fill_path(surface: &mut Surface, path: &Path, color: Rgb) {
    surface.set_stroke(None);
    surface.set_fill(Some(Fill {
        paint: paint(color),
        opacity: NormalizedF32::ONE,
        rule: Default::default(),
    }));
    surface.draw_path(path);
}

fn stroke_path(surface: &mut Surface, path: &Path, width: f32, color: Rgb) {
    surface.set_fill(None);
    surface.set_stroke(Some(Stroke {
        paint: paint(color),
        width,
        ..Default::default()
    }));
    surface.draw_path(path);
    surface.set_stroke(None);
}

/// Distance between the lines of a hatch, in points.
const HATCH_STEP: f32 = 3.2;

/// A bar: its grey, its hatch clipped to it, its outline.
fn draw_bar(surface: &mut Surface, x: f32, y: f32, w: f32, h: f32, shade: &Shade) {
    let Some(outline) = rect_path(x, y, w, h) else {
        return;
    };
    fill_path(surface, &outline, shade.fill);
    let mut pb = PathBuilder::new();
    let (diag, back, horiz, vert) = match shade.hatch {
        Hatch::None => (false, false, false, false),
        Hatch::Diagonal => (true, false, false, false),
        Hatch::BackDiagonal => (false, true, false, false),
        Hatch::Cross => (true, true, false, false),
        Hatch::Horizontal => (false, false, true, false),
        Hatch::Vertical => (false, false, false, true),
    };
    // Lines over the bar's bounding square, clipped to the bar.
    let span = w + h;
    let mut t = 0.0;
    while t <= span {
        if diag {
            pb.move_to(x + t - h, y + h);
            pb.line_to(x + t, y);
        }
        if back {
            pb.move_to(x + t - h, y);
            pb.line_to(x + t, y + h);
        }
        if vert && t <= w {
            pb.move_to(x + t, y);
            pb.line_to(x + t, y + h);
        }
        if horiz && t <= h {
            pb.move_to(x, y + t);
            pb.line_to(x + w, y + t);
        }
        t += HATCH_STEP;
    }
    if let Some(lines) = pb.finish() {
        surface.push_clip_path(&outline, &FillRule::NonZero);
        stroke_path(surface, &lines, 0.6, shade.ink);
        surface.pop();
    }
    stroke_path(surface, &outline, 0.6, shade.ink);
}

/// Whether `s` has right-to-left letters (Hebrew, Arabic, Syriac, Thaana, …).
fn has_rtl(s: &str) -> bool {
    s.chars().any(|c| {
        matches!(c as u32, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF)
    })
}

/// Draw one line: split into right-to-left and left-to-right runs in visual
/// order (Unicode bidi), and each of those into runs of one font (DejaVu, or
/// the symbol font for emoji), each shaped and placed after the previous.
fn draw_text(
    surface: &mut Surface,
    fonts: &Fonts,
    x: f32,
    y: f32,
    size: f32,
    bold: bool,
    text: &str,
) {
    let main = fonts.face(bold);
    let simple = !has_rtl(text) && text.chars().all(|c| (c as u32) < 0x2000 || main.has(c));
    if simple {
        surface.draw_text(
            Point::from_xy(x, y),
            main.font.clone(),
            size,
            text,
            false,
            TextDirection::LeftToRight,
        );
        return;
    }
    let mut cx = x;
    let mut draw_run = |surface: &mut Surface, part: &str, rtl: bool| {
        let mut runs = fonts.runs(part, bold);
        if rtl {
            // Visual order: the run that comes first in the text is drawn rightmost.
            runs.reverse();
        }
        for (face, piece) in runs {
            let dir = if rtl {
                TextDirection::RightToLeft
            } else {
                TextDirection::LeftToRight
            };
            surface.draw_text(
                Point::from_xy(cx, y),
                face.font.clone(),
                size,
                piece,
                false,
                dir,
            );
            cx += face.shaped_width(piece, size, rtl);
        }
    };
    if !has_rtl(text) {
        draw_run(surface, text, false);
        return;
    }
    let info = BidiInfo::new(text, None);
    for para in &info.paragraphs {
        let (levels, runs) = info.visual_runs(para, para.range.clone());
        for run in runs {
            let rtl = levels[run.start].is_rtl();
            draw_run(surface, &text[run], rtl);
        }
    }
}
