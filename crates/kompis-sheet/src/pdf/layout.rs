//! A tiny layout engine: blocks of positioned text and shapes, measured before
//! they are placed, so a page can tell what still fits and the footer can say
//! "Side 1 av N" once N is known.

use super::fonts::Fonts;
use crate::preview_types::PreviewStyle as P;
use crate::preview_types::{PreviewLine, PreviewStyle};
use crate::text::clean_for_pdf;

/// A4 in points.
pub(crate) const PAGE_W: f32 = 595.28;
pub(crate) const PAGE_H: f32 = 841.89;
pub(crate) const MARGIN: f32 = 50.0;
/// Where content starts below the header.
pub(crate) const CONTENT_TOP: f32 = 74.0;
/// Where content must end above the footer.
pub(crate) const CONTENT_BOTTOM: f32 = PAGE_H - 52.0;
pub(crate) const CONTENT_W: f32 = PAGE_W - 2.0 * MARGIN;

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Rgb(pub u8, pub u8, pub u8);

pub(crate) const INK: Rgb = Rgb(0x1C, 0x1F, 0x24);
pub(crate) const MUTED: Rgb = Rgb(0x55, 0x5B, 0x66);
pub(crate) const ACCENT: Rgb = Rgb(0x1F, 0x5F, 0x8B);
pub(crate) const RULE: Rgb = Rgb(0xC8, 0xCE, 0xD6);
pub(crate) const PANEL: Rgb = Rgb(0xF1, 0xF4, 0xF8);

pub(crate) const LABEL: Style = Style::new(8.0, true, ACCENT, P::Label);
pub(crate) const TITLE: Style = Style::new(16.0, true, INK, P::Title);
pub(crate) const HEADING: Style = Style::new(11.5, true, INK, P::Heading);
pub(crate) const CARD_TITLE: Style = Style::new(10.5, true, INK, P::Body);
pub(crate) const BODY: Style = Style::new(9.5, false, INK, P::Body);
pub(crate) const BODY_BOLD: Style = Style::new(9.5, true, INK, P::Body);
pub(crate) const SMALL: Style = Style::new(8.5, false, MUTED, P::Muted);
pub(crate) const SMALL_BOLD: Style = Style::new(8.5, true, MUTED, P::Muted);

/// A text style.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Style {
    pub size: f32,
    pub bold: bool,
    pub color: Rgb,
    /// Line height as a multiple of `size`.
    pub leading: f32,
    /// How the preview shows lines of this style.
    pub kind: PreviewStyle,
}

impl Style {
    pub const fn new(size: f32, bold: bool, color: Rgb, kind: PreviewStyle) -> Style {
        Style {
            size,
            bold,
            color,
            leading: 1.32,
            kind,
        }
    }

    pub fn line_h(&self) -> f32 {
        self.size * self.leading
    }
}

/// One drawing operation; `y` grows downwards, text `y` is the baseline.
#[derive(Debug, Clone)]
pub(crate) enum Op {
    Text {
        x: f32,
        y: f32,
        size: f32,
        bold: bool,
        color: Rgb,
        text: String,
    },
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Rgb,
    },
    Line {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width: f32,
        color: Rgb,
    },
    /// A chart bar: filled, hatched and outlined as `shade` says.
    Bar {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        shade: Shade,
    },
}

/// Lines drawn across a bar, so bars differ in grey print by more than
/// their grey.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Hatch {
    None,
    /// Rising to the right.
    Diagonal,
    /// Falling to the right.
    BackDiagonal,
    Cross,
    Horizontal,
    Vertical,
}

/// How a bar is filled: a grey, a hatch in `ink` over it, an outline in `ink`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Shade {
    pub fill: Rgb,
    pub hatch: Hatch,
    pub ink: Rgb,
}

impl Op {
    fn shifted(&self, dy: f32) -> Op {
        let mut op = self.clone();
        match &mut op {
            Op::Text { y, .. } | Op::Rect { y, .. } | Op::Bar { y, .. } => *y += dy,
            Op::Line { y1, y2, .. } => {
                *y1 += dy;
                *y2 += dy;
            }
        }
        op
    }
}

/// Content laid out from y = 0 down to `h`, to be placed on a page.
#[derive(Default)]
pub(crate) struct Block {
    pub h: f32,
    pub ops: Vec<Op>,
    pub preview: Vec<PreviewLine>,
    /// Whether any text was shortened with "…".
    pub truncated: bool,
}

impl Block {
    pub fn new() -> Block {
        Block::default()
    }

    pub fn gap(&mut self, h: f32) {
        self.h += h;
    }

    /// Wrap `text` into at most `max_lines` lines of `width` starting at `x`.
    /// Returns the number of lines drawn (0 for empty text).
    pub fn para(
        &mut self,
        fonts: &Fonts,
        x: f32,
        width: f32,
        style: Style,
        text: &str,
        max_lines: usize,
    ) -> usize {
        let (lines, cut) = wrap(fonts, style, text, width, max_lines);
        self.truncated |= cut;
        for line in &lines {
            self.line_at(x, style, line.clone());
        }
        if !lines.is_empty() {
            self.preview.push(PreviewLine {
                style: style.kind,
                text: lines.join(" "),
            });
        }
        lines.len()
    }

    /// One line of text at the current height (not wrapped: the caller fits it).
    pub fn line_at(&mut self, x: f32, style: Style, text: String) {
        let baseline = self.h + style.size * 0.93;
        self.ops.push(Op::Text {
            x,
            y: baseline,
            size: style.size,
            bold: style.bold,
            color: style.color,
            text,
        });
        self.h += style.line_h();
    }

    /// Text at an absolute spot in the block, not moving the height.
    pub fn text_at(&mut self, x: f32, y_top: f32, style: Style, text: String) {
        self.ops.push(Op::Text {
            x,
            y: y_top + style.size * 0.93,
            size: style.size,
            bold: style.bold,
            color: style.color,
            text,
        });
    }

    /// A horizontal rule across `width` at the current height.
    pub fn rule(&mut self, x: f32, width: f32, color: Rgb, stroke: f32) {
        self.ops.push(Op::Line {
            x1: x,
            y1: self.h,
            x2: x + width,
            y2: self.h,
            width: stroke,
            color,
        });
    }

    pub fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, fill: Rgb) {
        self.ops.push(Op::Rect { x, y, w, h, fill });
    }

    pub fn bar(&mut self, x: f32, y: f32, w: f32, h: f32, shade: Shade) {
        self.ops.push(Op::Bar { x, y, w, h, shade });
    }

    /// A line from (x1, y1) to (x2, y2), in block coordinates.
    pub fn line(&mut self, (x1, y1): (f32, f32), (x2, y2): (f32, f32), width: f32, color: Rgb) {
        self.ops.push(Op::Line {
            x1,
            y1,
            x2,
            y2,
            width,
            color,
        });
    }

    /// Put a background behind what was drawn since op `from` (so it is
    /// drawn first) spanning `y0..self.h` plus `pad`.
    pub fn panel_behind(&mut self, from: usize, x: f32, w: f32, y0: f32, pad: f32, fill: Rgb) {
        let rect = Op::Rect {
            x,
            y: y0 - pad,
            w,
            h: self.h - y0 + 2.0 * pad,
            fill,
        };
        self.ops.insert(from, rect);
    }

    pub fn preview_line(&mut self, style: PreviewStyle, text: String) {
        self.preview.push(PreviewLine { style, text });
    }
}

/// A page being built.
#[derive(Default)]
pub(crate) struct PageDraft {
    pub ops: Vec<Op>,
    pub preview: Vec<PreviewLine>,
    /// Next free y.
    pub y: f32,
}

impl PageDraft {
    pub fn new() -> PageDraft {
        PageDraft {
            y: CONTENT_TOP,
            ..Default::default()
        }
    }

    pub fn room(&self) -> f32 {
        CONTENT_BOTTOM - self.y
    }

    pub fn place(&mut self, block: Block) {
        let dy = self.y;
        self.ops.extend(block.ops.iter().map(|op| op.shifted(dy)));
        self.preview.extend(block.preview);
        self.y += block.h;
    }
}

/// Places blocks on pages, starting a new page (with a "continued" line)
/// when the next block does not fit.
#[derive(Default)]
pub(crate) struct PageFlow {
    pages: Vec<PageDraft>,
    page: Option<PageDraft>,
    /// Printed at the top of a page the current section runs on to.
    pub continued: Option<String>,
    /// Whether any placed text was shortened with "…".
    pub truncated: bool,
}

impl PageFlow {
    pub fn new() -> PageFlow {
        PageFlow::default()
    }

    pub fn new_page(&mut self) {
        if let Some(page) = self.page.take() {
            self.pages.push(page);
        }
        self.page = Some(PageDraft::new());
    }

    /// Room left on the current page (none before the first page).
    pub fn room(&self) -> f32 {
        self.page.as_ref().map_or(0.0, PageDraft::room)
    }

    /// Place `block`, breaking the page first unless `keep` more points fit too.
    pub fn place_keep(&mut self, fonts: &Fonts, block: Block, keep: f32) {
        if self.page.is_none() || block.h + keep > self.room() {
            self.new_page();
            if let Some(text) = self.continued.clone() {
                let mut b = Block::new();
                b.line_at(MARGIN, SMALL_BOLD, fit(fonts, SMALL_BOLD, &text, CONTENT_W));
                b.gap(6.0);
                self.page_mut().place(b);
            }
        }
        self.truncated |= block.truncated;
        self.page_mut().place(block);
    }

    pub fn page_mut(&mut self) -> &mut PageDraft {
        self.page.get_or_insert_with(PageDraft::new)
    }

    /// Every page, the last one included.
    pub fn finish(mut self) -> Vec<PageDraft> {
        if let Some(page) = self.page.take() {
            self.pages.push(page);
        }
        self.pages
    }
}

/// A section heading with a rule under it.
pub(crate) fn heading(fonts: &Fonts, text: &str) -> Block {
    let mut b = Block::new();
    b.gap(8.0);
    b.para(fonts, MARGIN, CONTENT_W, HEADING, text, 2);
    b.gap(2.0);
    b.rule(MARGIN, CONTENT_W, RULE, 0.8);
    b.gap(6.0);
    b
}

/// A short muted paragraph across the page (two lines at most).
pub(crate) fn note(fonts: &Fonts, text: &str) -> Block {
    let mut b = Block::new();
    b.para(fonts, MARGIN, CONTENT_W, SMALL, text, 2);
    b
}

/// Break `text` into lines no wider than `width`, at most `max_lines`; the
/// last line ends in "…" when text was left out (second value true).
/// Line breaks in the text are kept; a word wider than the line is broken.
pub(crate) fn wrap(
    fonts: &Fonts,
    style: Style,
    text: &str,
    width: f32,
    max_lines: usize,
) -> (Vec<String>, bool) {
    let (bold, size) = (style.bold, style.size);
    let clean = clean_for_pdf(text, true);
    let space = fonts.char_width(' ', bold, size);
    let mut lines: Vec<String> = Vec::new();
    let mut cut = false;
    'paras: for para in clean.split('\n') {
        let mut line = String::new();
        let mut line_w = 0.0f32;
        for word in para.split(' ').filter(|w| !w.is_empty()) {
            if lines.len() >= max_lines {
                cut = true;
                break 'paras;
            }
            let ww = fonts.width(word, bold, size);
            let need = if line.is_empty() {
                ww
            } else {
                line_w + space + ww
            };
            if need <= width {
                if !line.is_empty() {
                    line.push(' ');
                    line_w += space;
                }
                line.push_str(word);
                line_w += ww;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                line_w = 0.0;
                if lines.len() >= max_lines {
                    cut = true;
                    break 'paras;
                }
            }
            if ww <= width {
                line.push_str(word);
                line_w = ww;
                continue;
            }
            // A word wider than the line: break it by characters.
            for c in word.chars() {
                let cw = fonts.char_width(c, bold, size);
                if line_w + cw > width && !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                    line_w = 0.0;
                    if lines.len() >= max_lines {
                        cut = true;
                        break 'paras;
                    }
                }
                line.push(c);
                line_w += cw;
            }
        }
        if !line.is_empty() {
            if lines.len() >= max_lines {
                cut = true;
                break;
            }
            lines.push(line);
        }
    }
    if cut {
        if let Some(last) = lines.last_mut() {
            let ell = fonts.char_width('…', bold, size);
            while !last.is_empty() && fonts.width(last, bold, size) + ell > width {
                last.pop();
            }
            let trimmed = last.trim_end().len();
            last.truncate(trimmed);
            last.push('…');
        }
    }
    (lines, cut)
}

/// One line: `text` shortened with "…" to fit `width`.
pub(crate) fn fit(fonts: &Fonts, style: Style, text: &str, width: f32) -> String {
    let one_line = clean_for_pdf(text, false);
    wrap(fonts, style, &one_line, width, 1)
        .0
        .pop()
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: Style = Style::new(10.0, false, INK, PreviewStyle::Body);

    #[test]
    fn short_text_is_one_line() {
        let fonts = Fonts::load();
        let (lines, cut) = wrap(&fonts, BODY, "Sveising av aluminium", 400.0, 3);
        assert_eq!(lines, vec!["Sveising av aluminium"]);
        assert!(!cut);
    }

    #[test]
    fn long_text_wraps_within_width_and_ends_in_ellipsis() {
        let fonts = Fonts::load();
        let text = "Behov for kompetanse på tre og treteknologi i Innlandet ".repeat(200);
        let (lines, cut) = wrap(&fonts, BODY, &text, 200.0, 3);
        assert_eq!(lines.len(), 3);
        assert!(cut);
        assert!(lines[2].ends_with('…'));
        for l in &lines {
            assert!(fonts.width(l, false, 10.0) <= 200.0, "{l}");
        }
    }

    #[test]
    fn a_word_longer_than_the_line_is_broken() {
        let fonts = Fonts::load();
        let text = "æ".repeat(10_000);
        let (lines, cut) = wrap(&fonts, BODY, &text, 100.0, 2);
        assert_eq!(lines.len(), 2);
        assert!(cut);
        assert!(lines[0].starts_with("æææ"));
    }

    #[test]
    fn empty_text_has_no_lines() {
        let fonts = Fonts::load();
        assert!(wrap(&fonts, BODY, "  \n ", 100.0, 3).0.is_empty());
    }
}
