//! Intake: a spreadsheet, a registration workbook or a bundle read into a
//! review (row by row: new, changed field by field, unchanged, probable
//! duplicate, error) and applied as one atomic batch only when no row is an
//! error. Reading and parsing the file is `kompis_intake`'s; finding,
//! comparing and validating against the catalogue is here.

mod known;
mod plan;

use std::collections::HashMap;
use std::path::Path;

use kompis_intake::field::header_set_key;
use kompis_intake::form::{FormContent, FormEntry, FormLang};
use kompis_intake::{records, Field, Overrides, Source};

use crate::bundle::{self, Bundle};
use crate::catalogue::Catalogue;
use crate::error::{Error, Problem, Result};
use crate::keys;
use crate::model::{EntityKind, Entry};
use crate::progress::{Stage, Tracker};
use crate::wire::{
    CellProblem, ColumnChoice, FormSummary, IntakeAction, IntakeColumn, IntakeCounts,
    IntakeMapping, IntakeOptions, IntakeReview, IntakeRow, IntakeTable, SheetLang,
};
use known::Known;
use plan::{Item, RowPlanner, Write};

/// How many rows the mapping step shows of each sheet.
const PREVIEW_ROWS: usize = 5;
/// How many error rows a refused apply names.
const ERRORS_NAMED: usize = 5;

/// Mappings to remember, by header set.
type Remember = Vec<(String, Overrides)>;

/// What an intake would do, and what it needs to do it.
struct Intake {
    items: Vec<Item>,
    /// A bundle's match records and thesaurus, applied with it.
    bundle_rest: Option<Bundle>,
    /// Mappings to remember per header set, when applied.
    remember: Remember,
}

/// The review of a file: what applying it would do. Writes nothing.
pub(crate) fn review(
    cat: &Catalogue,
    path: &Path,
    options: &IntakeOptions,
) -> Result<IntakeReview> {
    let running = cat.progress().start(Stage::Reading, 0);
    Ok(reviewed(
        &build(cat, path, options, running.tracker())?.items,
    ))
}

/// Apply a file as one atomic batch, after the same review. Refused whole,
/// with the first errors named, when any row is an error.
pub(crate) fn apply(cat: &Catalogue, path: &Path, options: &IntakeOptions) -> Result<IntakeReview> {
    let running = cat.progress().start(Stage::Reading, 0);
    let intake = build(cat, path, options, running.tracker())?;
    let review = reviewed(&intake.items);
    let errors: Vec<&IntakeRow> = review
        .rows
        .iter()
        .filter(|r| r.action == IntakeAction::Error)
        .collect();
    if !errors.is_empty() {
        return Err(Error::IntakeRefused {
            errors: errors.len(),
            first: errors
                .iter()
                .take(ERRORS_NAMED)
                .filter_map(|r| r.message.clone())
                .collect::<Vec<_>>()
                .join("\n"),
        });
    }
    let mut b = intake.bundle_rest.unwrap_or_else(Bundle::new);
    for item in intake.items {
        match item.write {
            Some(Write::Organisation(o)) => b.organisations.push(o),
            Some(Write::Person(p)) => b.people.push(p),
            Some(Write::Entry(EntityKind::Need, e)) => b.needs.push(e),
            Some(Write::Entry(_, e)) => b.offers.push(e),
            None => {}
        }
    }
    let nothing = b.organisations.is_empty()
        && b.people.is_empty()
        && b.offers.is_empty()
        && b.needs.is_empty()
        && b.matches.is_empty()
        && b.thesaurus.is_none();
    if !nothing {
        running.tracker().enter(Stage::Saving, 0);
        cat.import(&b)?;
    }
    for (set, overrides) in &intake.remember {
        cat.put_setting(&format!("{}{set}", keys::INTAKE_MAP), overrides)?;
    }
    Ok(review)
}

/// The sheets of a file as intake would read them: each column's field,
/// and the first rows, for the mapping step.
pub(crate) fn mapping(
    cat: &Catalogue,
    path: &Path,
    options: &IntakeOptions,
) -> Result<IntakeMapping> {
    let fields = Field::ALL.iter().map(|f| f.name().to_string()).collect();
    if is_bundle(path) {
        // A bundle names its fields itself: nothing to map.
        bundle::read_file(path)?;
        return Ok(IntakeMapping {
            tables: Vec::new(),
            fields,
        });
    }
    let source = kompis_intake::read(path)?;
    let (overrides, _) = overrides_for(cat, &source, options)?;
    let plans = records::plan(&source, &|t| overrides[&t.sheet].clone(), options.kind)?;
    let tables = source
        .tables
        .iter()
        .filter_map(|t| {
            let plan = plans.iter().find(|p| p.sheet == t.sheet)?;
            Some(IntakeTable {
                sheet: t.sheet.clone(),
                entity: plan.target,
                rows: t.rows.len() as u32,
                columns: t
                    .headers
                    .iter()
                    .zip(&plan.columns)
                    .map(|(h, f)| IntakeColumn {
                        header: h.clone(),
                        field: f.map(|f| f.name().to_string()),
                    })
                    .collect(),
                preview: t
                    .rows
                    .iter()
                    .take(PREVIEW_ROWS)
                    .map(|r| r.cells.clone())
                    .collect(),
            })
        })
        .collect();
    Ok(IntakeMapping { tables, fields })
}

/// Whether a file is a bundle (JSON) rather than a table.
fn is_bundle(path: &Path) -> bool {
    if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
    {
        return true;
    }
    let mut head = [0u8; 64];
    let n = std::fs::File::open(path)
        .and_then(|mut f| std::io::Read::read(&mut f, &mut head))
        .unwrap_or(0);
    let text = String::from_utf8_lossy(&head[..n]);
    text.trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('{')
}

fn build(
    cat: &Catalogue,
    path: &Path,
    options: &IntakeOptions,
    progress: &Tracker,
) -> Result<Intake> {
    let mut known = Known::load(cat)?;
    if is_bundle(path) {
        let b = bundle::read_file(path)?;
        progress.enter(Stage::Reviewing, 0);
        let mut intake = bundle_intake(&mut known, b, options.skip_duplicates);
        intake
            .items
            .retain(|i| !skipped(options, &i.row.sheet, i.row.row));
        return Ok(intake);
    }
    let source = kompis_intake::read(path)?;
    let (overrides, remember) = overrides_for(cat, &source, options)?;
    let plans = records::plan(&source, &|t| overrides[&t.sheet].clone(), options.kind)?;
    let mut planner = RowPlanner {
        cat,
        known: &mut known,
        skip_duplicates: options.skip_duplicates,
    };
    let records = records::records(&source, &plans);
    progress.enter(Stage::Reviewing, records.len());
    let items = records
        .iter()
        .inspect(|_| progress.step())
        .filter(|rec| !skipped(options, &rec.sheet, rec.row))
        .flat_map(|rec| planner.plan(rec))
        .collect();
    Ok(Intake {
        items,
        bundle_rest: None,
        remember,
    })
}

/// Whether the coordinator left this row out.
fn skipped(options: &IntakeOptions, sheet: &str, row: u32) -> bool {
    options
        .skip
        .iter()
        .any(|s| s.row == row && s.sheet == sheet)
}

/// Each sheet's overrides (remembered for its header set, then the
/// person's), and what to remember when applied.
fn overrides_for(
    cat: &Catalogue,
    source: &Source,
    options: &IntakeOptions,
) -> Result<(HashMap<String, Overrides>, Remember)> {
    let mut chosen = Overrides::default();
    for ColumnChoice { header, field } in &options.map {
        chosen.insert(header, field)?;
    }
    records::check_overrides(source, &chosen)?;
    let mut per_sheet = HashMap::new();
    let mut remember = Vec::new();
    for t in &source.tables {
        let set = header_set_key(&t.headers);
        let stored: Overrides = cat
            .setting(&format!("{}{set}", keys::INTAKE_MAP))?
            .unwrap_or_default();
        let mine = Overrides(
            chosen
                .0
                .iter()
                .filter(|(k, _)| t.headers.iter().any(|h| kompis_intake::key(h) == **k))
                .map(|(k, f)| (k.clone(), *f))
                .collect(),
        );
        let all = stored.then(&mine);
        if !mine.0.is_empty() {
            remember.push((set, all.clone()));
        }
        per_sheet.insert(t.sheet.clone(), all);
    }
    Ok((per_sheet, remember))
}

/// A bundle's entities through the same review, by their ids.
fn bundle_intake(known: &mut Known, b: Bundle, skip_duplicates: bool) -> Intake {
    let mut items = Vec::new();
    let mut replaced: HashMap<(EntityKind, String), String> = HashMap::new();
    let mut push = |kind: EntityKind,
                    sheet: &str,
                    i: usize,
                    old: Option<serde_json::Value>,
                    new: serde_json::Value,
                    duplicate: Option<(String, Problem)>,
                    write: Write,
                    id: &str| {
        let mut row = IntakeRow::new(sheet, i as u32 + 1, IntakeAction::New, kind);
        let mut write = Some(write);
        if let Some(old) = old {
            let changes = plan::changes(&old, &new);
            row = row.id(id.to_string());
            if changes.is_empty() {
                row.action = IntakeAction::Unchanged;
                write = None;
            } else {
                row.action = IntakeAction::Changed;
                row.changes = Some(changes);
            }
        } else if let Some((of, why)) = duplicate {
            row.action = IntakeAction::Duplicate;
            row.message = Some(format!("Probably a duplicate: {why}."));
            row.problems = vec![CellProblem {
                column: String::new(),
                problem: why,
            }];
            row.duplicate_of = Some(of.clone());
            if skip_duplicates {
                write = None;
                replaced.insert((kind, id.to_string()), of);
            }
        }
        items.push(Item { row, write });
    };
    for (i, o) in b.organisations.iter().enumerate() {
        let old = known.orgs.get(&o.id).map(json);
        let dup = o
            .org_number
            .as_deref()
            .and_then(|n| known.org_numbered(n))
            .filter(|x| x.id != o.id)
            .map(|x| {
                (
                    x.id.clone(),
                    Problem::SameOrgNumber {
                        id: x.id.clone(),
                        name: x.name.clone(),
                    },
                )
            });
        push(
            EntityKind::Organisation,
            "organisations",
            i,
            old,
            json(o),
            dup,
            Write::Organisation(o.clone()),
            &o.id,
        );
    }
    for (i, p) in b.people.iter().enumerate() {
        let old = known.people.get(&p.id).map(json);
        let dup = p
            .email
            .as_deref()
            .and_then(|e| known.person_by_email(e))
            .filter(|x| x.id != p.id)
            .map(|x| {
                (
                    x.id.clone(),
                    Problem::SameEmail {
                        id: x.id.clone(),
                        name: x.name.clone(),
                    },
                )
            });
        push(
            EntityKind::Person,
            "people",
            i,
            old,
            json(p),
            dup,
            Write::Person(p.clone()),
            &p.id,
        );
    }
    for (kind, sheet, list) in [
        (EntityKind::Offer, "offers", &b.offers),
        (EntityKind::Need, "needs", &b.needs),
    ] {
        for (i, e) in list.iter().enumerate() {
            let old = known.entries.get(&(kind, e.id.clone())).map(json);
            let dup = known
                .entry_near(kind, e.organisation.as_deref(), &e.title)
                .filter(|x| x.id != e.id)
                .map(|x| {
                    (
                        x.id.clone(),
                        Problem::NearTitle {
                            entity: kind,
                            id: x.id.clone(),
                            title: x.title.clone(),
                        },
                    )
                });
            push(
                kind,
                sheet,
                i,
                old,
                json(e),
                dup,
                Write::Entry(kind, e.clone()),
                &e.id,
            );
        }
    }
    // References to a skipped duplicate go to the entity it duplicates.
    let swap = |kind: EntityKind, r: &mut Option<String>| {
        if let Some(to) = r.as_ref().and_then(|id| replaced.get(&(kind, id.clone()))) {
            *r = Some(to.clone());
        }
    };
    for item in &mut items {
        match &mut item.write {
            Some(Write::Person(p)) => swap(EntityKind::Organisation, &mut p.organisation),
            Some(Write::Entry(_, e)) => {
                swap(EntityKind::Organisation, &mut e.organisation);
                swap(EntityKind::Person, &mut e.contact);
            }
            _ => {}
        }
    }
    let skipped = |kind, id: &String| replaced.contains_key(&(kind, id.clone()));
    let matches = b
        .matches
        .into_iter()
        .filter(|m| !skipped(EntityKind::Need, &m.need) && !skipped(EntityKind::Offer, &m.offer))
        .collect();
    Intake {
        items,
        bundle_rest: Some(Bundle {
            matches,
            thesaurus: b.thesaurus,
            ..Bundle::new()
        }),
        remember: Vec::new(),
    }
}

/// An entity as JSON, for comparing.
fn json<T: serde::Serialize>(v: &T) -> serde_json::Value {
    serde_json::to_value(v).unwrap_or_default()
}

/// The review rows and their counts.
fn reviewed(items: &[Item]) -> IntakeReview {
    let rows: Vec<IntakeRow> = items.iter().map(|i| i.row.clone()).collect();
    let mut summary = IntakeCounts::default();
    for r in &rows {
        *match r.action {
            IntakeAction::New => &mut summary.new,
            IntakeAction::Changed => &mut summary.changed,
            IntakeAction::Unchanged => &mut summary.unchanged,
            IntakeAction::Duplicate => &mut summary.duplicate,
            IntakeAction::Error => &mut summary.error,
        } += 1;
    }
    IntakeReview { rows, summary }
}

/// Write a registration workbook for one organisation (by id or name),
/// pre-filled with what the catalogue holds for it, or a blank one.
pub(crate) fn form(
    cat: &Catalogue,
    organisation: Option<&str>,
    lang: SheetLang,
    out: &Path,
) -> Result<FormSummary> {
    let org = match organisation {
        None => None,
        Some(o) => Some(match cat.organisation(o) {
            Ok(org) => org,
            Err(e) => cat
                .organisations()?
                .into_iter()
                .find(|x| kompis_intake::key(&x.name) == kompis_intake::key(o))
                .ok_or(e)?,
        }),
    };
    let people = cat.people()?;
    let names: HashMap<&str, &str> = people
        .iter()
        .map(|p| (p.id.as_str(), p.name.as_str()))
        .collect();
    let of_org = |e: &Entry| {
        org.as_ref()
            .is_some_and(|o| e.organisation.as_deref() == Some(&o.id))
    };
    let entries = |kind| -> Result<Vec<FormEntry>> {
        Ok(cat
            .entries(kind)?
            .into_iter()
            .filter(of_org)
            .map(|entry| FormEntry {
                contact_name: entry
                    .contact
                    .as_deref()
                    .and_then(|c| names.get(c))
                    .map(|n| n.to_string()),
                entry,
            })
            .collect())
    };
    let municipalities = crate::listing::facets(cat)?.municipality_choices;
    let content = FormContent {
        lang: match lang {
            SheetLang::Nb => FormLang::Nb,
            SheetLang::En => FormLang::En,
        },
        people: people
            .iter()
            .filter(|p| {
                org.as_ref()
                    .is_some_and(|o| p.organisation.as_deref() == Some(&o.id))
            })
            .cloned()
            .collect(),
        needs: entries(EntityKind::Need)?,
        offers: entries(EntityKind::Offer)?,
        organisation: org,
        municipalities,
    };
    let bytes =
        kompis_intake::form::workbook(&content).map_err(|e| kompis_intake::IntakeError::Write {
            path: out.to_path_buf(),
            reason: e.to_string(),
        })?;
    kompis_sheet::write_atomically(out, &bytes)?;
    Ok(FormSummary {
        organisation: content.organisation.map(|o| o.id),
        people: content.people.len() as u32,
        needs: content.needs.len() as u32,
        offers: content.offers.len() as u32,
    })
}
