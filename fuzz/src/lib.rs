//! What each fuzz target does with its input, so that the targets and the
//! replay of their corpus and findings (the workspace's
//! `crates/kompis-core/tests/fuzz_regressions.rs`, which includes this
//! file) run the same code.

use std::path::Path;
use std::sync::OnceLock;

use kompis_intake::{field::Overrides, read_bytes, records};
use kompis_match::{Doc, DocKind, Matcher, Thesaurus};

/// A bundle's JSON text, parsed and checked as an import would.
pub fn bundle(data: &[u8]) {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = kompis_core::api::parse_bundle(text);
    }
}

/// Intake of a file's bytes under `name` (its extension says the kind).
pub fn intake(name: &str, data: &[u8]) {
    if let Ok(source) = read_bytes(Path::new(name), data) {
        if let Ok(plans) = records::plan(&source, &|_| Overrides::default(), None) {
            let _ = records::records(&source, &plans);
        }
    }
}

fn doc(id: &str, org: &str, title: &str, description: &str, keywords: Vec<String>) -> Doc {
    Doc {
        id: id.into(),
        organisation: Some(org.into()),
        kind: DocKind::Expertise,
        title: title.into(),
        description: description.into(),
        keywords,
    }
}

fn offers() -> Vec<Doc> {
    vec![
        doc(
            "o-1",
            "a",
            "Bærekraftsrapportering",
            "ESRS og HMS",
            Vec::new(),
        ),
        doc(
            "o-2",
            "b",
            "Rekruttering",
            "av fagfolk",
            vec!["lean".into()],
        ),
    ]
}

/// A thesaurus from JSON, used to build an index and rank a need.
pub fn thesaurus(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(t) = Thesaurus::from_json(text) {
        let m = Matcher::new(&t, &offers());
        let _ = m.rank(&doc("n-1", "c", text, text, Vec::new()), 5);
    }
}

/// Text split at NUL into a title, a description and keywords, as an
/// offer beside two others and as a need ranked against them.
pub fn match_text(data: &[u8]) {
    static THESAURUS: OnceLock<Thesaurus> = OnceLock::new();
    let thes = THESAURUS.get_or_init(Thesaurus::builtin);
    let text = String::from_utf8_lossy(data);
    let mut parts = text.split('\0');
    let title = parts.next().unwrap_or_default();
    let description = parts.next().unwrap_or_default();
    let keywords: Vec<String> = parts.map(str::to_string).collect();
    let mut all = offers();
    all.push(doc("o-x", "x", title, description, keywords.clone()));
    let m = Matcher::new(thes, &all);
    let _ = m.rank(&doc("n-x", "y", title, description, keywords), 5);
}
