//! What each fuzz target does with its input, so that the targets and the
//! replay of their corpus and findings (the workspace's
//! `crates/kompis-core/tests/fuzz_regressions.rs`, which includes this
//! file) run the same code.

use std::path::Path;
use std::sync::{Once, OnceLock};

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
    reader_panics_are_refusals();
    if let Ok(source) = read_bytes(Path::new(name), data) {
        if let Ok(plans) = records::plan(&source, &|_| Overrides::default(), None) {
            let _ = records::records(&source, &plans);
        }
    }
}

/// An entry of the fuzzed kind, with the text given.
fn doc(id: &str, org: &str, text: [&str; 2], keywords: Vec<String>) -> Doc {
    let [title, description] = text.map(str::to_string);
    let organisation = Some(org.to_string());
    let (id, kind) = (id.to_string(), DocKind::Expertise);
    Doc {
        id,
        organisation,
        kind,
        title,
        description,
        keywords,
    }
}

fn offers() -> Vec<Doc> {
    vec![
        doc(
            "o-1",
            "a",
            ["Bærekraftsrapportering", "ESRS og HMS"],
            Vec::new(),
        ),
        doc(
            "o-2",
            "b",
            ["Rekruttering", "av fagfolk"],
            vec!["lean".into()],
        ),
    ]
}

/// Intake reads a spreadsheet under `catch_unwind`, so a panic inside the
/// reader crates is refused there as "the file is damaged" (found: calamine
/// 0.38 overflows on a sheet whose `<dimension ref>` runs backwards, under
/// debug assertions). Here too, then; any other panic still ends the run
/// (libFuzzer's hook aborts).
fn reader_panics_are_refusals() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let fuzzer = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let file = info.location().map_or("", |l| l.file());
            let readers = ["/calamine-", "/quick-xml-", "/zip-", "/cfb-"];
            if !readers.iter().any(|r| file.contains(r)) {
                fuzzer(info);
            }
        }));
    });
}

/// A thesaurus from JSON, used to build an index and rank a need.
pub fn thesaurus(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(t) = Thesaurus::from_json(text) {
        let m = Matcher::new(&t, &offers());
        let _ = m.rank(&doc("n-1", "c", [text, text], Vec::new()), 5);
    }
}

/// Text split at NUL into a title, a description and keywords: ranked as a
/// need against an index of the built-in thesaurus (built once), and
/// indexed as an offer beside two others (with no thesaurus, so each run
/// builds its index quickly).
pub fn match_text(data: &[u8]) {
    static INDEX: OnceLock<Matcher> = OnceLock::new();
    let index = INDEX.get_or_init(|| Matcher::new(&Thesaurus::builtin(), &offers()));
    let text = String::from_utf8_lossy(data);
    let mut parts = text.split('\0');
    let title = parts.next().unwrap_or_default();
    let description = parts.next().unwrap_or_default();
    let keywords: Vec<String> = parts.map(str::to_string).collect();
    let need = doc("n-x", "y", [title, description], keywords.clone());
    let _ = index.rank(&need, 5);
    let mut all = offers();
    all.push(doc("o-x", "x", [title, description], keywords));
    let _ = Matcher::new(&Thesaurus::default(), &all).rank(&need, 5);
}
