//! Rolling backups: snapshots of the whole catalogue as a bundle (entities,
//! matches with their history and outcomes, the thesaurus), written
//! atomically into a `backups` folder beside the catalogue's folder, named
//! `<catalogue>-YYYYMMDD-HHMMSS.kompis.json`. Kompis writes one when the
//! app starts and again after changes (see [`backup_if_changed`]), and
//! prunes by itself: the newest [`KEEP_NEWEST`] stay, plus the newest of
//! each day for [`KEEP_DAYS`] days. Nothing else in the folder is touched.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use chrono::{DateTime, Duration, Local, NaiveDate, NaiveDateTime, TimeZone};

use crate::catalogue::Catalogue;
use crate::error::{Error, Result};
use crate::wire::{BackupInfo, CheckReport};

/// The newest backups always kept.
pub const KEEP_NEWEST: usize = 10;
/// Days for which the newest backup of each day is kept (the figure the
/// erasure of a person quotes).
pub const KEEP_DAYS: i64 = crate::model::privacy::BACKUP_KEEP_DAYS as i64;

const SUFFIX: &str = ".kompis.json";
const STAMP: &str = "%Y%m%d-%H%M%S";

/// The catalogue's write count when the last backup was written (kept for
/// as long as the catalogue is open).
#[derive(Default)]
struct LastBackup {
    generation: AtomicU64,
    written: std::sync::atomic::AtomicBool,
}

/// Where the catalogue at `dir` keeps its backups: `backups/` beside it.
pub(crate) fn folder(dir: &Path) -> PathBuf {
    dir.parent()
        .unwrap_or_else(|| Path::new("."))
        .join("backups")
}

/// The file-name prefix of the catalogue's backups: its folder's name.
fn prefix(dir: &Path) -> String {
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "catalogue".into());
    format!("{name}-")
}

/// When a backup file of the catalogue at `dir` was written, from its name.
fn written_at(dir: &Path, name: &str) -> Option<DateTime<Local>> {
    let stamp = name.strip_prefix(&prefix(dir))?.strip_suffix(SUFFIX)?;
    let naive = NaiveDateTime::parse_from_str(stamp, STAMP).ok()?;
    Local.from_local_datetime(&naive).earliest()
}

/// The catalogue's backups, newest first.
pub(crate) fn list(cat: &Catalogue) -> Result<Vec<BackupInfo>> {
    list_in(cat.path())
}

pub(crate) fn list_in(dir: &Path) -> Result<Vec<BackupInfo>> {
    let folder = folder(dir);
    let Ok(read) = std::fs::read_dir(&folder) else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    for item in read.flatten() {
        let name = item.file_name().to_string_lossy().into_owned();
        let Some(at) = written_at(dir, &name) else {
            continue;
        };
        let bytes = item.metadata().map(|m| m.len()).unwrap_or(0);
        out.push(BackupInfo {
            file: name,
            folder: folder.to_string_lossy().into_owned(),
            at: at.format("%Y-%m-%dT%H:%M:%S").to_string(),
            bytes,
        });
    }
    out.sort_by(|a, b| b.at.cmp(&a.at));
    Ok(out)
}

/// Writes a backup now and prunes the old ones; answers what was written.
pub(crate) fn backup_now(cat: &Catalogue) -> Result<BackupInfo> {
    let generation = cat.generation();
    let bundle = cat.export()?;
    let text = serde_json::to_string_pretty(&bundle).expect("a bundle serialises");
    let folder = folder(cat.path());
    std::fs::create_dir_all(&folder).map_err(|e| Error::Io {
        action: "create the backups folder",
        path: folder.clone(),
        source: e,
    })?;
    let mut now = Local::now();
    let mut path;
    // Two backups within a second get the next second's name.
    loop {
        path = folder.join(format!(
            "{}{}{SUFFIX}",
            prefix(cat.path()),
            now.format(STAMP)
        ));
        if !path.exists() {
            break;
        }
        now += Duration::seconds(1);
    }
    kompis_sheet::write_atomically(&path, text.as_bytes())?;
    let last = cat.kept::<LastBackup>();
    last.generation.store(generation, Ordering::SeqCst);
    last.written.store(true, Ordering::SeqCst);
    prune(cat.path(), Local::now().date_naive())?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(BackupInfo {
        file: name,
        folder: folder.to_string_lossy().into_owned(),
        at: now.format("%Y-%m-%dT%H:%M:%S").to_string(),
        bytes: text.len() as u64,
    })
}

/// Writes a backup when none was written since the catalogue was opened, or
/// when it changed since the last one; answers it, or none.
pub(crate) fn backup_if_changed(cat: &Catalogue) -> Result<Option<BackupInfo>> {
    let last = cat.kept::<LastBackup>();
    let unchanged = last.written.load(Ordering::SeqCst)
        && last.generation.load(Ordering::SeqCst) == cat.generation();
    if unchanged {
        return Ok(None);
    }
    backup_now(cat).map(Some)
}

/// Deletes the backups the policy no longer keeps: all but the newest
/// [`KEEP_NEWEST`] and the newest of each of the last [`KEEP_DAYS`] days.
fn prune(dir: &Path, today: NaiveDate) -> Result<()> {
    let all = list_in(dir)?;
    let mut days_kept: Vec<NaiveDate> = Vec::new();
    for (i, b) in all.iter().enumerate() {
        let day = NaiveDate::parse_from_str(&b.at[..10], "%Y-%m-%d").unwrap_or(today);
        let recent = (today - day).num_days() < KEEP_DAYS;
        let first_of_day = !days_kept.contains(&day);
        if first_of_day {
            days_kept.push(day);
        }
        if i < KEEP_NEWEST || (recent && first_of_day) {
            continue;
        }
        let path = Path::new(&b.folder).join(&b.file);
        std::fs::remove_file(&path).map_err(|e| Error::Io {
            action: "prune the old backup",
            path,
            source: e,
        })?;
    }
    Ok(())
}

/// Checks the catalogue whole: every record reads, every reference
/// resolves, and the counts agree with what is read.
pub(crate) fn check(cat: &Catalogue) -> Result<CheckReport> {
    use crate::model::EntityKind;
    let mut problems = Vec::new();
    fn all<T>(what: &str, r: Result<Vec<T>>, problems: &mut Vec<String>) -> Vec<T> {
        r.unwrap_or_else(|e| {
            problems.push(format!("the {what} cannot be read: {e}"));
            Vec::new()
        })
    }
    let orgs = all("organisations", cat.organisations(), &mut problems);
    let people = all("people", cat.people(), &mut problems);
    let offers = all("offers", cat.offers(), &mut problems);
    let needs = all("needs", cat.needs(), &mut problems);
    let matches = all("matches", cat.match_records(), &mut problems);
    let counts = [
        ("organisations", EntityKind::Organisation, orgs.len()),
        ("people", EntityKind::Person, people.len()),
        ("offers", EntityKind::Offer, offers.len()),
        ("needs", EntityKind::Need, needs.len()),
    ];
    for (what, kind, n) in counts {
        match cat.count(kind) {
            Ok(listed) if listed as usize != n => problems.push(format!(
                "the catalogue counts {listed} {what} but {n} can be read"
            )),
            Ok(_) => {}
            Err(e) => problems.push(format!("the count of {what} cannot be read: {e}")),
        }
    }
    let has = |list: &[String], id: &str| list.iter().any(|x| x == id);
    let org_ids: Vec<String> = orgs.iter().map(|o| o.id.clone()).collect();
    let person_ids: Vec<String> = people.iter().map(|p| p.id.clone()).collect();
    let offer_ids: Vec<String> = offers.iter().map(|e| e.id.clone()).collect();
    let need_ids: Vec<String> = needs.iter().map(|e| e.id.clone()).collect();
    for p in &people {
        if let Some(o) = p.organisation.as_deref().filter(|o| !has(&org_ids, o)) {
            problems.push(format!(
                "person {} names organisation {o}, which is not there",
                p.id
            ));
        }
    }
    for (side, list) in [("offer", &offers), ("need", &needs)] {
        for e in list.iter() {
            if let Some(o) = e.organisation.as_deref().filter(|o| !has(&org_ids, o)) {
                problems.push(format!(
                    "{side} {} names organisation {o}, which is not there",
                    e.id
                ));
            }
            if let Some(c) = e.contact.as_deref().filter(|c| !has(&person_ids, c)) {
                problems.push(format!(
                    "{side} {} names contact {c}, who is not there",
                    e.id
                ));
            }
        }
    }
    let trashed = cat.trash().unwrap_or_default();
    let in_trash = |id: &str| trashed.iter().any(|t| t.id == id);
    for m in &matches {
        if !has(&need_ids, &m.need) && !in_trash(&m.need) {
            problems.push(format!(
                "match {}→{} names need {}, which is not there",
                m.need, m.offer, m.need
            ));
        }
        if !has(&offer_ids, &m.offer) && !in_trash(&m.offer) {
            problems.push(format!(
                "match {}→{} names offer {}, which is not there",
                m.need, m.offer, m.offer
            ));
        }
    }
    Ok(CheckReport {
        ok: problems.is_empty(),
        organisations: orgs.len() as u32,
        people: people.len() as u32,
        offers: offers.len() as u32,
        needs: needs.len() as u32,
        matches: matches.len() as u32,
        problems,
    })
}
