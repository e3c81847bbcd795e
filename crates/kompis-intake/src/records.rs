//! From tables to records: which entity each sheet's rows are, and each
//! row's values parsed into the organisation, person and entry it names.
//! A cell that cannot be read becomes a [`Problem`] on its row.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use chrono::NaiveDate;
use kompis_model::{EntityKind, EntryKind, Language};

use crate::error::{IntakeError, Result};
use crate::field::{map_columns, Field, Overrides};
use crate::form;
use crate::source::Source;
use crate::table::Table;
use crate::values;
use crate::words::key;

/// A cell that cannot be read, with what to write instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The column's header.
    pub column: String,
    /// What is wrong and what to write.
    pub what: kompis_model::Problem,
}

/// The header of the column each model field came from, keyed
/// `"entry.title"`, `"person.email"`, `"organisation.name"`…
pub type Columns = Arc<BTreeMap<String, String>>;

/// The organisation a row names or describes. `present` lists the model
/// fields whose columns the sheet has (an empty cell there clears the field).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OrgValues {
    pub id: Option<String>,
    pub name: Option<String>,
    pub org_number: Option<String>,
    pub municipality: Option<String>,
    pub website: Option<String>,
    pub notes: Option<String>,
    pub present: Vec<&'static str>,
}

/// The person a row names or describes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PersonValues {
    pub id: Option<String>,
    pub name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub role: Option<String>,
    pub consent: Option<bool>,
    pub notes: Option<String>,
    pub present: Vec<&'static str>,
}

/// The offer or need a row describes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EntryValues {
    pub id: Option<String>,
    pub title: Option<String>,
    /// `None`: no kind given (a new entry gets `expertise`).
    pub kind: Option<EntryKind>,
    pub description: Option<String>,
    pub keywords: Vec<String>,
    pub deadline: Option<NaiveDate>,
    pub language: Option<Language>,
    pub active: Option<bool>,
    pub present: Vec<&'static str>,
}

/// One row: what it is about (`target`) and everything it names.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    pub sheet: String,
    pub row: u32,
    pub target: EntityKind,
    pub organisation: Option<OrgValues>,
    pub person: Option<PersonValues>,
    pub entry: Option<EntryValues>,
    pub problems: Vec<Problem>,
    pub columns: Columns,
}

impl Record {
    /// The header of the column a model field came from (`"entry"`,
    /// `"title"`), or the field's own name.
    pub fn column(&self, entity: &str, field: &str) -> String {
        self.columns
            .get(&format!("{entity}.{field}"))
            .cloned()
            .unwrap_or_else(|| field.to_string())
    }
}

/// How one sheet is read: its entity and each column's field.
#[derive(Debug, Clone, PartialEq)]
pub struct TablePlan {
    pub sheet: String,
    pub target: EntityKind,
    pub columns: Vec<Option<Field>>,
}

/// Refuse a person's `--map` naming a column no sheet has.
pub fn check_overrides(source: &Source, overrides: &Overrides) -> Result<()> {
    let all: Vec<&String> = source.tables.iter().flat_map(|t| &t.headers).collect();
    for k in overrides.0.keys() {
        if !all.iter().any(|h| key(h) == *k) {
            return Err(IntakeError::NoSuchColumn {
                header: k.clone(),
                headers: listed(all.iter().map(|h| h.as_str())),
            });
        }
    }
    Ok(())
}

/// Headers for a sentence: the first few, each cut short.
fn listed<'a>(headers: impl Iterator<Item = &'a str>) -> String {
    const MOST: usize = 12;
    const LONGEST: usize = 40;
    let headers: Vec<&str> = headers.collect();
    let mut out: Vec<String> = headers
        .iter()
        .take(MOST)
        .map(|h| {
            if h.chars().count() > LONGEST {
                format!("{}…", h.chars().take(LONGEST).collect::<String>())
            } else {
                h.to_string()
            }
        })
        .collect();
    if headers.len() > MOST {
        out.push(format!("and {} more", headers.len() - MOST));
    }
    out.join(", ")
}

/// Decide each sheet's entity and columns. A registration workbook's sheets
/// are known by name; elsewhere `kind`, the sheet's name or its columns
/// decide. Sheets with no known column are left out, unless all are.
pub fn plan(
    source: &Source,
    overrides: &dyn Fn(&Table) -> Overrides,
    kind: Option<EntityKind>,
) -> Result<Vec<TablePlan>> {
    let mut plans = Vec::new();
    let mut unknown = None;
    for t in &source.tables {
        let columns = map_columns(&t.headers, &overrides(t));
        if source.form.is_some() {
            if let Some(target) = form::sheet_target(&t.sheet) {
                plans.push(TablePlan {
                    sheet: t.sheet.clone(),
                    target,
                    columns,
                });
            }
            continue;
        }
        if columns.iter().all(Option::is_none) {
            unknown.get_or_insert(t);
            continue;
        }
        let target = target(&t.sheet, &columns, kind)?;
        plans.push(TablePlan {
            sheet: t.sheet.clone(),
            target,
            columns,
        });
    }
    if plans.is_empty() {
        if let Some(t) = unknown {
            return Err(IntakeError::NoKnownColumn {
                sheet: t.sheet.clone(),
                headers: listed(t.headers.iter().map(String::as_str)),
                fields: Field::list(),
            });
        }
    }
    Ok(plans)
}

/// A sheet's entity: its columns say whether its rows are entries (a title
/// or keywords), people or organisations; `kind`, the sheet's name or a
/// deadline column say which.
fn target(sheet: &str, columns: &[Option<Field>], kind: Option<EntityKind>) -> Result<EntityKind> {
    let has = |f: Field| columns.contains(&Some(f));
    let by_name = target_by_name(sheet);
    let entry_side =
        |k: Option<EntityKind>| k.filter(|k| matches!(k, EntityKind::Need | EntityKind::Offer));
    let target = if let Some(k) = kind {
        k
    } else if has(Field::Title) || has(Field::Keywords) {
        match entry_side(by_name) {
            Some(k) => k,
            None if has(Field::Deadline) => EntityKind::Need,
            // A staff list: people and the fields they know.
            None if !has(Field::Title) => EntityKind::Offer,
            None => {
                return Err(IntakeError::NeedOrOffer {
                    sheet: sheet.to_string(),
                })
            }
        }
    } else if let Some(k) =
        by_name.filter(|k| matches!(k, EntityKind::Person | EntityKind::Organisation))
    {
        k
    } else if has(Field::Name) || has(Field::Contact) || has(Field::Email) {
        if has(Field::OrgNumber) && !has(Field::Email) {
            EntityKind::Organisation
        } else {
            EntityKind::Person
        }
    } else {
        EntityKind::Organisation
    };
    let names = |fields: &[Field]| fields.iter().any(|f| has(*f));
    let named = match target {
        EntityKind::Need | EntityKind::Offer => names(&[Field::Title, Field::Keywords, Field::Id]),
        EntityKind::Person => names(&[Field::Name, Field::Contact, Field::Email, Field::Id]),
        EntityKind::Organisation => names(&[
            Field::Name,
            Field::Organisation,
            Field::OrgNumber,
            Field::Id,
        ]),
    };
    if !named {
        return Err(IntakeError::NothingNames {
            sheet: sheet.to_string(),
            entity: target.word(),
        });
    }
    Ok(target)
}

fn target_by_name(sheet: &str) -> Option<EntityKind> {
    let k = key(sheet);
    let has = |words: &[&str]| words.iter().any(|w| k.contains(w));
    if has(&["behov", "need"]) {
        Some(EntityKind::Need)
    } else if has(&["tilbud", "offer", "kompetanse", "expertise"]) {
        Some(EntityKind::Offer)
    } else if has(&[
        "kontakt", "person", "people", "ansatte", "staff", "tilsette",
    ]) {
        Some(EntityKind::Person)
    } else if has(&[
        "organisasjon",
        "organisation",
        "organization",
        "bedrift",
        "medlem",
        "member",
        "verksemd",
    ]) {
        Some(EntityKind::Organisation)
    } else {
        None
    }
}

/// The records of every planned sheet, in sheet and row order. In a
/// registration workbook the rows belong to its organisation, and two rows
/// of a sheet with the same hidden id are a problem on the second.
pub fn records(source: &Source, plans: &[TablePlan]) -> Vec<Record> {
    let form_org = source.form.as_ref().map(|f| OrgValues {
        id: f.organisation.clone(),
        name: if f.organisation.is_none() {
            blank_form_org_name(source, plans)
        } else {
            None
        },
        ..Default::default()
    });
    let mut out = Vec::new();
    for plan in plans {
        let Some(table) = source.tables.iter().find(|t| t.sheet == plan.sheet) else {
            continue;
        };
        let reader = RowReader::new(table, plan, source.form.is_some());
        let mut ids: HashMap<String, u32> = HashMap::new();
        for row in &table.rows {
            let mut rec = reader.read(row.number, &row.cells);
            if let Some(org) = &form_org {
                if plan.target != EntityKind::Organisation {
                    rec.organisation = Some(org.clone());
                } else if let Some(o) = rec.organisation.as_mut() {
                    o.id = o.id.take().or_else(|| org.id.clone());
                }
            }
            if let Some(id) = reader.own_id(&rec) {
                if let Some(first) = ids.get(&id) {
                    rec.problems.push(Problem {
                        column: reader.header(Field::Id),
                        what: kompis_model::Problem::CopiedId {
                            id,
                            first_row: *first,
                        },
                    });
                } else {
                    ids.insert(id, row.number);
                }
            }
            out.push(rec);
        }
    }
    out
}

/// The name on the organisation sheet of a blank registration workbook.
fn blank_form_org_name(source: &Source, plans: &[TablePlan]) -> Option<String> {
    let plan = plans
        .iter()
        .find(|p| p.target == EntityKind::Organisation)?;
    let table = source.tables.iter().find(|t| t.sheet == plan.sheet)?;
    let col = plan.columns.iter().position(|c| *c == Some(Field::Name))?;
    table
        .rows
        .first()
        .map(|r| r.cells[col].clone())
        .filter(|n| !n.is_empty())
}

/// Reads the rows of one sheet by its plan.
struct RowReader<'a> {
    table: &'a Table,
    plan: &'a TablePlan,
    form: bool,
    columns: Columns,
}

impl<'a> RowReader<'a> {
    fn new(table: &'a Table, plan: &'a TablePlan, form: bool) -> Self {
        let mut columns = BTreeMap::new();
        for (i, f) in plan.columns.iter().enumerate() {
            if let Some(f) = f {
                for (entity, field) in Self::targets(plan.target, &plan.columns, *f) {
                    columns.insert(format!("{entity}.{field}"), table.headers[i].clone());
                }
            }
        }
        RowReader {
            table,
            plan,
            form,
            columns: Arc::new(columns),
        }
    }

    /// Where a column's field goes, as (entity, model field).
    fn targets(
        target: EntityKind,
        columns: &[Option<Field>],
        f: Field,
    ) -> Vec<(&'static str, &'static str)> {
        let has = |f: Field| columns.contains(&Some(f));
        let own = match target {
            EntityKind::Offer | EntityKind::Need => "entry",
            EntityKind::Person => "person",
            EntityKind::Organisation => "organisation",
        };
        let v = match f {
            Field::Id => (own, "id"),
            Field::Title => ("entry", "title"),
            Field::Kind => ("entry", "kind"),
            Field::Description => ("entry", "description"),
            Field::Keywords => ("entry", "keywords"),
            Field::Deadline => ("entry", "deadline"),
            Field::Language => ("entry", "language"),
            Field::Active => ("entry", "active"),
            Field::Organisation => ("organisation", "name"),
            Field::OrgNumber => ("organisation", "org_number"),
            Field::Municipality => ("organisation", "municipality"),
            Field::Website => ("organisation", "website"),
            Field::Name if target == EntityKind::Organisation && !has(Field::Organisation) => {
                ("organisation", "name")
            }
            Field::Name | Field::Contact => ("person", "name"),
            Field::Email => ("person", "email"),
            Field::Phone => ("person", "phone"),
            Field::Role => ("person", "role"),
            Field::Consent => ("person", "consent"),
            Field::Notes => (own, "notes"),
            Field::Ignore => return Vec::new(),
        };
        vec![v]
    }

    fn header(&self, f: Field) -> String {
        self.plan
            .columns
            .iter()
            .position(|c| *c == Some(f))
            .map_or_else(|| f.name().to_string(), |i| self.table.headers[i].clone())
    }

    /// The hidden id of the row's own entity.
    fn own_id(&self, rec: &Record) -> Option<String> {
        match rec.target {
            EntityKind::Offer | EntityKind::Need => rec.entry.as_ref()?.id.clone(),
            EntityKind::Person => rec.person.as_ref()?.id.clone(),
            EntityKind::Organisation => rec.organisation.as_ref()?.id.clone(),
        }
    }

    fn read(&self, number: u32, cells: &[String]) -> Record {
        let mut org = OrgValues::default();
        let mut person = PersonValues::default();
        let mut entry = EntryValues::default();
        let mut problems = Vec::new();
        let mut title_from_keywords = false;
        for (i, f) in self.plan.columns.iter().enumerate() {
            let Some(f) = *f else { continue };
            let cell = cells.get(i).map(String::as_str).unwrap_or("");
            let text = Some(cell.to_string()).filter(|c| !c.is_empty());
            let header = &self.table.headers[i];
            let mut fail = |what: kompis_model::Problem| {
                problems.push(Problem {
                    column: header.clone(),
                    what,
                })
            };
            for (entity, field) in Self::targets(self.plan.target, &self.plan.columns, f) {
                match (entity, field) {
                    ("organisation", "id") => org.id = text.clone(),
                    ("person", "id") => person.id = text.clone(),
                    ("entry", "id") => entry.id = text.clone(),
                    ("organisation", "name") => org.name = text.clone(),
                    ("organisation", "org_number") => match &text {
                        Some(t) => match values::org_number(t) {
                            Ok(n) => org.org_number = Some(n),
                            Err(m) => fail(m),
                        },
                        None => org.org_number = None,
                    },
                    ("organisation", "municipality") => org.municipality = text.clone(),
                    ("organisation", "website") => org.website = text.clone(),
                    ("organisation", "notes") => org.notes = text.clone(),
                    ("person", "name") => person.name = text.clone(),
                    ("person", "email") => person.email = text.clone(),
                    ("person", "phone") => person.phone = text.clone(),
                    ("person", "role") => person.role = text.clone(),
                    ("person", "notes") => person.notes = text.clone(),
                    ("person", "consent") => {
                        person.consent = match text.as_deref().map(values::yes_no) {
                            Some(Ok(b)) => Some(b),
                            Some(Err(m)) => {
                                fail(m);
                                None
                            }
                            None => None,
                        }
                    }
                    ("entry", "title") => entry.title = text.clone(),
                    ("entry", "kind") => match text.as_deref().map(values::entry_kind) {
                        Some(Ok(k)) => entry.kind = Some(k),
                        Some(Err(m)) => fail(m),
                        None => {}
                    },
                    ("entry", "description") => entry.description = text.clone(),
                    ("entry", "keywords") => {
                        entry.keywords = if self.form {
                            values::form_keywords(cell)
                        } else {
                            values::keywords(cell)
                        };
                        title_from_keywords = !self.plan.columns.contains(&Some(Field::Title));
                    }
                    ("entry", "deadline") => {
                        entry.deadline = match text.as_deref().map(values::date) {
                            Some(Ok(d)) => Some(d),
                            Some(Err(m)) => {
                                fail(m);
                                None
                            }
                            None => None,
                        }
                    }
                    ("entry", "language") => {
                        entry.language = match text.as_deref().map(values::language) {
                            Some(Ok(l)) => Some(l),
                            Some(Err(m)) => {
                                fail(m);
                                None
                            }
                            None => None,
                        }
                    }
                    ("entry", "active") => {
                        entry.active = match text.as_deref().map(values::yes_no) {
                            Some(Ok(b)) => Some(b),
                            Some(Err(m)) => {
                                fail(m);
                                None
                            }
                            None => None,
                        }
                    }
                    _ => continue,
                }
                let present = match entity {
                    "organisation" => &mut org.present,
                    "person" => &mut person.present,
                    _ => &mut entry.present,
                };
                // An empty kind cell keeps the kind; other empty cells clear.
                if field != "kind" || entry.kind.is_some() {
                    present.push(field);
                }
            }
        }
        if title_from_keywords && entry.title.is_none() && !entry.keywords.is_empty() {
            entry.title = Some(entry.keywords.join(", "));
            entry.present.push("title");
        }
        let target = self.plan.target;
        let is_entry = matches!(target, EntityKind::Offer | EntityKind::Need);
        let named = |present: &[&str], name: &Option<String>, id: &Option<String>| {
            !present.is_empty() && (name.is_some() || id.is_some())
        };
        Record {
            sheet: self.table.sheet.clone(),
            row: number,
            target,
            organisation: (target == EntityKind::Organisation
                || named(&org.present, &org.name, &org.id))
            .then_some(org),
            person: (target == EntityKind::Person
                || named(&person.present, &person.name, &person.id)
                || person.email.is_some())
            .then_some(person),
            entry: is_entry.then_some(entry),
            problems,
            columns: self.columns.clone(),
        }
    }
}
