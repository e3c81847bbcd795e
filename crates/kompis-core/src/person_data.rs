//! A person's data under GDPR: "Innsyn" (everything held about one person,
//! as JSON or a PDF), "Slett person" (erase them everywhere the catalogue
//! holds them) and the retention view (people to renew consent for or
//! erase). A note names a person when it holds their name as whole words,
//! in any case.

use std::path::Path;

use chrono::{Duration, Local, Months, Utc};
use serde_json::Value;

use crate::catalogue::{Catalogue, Trashed};
use crate::error::{Error, Result};
use crate::model::privacy::{
    ErasureSummary, PersonEntry, PersonExport, RetentionRow, BACKUP_KEEP_DAYS,
};
use crate::model::{EntityKind, Entry, MatchRecord, Person};
use crate::sheets::NETWORK_NAME;
use kompis_sheet::{PersonSheetInput, ReportSummary, SheetError, SheetLang};

/// What an erased person's name becomes in notes.
pub(crate) const ERASED: &str = "[slettet person]";

/// The longest retention period asked for (a century).
const MAX_MONTHS: u32 = 1_200;

/// Everything the catalogue holds about the person `id`.
pub(crate) fn export(cat: &Catalogue, id: &str) -> Result<PersonExport> {
    let person = cat.person(id)?;
    let organisation_name = person
        .organisation
        .as_deref()
        .and_then(|o| cat.organisation(o).ok())
        .map(|o| o.name);
    let mut entries = Vec::new();
    for kind in [EntityKind::Offer, EntityKind::Need] {
        for entry in cat.entries(kind)? {
            if entry.contact.as_deref() == Some(id) {
                entries.push(PersonEntry {
                    kind,
                    entry,
                    trashed: false,
                });
            }
        }
    }
    for t in cat.trash()? {
        if let Some(entry) = trashed_entry(&t).filter(|e| e.contact.as_deref() == Some(id)) {
            entries.push(PersonEntry {
                kind: t.kind,
                entry,
                trashed: true,
            });
        }
    }
    let matches = cat
        .match_records()?
        .into_iter()
        .filter(|m| names_in_match(m, &person.name))
        .collect();
    Ok(PersonExport {
        exported_at: Utc::now(),
        person,
        organisation_name,
        entries,
        matches,
    })
}

/// Write what the catalogue holds about `id` to `path`: `.json` as the
/// export itself, `.pdf` as a readable A4 sheet in `lang`; atomically.
pub(crate) fn write_export(
    cat: &Catalogue,
    id: &str,
    lang: SheetLang,
    path: &Path,
) -> Result<ReportSummary> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let export = export(cat, id)?;
    match ext.as_deref() {
        Some("json") => {
            let text = serde_json::to_string_pretty(&export).expect("an export serialises");
            kompis_sheet::write_atomically(path, text.as_bytes())?;
            Ok(ReportSummary {
                path: path.to_path_buf(),
                bytes: text.len() as u64,
                pages: None,
                warnings: Vec::new(),
            })
        }
        Some("pdf") => {
            let input = PersonSheetInput {
                network_name: NETWORK_NAME.into(),
                date: Local::now().date_naive(),
                lang,
                export,
            };
            Ok(kompis_sheet::write_person_sheet(&input, path)?)
        }
        _ => Err(SheetError::Invalid(format!(
            "{}: a person's data is written as .json or .pdf",
            path.display()
        ))
        .into()),
    }
}

/// Erase the person `id` everywhere: their record (live or in the trash),
/// their name in match notes, history notes and outcome notes, the
/// `contact` of entries (live and trashed); the caches are dropped.
pub(crate) fn erase(cat: &Catalogue, id: &str) -> Result<ErasureSummary> {
    let name = match cat.person(id) {
        Ok(p) => p.name,
        Err(Error::NotFound { .. }) => trashed_person(cat, id)?.name,
        Err(e) => return Err(e),
    };
    let mut entries = Vec::new();
    for kind in [EntityKind::Offer, EntityKind::Need] {
        for mut e in cat.entries(kind)? {
            if e.contact.as_deref() == Some(id) {
                e.contact = None;
                entries.push((kind, e));
            }
        }
    }
    let matches: Vec<MatchRecord> = cat
        .match_records()?
        .into_iter()
        .filter_map(|m| scrubbed_match(m, &name))
        .collect();
    let trash: Vec<Trashed> = cat
        .trash()?
        .into_iter()
        .filter_map(|mut t| {
            trashed_entry(&t).filter(|e| e.contact.as_deref() == Some(id))?;
            if let Value::Object(map) = &mut t.value {
                map.remove("contact");
            }
            Some(t)
        })
        .collect();
    cat.erase_person(id, &entries, &matches, &trash)?;
    let backups = backups_beside(cat);
    let pruned_by = Local::now().date_naive() + Duration::days(BACKUP_KEEP_DAYS.into());
    let message = format!(
        "Erased {id} from the catalogue: the person, the contact of {} entries and their \
         name in {} match records. Older backups ({backups} in backups/ beside the \
         catalogue) still hold them until they are pruned: backups are kept \
         {BACKUP_KEEP_DAYS} days; the last one holding this person is pruned by {}.",
        entries.len() + trash.len(),
        matches.len(),
        pruned_by.format("%Y-%m-%d"),
    );
    Ok(ErasureSummary {
        id: id.into(),
        entries: (entries.len() + trash.len()) as u32,
        matches: matches.len() as u32,
        backups,
        backups_pruned_by: pruned_by,
        message,
    })
}

/// People with no active entry and no change for `months` months, those
/// never changed first, then the oldest change first.
pub(crate) fn retention(cat: &Catalogue, months: u32) -> Result<Vec<RetentionRow>> {
    let now = Utc::now();
    let cutoff = now
        .checked_sub_months(Months::new(months.min(MAX_MONTHS)))
        .unwrap_or(now);
    let mut entries = cat.offers()?;
    entries.extend(cat.needs()?);
    let mut rows: Vec<RetentionRow> = cat
        .people()?
        .into_iter()
        .filter_map(|p| {
            let theirs: Vec<&Entry> = entries
                .iter()
                .filter(|e| e.contact.as_deref() == Some(p.id.as_str()))
                .collect();
            if theirs.iter().any(|e| e.is_active()) {
                return None;
            }
            let last_change = p
                .consent_history
                .iter()
                .map(|c| c.at)
                .chain(p.updated_at)
                .chain(theirs.iter().filter_map(|e| e.updated_at))
                .max();
            if last_change.is_some_and(|at| at >= cutoff) {
                return None;
            }
            Some(RetentionRow {
                id: p.id,
                name: p.name,
                organisation: p.organisation,
                consent: p.consent,
                last_change,
            })
        })
        .collect();
    rows.sort_by(|a, b| a.last_change.cmp(&b.last_change).then(a.id.cmp(&b.id)));
    Ok(rows)
}

/// A person in the trash only.
fn trashed_person(cat: &Catalogue, id: &str) -> Result<Person> {
    cat.trash()?
        .into_iter()
        .find(|t| t.kind == EntityKind::Person && t.id == id)
        .and_then(|t| serde_json::from_value(t.value).ok())
        .ok_or_else(|| Error::NotFound {
            entity: EntityKind::Person.word().into(),
            id: id.into(),
        })
}

/// A trashed offer or need, if `t` is one that decodes.
fn trashed_entry(t: &Trashed) -> Option<Entry> {
    matches!(t.kind, EntityKind::Offer | EntityKind::Need)
        .then(|| serde_json::from_value(t.value.clone()).ok())
        .flatten()
}

/// How many of the catalogue's backups there are (each may hold the person).
fn backups_beside(cat: &Catalogue) -> u32 {
    crate::backups::list(cat).map_or(0, |l| l.len() as u32)
}

/// Whether a match's note, history notes or outcome notes name `name`.
fn names_in_match(m: &MatchRecord, name: &str) -> bool {
    notes(m).any(|n| !name_spans(n, name).is_empty())
}

fn notes(m: &MatchRecord) -> impl Iterator<Item = &String> {
    m.note
        .iter()
        .chain(m.history.iter().filter_map(|h| h.note.as_ref()))
        .chain(m.outcomes.iter().filter_map(|o| o.note.as_ref()))
}

/// The match with `name` replaced by [`ERASED`] in every note, or none
/// when no note names them.
fn scrubbed_match(mut m: MatchRecord, name: &str) -> Option<MatchRecord> {
    if !names_in_match(&m, name) {
        return None;
    }
    let notes = m
        .note
        .iter_mut()
        .chain(m.history.iter_mut().filter_map(|h| h.note.as_mut()))
        .chain(m.outcomes.iter_mut().filter_map(|o| o.note.as_mut()));
    for n in notes {
        *n = replaced(n, name);
    }
    Some(m)
}

/// `text` with every mention of `name` replaced by [`ERASED`].
pub(crate) fn replaced(text: &str, name: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (start, end) in name_spans(text, name) {
        out.push_str(&text[at..start]);
        out.push_str(ERASED);
        at = end;
    }
    out.push_str(&text[at..]);
    out
}

/// The byte spans where `name` stands in `text` as whole words, compared
/// character by character in lower case (so "ØDEGÅRD" names "Ødegård");
/// runs of white space in the name match any white space.
fn name_spans(text: &str, name: &str) -> Vec<(usize, usize)> {
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.concat().chars().count() < 2 {
        return Vec::new();
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let word_char = |c: char| c.is_alphanumeric();
    let mut spans = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let boundary_before = i == 0 || !word_char(chars[i - 1].1);
        match boundary_before
            .then(|| match_at(&chars, i, &words))
            .flatten()
        {
            Some(j) if j == chars.len() || !word_char(chars[j].1) => {
                let end = chars.get(j).map_or(text.len(), |c| c.0);
                spans.push((chars[i].0, end));
                i = j;
            }
            _ => i += 1,
        }
    }
    spans
}

/// Where a match of `words` starting at `i` ends (a char index), if any.
fn match_at(chars: &[(usize, char)], mut i: usize, words: &[&str]) -> Option<usize> {
    for (n, word) in words.iter().enumerate() {
        if n > 0 {
            let from = i;
            while chars.get(i).is_some_and(|c| c.1.is_whitespace()) {
                i += 1;
            }
            if i == from {
                return None;
            }
        }
        for w in word.chars() {
            let c = chars.get(i)?.1;
            if !c.to_lowercase().eq(w.to_lowercase()) {
                return None;
            }
            i += 1;
        }
    }
    Some(i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_found_in_any_case_as_whole_words_only() {
        let text = "Ring KARI  ødegård i morgen; Karianne vet. kari Ødegård.";
        assert_eq!(
            replaced(text, "Kari Ødegård"),
            "Ring [slettet person] i morgen; Karianne vet. [slettet person]."
        );
        assert_eq!(replaced("Kari", "Kari"), ERASED);
        assert_eq!(replaced("x", ""), "x");
        assert_eq!(replaced("abc", "K"), "abc");
    }
}
