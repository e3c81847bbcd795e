//! Hostile files at the catalogue's doors, each made here in a temporary
//! folder: bundles nested 100,000 deep, a 1 GiB file, huge numbers, 10 MB
//! strings, invalid UTF-8, NUL bytes, BOMs and UTF-16, right-to-left
//! overrides and control characters in names, an oversized thesaurus, a
//! 10 MB cell in a spreadsheet, and one pasted "word" of 50,000 letters to
//! match. Each is refused with a sentence (and the catalogue's counts are
//! unchanged: nothing half-written) or read safely, and the peak memory of
//! each (VmHWM, reset before it) stays under a bound.
//!
//! One test, so no other test of this binary runs beside it and moves the
//! peak.

use std::path::Path;

use kompis_core::api::{self, wire::*, Catalogue};
use kompis_core::model::{OrgKind, Organisation};

/// Most memory one hostile file may add, in MiB.
const BOUND_MB: u64 = 300;

/// Peak resident memory since the last reset, in KiB.
fn peak_kb() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let line = status.lines().find(|l| l.starts_with("VmHWM:"));
    line.and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        .unwrap_or(0)
}

fn counts(cat: &Catalogue) -> CatalogueCounts {
    api::catalogue_info(cat).unwrap().counts
}

fn bundle(body: &str) -> String {
    format!(r#"{{"format":"kompis-bundle","version":1,{body}}}"#)
}

fn offer(id: &str, title: &str, description: &str) -> String {
    serde_json::json!({"id": id, "title": title, "kind": "expertise", "description": description})
        .to_string()
}

fn org(id: &str, name: &str) -> String {
    serde_json::json!({"id": id, "name": name, "kind": "company"}).to_string()
}

/// What a case expects: refused with these words, or read and then checked.
enum Expect {
    Refused(&'static str),
    Read(fn(&Catalogue) -> Result<(), String>),
}

struct Case {
    name: &'static str,
    /// Writes the file into the folder and says which it is.
    make: Box<dyn Fn(&Path) -> std::path::PathBuf>,
    expect: Expect,
}

fn bytes_case(name: &'static str, file: &'static str, bytes: Vec<u8>, expect: Expect) -> Case {
    Case {
        name,
        make: Box::new(move |dir| {
            let p = dir.join(file);
            std::fs::write(&p, &bytes).unwrap();
            p
        }),
        expect,
    }
}

fn org_name(cat: &Catalogue, id: &str) -> Result<String, String> {
    api::get_organisation(cat, id.into())
        .map(|o| o.name)
        .map_err(|e| e.to_string())
}

fn cases() -> Vec<Case> {
    let ten_mb = "å".repeat(5 << 20);
    let many_good: Vec<String> = (0..999)
        .map(|i| offer(&format!("o-ok-{i}"), "Sveising", "Vi sveiser."))
        .collect();
    // The BOM is U+FEFF, encoded like the rest.
    let utf16 = |be: bool| -> Vec<u8> {
        let text = bundle(&format!(
            r#""organisations":[{}]"#,
            org("org-u16", "Ærlig AS")
        ));
        std::iter::once(0xFEFF)
            .chain(text.encode_utf16())
            .flat_map(|u: u16| if be { u.to_be_bytes() } else { u.to_le_bytes() })
            .collect()
    };
    vec![
        bytes_case(
            "JSON nested 100,000 lists deep",
            "deep.kompis.json",
            "[".repeat(100_000).into_bytes(),
            Expect::Refused("is not a Kompis bundle: not valid JSON"),
        ),
        Case {
            name: "a bundle file of 1 GiB",
            make: Box::new(|dir| {
                let p = dir.join("huge.kompis.json");
                let f = std::fs::File::create(&p).unwrap();
                f.set_len(1 << 30).unwrap();
                p
            }),
            expect: Expect::Refused("it is 1024 MB; Kompis reads bundles of at most 256 MB"),
        },
        bytes_case(
            "a version of 1e400",
            "e400.kompis.json",
            r#"{"format":"kompis-bundle","version":1e400}"#.into(),
            Expect::Refused("not valid JSON (line 1, column 41)"),
        ),
        bytes_case(
            "a version of 10^30",
            "e30.kompis.json",
            r#"{"format":"kompis-bundle","version":1000000000000000000000000000000}"#.into(),
            Expect::Refused("`version` must be 1, got a number"),
        ),
        bytes_case(
            "an offer with a 10 MB title among 999 good ones",
            "title.kompis.json",
            bundle(&format!(
                r#""offers":[{},{}]"#,
                many_good.join(","),
                offer("o-big", &ten_mb, "")
            ))
            .into_bytes(),
            Expect::Refused("offer o-big: field `title`: is 5242880 characters long; at most 300 are allowed"),
        ),
        bytes_case(
            "an offer with a 10 MB description",
            "description.kompis.json",
            bundle(&format!(r#""offers":[{}]"#, offer("o-desc", "Sveising", &ten_mb))).into_bytes(),
            Expect::Refused("field `description`: is 5242880 characters long; at most 50000 are allowed"),
        ),
        bytes_case(
            "an offer with 100,000 keywords",
            "keywords.kompis.json",
            bundle(&format!(
                r#""offers":[{{"id":"o-kw","title":"T","kind":"training","keywords":{}}}]"#,
                serde_json::to_string(&vec!["lean"; 100_000]).unwrap()
            ))
            .into_bytes(),
            Expect::Refused("has 100000 keywords; at most 50 are allowed"),
        ),
        bytes_case(
            "a thesaurus term of 10 MB",
            "thesaurus.kompis.json",
            bundle(&format!(
                r#""thesaurus":[{{"id":"x","terms":["{ten_mb}"]}}]"#
            ))
            .into_bytes(),
            Expect::Refused("concept group x: field `terms`: is 5242880 characters long; at most 300"),
        ),
        bytes_case(
            "invalid UTF-8",
            "latin.kompis.json",
            bundle(r#""organisations":[{"id":"org-l","name":"Sveis?ing","kind":"company"}]"#)
                .replace('?', "\u{1}")
                .bytes()
                .map(|b| if b == 1 { 0xFF } else { b })
                .collect(),
            Expect::Refused("it is not UTF-8 text"),
        ),
        bytes_case(
            "a raw NUL byte in a string",
            "nul.kompis.json",
            bundle(r#""organisations":[{"id":"org-n","name":"A NUL","kind":"company"}]"#)
                .replace("A NUL", "A\u{0}NUL")
                .into_bytes(),
            Expect::Refused("not valid JSON"),
        ),
        bytes_case(
            "escaped NULs and controls in a name",
            "escaped.kompis.json",
            bundle(&format!(
                r#""organisations":[{}]"#,
                org("org-e", "Sag\u{0}brukt\u{7} AS\u{1b}[2J")
            ))
            .into_bytes(),
            Expect::Read(|cat| match org_name(cat, "org-e")?.as_str() {
                "Sagbrukt AS[2J" => Ok(()),
                other => Err(format!("stored as {other:?}")),
            }),
        ),
        bytes_case(
            "a UTF-8 BOM",
            "bom.kompis.json",
            [
                &b"\xEF\xBB\xBF"[..],
                bundle(&format!(r#""organisations":[{}]"#, org("org-bom", "Bom AS"))).as_bytes(),
            ]
            .concat(),
            Expect::Read(|cat| org_name(cat, "org-bom").map(|_| ())),
        ),
        bytes_case(
            "UTF-16 LE with BOM",
            "le.kompis.json",
            utf16(false),
            Expect::Read(|cat| match org_name(cat, "org-u16")?.as_str() {
                "Ærlig AS" => Ok(()),
                other => Err(format!("stored as {other:?}")),
            }),
        ),
        bytes_case(
            "UTF-16 BE with BOM",
            "be.kompis.json",
            utf16(true),
            Expect::Read(|cat| org_name(cat, "org-u16").map(|_| ())),
        ),
        bytes_case(
            "right-to-left overrides in names",
            "rtl.kompis.json",
            bundle(&format!(
                r#""organisations":[{},{}]"#,
                org("org-rtl", "Evil \u{202e}SA kiffart\u{202c} Ltd"),
                org("org-he", "שלום \u{2067}בע״מ\u{2069}")
            ))
            .into_bytes(),
            Expect::Read(|cat| {
                let (a, b) = (org_name(cat, "org-rtl")?, org_name(cat, "org-he")?);
                if a == "Evil SA kiffart Ltd" && b == "שלום בע״מ" {
                    Ok(())
                } else {
                    Err(format!("stored as {a:?} and {b:?}"))
                }
            }),
        ),
        bytes_case(
            "a spreadsheet (CSV) with a 10 MB title cell",
            "tilbud.csv",
            format!("Tittel;Beskrivelse\nSveising;Kort\n{ten_mb};Lang\n").into_bytes(),
            Expect::Refused("Sheet tilbud, row 3, column Tittel: is 5242880 characters long; at most 300 are allowed"),
        ),
        bytes_case(
            "a spreadsheet (CSV) with RTL overrides and controls in names",
            "kontakter.csv",
            "Navn;E-post\nOla \u{202e}nnamdroN\u{7};ola.rtl@firma.no\n"
                .as_bytes()
                .to_vec(),
            Expect::Read(|cat| {
                let names: Vec<String> = api::all_people(cat)
                    .unwrap()
                    .into_iter()
                    .filter(|p| p.email.as_deref() == Some("ola.rtl@firma.no"))
                    .map(|p| p.name)
                    .collect();
                match names.as_slice() {
                    [n] if n == "Ola nnamdroN" => Ok(()),
                    other => Err(format!("stored as {other:?}")),
                }
            }),
        ),
        bytes_case(
            "an offer whose description is one word of 50,000 letters, matched",
            "word.kompis.json",
            bundle(&format!(
                r#""offers":[{}],"needs":[{{"id":"n-word","title":"Trenger {}","kind":"expertise"}}]"#,
                offer("o-word", "Data", &"rapportering".repeat(4_166)),
                "rapportering".repeat(20)
            ))
            .into_bytes(),
            Expect::Read(|cat| {
                let ranked = api::rank_needs(cat, Some("n-word"), 5).map_err(|e| e.to_string())?;
                match ranked.first() {
                    Some(n) if n.matches.iter().any(|m| m.offer == "o-word") => Ok(()),
                    other => Err(format!("ranked {other:?}")),
                }
            }),
        ),
    ]
}

#[test]
fn hostile_files_are_refused_with_a_sentence_or_read_safely_within_a_memory_bound() {
    let dir = tempfile::tempdir().unwrap();
    let cat = Catalogue::open(&dir.path().join("catalogue")).unwrap();
    api::load_demo(&cat).unwrap();
    let mut report = Vec::new();
    let mut failures = Vec::new();
    for case in cases() {
        let path = (case.make)(dir.path());
        let before = counts(&cat);
        let _ = std::fs::write("/proc/self/clear_refs", "5");
        let start = peak_kb();
        let result = if path.extension().is_some_and(|e| e == "csv") {
            api::intake_apply(&cat, &path, &IntakeOptions::default()).map(|_| ())
        } else {
            api::import_bundle_file(&cat, &path).map(|_| ())
        };
        let outcome = match &case.expect {
            Expect::Refused(words) => match &result {
                Err(e) if e.to_string().contains(words) => {
                    if counts(&cat) == before {
                        Ok(())
                    } else {
                        Err("refused, but the counts changed".to_string())
                    }
                }
                Err(e) => Err(format!("refused with «{}»", cut(&e.to_string()))),
                Ok(()) => Err("read, not refused".into()),
            },
            Expect::Read(check) => match &result {
                Ok(()) => check(&cat),
                Err(e) => Err(format!("refused: {}", cut(&e.to_string()))),
            },
        };
        let peak_mb = peak_kb().saturating_sub(start) / 1024;
        let what = match &result {
            Ok(()) => "read".to_string(),
            Err(e) => format!("refused: {}", cut(&e.to_string())),
        };
        report.push(format!("{:<68} peak +{peak_mb:>3} MB, {what}", case.name));
        if let Err(e) = outcome {
            failures.push(format!("{}: {e}", case.name));
        }
        if peak_mb > BOUND_MB {
            failures.push(format!("{}: peak +{peak_mb} MB > {BOUND_MB} MB", case.name));
        }
        std::fs::remove_file(&path).unwrap();
    }
    println!("{}", report.join("\n"));
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    a_name_saved_in_the_window_is_cleaned_too(&cat);
}

/// A sentence for the report: short, and without a 10 MB quote.
fn cut(s: &str) -> String {
    let one: String = s.lines().collect::<Vec<_>>().join(" ");
    if one.chars().count() > 200 {
        format!("{}…", one.chars().take(200).collect::<String>())
    } else {
        one
    }
}

/// The save commands clean too (run after the cases, in the same test).
fn a_name_saved_in_the_window_is_cleaned_too(cat: &Catalogue) {
    let saved = api::save_organisation(
        cat,
        Organisation {
            id: String::new(),
            name: "Firma \u{202e}SA\u{202c}\u{0}".into(),
            kind: OrgKind::Company,
            municipality: None,
            org_number: None,
            website: None,
            member: None,
            in_report: None,
            notes: Some("linje 1\nlinje 2\u{7}".into()),
        },
    )
    .unwrap();
    let stored = api::get_organisation(cat, saved.id).unwrap();
    assert_eq!(stored.name, "Firma SA");
    assert_eq!(stored.notes.as_deref(), Some("linje 1\nlinje 2"));
}
