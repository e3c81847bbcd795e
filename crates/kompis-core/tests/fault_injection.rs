//! Fault injection on a real catalogue folder (issue 12): a catalogue is
//! built through the public api (an import, single saves and match
//! statuses: the acknowledged writes), closed, and then each file of its
//! sled folder in turn is truncated (to nothing, to half), has bytes
//! flipped (at its start, middle and end, and at seeded offsets in the part
//! that holds data) or is deleted, each on a fresh copy. Opening the copy
//! (`api::open_checked`, and the plain `api::open`) must never panic; it
//! either answers every acknowledged record with its values, or refuses
//! with the typed damaged/store error in one sentence, and then has not
//! written a byte into the folder.

use std::collections::BTreeMap;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use kompis_core::api::wire::{Side, StatusChange};
use kompis_core::api::{self, Catalogue};
use kompis_core::model::{DeclineReason, MatchStatus};
use serde_json::{json, Value};

/// Panics anywhere in the process (sled's own threads too).
static PANICS: AtomicUsize = AtomicUsize::new(0);

/// What the catalogue answers: every organisation, offer, need and match
/// with all its values, as JSON.
fn read_all(cat: &Catalogue) -> api::Result<Value> {
    Ok(json!({
        "organisations": serde_json::to_value(cat.organisations()?).unwrap(),
        "offers": serde_json::to_value(cat.offers()?).unwrap(),
        "needs": serde_json::to_value(cat.needs()?).unwrap(),
        "matches": serde_json::to_value(cat.match_records()?).unwrap(),
    }))
}

/// Builds the catalogue in `dir` through the api and answers what it
/// acknowledged.
fn build(root: &Path, dir: &Path) -> Value {
    let cat = api::open(dir).unwrap();
    let mut orgs = Vec::new();
    let mut offers = Vec::new();
    let mut needs = Vec::new();
    for o in 0..3 {
        orgs.push(
            json!({"id": format!("org-f{o}"), "name": format!("Feil {o} AS"), "kind": "company"}),
        );
        for e in 0..2 {
            offers.push(json!({"id": format!("o-f{o}{e}"), "title": format!("Tilbud {o}.{e} om sveising"),
                "kind": "expertise", "keywords": ["sveising", format!("k{o}{e}")],
                "description": format!("Beskrivelse av tilbud {o}.{e}"), "organisation": format!("org-f{o}")}));
            needs.push(
                json!({"id": format!("n-f{o}{e}"), "title": format!("Behov {o}.{e} for sveising"),
                "kind": "training", "organisation": format!("org-f{o}")}),
            );
        }
    }
    let bundle = json!({"format": "kompis-bundle", "version": 1,
        "organisations": orgs, "offers": offers, "needs": needs});
    let file = root.join("bundle.json");
    std::fs::write(&file, serde_json::to_vec(&bundle).unwrap()).unwrap();
    let s = api::import_bundle_file(&cat, &file).unwrap();
    assert_eq!((s.organisations, s.offers, s.needs), (3, 6, 6));
    api::save_organisation(
        &cat,
        serde_json::from_value(
            json!({"id": "org-f9", "name": "Niende AS", "kind": "public", "municipality": "Elverum"}),
        )
        .unwrap(),
    )
    .unwrap();
    let mut changed = api::get_entry(&cat, Side::Offer, "o-f00".into()).unwrap();
    changed.title = "Tilbud om sveising, endret".into();
    api::save_entry(&cat, Side::Offer, changed).unwrap();
    api::save_entry(
        &cat,
        Side::Need,
        serde_json::from_value(json!({"id": "n-f99", "title": "Et behov lagret alene",
            "kind": "experience", "organisation": "org-f9"}))
        .unwrap(),
    )
    .unwrap();
    let statuses = [
        ("n-f00", "o-f10", MatchStatus::Shortlisted, None),
        ("n-f01", "o-f11", MatchStatus::Contacted, None),
        ("n-f10", "o-f20", MatchStatus::Agreed, None),
        (
            "n-f11",
            "o-f21",
            MatchStatus::Declined,
            Some(DeclineReason::BadTiming),
        ),
        ("n-f20", "o-f00", MatchStatus::Shortlisted, None),
        ("n-f99", "o-f01", MatchStatus::Contacted, None),
    ];
    for (i, (need, offer, status, reason)) in statuses.into_iter().enumerate() {
        api::set_match_status(
            &cat,
            StatusChange {
                need: need.into(),
                offer: offer.into(),
                status,
                reason,
                note: Some(format!("notat {i}")),
            },
        )
        .unwrap();
    }
    // A second change to one pair: its history holds both.
    api::set_match_status(
        &cat,
        StatusChange {
            need: "n-f00".into(),
            offer: "o-f10".into(),
            status: MatchStatus::Agreed,
            reason: None,
            note: None,
        },
    )
    .unwrap();
    drop(cat);
    // A second session, as the next start of the app: sled writes a
    // snapshot of its page table on recovery.
    let cat = api::open_checked(dir).unwrap();
    api::set_match_status(
        &cat,
        StatusChange {
            need: "n-f21".into(),
            offer: "o-f11".into(),
            status: MatchStatus::Shortlisted,
            reason: None,
            note: Some("andre økt".into()),
        },
    )
    .unwrap();
    let written = read_all(&cat).unwrap();
    assert_eq!(written["matches"].as_array().unwrap().len(), 7);
    drop(cat);
    // And a third that only reads.
    assert_eq!(read_all(&api::open_checked(dir).unwrap()).unwrap(), written);
    written
}

/// Every file (and folder) under `dir`, by relative path, with its bytes
/// (folders with none).
fn contents(dir: &Path) -> BTreeMap<PathBuf, Option<Vec<u8>>> {
    fn walk(root: &Path, at: &Path, out: &mut BTreeMap<PathBuf, Option<Vec<u8>>>) {
        let mut items: Vec<_> = std::fs::read_dir(at).unwrap().flatten().collect();
        items.sort_by_key(|i| i.file_name());
        for item in items {
            let path = item.path();
            let rel = path.strip_prefix(root).unwrap().to_path_buf();
            if item.file_type().unwrap().is_dir() {
                out.insert(rel, None);
                walk(root, &path, out);
            } else {
                out.insert(rel, Some(std::fs::read(&path).unwrap()));
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for item in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(item.file_name());
        if item.file_type().unwrap().is_dir() {
            copy_dir(&item.path(), &target);
        } else {
            std::fs::copy(item.path(), &target).unwrap();
        }
    }
}

#[derive(Debug, Clone, Copy)]
enum Fault {
    Empty,
    Half,
    /// XOR 0xFF into the byte at this offset.
    Flip(u64),
    Delete,
    /// A newer snapshot left part-written beside this one (sled killed
    /// while it wrote `snap.….generating`): half of this one's bytes.
    PartSnapshot,
}

/// A tiny deterministic generator (an LCG), so the offsets are the same
/// on every run.
fn lcg(seed: &mut u64) -> u64 {
    *seed = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    *seed >> 33
}

/// The faults for one file: its length, and the extent that holds data
/// (up to the last byte that is not zero).
fn faults(name: &Path, bytes: &[u8], seed: u64) -> Vec<Fault> {
    let len = bytes.len() as u64;
    let used = bytes
        .iter()
        .rposition(|b| *b != 0)
        .map_or(0, |p| p as u64 + 1);
    let mut out = vec![Fault::Empty, Fault::Half, Fault::Delete];
    if name.to_string_lossy().starts_with("snap.") {
        out.push(Fault::PartSnapshot);
    }
    if len > 0 {
        out.extend([Fault::Flip(0), Fault::Flip(len / 2), Fault::Flip(len - 1)]);
    }
    if used > 0 {
        let mut s = seed;
        for _ in 0..SEEDED_FLIPS {
            out.push(Fault::Flip(lcg(&mut s) % used));
        }
        out.push(Fault::Flip(used / 2));
    }
    let mut seen = Vec::new();
    out.retain(|f| {
        let key = format!("{f:?}");
        let new = !seen.contains(&key);
        seen.push(key);
        new
    });
    out
}

/// Flips at seeded offsets within each file's data.
const SEEDED_FLIPS: usize = 12;

fn apply(file: &Path, fault: Fault) {
    match fault {
        Fault::Empty => std::fs::write(file, b"").unwrap(),
        Fault::Half => {
            let f = std::fs::OpenOptions::new().write(true).open(file).unwrap();
            let len = f.metadata().unwrap().len();
            f.set_len(len / 2).unwrap();
        }
        Fault::Flip(at) => {
            let mut bytes = std::fs::read(file).unwrap();
            bytes[at as usize] ^= 0xFF;
            std::fs::write(file, bytes).unwrap();
        }
        Fault::Delete => std::fs::remove_file(file).unwrap(),
        Fault::PartSnapshot => {
            let name = file.file_name().unwrap().to_string_lossy().into_owned();
            let lsn = u64::from_str_radix(name.trim_start_matches("snap."), 16).unwrap();
            let bytes = std::fs::read(file).unwrap();
            let part = file.with_file_name(format!("snap.{:016X}.generating", lsn + 1));
            std::fs::write(part, &bytes[..bytes.len() / 2]).unwrap();
        }
    }
}

/// A refusal reads as one sentence: it ends with a full stop, has no
/// second sentence or line, and no Rust debug text.
fn one_sentence(message: &str) -> Result<(), String> {
    let bad = [
        "Some(",
        "None",
        "Error {",
        "{ ",
        "backtrace",
        "DiskPtr",
        "Lsn",
        "\n",
    ];
    if !message.ends_with('.') {
        return Err("does not end with a full stop".into());
    }
    if let Some(b) = bad.iter().find(|b| message.contains(**b)) {
        return Err(format!("holds {b:?}"));
    }
    let body = &message[..message.len() - 1];
    let second = body
        .match_indices(". ")
        .any(|(i, _)| body[i + 2..].starts_with(|c: char| c.is_uppercase()));
    if second {
        return Err("has a second sentence".into());
    }
    Ok(())
}

#[derive(Debug, Default)]
struct Tally {
    ok: usize,
    refused: BTreeMap<&'static str, usize>,
    /// Plain opens that opened but whose reads refused (and lost nothing).
    reads_refused: usize,
}

type Opener = fn(&Path) -> api::Result<Catalogue>;

/// Opens `dir` with `open`, checks the outcome; answers a failure, if any.
fn try_case(
    open: Opener,
    checked: bool,
    dir: &Path,
    written: &Value,
    tally: &mut Tally,
) -> Result<String, String> {
    let before = contents(dir);
    let panics = PANICS.load(Ordering::SeqCst);
    let outcome = panic::catch_unwind(AssertUnwindSafe(|| {
        let cat = open(dir)?;
        let read = read_all(&cat);
        drop(cat);
        Ok::<_, api::Error>(read)
    }));
    std::thread::sleep(std::time::Duration::from_millis(5));
    if PANICS.load(Ordering::SeqCst) != panics {
        return Err("panicked".into());
    }
    let outcome = outcome.map_err(|_| "panicked".to_string())?;
    let refused = |e: api::Error, tally: &mut Tally| -> Result<String, String> {
        let message = e.to_string();
        if !api::backup_can_mend(&e) {
            return Err(format!("refused with the {} kind: {message}", e.code()));
        }
        one_sentence(&message).map_err(|why| format!("the refusal {why}: {message}"))?;
        if contents(dir) != before {
            return Err(format!("wrote into the folder it refused: {message}"));
        }
        *tally.refused.entry(e.code()).or_default() += 1;
        Ok(format!("refused ({}): {message}", e.code()))
    };
    match outcome {
        Err(e) => refused(e, tally),
        Ok(Ok(read)) if &read == written => {
            tally.ok += 1;
            Ok("opened, every write there".into())
        }
        Ok(Ok(read)) => Err(format!(
            "opened but answered other records (silent loss): {} orgs, {} offers, {} needs, {} matches; folder changed: {}",
            read["organisations"].as_array().map_or(0, Vec::len),
            read["offers"].as_array().map_or(0, Vec::len),
            read["needs"].as_array().map_or(0, Vec::len),
            read["matches"].as_array().map_or(0, Vec::len),
            contents(dir) != before
        )),
        // The plain open does not check the catalogue; a read of it may
        // refuse (and then must say so as a refusal would).
        Ok(Err(e)) if !checked => {
            let message = e.to_string();
            if !api::backup_can_mend(&e) {
                return Err(format!("a read failed with the {} kind: {message}", e.code()));
            }
            tally.reads_refused += 1;
            Ok(format!("opened, a read refused ({}): {message}", e.code()))
        }
        Ok(Err(e)) => Err(format!("open_checked opened, but a read failed: {e}")),
    }
}

#[test]
fn a_damaged_folder_opens_whole_or_is_refused_in_a_sentence_and_left_as_it_is() {
    let started = Instant::now();
    let default_hook = panic::take_hook();
    panic::set_hook(Box::new(move |info| {
        PANICS.fetch_add(1, Ordering::SeqCst);
        default_hook(info);
    }));
    let tmp = tempfile::tempdir().unwrap();
    let pristine = tmp.path().join("katalog");
    let written = build(tmp.path(), &pristine);
    let files: Vec<(PathBuf, Vec<u8>)> = contents(&pristine)
        .into_iter()
        .filter_map(|(p, b)| b.map(|b| (p, b)))
        .collect();
    eprintln!(
        "sled folder: {}",
        files
            .iter()
            .map(|(p, b)| format!("{} ({} bytes)", p.display(), b.len()))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let mut cases: Vec<(Option<PathBuf>, Fault)> = vec![(None, Fault::Empty)];
    for (i, (path, bytes)) in files.iter().enumerate() {
        for fault in faults(path, bytes, 0x5eed_0000 + i as u64) {
            cases.push((Some(path.clone()), fault));
        }
    }
    let openers: [(&str, Opener, bool); 2] = [
        ("open_checked", api::open_checked, true),
        ("open", api::open, false),
    ];
    let mut tally = Tally::default();
    let mut failures = Vec::new();
    let mut n = 0;
    for (file, fault) in &cases {
        for (name, open, checked) in openers {
            n += 1;
            let dir = tmp.path().join(format!("case-{n}")).join("katalog");
            copy_dir(&pristine, &dir);
            let what = match file {
                None => "no fault".to_string(),
                Some(f) => {
                    apply(&dir.join(f), *fault);
                    format!("{} {fault:?}", f.display())
                }
            };
            match try_case(open, checked, &dir, &written, &mut tally) {
                Ok(said) => eprintln!("case {n:>3} {what:<28} {name:<12} {said}"),
                Err(why) => {
                    eprintln!("case {n:>3} {what:<28} {name:<12} FAILED: {why}");
                    failures.push(format!("{what} ({name}): {why}"));
                }
            }
            let _ = std::fs::remove_dir_all(dir.parent().unwrap());
        }
    }
    let _ = panic::take_hook();
    eprintln!(
        "{n} opens of {} cases over {} files: {} opened with every write, refused {:?}, {} plain opens whose reads refused; {:.1} s",
        cases.len(),
        files.len(),
        tally.ok,
        tally.refused,
        tally.reads_refused,
        started.elapsed().as_secs_f64()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
