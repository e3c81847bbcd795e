//! Words compared as people type them, through the matcher's one folding.

use kompis_match::text::{ascii_key, fold};

/// A word or header as a comparable key: folded (case, accents), `æøå` as
/// `a`/`o` (so "Nøkkelord" and "Nokkelord" meet), letters and digits only.
pub fn key(s: &str) -> String {
    ascii_key(&fold(s))
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}
