//! The embedded fonts (DejaVu Sans and DejaVu Sans Bold, and a cut-down
//! Symbola for emoji and symbols DejaVu lacks; see `fonts/README.md`) and
//! text measurement for line wrapping.

use krilla::text::Font;
use skrifa::instance::{LocationRef, Size};
use skrifa::metrics::GlyphMetrics;
use skrifa::{FontRef, GlyphId, MetadataProvider};

static REGULAR: &[u8] = include_bytes!("../../fonts/DejaVuSans.ttf");
static BOLD: &[u8] = include_bytes!("../../fonts/DejaVuSans-Bold.ttf");
static SYMBOLS: &[u8] = include_bytes!("../../fonts/SymbolaEmoji.ttf");

/// One face: the krilla font to draw with and metrics to measure with.
pub(crate) struct Face {
    pub font: Font,
    data: &'static [u8],
    charmap: skrifa::charmap::Charmap<'static>,
    metrics: GlyphMetrics<'static>,
    upem: f32,
    /// Advance widths (per em) of U+0000..U+0250, which covers Norwegian.
    latin: Vec<f32>,
}

impl Face {
    fn new(data: &'static [u8]) -> Face {
        let font_ref = FontRef::new(data).expect("the embedded font parses");
        let charmap = font_ref.charmap();
        let metrics = font_ref.glyph_metrics(Size::unscaled(), LocationRef::default());
        let font = Font::new(data.into(), 0).expect("krilla reads the embedded font");
        let upem = font.units_per_em();
        let mut face = Face {
            font,
            data,
            charmap,
            metrics,
            upem,
            latin: Vec::new(),
        };
        face.latin = (0u32..0x250)
            .map(|u| char::from_u32(u).map_or(0.0, |c| face.lookup(c)))
            .collect();
        face
    }

    fn lookup(&self, c: char) -> f32 {
        let gid = self.charmap.map(c).unwrap_or(GlyphId::NOTDEF);
        self.metrics.advance_width(gid).unwrap_or(0.0) / self.upem
    }

    /// Whether the font has a glyph for `c`.
    pub fn has(&self, c: char) -> bool {
        self.charmap.map(c).is_some()
    }

    /// Width of one character in points at `size`.
    pub fn char_width(&self, c: char, size: f32) -> f32 {
        let u = c as usize;
        let em = if u < self.latin.len() {
            self.latin[u]
        } else {
            self.lookup(c)
        };
        em * size
    }

    /// Width of a string in points at `size` (no kerning: a little wide, never narrow
    /// enough to overflow).
    pub fn width(&self, s: &str, size: f32) -> f32 {
        s.chars().map(|c| self.char_width(c, size)).sum()
    }
}

impl Face {
    /// Width of `s` as the shaper lays it out (joined Arabic forms, kerning),
    /// for right-to-left runs whose drawn width differs from the sum of letters.
    pub fn shaped_width(&self, s: &str, size: f32, rtl: bool) -> f32 {
        let Some(face) = rustybuzz::Face::from_slice(self.data, 0) else {
            return self.width(s, size);
        };
        let mut buffer = rustybuzz::UnicodeBuffer::new();
        buffer.push_str(s);
        buffer.guess_segment_properties();
        buffer.set_direction(if rtl {
            rustybuzz::Direction::RightToLeft
        } else {
            rustybuzz::Direction::LeftToRight
        });
        let out = rustybuzz::shape(&face, &[], buffer);
        let units: i32 = out.glyph_positions().iter().map(|p| p.x_advance).sum();
        units as f32 / self.upem * size
    }
}

/// The regular and bold faces, and the fallback for symbols and emoji.
pub(crate) struct Fonts {
    pub regular: Face,
    pub bold: Face,
    pub symbols: Face,
}

impl Fonts {
    pub fn load() -> Fonts {
        Fonts {
            regular: Face::new(REGULAR),
            bold: Face::new(BOLD),
            symbols: Face::new(SYMBOLS),
        }
    }

    pub fn face(&self, bold: bool) -> &Face {
        if bold {
            &self.bold
        } else {
            &self.regular
        }
    }

    /// The face that draws `c`: DejaVu when it has the glyph, else the
    /// symbol font when it does, else DejaVu (which shows a box).
    pub fn face_for(&self, c: char, bold: bool) -> &Face {
        let main = self.face(bold);
        if (c as u32) < 0x2000 || main.has(c) || !self.symbols.has(c) {
            main
        } else {
            &self.symbols
        }
    }

    pub fn char_width(&self, c: char, bold: bool, size: f32) -> f32 {
        self.face_for(c, bold).char_width(c, size)
    }

    /// Width of `s` in points, each character in the face that draws it.
    pub fn width(&self, s: &str, bold: bool, size: f32) -> f32 {
        s.chars().map(|c| self.char_width(c, bold, size)).sum()
    }

    /// `s` split into runs that one face draws: (face, text).
    pub fn runs<'s>(&self, s: &'s str, bold: bool) -> Vec<(&Face, &'s str)> {
        let mut runs: Vec<(&Face, &'s str)> = Vec::new();
        let mut start = 0;
        let mut current: Option<&Face> = None;
        for (i, c) in s.char_indices() {
            let face = self.face_for(c, bold);
            match current {
                Some(f) if std::ptr::eq(f, face) => {}
                Some(f) => {
                    runs.push((f, &s[start..i]));
                    start = i;
                    current = Some(face);
                }
                None => current = Some(face),
            }
        }
        if let Some(f) = current {
            runs.push((f, &s[start..]));
        }
        runs
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fonts_have_every_norwegian_letter() {
        let fonts = Fonts::load();
        for c in "æøåÆØÅéèêóòôüäöÉÈ«»–—…’€§".chars() {
            assert!(fonts.regular.has(c), "regular lacks {c}");
            assert!(fonts.bold.has(c), "bold lacks {c}");
        }
    }

    #[test]
    fn emoji_fall_back_to_the_symbol_font() {
        let fonts = Fonts::load();
        for c in ['🚀', '🌲', '👩', '🔧', '☀'] {
            assert!(fonts.symbols.has(c), "symbols lack {c}");
        }
        let runs = fonts.runs("Trenger 🚀🌲 hjelp", false);
        let texts: Vec<&str> = runs.iter().map(|r| r.1).collect();
        assert_eq!(texts, ["Trenger ", "🚀🌲", " hjelp"]);
        assert!(std::ptr::eq(runs[1].0, &fonts.symbols));
        assert_eq!(fonts.runs("æøå", true).len(), 1);
    }

    #[test]
    fn bold_is_wider_and_width_scales() {
        let fonts = Fonts::load();
        let r = fonts.regular.width("Behov i Elverum", 10.0);
        assert!(fonts.bold.width("Behov i Elverum", 10.0) > r);
        assert!((fonts.regular.width("Behov i Elverum", 20.0) - 2.0 * r).abs() < 0.01);
    }
}
