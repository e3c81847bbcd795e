//! Rolling backups: snapshots of the whole catalogue as a bundle (entities,
//! matches with their history and outcomes, the thesaurus), written
//! atomically into a `backups` folder beside the catalogue's folder, named
//! `<catalogue>-YYYYMMDD-HHMMSS.kompis.json`. Kompis writes one when the
//! app starts and again after changes (see [`backup_if_changed`]), and
//! prunes by itself: the newest [`KEEP_NEWEST`] stay, plus the newest of
//! each day for [`KEEP_DAYS`] days. Nothing else in the folder is touched.
//!
//! The coordinator may choose a second folder (a USB stick, a synced
//! folder), kept with the catalogue under `meta:backup-second`: every
//! backup is then written there too, by the same writer, and pruned by the
//! same rule. When that folder is missing or cannot be written, the backup
//! beside the catalogue still stands; the failure is kept as a sentence
//! ([`SecondCopy`]) for the settings to show, never an error.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

use chrono::{DateTime, Duration, Local, NaiveDate, NaiveDateTime, TimeZone};

use crate::catalogue::Catalogue;
use crate::error::{Error, Result};
use crate::keys;
use crate::wire::{BackupInfo, CheckReport, SecondCopy};

/// The newest backups always kept.
pub const KEEP_NEWEST: usize = 10;
/// Days for which the newest backup of each day is kept (the figure the
/// erasure of a person quotes).
pub const KEEP_DAYS: i64 = crate::model::privacy::BACKUP_KEEP_DAYS as i64;

const SUFFIX: &str = ".kompis.json";
const STAMP: &str = "%Y%m%d-%H%M%S";

/// The catalogue's write count when the last backup was written (kept for
/// as long as the catalogue is open), and how the last copy to the second
/// folder went.
#[derive(Default)]
struct LastBackup {
    generation: AtomicU64,
    written: std::sync::atomic::AtomicBool,
    second: Mutex<Option<SecondCopy>>,
}

/// Where the catalogue at `dir` keeps its backups: `backups/` beside it.
pub(crate) fn folder(dir: &Path) -> PathBuf {
    dir.parent()
        .unwrap_or_else(|| Path::new("."))
        .join("backups")
}

/// The second folder the coordinator chose for the backups, if any.
pub(crate) fn second_folder(cat: &Catalogue) -> Result<Option<PathBuf>> {
    Ok(cat
        .setting::<String>(keys::BACKUP_SECOND)?
        .filter(|s| !s.is_empty())
        .map(PathBuf::from))
}

/// Chooses (or, with none, forgets) the second folder; flushed. The last
/// copy's outcome is forgotten with it.
pub(crate) fn set_second_folder(cat: &Catalogue, second: Option<&Path>) -> Result<()> {
    match second {
        Some(f) => cat.put_setting(keys::BACKUP_SECOND, &f.to_string_lossy().into_owned())?,
        None => cat.remove_setting(keys::BACKUP_SECOND)?,
    }
    *lock(&cat.kept::<LastBackup>().second) = None;
    Ok(())
}

/// How the last backup to the second folder went (this session), if one
/// was tried.
pub(crate) fn second_copy(cat: &Catalogue) -> Option<SecondCopy> {
    lock(&cat.kept::<LastBackup>().second).clone()
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
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

/// The catalogue's backups in both folders, newest first (beside the
/// catalogue first when two have the same time).
pub(crate) fn list(cat: &Catalogue) -> Result<Vec<BackupInfo>> {
    let mut out = list_in(cat.path())?;
    if let Some(second) = second_folder(cat)? {
        out.extend(list_folder(cat.path(), &second, true));
        out.sort_by(|a, b| b.at.cmp(&a.at).then(a.second.cmp(&b.second)));
    }
    Ok(out)
}

/// The backups beside the catalogue at `dir`, newest first.
pub(crate) fn list_in(dir: &Path) -> Result<Vec<BackupInfo>> {
    Ok(list_folder(dir, &folder(dir), false))
}

/// The backups of the catalogue at `dir` in `folder`, newest first; a
/// folder that cannot be read has none.
fn list_folder(dir: &Path, folder: &Path, second: bool) -> Vec<BackupInfo> {
    let Ok(read) = std::fs::read_dir(folder) else {
        return Vec::new();
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
            second,
        });
    }
    out.sort_by(|a, b| b.at.cmp(&a.at));
    out
}

/// Writes a backup now beside the catalogue, and to the second folder when
/// one is chosen, and prunes the old ones in each; answers what was written
/// beside the catalogue. Only that one can fail the call: the second
/// folder's outcome is kept (see [`second_copy`]) and logged.
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
    let today = Local::now().date_naive();
    prune(cat.path(), &folder, today)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let at = now.format("%Y-%m-%dT%H:%M:%S").to_string();
    if let Some(second) = second_folder(cat)? {
        let failed = copy_to(cat.path(), &second, &name, &text, today).err();
        let copy = SecondCopy {
            folder: second.to_string_lossy().into_owned(),
            at: at.clone(),
            failed,
        };
        if let Some(reason) = &copy.failed {
            eprintln!(
                "kompis: the last backup to {} failed: {reason}",
                copy.folder
            );
        }
        *lock(&last.second) = Some(copy);
    }
    Ok(BackupInfo {
        file: name,
        folder: folder.to_string_lossy().into_owned(),
        at,
        bytes: text.len() as u64,
        second: false,
    })
}

/// Writes the backup `name` into the second folder and prunes it there;
/// or says, as a sentence, why it could not.
fn copy_to(
    dir: &Path,
    second: &Path,
    name: &str,
    text: &str,
    today: NaiveDate,
) -> std::result::Result<(), String> {
    // The folder is never made: a USB stick that is not plugged in leaves
    // its mount point missing, and a copy there would not be on the stick.
    if !second.is_dir() {
        return Err(
            "the folder is not there (is the USB stick or the synced folder connected?)".into(),
        );
    }
    kompis_sheet::write_atomically(&second.join(name), text.as_bytes())
        .map_err(|e| e.to_string())?;
    prune(dir, second, today).map_err(|e| e.to_string())
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

/// Deletes the backups of the catalogue at `dir` in `folder` the policy no
/// longer keeps: all but the newest [`KEEP_NEWEST`] and the newest of each
/// of the last [`KEEP_DAYS`] days.
fn prune(dir: &Path, folder: &Path, today: NaiveDate) -> Result<()> {
    let all = list_folder(dir, folder, false);
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
