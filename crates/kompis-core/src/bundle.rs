//! Bundle v1: parsing with messages that name entity, id and field, and the
//! exported shape. See `../shared/formats/bundle-v1.md`.

use std::collections::HashSet;
use std::path::Path;

use chrono::{DateTime, Utc};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::error::{EntryProblem, Problem};
use crate::error::{Error, Result};
use crate::job_rules;
use crate::model::{EntityKind, Entry, JobSeeker, MatchRecord, Organisation, Person};
use crate::validate;

/// The `format` value of every bundle.
pub const FORMAT: &str = "kompis-bundle";
/// The bundle version this build reads and writes.
pub const VERSION: u64 = 1;

/// A whole bundle, typed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Bundle {
    pub format: String,
    pub version: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exported_at: Option<DateTime<Utc>>,
    #[serde(default)]
    pub organisations: Vec<Organisation>,
    #[serde(default)]
    pub people: Vec<Person>,
    #[serde(default)]
    pub offers: Vec<Entry>,
    #[serde(default)]
    pub needs: Vec<Entry>,
    #[serde(default)]
    pub matches: Vec<MatchRecord>,
    /// Kompis addition: the catalogue's concept groups, `[{"id", "terms"}]`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thesaurus: Option<Vec<kompis_match::ConceptGroup>>,
    /// Kompis addition: job seekers who consented to be registered (one
    /// without consent is never written, and refused on reading).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub job_seekers: Vec<JobSeeker>,
}

impl Bundle {
    /// An empty bundle with the right header.
    pub fn new() -> Self {
        Bundle {
            format: FORMAT.into(),
            version: VERSION,
            ..Default::default()
        }
    }
}

/// The largest bundle file read, in MiB (a catalogue of 20,000 offers with
/// their history is far smaller).
pub const MAX_FILE_MB: u64 = 256;

/// Read a bundle file and check it against the format (not yet against a
/// catalogue's references). A file larger than [`MAX_FILE_MB`] is refused
/// before it is read; UTF-8 (with or without BOM) and UTF-16 with a BOM
/// are read, other bytes refused.
pub fn read_file(path: &Path) -> Result<Bundle> {
    let io = |source| Error::Io {
        action: "read",
        path: path.to_path_buf(),
        source,
    };
    let bad = |reason: String| Error::BadBundle {
        path: path.to_path_buf(),
        reason,
    };
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > MAX_FILE_MB * 1024 * 1024 {
        return Err(bad(format!(
            "it is {} MB; Kompis reads bundles of at most {MAX_FILE_MB} MB",
            size / (1024 * 1024)
        )));
    }
    let bytes = std::fs::read(path).map_err(io)?;
    let text = text_of(bytes).map_err(|reason| bad(reason.into()))?;
    parse(&text).map_err(|e| match e {
        Error::BadBundle { reason, .. } => Error::BadBundle {
            path: path.to_path_buf(),
            reason,
        },
        other => other,
    })
}

/// The text of a bundle's bytes: UTF-8 (a BOM dropped), or UTF-16 with its BOM.
fn text_of(bytes: Vec<u8>) -> std::result::Result<String, &'static str> {
    let utf16 = |be: bool| {
        let units = bytes[2..].chunks(2).map(|c| match (c, be) {
            ([a, b], true) => u16::from_be_bytes([*a, *b]),
            ([a, b], false) => u16::from_le_bytes([*a, *b]),
            _ => 0xFFFD,
        });
        char::decode_utf16(units)
            .collect::<std::result::Result<String, _>>()
            .map_err(|_| "it is UTF-16 text with broken characters; save it as UTF-8")
    };
    if bytes.starts_with(b"\xFF\xFE") {
        return utf16(false);
    }
    if bytes.starts_with(b"\xFE\xFF") {
        return utf16(true);
    }
    let skip = if bytes.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    let mut bytes = bytes;
    bytes.drain(..skip);
    String::from_utf8(bytes).map_err(|_| "it is not UTF-8 text (a Kompis bundle is JSON in UTF-8)")
}

/// Parse bundle text; errors name the entity, its id and the field.
pub fn parse(text: &str) -> Result<Bundle> {
    let bad = |reason: String| Error::BadBundle {
        path: "the bundle".into(),
        reason,
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let root: Value = serde_json::from_str(text).map_err(|e| {
        bad(format!(
            "not valid JSON (line {}, column {})",
            e.line(),
            e.column()
        ))
    })?;
    let obj = root
        .as_object()
        .ok_or_else(|| bad("the top level is not a JSON object".into()))?;
    match obj.get("format") {
        Some(Value::String(f)) if f == FORMAT => {}
        other => {
            return Err(bad(format!(
                "`format` must be \"{FORMAT}\", got {}",
                show(other)
            )))
        }
    }
    match obj.get("version") {
        Some(Value::Number(n)) if n.as_u64() == Some(VERSION) => {}
        other => {
            // A small version number is named (a bundle from a newer Kompis).
            let found = match other.and_then(Value::as_u64).filter(|v| *v < 1000) {
                Some(v) => v.to_string(),
                None => show(other),
            };
            return Err(bad(format!("`version` must be {VERSION}, got {found}")));
        }
    }
    let exported_at = match obj.get("exported_at") {
        None | Some(Value::Null) => None,
        Some(v) => Some(serde_json::from_value(v.clone()).map_err(|_| {
            bad(format!(
                "`exported_at` must be an RFC 3339 time, got {}",
                kind_of(v)
            ))
        })?),
    };
    let mut problems = Problems::default();
    let mut b = Bundle {
        format: FORMAT.into(),
        version: VERSION,
        exported_at,
        organisations: list(
            obj,
            "organisations",
            EntityKind::Organisation.word(),
            &mut problems,
        )?,
        people: list(obj, "people", EntityKind::Person.word(), &mut problems)?,
        offers: list(obj, "offers", EntityKind::Offer.word(), &mut problems)?,
        needs: list(obj, "needs", EntityKind::Need.word(), &mut problems)?,
        job_seekers: list(obj, "job_seekers", job_rules::SEEKER, &mut problems)?,
        matches: Vec::new(),
        thesaurus: match obj.get("thesaurus") {
            None | Some(Value::Null) => None,
            Some(v) => Some(serde_path_to_error::deserialize(v).map_err(|e| {
                bad(format!(
                    "`thesaurus` at {}: {}",
                    e.path(),
                    unquoted(&e.inner().to_string())
                ))
            })?),
        },
    };
    b.matches = matches(obj, &mut problems)?;
    clean(&mut b);
    if let Some(groups) = &b.thesaurus {
        problems.note(validate::thesaurus(groups), None);
    }
    for o in &b.organisations {
        problems.note(validate::organisation(o), Some(&o.name));
    }
    for p in &b.people {
        problems.note(validate::person(p), Some(&p.name));
    }
    for e in &b.offers {
        problems.note(validate::entry(EntityKind::Offer, e), Some(&e.title));
        problems.note(job_rules::vacancy(EntityKind::Offer, e), Some(&e.title));
    }
    for e in &b.needs {
        problems.note(validate::entry(EntityKind::Need, e), Some(&e.title));
        problems.note(job_rules::vacancy(EntityKind::Need, e), Some(&e.title));
    }
    for s in &b.job_seekers {
        // Named by id only: a refused seeker's name is not repeated.
        problems.note(job_rules::seeker(s), None);
    }
    for m in &b.matches {
        problems.note(validate::match_record(m), None);
    }
    problems.into_result()?;
    unique(
        EntityKind::Organisation,
        b.organisations.iter().map(|o| &o.id),
    )?;
    unique(EntityKind::Person, b.people.iter().map(|p| &p.id))?;
    unique(EntityKind::Offer, b.offers.iter().map(|e| &e.id))?;
    unique(EntityKind::Need, b.needs.iter().map(|e| &e.id))?;
    unique_ids(job_rules::SEEKER, b.job_seekers.iter().map(|s| &s.id))?;
    Ok(b)
}

/// Control characters and bidirectional overrides out of every text
/// ([`validate::clean_entry`]), before the texts are checked.
fn clean(b: &mut Bundle) {
    b.organisations
        .iter_mut()
        .for_each(validate::clean_organisation);
    b.people.iter_mut().for_each(validate::clean_person);
    b.offers.iter_mut().for_each(validate::clean_entry);
    b.needs.iter_mut().for_each(validate::clean_entry);
    b.matches.iter_mut().for_each(validate::clean_match);
}

fn show(v: Option<&Value>) -> String {
    v.map_or_else(|| "nothing".to_string(), |v| kind_of(v).to_string())
}

/// What a value is, without what it says: errors that may reach the
/// window never carry a file's contents.
fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "a text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// serde's message with the value it found taken out: "unknown variant
/// `x`, expected one of `a`, `b`" → "unknown value, expected one of `a`,
/// `b`"; "invalid type: string \"x\", expected u32" → "invalid type:
/// a text, expected u32".
fn unquoted(message: &str) -> String {
    let message = message.split(" at line ").next().unwrap_or(message);
    for (lead, word) in [
        ("unknown variant `", "unknown value"),
        ("unknown field `", "unknown field"),
    ] {
        if let Some(rest) = message.strip_prefix(lead) {
            let after = rest.find('`').map_or("", |i| &rest[i + 1..]);
            return format!("{word}{after}");
        }
    }
    if let Some(rest) = message.strip_prefix("invalid type: string \"") {
        let after = rest.find("\",").map_or("", |i| &rest[i + 1..]);
        return format!("invalid type: a text{after}");
    }
    if let Some(rest) = message.strip_prefix("invalid value: string \"") {
        let after = rest.find("\",").map_or("", |i| &rest[i + 1..]);
        return format!("invalid value: a text{after}");
    }
    message.to_string()
}

fn unique<'a>(kind: EntityKind, ids: impl Iterator<Item = &'a String>) -> Result<()> {
    unique_ids(kind.word(), ids)
}

fn unique_ids<'a>(word: &str, ids: impl Iterator<Item = &'a String>) -> Result<()> {
    let mut seen = HashSet::new();
    for id in ids {
        if !seen.insert(id) {
            return Err(Error::invalid(
                word,
                id,
                "id",
                "appears more than once in the bundle",
            ));
        }
    }
    Ok(())
}

fn list<T: DeserializeOwned>(
    obj: &serde_json::Map<String, Value>,
    key: &str,
    word: &str,
    problems: &mut Problems,
) -> Result<Vec<T>> {
    let items = match obj.get(key) {
        None | Some(Value::Null) => return Ok(Vec::new()),
        Some(Value::Array(items)) => items,
        Some(other) => {
            return Err(Error::BadBundle {
                path: "the bundle".into(),
                reason: format!("`{key}` must be a list, got {}", kind_of(other)),
            })
        }
    };
    Ok(items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| {
            // An id is named only when it looks like one (short, no spaces).
            let id = item
                .get("id")
                .and_then(Value::as_str)
                .filter(|id| id.len() <= 64 && !id.contains(char::is_whitespace))
                .map_or_else(|| format!("#{}", i + 1), str::to_string);
            let label = ["title", "name"]
                .iter()
                .find_map(|k| item.get(*k).and_then(Value::as_str));
            problems.keep(typed(item, word, &id), label)
        })
        .collect())
}

fn matches(
    obj: &serde_json::Map<String, Value>,
    problems: &mut Problems,
) -> Result<Vec<MatchRecord>> {
    let Some(Value::Array(items)) = obj.get("matches") else {
        return match obj.get("matches") {
            None | Some(Value::Null) => Ok(Vec::new()),
            Some(other) => Err(Error::BadBundle {
                path: "the bundle".into(),
                reason: format!("`matches` must be a list, got {}", kind_of(other)),
            }),
        };
    };
    Ok(items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| {
            let pair = match (
                item.get("need").and_then(Value::as_str),
                item.get("offer").and_then(Value::as_str),
            ) {
                (Some(n), Some(o)) if n.len() + o.len() <= 128 => format!("{n}→{o}"),
                _ => format!("#{}", i + 1),
            };
            problems.keep(typed(item, "match", &pair), None)
        })
        .collect())
}

/// Decode one entity, naming the field that failed and the value found.
fn typed<T: DeserializeOwned>(item: &Value, entity: &str, id: &str) -> Result<T> {
    if !item.is_object() {
        return Err(Error::invalid(
            entity,
            id,
            "(entity)",
            format!("expected an object, got {}", kind_of(item)),
        ));
    }
    serde_path_to_error::deserialize::<_, T>(item).map_err(|e| {
        let field = e.path().to_string();
        let found = pointer(item, &field)
            .map(|v| format!(", got {}", kind_of(v)))
            .unwrap_or_default();
        let inner = e.into_inner().to_string();
        let problem: Problem = if field == "deadline" {
            Problem::BundleDate { found }
        } else if field.ends_with("_at") {
            Problem::BundleTime { found }
        } else {
            let inner = unquoted(&inner);
            if inner.contains("a text") || inner.contains("unknown") {
                inner.into()
            } else {
                format!("{inner}{found}").into()
            }
        };
        let field = if field == "." {
            "(entity)".to_string()
        } else {
            field
        };
        Error::invalid(entity, id, field, problem)
    })
}

/// Find the value at a serde_path_to_error path like `keywords[2]`.
fn pointer<'a>(item: &'a Value, path: &str) -> Option<&'a Value> {
    let mut cur = item;
    for part in path.split('.') {
        let (name, index) = match part.split_once('[') {
            Some((n, rest)) => (n, rest.trim_end_matches(']').parse::<usize>().ok()),
            None => (part, None),
        };
        if !name.is_empty() {
            cur = cur.get(name)?;
        }
        if let Some(i) = index {
            cur = cur.get(i)?;
        }
    }
    Some(cur)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_deadline_names_need_id_and_field() {
        let text = r#"{"format":"kompis-bundle","version":1,
            "needs":[{"id":"n-17","title":"X","kind":"expertise","deadline":"31.02.2027"}]}"#;
        let err = parse(text).unwrap_err().to_string();
        assert_eq!(
            err,
            "need n-17: field `deadline`: expected a date YYYY-MM-DD, got a text"
        );
    }

    #[test]
    fn unknown_kind_names_the_vocabulary() {
        let text = r#"{"format":"kompis-bundle","version":1,
            "organisations":[{"id":"org-a","name":"A","kind":"factory"}]}"#;
        let err = parse(text).unwrap_err().to_string();
        assert!(
            err.starts_with("organisation org-a: field `kind`: unknown value, expected one of"),
            "{err}"
        );
        assert!(err.contains("company"), "{err}");
    }

    #[test]
    fn wrong_version_is_refused() {
        let err = parse(r#"{"format":"kompis-bundle","version":2}"#).unwrap_err();
        assert!(
            err.to_string().contains("`version` must be 1, got 2"),
            "{err}"
        );
    }

    #[test]
    fn duplicate_ids_are_refused() {
        let text = r#"{"format":"kompis-bundle","version":1,
            "offers":[{"id":"o-1","title":"A","kind":"training"},{"id":"o-1","title":"B","kind":"training"}]}"#;
        let err = parse(text).unwrap_err().to_string();
        assert_eq!(
            err,
            "offer o-1: field `id`: appears more than once in the bundle"
        );
    }
}

/// The problems of a bundle's entities, gathered so that all of them (the
/// first [`MAX_NAMED`]) are named at once, not only the first.
#[derive(Default)]
struct Problems {
    named: Vec<EntryProblem>,
    more: usize,
}

/// How many problems a refused bundle names.
const MAX_NAMED: usize = 20;

impl Problems {
    /// The value, or `None` with its problem kept.
    fn keep<T>(&mut self, result: Result<T>, label: Option<&str>) -> Option<T> {
        match result {
            Ok(v) => Some(v),
            Err(e) => {
                self.push(e, label);
                None
            }
        }
    }

    /// Keeps the problem of a check, if any.
    fn note(&mut self, result: Result<()>, label: Option<&str>) {
        if let Err(e) = result {
            self.push(e, label);
        }
    }

    fn push(&mut self, e: Error, label: Option<&str>) {
        if self.named.len() >= MAX_NAMED {
            self.more += 1;
            return;
        }
        let Error::Invalid {
            entity,
            id,
            field,
            problem,
        } = e
        else {
            self.named.push(EntryProblem {
                entity: "bundle".into(),
                id: String::new(),
                label: None,
                field: String::new(),
                problem: e.to_string().into(),
            });
            return;
        };
        self.named.push(EntryProblem {
            entity,
            id,
            label: label.map(|l| l.chars().take(120).collect()),
            field,
            problem: *problem,
        });
    }

    /// Refuses the bundle when any entity has a problem.
    fn into_result(self) -> Result<()> {
        if self.named.is_empty() {
            Ok(())
        } else {
            Err(Error::Entries {
                problems: self.named,
                more: self.more,
            })
        }
    }
}
