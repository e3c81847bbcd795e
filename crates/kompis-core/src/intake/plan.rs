//! What an intake would do, row by row: each organisation, person and
//! entry a row names is found (by hidden id, name, title) or made new, its
//! fields compared with what the catalogue holds, checked by the core's
//! validation, and flagged when it looks like one already there.

use chrono::Utc;
use kompis_intake::values::org_kind_from_name;
use kompis_intake::{EntryValues, OrgValues, PersonValues, Record};
use serde::Serialize;
use serde_json::Value;

use super::known::Known;
use crate::catalogue::Catalogue;
use crate::error::{Error, Problem};
use crate::model::{EntityKind, Entry, EntryKind, Organisation, Person};
use crate::validate;
use crate::wire::{CellProblem, FieldChanges, IntakeAction, IntakeRow};

/// An entity to write when the intake is applied.
#[derive(Debug, Clone)]
pub enum Write {
    Organisation(Organisation),
    Person(Person),
    Entry(EntityKind, Entry),
}

impl Write {
    /// What a new entity brings, field by field as `[null, new]` (no id or
    /// times): how the review shows a new row.
    fn fields(&self) -> FieldChanges {
        let value = match self {
            Write::Organisation(o) => serde_json::to_value(o),
            Write::Person(p) => serde_json::to_value(p),
            Write::Entry(_, e) => serde_json::to_value(e),
        };
        let Ok(Value::Object(fields)) = value else {
            return FieldChanges::new();
        };
        fields
            .iter()
            .filter(|(k, _)| *k != "id" && !k.ends_with("_at"))
            .filter_map(|(k, v)| shown(Some(v)).map(|s| (k.clone(), (None, Some(s)))))
            .collect()
    }
}

/// One line of the review, and what applying it writes.
#[derive(Debug, Clone)]
pub struct Item {
    pub row: IntakeRow,
    pub write: Option<Write>,
}

/// A problem that makes a whole row an error: the column and what is wrong.
struct RowError {
    column: String,
    what: Problem,
}

type Found<T> = std::result::Result<T, RowError>;

/// The items of one row, or the row's error.
pub struct RowPlanner<'a> {
    pub cat: &'a Catalogue,
    pub known: &'a mut Known,
    pub skip_duplicates: bool,
}

impl RowPlanner<'_> {
    /// Plan one record: its items, or one error item naming sheet, row and
    /// column. Nothing of a row with an error is kept.
    pub fn plan(&mut self, rec: &Record) -> Vec<Item> {
        let error = |problems: Vec<CellProblem>| {
            let mut message = format!("Sheet {}, row {}", rec.sheet, rec.row);
            for (i, p) in problems.iter().enumerate() {
                let sep = if i == 0 { "," } else { ";" };
                message.push_str(&format!("{sep} column {}: {}", p.column, p.problem));
            }
            let mut line = row(rec, rec.target, IntakeAction::Error).message(message);
            line.problems = problems;
            vec![Item {
                row: line,
                write: None,
            }]
        };
        if !rec.problems.is_empty() {
            return error(
                rec.problems
                    .iter()
                    .map(|p| CellProblem {
                        column: p.column.clone(),
                        problem: p.what.clone(),
                    })
                    .collect(),
            );
        }
        let mut pending = Pending::default();
        match self.row_items(rec, &mut pending) {
            Ok(items) => {
                pending.commit(self.known, rec);
                items
            }
            Err(e) => error(vec![CellProblem {
                column: e.column,
                problem: e.what,
            }]),
        }
    }

    fn row_items(&mut self, rec: &Record, pending: &mut Pending) -> Found<Vec<Item>> {
        let mut items = Vec::new();
        let org = match &rec.organisation {
            Some(ov) => self.organisation(rec, ov, pending, &mut items)?,
            None => None,
        };
        if rec.target == EntityKind::Organisation && org.is_none() {
            return Err(RowError {
                column: rec.column("organisation", "name"),
                what: Problem::NameMissing {
                    entity: EntityKind::Organisation,
                },
            });
        }
        let person = match &rec.person {
            Some(pv) => self.person(rec, pv, org.as_deref(), pending, &mut items)?,
            None => None,
        };
        if rec.target == EntityKind::Person && person.is_none() {
            return Err(RowError {
                column: rec.column("person", "name"),
                what: Problem::NameMissing {
                    entity: EntityKind::Person,
                },
            });
        }
        if let Some(ev) = &rec.entry {
            self.entry(rec, ev, org, person, pending, &mut items)?;
        }
        Ok(items)
    }

    fn organisation(
        &mut self,
        rec: &Record,
        ov: &OrgValues,
        pending: &mut Pending,
        items: &mut Vec<Item>,
    ) -> Found<Option<String>> {
        let own = rec.target == EntityKind::Organisation;
        let kind = EntityKind::Organisation;
        let found = if let Some(id) = &ov.id {
            Some(self.by_id(rec, kind, id, self.known.orgs.get(id).cloned())?)
        } else if let Some(name) = &ov.name {
            self.known.org_named(name).cloned()
        } else if let Some(n) = &ov.org_number {
            self.known.org_numbered(n).cloned()
        } else {
            return Ok(None);
        };
        if let Some(old) = found {
            let mut new = old.clone();
            // A row that only names the organisation fills, never clears.
            let given = |f: &&str| match *f {
                "org_number" => ov.org_number.is_some(),
                "municipality" => ov.municipality.is_some(),
                "website" => ov.website.is_some(),
                "notes" => ov.notes.is_some(),
                _ => true,
            };
            for f in ov.present.iter().filter(|f| own || given(f)) {
                match *f {
                    "name" if ov.id.is_some() => {
                        new.name = ov.name.clone().unwrap_or_default();
                    }
                    "org_number" => new.org_number = ov.org_number.clone(),
                    "municipality" => new.municipality = ov.municipality.clone(),
                    "website" => new.website = ov.website.clone(),
                    "notes" => new.notes = ov.notes.clone(),
                    _ => {}
                }
            }
            check(rec, "organisation", validate::organisation(&new))?;
            self.compare(rec, kind, own, &old, &new, old.id.clone(), items, |n| {
                Write::Organisation(n.clone())
            });
            return Ok(Some(old.id));
        }
        let Some(name) = ov.name.clone() else {
            return Err(RowError {
                column: rec.column("organisation", "org_number"),
                what: Problem::UnknownOrgNumber {
                    number: ov.org_number.clone().unwrap_or_default(),
                },
            });
        };
        let id = self.fresh_id(kind)?;
        let new = Organisation {
            id: id.clone(),
            kind: org_kind_from_name(&name),
            name,
            municipality: ov.municipality.clone(),
            org_number: ov.org_number.clone(),
            website: ov.website.clone(),
            member: None,
            in_report: None,
            notes: ov.notes.clone(),
        };
        check(rec, "organisation", validate::organisation(&new))?;
        let duplicate = ov
            .org_number
            .as_deref()
            .and_then(|n| self.known.org_numbered(n))
            .map(|o| {
                (
                    o.id.clone(),
                    Problem::SameOrgNumber {
                        id: o.id.clone(),
                        name: o.name.clone(),
                    },
                )
            });
        let used = self.new_item(
            rec,
            kind,
            duplicate,
            Write::Organisation(new.clone()),
            items,
        );
        pending.orgs.push(new);
        Ok(Some(used.unwrap_or(id)))
    }

    fn person(
        &mut self,
        rec: &Record,
        pv: &PersonValues,
        org: Option<&str>,
        pending: &mut Pending,
        items: &mut Vec<Item>,
    ) -> Found<Option<String>> {
        let own = rec.target == EntityKind::Person;
        let kind = EntityKind::Person;
        let found = if let Some(id) = &pv.id {
            Some(self.by_id(rec, kind, id, self.known.people.get(id).cloned())?)
        } else if let Some(name) = &pv.name {
            self.known.person_named(name, org).cloned()
        } else if let Some(e) = &pv.email {
            self.known.person_by_email(e).cloned()
        } else {
            return Ok(None);
        };
        if let Some(old) = found {
            let mut new = old.clone();
            // A row that only names the person fills, never clears.
            let given = |f: &&str| match *f {
                "email" => pv.email.is_some(),
                "phone" => pv.phone.is_some(),
                "role" => pv.role.is_some(),
                "consent" => pv.consent.is_some(),
                "notes" => pv.notes.is_some(),
                _ => true,
            };
            for f in pv.present.iter().filter(|f| own || given(f)) {
                match *f {
                    "name" if pv.id.is_some() => new.name = pv.name.clone().unwrap_or_default(),
                    "email" => new.email = pv.email.clone(),
                    "phone" => new.phone = pv.phone.clone(),
                    "role" => new.role = pv.role.clone(),
                    "consent" => new.consent = pv.consent,
                    "notes" => new.notes = pv.notes.clone(),
                    _ => {}
                }
            }
            if own && new.organisation.is_none() {
                new.organisation = org.map(str::to_string);
            }
            check(rec, "person", validate::person(&new))?;
            self.compare(rec, kind, own, &old, &new, old.id.clone(), items, |n| {
                Write::Person(n.clone())
            });
            return Ok(Some(old.id));
        }
        let Some(name) = pv.name.clone() else {
            return Err(RowError {
                column: rec.column("person", "email"),
                what: Problem::UnknownEmail,
            });
        };
        let id = self.fresh_id(kind)?;
        let new = Person {
            id: id.clone(),
            name,
            email: pv.email.clone(),
            phone: pv.phone.clone(),
            organisation: org.map(str::to_string),
            role: pv.role.clone(),
            consent: pv.consent,
            notes: pv.notes.clone(),
            ..Default::default()
        };
        check(rec, "person", validate::person(&new))?;
        let duplicate = pv
            .email
            .as_deref()
            .and_then(|e| self.known.person_by_email(e))
            .map(|p| {
                (
                    p.id.clone(),
                    Problem::SameEmail {
                        id: p.id.clone(),
                        name: p.name.clone(),
                    },
                )
            });
        let used = self.new_item(rec, kind, duplicate, Write::Person(new.clone()), items);
        pending.people.push(new);
        Ok(Some(used.unwrap_or(id)))
    }

    fn entry(
        &mut self,
        rec: &Record,
        ev: &EntryValues,
        org: Option<String>,
        person: Option<String>,
        pending: &mut Pending,
        items: &mut Vec<Item>,
    ) -> Found<()> {
        let kind = rec.target;
        let found = match &ev.id {
            Some(id) => Some(self.by_id(
                rec,
                kind,
                id,
                self.known.entries.get(&(kind, id.clone())).cloned(),
            )?),
            None => ev
                .title
                .as_deref()
                .and_then(|t| self.known.entry_titled(kind, org.as_deref(), t))
                .cloned(),
        };
        let now = Utc::now();
        if let Some(old) = found {
            if let Some((sheet, first)) = self.known.created.get(&(kind, old.id.clone())) {
                let repeats = Problem::Repeats {
                    entity: kind,
                    sheet: sheet.clone(),
                    row: *first,
                };
                let mut line = row(rec, kind, IntakeAction::Duplicate).message(repeats.to_string());
                line.problems = vec![CellProblem {
                    column: String::new(),
                    problem: repeats,
                }];
                items.push(Item {
                    row: line,
                    write: None,
                });
                return Ok(());
            }
            let mut new = old.clone();
            overlay(&mut new, ev);
            if rec.columns.contains_key("person.name") {
                new.contact = person.or(new.contact);
            }
            if new.organisation.is_none() {
                new.organisation = org;
            }
            check(rec, "entry", validate::entry(kind, &new))?;
            self.compare(rec, kind, true, &old, &new, old.id.clone(), items, |n| {
                let mut n = n.clone();
                n.updated_at = Some(now);
                Write::Entry(kind, n)
            });
            return Ok(());
        }
        let mut new = Entry {
            id: self.fresh_id(kind)?,
            title: String::new(),
            kind: EntryKind::Expertise,
            description: None,
            keywords: Vec::new(),
            organisation: org.clone(),
            contact: person,
            language: None,
            created_at: Some(now),
            updated_at: Some(now),
            active: None,
            deadline: None,
            vacancy: None,
        };
        overlay(&mut new, ev);
        check(rec, "entry", validate::entry(kind, &new))?;
        let duplicate = self
            .known
            .entry_near(kind, org.as_deref(), &new.title)
            .map(|e| {
                (
                    e.id.clone(),
                    Problem::NearTitle {
                        entity: kind,
                        id: e.id.clone(),
                        title: e.title.clone(),
                    },
                )
            });
        self.new_item(rec, kind, duplicate, Write::Entry(kind, new.clone()), items);
        pending.entries.push((kind, new));
        Ok(())
    }

    fn fresh_id(&mut self, kind: EntityKind) -> Found<String> {
        self.known.fresh_id(self.cat, kind).map_err(|e| RowError {
            column: String::new(),
            what: e.to_string().into(),
        })
    }

    fn by_id<T>(&self, rec: &Record, kind: EntityKind, id: &str, found: Option<T>) -> Found<T> {
        found.ok_or_else(|| RowError {
            column: rec.column(entity_word(kind), "id"),
            what: Problem::UnknownId {
                entity: kind,
                id: id.to_string(),
            },
        })
    }

    /// An item for a found entity: changed (field by field) or unchanged;
    /// a found entity the row only names gets no item.
    #[allow(clippy::too_many_arguments)]
    fn compare<T: Serialize + PartialEq>(
        &self,
        rec: &Record,
        kind: EntityKind,
        own: bool,
        old: &T,
        new: &T,
        id: String,
        items: &mut Vec<Item>,
        write: impl Fn(&T) -> Write,
    ) {
        let changes = if old == new {
            FieldChanges::new()
        } else {
            changes(old, new)
        };
        if changes.is_empty() {
            if own {
                items.push(Item {
                    row: row(rec, kind, IntakeAction::Unchanged).id(id),
                    write: None,
                });
            }
            return;
        }
        let mut r = row(rec, kind, IntakeAction::Changed).id(id);
        r.changes = Some(changes);
        items.push(Item {
            row: r,
            write: Some(write(new)),
        });
    }

    /// An item for a new entity, or a probable duplicate of one; answers
    /// the id references should use when the duplicate is skipped.
    fn new_item(
        &self,
        rec: &Record,
        kind: EntityKind,
        duplicate: Option<(String, Problem)>,
        write: Write,
        items: &mut Vec<Item>,
    ) -> Option<String> {
        let brings = Some(write.fields()).filter(|f| !f.is_empty());
        match duplicate {
            Some((of, why)) => {
                let mut r = row(rec, kind, IntakeAction::Duplicate)
                    .message(format!("Probably a duplicate: {why}."));
                r.problems = vec![CellProblem {
                    column: String::new(),
                    problem: why,
                }];
                r.duplicate_of = Some(of.clone());
                r.changes = brings;
                items.push(Item {
                    row: r,
                    write: (!self.skip_duplicates).then_some(write),
                });
                self.skip_duplicates.then_some(of)
            }
            None => {
                let mut r = row(rec, kind, IntakeAction::New);
                r.changes = brings;
                items.push(Item {
                    row: r,
                    write: Some(write),
                });
                None
            }
        }
    }
}

/// The entities a row adds, known to later rows only once the row is sound.
#[derive(Default)]
struct Pending {
    orgs: Vec<Organisation>,
    people: Vec<Person>,
    entries: Vec<(EntityKind, Entry)>,
}

impl Pending {
    fn commit(self, known: &mut Known, rec: &Record) {
        let at = (rec.sheet.clone(), rec.row);
        for o in self.orgs {
            known
                .created
                .insert((EntityKind::Organisation, o.id.clone()), at.clone());
            known.add_org(o);
        }
        for p in self.people {
            known
                .created
                .insert((EntityKind::Person, p.id.clone()), at.clone());
            known.add_person(p);
        }
        for (kind, e) in self.entries {
            known.created.insert((kind, e.id.clone()), at.clone());
            known.add_entry(kind, e);
        }
    }
}

/// The row's fields onto an entry: only those whose columns the sheet has.
fn overlay(e: &mut Entry, ev: &EntryValues) {
    for f in &ev.present {
        match *f {
            "title" => e.title = ev.title.clone().unwrap_or_default(),
            "kind" => e.kind = ev.kind.unwrap_or(e.kind),
            "description" => e.description = ev.description.clone(),
            "keywords" => e.keywords = ev.keywords.clone(),
            "deadline" => e.deadline = ev.deadline,
            "language" => e.language = ev.language,
            "active" => e.active = ev.active,
            _ => {}
        }
    }
}

/// The core's validation of a built entity, as the row's error naming the
/// column the field came from.
fn check(rec: &Record, entity: &str, result: crate::error::Result<()>) -> Found<()> {
    match result {
        Ok(()) => Ok(()),
        Err(Error::Invalid { field, problem, .. }) => Err(RowError {
            column: rec.column(entity, &field),
            what: *problem,
        }),
        Err(other) => Err(RowError {
            column: String::new(),
            what: other.to_string().into(),
        }),
    }
}

fn entity_word(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Offer | EntityKind::Need => "entry",
        other => other.word(),
    }
}

/// A review row for a record.
fn row(rec: &Record, entity: EntityKind, action: IntakeAction) -> IntakeRow {
    IntakeRow::new(&rec.sheet, rec.row, action, entity)
}

/// Field by field, what differs between two versions of an entity
/// (times left out), each side as a person reads it.
pub fn changes<T: Serialize>(old: &T, new: &T) -> FieldChanges {
    let (Ok(Value::Object(a)), Ok(Value::Object(b))) =
        (serde_json::to_value(old), serde_json::to_value(new))
    else {
        return FieldChanges::new();
    };
    let mut keys: Vec<&String> = a.keys().chain(b.keys()).collect();
    keys.sort();
    keys.dedup();
    keys.into_iter()
        .filter(|k| !k.ends_with("_at"))
        .filter_map(|k| {
            let (x, y) = (shown(a.get(k)), shown(b.get(k)));
            (x != y).then(|| (k.clone(), (x, y)))
        })
        .collect()
}

/// A JSON value as text: strings as they are, lists joined by commas.
fn shown(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        Value::Array(items) if items.is_empty() => None,
        Value::Array(items) => Some(
            items
                .iter()
                .map(|i| shown(Some(i)).unwrap_or_default())
                .collect::<Vec<_>>()
                .join(", "),
        ),
        other => Some(other.to_string()),
    }
}
