//! `kompis jobs`: the region's job market. Vacancies listed and reopened,
//! job seekers (a recruit's partner) registered only with consent, ranked
//! against the open vacancies and erased on request, and the job sheet.

use std::path::PathBuf;

use anyhow::{anyhow, Result};
use clap::{Args, Subcommand, ValueEnum};
use kompis_core::api::wire::{JobSheetRequest, SheetLang, VacancyQuery};
use kompis_core::api::{self, Catalogue};
use kompis_core::model::{Consent, EducationLevel, JobSeeker};
use serde_json::json;

use crate::{print_json, table};

#[derive(Subcommand)]
pub enum JobsCommand {
    /// The open vacancies of the network, by field.
    List {
        /// Only vacancies in this municipality.
        #[arg(long, value_name = "M")]
        municipality: Option<String>,
        /// Only this occupation field: a code (7) or a name (Håndverkere, craft).
        #[arg(long, value_name = "F")]
        field: Option<String>,
        /// Closed vacancies too (past their deadline).
        #[arg(long)]
        closed: bool,
        /// Print JSON: [{"id", "title", "organisation", "municipality", "field", …}].
        #[arg(long)]
        json: bool,
    },
    /// Register, list, renew or erase job seekers.
    Seeker {
        #[command(subcommand)]
        action: SeekerCommand,
    },
    /// The open vacancies ranked for a job seeker, with why.
    Match {
        /// The job seeker's id.
        #[arg(long, value_name = "ID")]
        seeker: String,
        /// How many vacancies.
        #[arg(long, default_value_t = 10, value_name = "N")]
        top: u32,
        /// Print JSON: {"seeker": ID, "matches": [{"offer", "score", "reasons", "commute_minutes"?}]}.
        #[arg(long)]
        json: bool,
    },
    /// Reopen a vacancy closed by its deadline (the deadline is cleared).
    Reopen {
        /// The offer's id.
        id: String,
    },
    /// Show the coordinator's text about the region, or set it.
    Region {
        /// The new text ("" clears it).
        #[arg(long, value_name = "TEXT")]
        set: Option<String>,
    },
    /// Write the job sheet (PDF or XLSX): the open vacancies, or one job
    /// seeker's personal package.
    Sheet {
        /// Where to write it: FILE.pdf or FILE.xlsx.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// A job seeker's personal package instead.
        #[arg(long, value_name = "ID")]
        seeker: Option<String>,
        /// Only vacancies in this municipality.
        #[arg(long, value_name = "M")]
        municipality: Option<String>,
        /// Only this occupation field (a code or a name).
        #[arg(long, value_name = "F")]
        field: Option<String>,
        /// Label language.
        #[arg(long, default_value = "nb")]
        lang: SheetLang,
    },
}

#[derive(Subcommand)]
pub enum SeekerCommand {
    /// Register a job seeker; refused (nothing stored) without consent.
    /// Prints the new id.
    Add(Box<NewSeeker>),
    /// Every job seeker, those due for deletion first.
    List {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Keep a job seeker another six months.
    Renew {
        /// The job seeker's id.
        id: String,
    },
    /// Erase a job seeker for good (no trash).
    Erase {
        /// The job seeker's id.
        id: String,
    },
}

/// A job seeker to register (`jobs seeker add`).
#[derive(Args)]
pub struct NewSeeker {
    #[arg(long, value_name = "NAME")]
    name: String,
    /// Whether they consented to be registered.
    #[arg(long, value_name = "yes|no")]
    consent: YesNo,
    /// How consent was given ("muntlig i møte").
    #[arg(long, value_name = "TEXT")]
    consent_how: Option<String>,
    #[arg(long, value_name = "TEXT")]
    education: Option<String>,
    /// The highest education level.
    #[arg(long)]
    level: Option<EducationLevel>,
    #[arg(long, value_name = "TEXT")]
    experience: Option<String>,
    /// Occupation fields, codes or names, separated by commas.
    #[arg(long, value_name = "F,...", value_delimiter = ',')]
    fields: Vec<String>,
    /// Municipalities they would work in, separated by commas.
    #[arg(long, value_name = "M,...", value_delimiter = ',')]
    municipalities: Vec<String>,
    /// Where they will live.
    #[arg(long, value_name = "MUNICIPALITY")]
    lives: Option<String>,
    /// The longest drive to work they accept, one way, in minutes.
    #[arg(long, value_name = "MINUTES")]
    commute: Option<u32>,
    /// Languages they work in, separated by commas.
    #[arg(long, value_name = "L,...", value_delimiter = ',')]
    languages: Vec<String>,
    /// They study (student projects and traineeships count too).
    #[arg(long)]
    studies: bool,
    /// The member organisation recruiting their partner (its id).
    #[arg(long, value_name = "ID")]
    organisation: Option<String>,
    /// Print JSON: {"id": ID}.
    #[arg(long)]
    json: bool,
}

/// A yes or a no (`ja`, `nei` too).
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum YesNo {
    #[value(alias = "ja")]
    Yes,
    #[value(alias = "nei")]
    No,
}

/// The field code `text` names, or a sentence saying it names none.
fn field(text: &str) -> Result<String> {
    api::job_field_code(text)
        .map(str::to_string)
        .ok_or_else(|| {
            anyhow!(
                "\"{text}\" is no occupation field; write a code (0–9) or a name from `kompis jobs list --help`, like 7 or Håndverkere"
            )
        })
}

pub fn run(cat: &Catalogue, command: JobsCommand) -> Result<()> {
    match command {
        JobsCommand::List {
            municipality,
            field: f,
            closed,
            json,
        } => list(cat, municipality, f, closed, json),
        JobsCommand::Seeker { action } => seeker(cat, action),
        JobsCommand::Match { seeker, top, json } => matches(cat, seeker, top, json),
        JobsCommand::Reopen { id } => {
            let e = api::reopen_vacancy(cat, id)?;
            say!("Reopened {} {}.", e.id, e.title);
            Ok(())
        }
        JobsCommand::Region { set } => {
            match set {
                Some(text) => {
                    api::set_region_text(cat, text)?;
                    say!("Saved the text about the region.");
                }
                None => say!("{}", api::region_text(cat)?),
            }
            Ok(())
        }
        JobsCommand::Sheet {
            out,
            seeker,
            municipality,
            field,
            lang,
        } => {
            let request = JobSheetRequest {
                seeker,
                lang,
                municipality,
                field,
            };
            let s = api::export_job_sheet_file(cat, &request, &out)?;
            let pages = s.pages.map(|p| format!(", {p} pages")).unwrap_or_default();
            say!(
                "Wrote {} ({} vacancies{pages}).",
                out.display(),
                s.vacancies
            );
            for w in s.warnings {
                eprintln!("kompis: note: {w}");
            }
            Ok(())
        }
    }
}

fn list(
    cat: &Catalogue,
    municipality: Option<String>,
    f: Option<String>,
    closed: bool,
    json: bool,
) -> Result<()> {
    let field = f.as_deref().map(field).transpose()?;
    let list = api::list_vacancies(
        cat,
        VacancyQuery {
            municipality,
            field,
            text: None,
            include_closed: closed,
        },
    )?;
    if json {
        let rows: Vec<_> = list
            .rows
            .iter()
            .map(|r| {
                let v = r.entry.vacancy.clone().unwrap_or_default();
                json!({
                    "id": r.entry.id,
                    "title": r.entry.title,
                    "organisation": r.organisation_name,
                    "organisation_id": r.entry.organisation,
                    "municipality": r.municipality,
                    "field": r.field,
                    "closed": r.closed,
                    "vacancy": v,
                })
            })
            .collect();
        return print_json(&rows);
    }
    let rows = list
        .rows
        .into_iter()
        .map(|r| {
            let apply_by = r
                .entry
                .vacancy
                .as_ref()
                .and_then(|v| v.apply_by)
                .map(|d| d.format("%d.%m.%Y").to_string())
                .unwrap_or_default();
            vec![
                r.entry.id,
                r.field.unwrap_or_default(),
                r.entry.title,
                r.organisation_name.unwrap_or_default(),
                r.municipality.unwrap_or_default(),
                if r.closed {
                    format!("{apply_by} (closed)")
                } else {
                    apply_by
                },
            ]
        })
        .collect();
    table::print(
        &[
            "ID",
            "FIELD",
            "TITLE",
            "ORGANISATION",
            "MUNICIPALITY",
            "APPLY BY",
        ],
        rows,
    );
    say!("{} open, {} closed.", list.open, list.closed);
    Ok(())
}

fn seeker(cat: &Catalogue, action: SeekerCommand) -> Result<()> {
    match action {
        SeekerCommand::Add(new) => {
            let NewSeeker {
                name,
                consent,
                consent_how,
                education,
                level,
                experience,
                fields,
                municipalities,
                lives,
                commute,
                languages,
                studies,
                organisation,
                json,
            } = *new;
            let fields = fields
                .iter()
                .filter(|f| !f.trim().is_empty())
                .map(|f| field(f))
                .collect::<Result<Vec<_>>>()?;
            let s = api::save_seeker(
                cat,
                JobSeeker {
                    name,
                    consent: Consent {
                        given: consent == YesNo::Yes,
                        date: None,
                        how: consent_how,
                    },
                    education,
                    education_level: level,
                    experience,
                    fields,
                    municipalities,
                    lives,
                    max_commute: commute,
                    languages,
                    studies,
                    organisation,
                    ..JobSeeker::default()
                },
            )?;
            if json {
                print_json(&json!({ "id": s.id }))?;
            } else {
                say!("{}", s.id);
            }
        }
        SeekerCommand::List { json } => {
            let rows = api::list_seekers(cat)?;
            if json {
                return print_json(&rows);
            }
            let rows = rows
                .into_iter()
                .map(|r| {
                    vec![
                        r.seeker.id,
                        r.seeker.name,
                        r.seeker.lives.unwrap_or_default(),
                        r.seeker.fields.join(","),
                        if r.due_for_deletion {
                            format!("{} (due)", r.due_on)
                        } else {
                            r.due_on
                        },
                    ]
                })
                .collect();
            table::print(&["ID", "NAME", "LIVES", "FIELDS", "DELETE BY"], rows);
        }
        SeekerCommand::Renew { id } => {
            let s = api::renew_seeker(cat, id)?;
            let due = s.due_on().map(|d| d.to_string()).unwrap_or_default();
            say!("Renewed job seeker {}; kept until {due}.", s.id);
        }
        SeekerCommand::Erase { id } => {
            api::erase_seeker(cat, id.clone())?;
            say!("Erased job seeker {id}.");
        }
    }
    Ok(())
}

fn matches(cat: &Catalogue, seeker: String, top: u32, json: bool) -> Result<()> {
    let ranked = api::match_seeker(cat, seeker, top)?;
    if json {
        let matches: Vec<_> = ranked
            .matches
            .iter()
            .map(|m| {
                let mut row = json!({
                    "offer": m.offer,
                    "title": m.title,
                    "organisation": m.organisation_name,
                    "municipality": m.municipality,
                    "score": m.score,
                    "reasons": m.reasons.iter().map(ToString::to_string).collect::<Vec<_>>(),
                });
                if let Some(minutes) = m.commute_minutes {
                    row["commute_minutes"] = json!(minutes);
                }
                row
            })
            .collect();
        return print_json(&json!({ "seeker": ranked.seeker, "matches": matches }));
    }
    if ranked.matches.is_empty() {
        say!("(no open vacancy fits)");
    }
    for m in ranked.matches {
        say!(
            "  {:>3.0} %  {}  {}  ({}{})",
            m.score * 100.0,
            m.offer,
            m.title,
            m.organisation_name.unwrap_or_default(),
            m.municipality.map(|p| format!(", {p}")).unwrap_or_default()
        );
        for r in m.reasons {
            say!("          {r}");
        }
    }
    Ok(())
}
