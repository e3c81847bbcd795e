//! `kompis intake`: registration workbooks out, any table, workbook or
//! bundle in through a review. `review` writes nothing; `apply` writes
//! everything in one batch or, when any row is an error, nothing.

use std::path::PathBuf;

use anyhow::{bail, Result};
use clap::{Args, Subcommand};
use kompis_core::api::wire::{ColumnChoice, IntakeOptions, IntakeReview, SheetLang};
use kompis_core::api::{self, Catalogue};
use kompis_core::model::EntityKind;

use crate::{print_json, table};

#[derive(Subcommand)]
pub enum IntakeCommand {
    /// Write a registration workbook (XLSX) for an organisation to fill in,
    /// pre-filled with what the catalogue holds for it; or a blank one.
    Form {
        /// The organisation (id or name).
        #[arg(
            long,
            value_name = "ORG",
            required_unless_present = "blank",
            conflicts_with = "blank"
        )]
        organisation: Option<String>,
        /// A blank workbook for a new member.
        #[arg(long)]
        blank: bool,
        /// The workbook's language.
        #[arg(long, default_value = "nb")]
        lang: SheetLang,
        /// Where to write it (.xlsx).
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Show what reading a file would do, row by row; writes nothing.
    Review {
        /// A registration workbook, a bundle, or any CSV/XLSX/ODS table.
        file: PathBuf,
        #[command(flatten)]
        read: ReadArgs,
    },
    /// Save what the review shows, as one batch; nothing when any row is an error.
    Apply {
        /// A registration workbook, a bundle, or any CSV/XLSX/ODS table.
        file: PathBuf,
        #[command(flatten)]
        read: ReadArgs,
        /// Leave probable duplicates out.
        #[arg(long)]
        skip_duplicates: bool,
    },
}

/// How the file is read.
#[derive(Args)]
pub struct ReadArgs {
    /// Read every sheet as needs, offers, people or organisations.
    #[arg(long)]
    kind: Option<EntityKind>,
    /// Say which field a column fills, e.g. --map "Tekst=description" (repeat for more; field `ignore` leaves a column out).
    #[arg(long, value_name = "HEADER=FIELD")]
    map: Vec<String>,
    /// Print JSON: {"rows":[{"sheet","row","action","entity",…}],"summary":{…}}.
    #[arg(long)]
    json: bool,
}

impl ReadArgs {
    fn options(&self, skip_duplicates: bool) -> Result<IntakeOptions> {
        let mut map = Vec::new();
        for pair in &self.map {
            let Some((header, field)) = pair.rsplit_once('=') else {
                bail!("--map expects \"Header=field\", got {pair:?}");
            };
            map.push(ColumnChoice {
                header: header.to_string(),
                field: field.to_string(),
            });
        }
        Ok(IntakeOptions {
            kind: self.kind,
            map,
            skip_duplicates,
            skip: Vec::new(),
        })
    }
}

/// Run one `kompis intake` command.
pub fn run(cat: &Catalogue, command: IntakeCommand) -> Result<()> {
    match command {
        IntakeCommand::Form {
            organisation,
            blank: _,
            lang,
            out,
        } => {
            let s = api::intake_form(cat, organisation.as_deref(), lang, &out)?;
            match s.organisation {
                Some(id) => say!(
                    "Wrote {} for organisation {id}: {} contact people, {} needs, {} offers.",
                    out.display(),
                    s.people,
                    s.needs,
                    s.offers
                ),
                None => say!("Wrote a blank registration workbook to {}.", out.display()),
            }
        }
        IntakeCommand::Review { file, read } => {
            let review = api::intake_review(cat, &file, &read.options(false)?)?;
            show(&review, read.json)?;
        }
        IntakeCommand::Apply {
            file,
            read,
            skip_duplicates,
        } => {
            let review = api::intake_apply(cat, &file, &read.options(skip_duplicates)?)?;
            if read.json {
                return print_json(&contract(review));
            }
            let s = review.summary;
            let duplicates = match (s.duplicate, skip_duplicates) {
                (0, _) => String::new(),
                (n, true) => format!(", {n} probable duplicates left out"),
                (n, false) => format!(", {n} probable duplicates saved as new"),
            };
            say!(
                "Saved {} new and {} changed; {} unchanged{duplicates}.",
                s.new,
                s.changed,
                s.unchanged
            );
        }
    }
    Ok(())
}

/// The review in the shape of the command-line contract: the typed
/// problems the window words itself are left out (`message` says them).
fn contract(mut review: IntakeReview) -> IntakeReview {
    for r in &mut review.rows {
        r.problems.clear();
    }
    review
}

fn show(review: &IntakeReview, json: bool) -> Result<()> {
    if json {
        return print_json(&contract(review.clone()));
    }
    let rows = review
        .rows
        .iter()
        .map(|r| {
            let action = serde_json::to_value(r.action)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default();
            let detail = match (&r.changes, &r.message) {
                (_, Some(m)) => m.clone(),
                (Some(c), None) => c
                    .iter()
                    .map(|(f, (old, new))| {
                        format!(
                            "{f}: {} → {}",
                            old.as_deref().unwrap_or("–"),
                            new.as_deref().unwrap_or("–")
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("; "),
                (None, None) => String::new(),
            };
            vec![
                r.sheet.clone(),
                r.row.to_string(),
                action,
                r.entity.word().to_string(),
                r.id.clone()
                    .or_else(|| r.duplicate_of.clone())
                    .unwrap_or_default(),
                detail,
            ]
        })
        .collect();
    table::print(&["SHEET", "ROW", "ACTION", "ENTITY", "ID", "DETAILS"], rows);
    let s = review.summary;
    say!(
        "{} new, {} changed, {} unchanged, {} probable duplicates, {} errors. Nothing was saved; `kompis intake apply` saves.",
        s.new, s.changed, s.unchanged, s.duplicate, s.error
    );
    Ok(())
}
