//! `kompis`: the Kompis catalogue from the command line. Every command takes
//! `--db DIR` (or `KOMPIS_DB`); errors go to stderr with a non-zero exit.

#[macro_use]
mod say;
mod table;

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use kompis_core::api::wire::{
    EntryQuery, InsightQuery, OutcomeRequest, PdfLayout, ReportRequest, Separator, SheetFormat,
    SheetLang, SheetRequest, SheetScope, Side, StatusChange, ThesaurusDecision, ThesaurusEdit,
};
use kompis_core::api::{self, resolve_catalogue_dir, Catalogue};
use kompis_core::model::{DeclineReason, EntityKind, MatchStatus, OutcomeKind, ThesisLevel};
use serde::Serialize;

mod intake;
mod jobs;
mod match_json;
mod person;
mod serve;

/// Kompis: competence offers and needs of the regional industry network.
#[derive(Parser)]
#[command(name = "kompis", version, about, long_about = None)]
struct Cli {
    /// Catalogue folder (default: the platform's data folder, or KOMPIS_DB).
    #[arg(long, global = true, value_name = "DIR")]
    db: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Import a bundle (v1); refused whole on any error.
    Import {
        /// The bundle file (.json).
        file: PathBuf,
    },
    /// Export the whole catalogue as a bundle.
    Export {
        /// Where to write the bundle.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// List offers, needs, organisations or people.
    List {
        /// What to list.
        what: What,
        /// Print a JSON array in bundle form.
        #[arg(long)]
        json: bool,
    },
    /// Fuzzy search over every entry.
    Search {
        /// What to look for.
        text: String,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Rank offers for each need (or one need), or needs for one offer.
    Match {
        /// Only this need.
        #[arg(long, value_name = "ID", conflicts_with = "offer")]
        need: Option<String>,
        /// The needs this offer could serve, instead.
        #[arg(long, value_name = "ID")]
        offer: Option<String>,
        /// How many offers per need.
        #[arg(long, default_value_t = 10)]
        top: usize,
        /// Print JSON: {"needs":[{"need":ID,"matches":[{"offer":ID,"score":S,"reasons":[…]}]}]}.
        #[arg(long)]
        json: bool,
    },
    /// Load the example network of the region.
    Demo,
    /// Write a match sheet (PDF, XLSX or CSV).
    Sheet {
        /// pdf, xlsx or csv.
        #[arg(long)]
        format: SheetFormat,
        /// Where to write it.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Only these needs (repeat the option for more).
        #[arg(long, value_name = "ID", conflicts_with_all = ["organisation", "status"])]
        need: Vec<String>,
        /// One organisation's needs, offers and matches ("Dine treff").
        #[arg(long, value_name = "ID", conflicts_with = "status")]
        organisation: Option<String>,
        /// Only matches with this status.
        #[arg(long)]
        status: Option<MatchStatus>,
        /// Label language.
        #[arg(long, default_value = "nb")]
        lang: SheetLang,
        /// PDF layout (default: one page per need; "Dine treff" with --organisation).
        #[arg(long)]
        layout: Option<PdfLayout>,
        /// CSV separator: ';' (Norwegian Excel, default) or ','.
        #[arg(long, default_value = ";")]
        separator: char,
    },
    /// Backups of the catalogue: bundle snapshots in a `backups` folder beside it.
    Backup {
        #[command(subcommand)]
        action: BackupAction,
    },
    /// Check the catalogue whole: every record reads, every reference resolves.
    Check {
        /// Print JSON: {"ok", counts, "problems": [...]}.
        #[arg(long)]
        json: bool,
    },
    /// Write the network report (PDF for the board, XLSX with the figures behind it).
    Report {
        /// Where to write it: FILE.pdf or FILE.xlsx.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// First day of the period (YYYY-MM-DD); default: the catalogue's first event.
        #[arg(long, value_name = "DATE")]
        from: Option<String>,
        /// Last day of the period (YYYY-MM-DD); default: today.
        #[arg(long, value_name = "DATE")]
        to: Option<String>,
        /// Only this municipality's organisations.
        #[arg(long, value_name = "NAME")]
        municipality: Option<String>,
        /// Label language.
        #[arg(long, default_value = "nb")]
        lang: SheetLang,
    },
    /// Set a match's status: suggested, shortlisted, contacted, agreed or declined.
    Status {
        /// The need's id.
        need: String,
        /// The offer's id.
        offer: String,
        /// The new status.
        status: MatchStatus,
        /// Why it is declined (needed with `declined`).
        #[arg(long)]
        reason: Option<DeclineReason>,
        /// A note on the pair.
        #[arg(long)]
        note: Option<String>,
    },
    /// Take back a match's last status change (bring a declined match back
    /// to where it stood before the decline).
    Back {
        /// The need's id.
        need: String,
        /// The offer's id.
        offer: String,
    },
    /// Record what came of an agreed match (several per match); refused
    /// unless the match is agreed.
    Outcome {
        /// The need's id.
        need: String,
        /// The offer's id.
        offer: String,
        /// What came of it.
        #[arg(value_name = "TYPE")]
        kind: OutcomeKind,
        /// When it happened, YYYY-MM-DD (default: today; not later).
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<String>,
        /// A note on the outcome.
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
        /// For a thesis: its level.
        #[arg(long)]
        level: Option<ThesisLevel>,
    },
    /// Agreed matches with no outcome for at least N weeks, oldest first.
    Followup {
        /// Weeks since the agreement (0: every agreed match with no outcome).
        #[arg(long, default_value_t = 8, value_name = "N")]
        weeks: u32,
        /// Print JSON: [{"need", "offer", "agreed_at", "weeks", …}].
        #[arg(long)]
        json: bool,
    },
    /// Offers declined for a need (bring one back with `back NEED OFFER`).
    Declined {
        /// The need's id.
        need: String,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Active needs with no suggestion: the network's competence gaps.
    Gaps {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Show or edit the thesaurus of concept groups.
    Thesaurus {
        #[command(subcommand)]
        action: ThesaurusAction,
    },
    /// Move an entry to the trash.
    Delete {
        /// organisation, person, offer or need.
        kind: EntityKind,
        /// Its id.
        id: String,
    },
    /// Show the trash.
    Trash {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Bring an entry back from the trash.
    Restore {
        /// organisation, person, offer or need.
        kind: EntityKind,
        /// Its id.
        id: String,
    },
    /// Serve the catalogue to the browser preview of the UI (development
    /// only): 127.0.0.1, a random port, a per-run token; prints
    /// {"url":…,"token":…} on one line, then answers POST /rpc until stopped.
    Serve {
        /// Port to listen on (default: any free one).
        #[arg(long)]
        port: Option<u16>,
    },
    /// Registration workbooks out; spreadsheets, workbooks and bundles in
    /// through a review.
    Intake {
        #[command(subcommand)]
        action: intake::IntakeCommand,
    },
    /// The region's job market: vacancies, job seekers (a recruit's
    /// partner), their ranking and the job sheet.
    Jobs {
        #[command(subcommand)]
        action: jobs::JobsCommand,
    },
    /// A person's data (GDPR): export it, erase the person, or list the
    /// people to renew consent for or erase.
    Person {
        #[command(subcommand)]
        action: person::PersonCommand,
    },
    /// Where the catalogue is and what it holds.
    Info {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum ThesaurusAction {
    /// List the concept groups.
    List {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Add a term to a group (a new group if the id is new).
    Add {
        /// Group id.
        group: String,
        /// The term.
        term: String,
    },
    /// Remove a term from a group.
    Remove {
        /// Group id.
        group: String,
        /// The term.
        term: String,
    },
    /// Move every term of one group into another.
    Merge {
        /// The group that goes.
        from: String,
        /// The group that stays.
        into: String,
    },
    /// Remove a whole group.
    RemoveGroup {
        /// Group id.
        group: String,
    },
    /// Additions proposed from the coordinator's decisions: a need's word and
    /// an offer's word found together in agreed or shortlisted matches.
    Suggestions {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Accept a proposed addition into the thesaurus.
    Accept {
        /// The need's word.
        need_word: String,
        /// The offer's word.
        offer_word: String,
    },
    /// Reject a proposed addition; it is not proposed again.
    Reject {
        /// The need's word.
        need_word: String,
        /// The offer's word.
        offer_word: String,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum What {
    Offers,
    Needs,
    Organisations,
    People,
}

/// jemalloc, as in the app: it gives what the offer index's build freed
/// back to the system at once (`.cargo/config.toml` sets the decay), where
/// glibc's malloc keeps it, one arena per thread (`kompis match` at 20,000
/// offers: crates/kompis-match/BENCHMARKS.md).
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("kompis: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// What `kompis backup` does.
#[derive(Subcommand)]
enum BackupAction {
    /// The backups, newest first.
    List {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Write a backup now (and prune the old ones), in the second folder too when one is chosen.
    Now,
    /// Choose a second folder the backups are also written to (a USB stick, a synced folder).
    Second {
        /// The folder (it must exist); kept with the catalogue.
        #[arg(value_name = "DIR", required_unless_present = "clear")]
        folder: Option<PathBuf>,
        /// Stop writing to the second folder (its backups stay).
        #[arg(long, conflicts_with = "folder")]
        clear: bool,
    },
    /// Restore a backup into a new catalogue folder (the current one is not touched).
    Restore {
        /// The backup file.
        file: PathBuf,
        /// The new catalogue folder (must not exist or be empty).
        #[arg(long, value_name = "DIR")]
        to: PathBuf,
    },
}

/// Reads the backup at `file` into a new catalogue at `to`.
fn restore(file: &std::path::Path, to: &std::path::Path) -> Result<()> {
    let s = api::restore_backup_file(file, to)?;
    say!(
        "Restored {} organisations, {} people, {} offers, {} needs and {} matches from {} into {}.",
        s.organisations,
        s.people,
        s.offers,
        s.needs,
        s.matches,
        file.display(),
        to.display()
    );
    Ok(())
}

fn backup(cat: &Catalogue, action: BackupAction) -> Result<()> {
    match action {
        BackupAction::List { json } => {
            let list = api::list_backups(cat)?;
            if json {
                print_json(&list)?;
            } else {
                let rows = list
                    .iter()
                    .map(|b| {
                        let place = if b.second { "second" } else { "beside" };
                        vec![
                            b.at.replace('T', " "),
                            b.bytes.to_string(),
                            place.to_string(),
                            b.file.clone(),
                            b.folder.clone(),
                        ]
                    })
                    .collect();
                table::print(&["WRITTEN", "BYTES", "WHERE", "FILE", "FOLDER"], rows);
            }
        }
        BackupAction::Now => {
            let b = api::backup_now(cat)?;
            say!("Wrote the backup {} in {}.", b.file, b.folder);
            second_copy(cat)?;
        }
        BackupAction::Second { folder, clear: _ } => {
            let view = api::set_second_backup_folder(cat, folder.as_deref())?;
            match &view.second {
                Some(second) => {
                    say!("The backups are also written to {second}.");
                    second_copy(cat)?;
                }
                None => say!("The backups are written beside the catalogue only."),
            }
        }
        BackupAction::Restore { file, to } => restore(&file, &to)?,
    }
    Ok(())
}

/// How the last backup's copy to the second folder went, if one is chosen.
fn second_copy(cat: &Catalogue) -> Result<()> {
    if let Some(copy) = api::settings(cat)?.second_copy {
        match copy.failed {
            Some(reason) => say!(
                "The last backup to {} failed: {reason}; the one beside the catalogue was written.",
                copy.folder
            ),
            None => say!("Wrote it in {} too.", copy.folder),
        }
    }
    Ok(())
}

fn print_json<T: Serialize>(value: &T) -> Result<()> {
    say!("{}", serde_json::to_string_pretty(value)?);
    Ok(())
}

fn run(cli: Cli) -> Result<()> {
    let dir = resolve_catalogue_dir(cli.db);
    // Restoring reads a backup into a new folder and never opens the
    // catalogue, which may be the damaged one.
    if let Command::Backup {
        action: BackupAction::Restore { file, to },
    } = &cli.command
    {
        return restore(file, to);
    }
    let cat = Catalogue::open(&dir)?;
    match cli.command {
        Command::Backup { action } => backup(&cat, action)?,
        Command::Check { json } => {
            let report = api::check_catalogue(&cat)?;
            if json {
                print_json(&report)?;
            } else if report.ok {
                say!(
                    "The catalogue is whole: {} organisations, {} people, {} offers, {} needs and {} matches read, every reference found.",
                    report.organisations,
                    report.people,
                    report.offers,
                    report.needs,
                    report.matches
                );
            } else {
                for p in &report.problems {
                    say!("{p}");
                }
            }
            if !report.ok {
                anyhow::bail!(
                    "the catalogue in {} has {} problem(s); restore the newest good backup into a new folder with `kompis backup restore FILE --to DIR`",
                    dir.display(),
                    report.problems.len()
                );
            }
        }
        Command::Import { file } => {
            let s = api::import_bundle_file(&cat, &file)?;
            say!(
                "Imported {}: {} organisations, {} people, {} offers, {} needs, {} matches.",
                file.display(),
                s.organisations,
                s.people,
                s.offers,
                s.needs,
                s.matches
            );
        }
        Command::Export { out } => {
            let s = api::export_bundle_file(&cat, &out)?;
            say!(
                "Exported {} organisations, {} people, {} offers, {} needs and {} matches to {}.",
                s.organisations,
                s.people,
                s.offers,
                s.needs,
                s.matches,
                out.display()
            );
        }
        Command::List { what, json } => list(&cat, what, json)?,
        Command::Search { text, json } => {
            let hits = api::search(&cat, text)?;
            if json {
                print_json(&hits)?;
            } else {
                let rows = hits
                    .iter()
                    .map(|h| vec![h.kind.word().to_string(), h.id.clone(), h.title.clone()])
                    .collect();
                table::print(&["KIND", "ID", "TITLE"], rows);
            }
        }
        Command::Match {
            offer: Some(offer),
            top,
            json,
            ..
        } => {
            let needs = api::needs_for_offer(&cat, offer, Some(top as u32))?;
            if json {
                print_json(&needs)?;
            } else {
                for n in needs {
                    say!(
                        "  {:>3.0} %  {}  {}  {}",
                        n.score * 100.0,
                        n.need.id,
                        n.need.title,
                        n.reasons.join("; ")
                    );
                }
            }
        }
        Command::Match {
            need: None,
            top,
            json: true,
            ..
        } => match_json::print_all(&cat, top)?,
        Command::Match {
            need, top, json, ..
        } => {
            let ranked = api::rank_needs(&cat, need.as_deref(), top)
                .with_context(|| "could not rank the offers")?;
            if json {
                print_json(&serde_json::json!({ "needs": ranked }))?;
            } else {
                // Each entry by its title and organisation, not only its id.
                let named = |side: Side, id: &str| -> Result<String> {
                    let row = api::entry_row(&cat, side, id.to_string())?;
                    Ok(match row.organisation_name {
                        Some(org) => format!("{} — {org}", row.entry.title),
                        None => row.entry.title,
                    })
                };
                for n in ranked {
                    say!("{}  {}", n.need, named(Side::Need, &n.need)?);
                    if n.matches.is_empty() {
                        say!("  (no offer above the threshold)");
                    }
                    for m in n.matches {
                        say!(
                            "  {:>3.0} %  {}  {}",
                            m.score * 100.0,
                            m.offer,
                            named(Side::Offer, &m.offer)?
                        );
                        if !m.reasons.is_empty() {
                            say!("          {}", m.reasons.join("; "));
                        }
                    }
                }
            }
        }
        Command::Demo => {
            let s = api::load_demo(&cat)?;
            say!(
                "Loaded the example network: {} organisations, {} people, {} offers, {} needs.",
                s.organisations,
                s.people,
                s.offers,
                s.needs
            );
        }
        Command::Sheet {
            format,
            out,
            need,
            organisation,
            status,
            lang,
            layout,
            separator,
        } => {
            let scope = match (need.is_empty(), organisation, status) {
                (false, _, _) => SheetScope::Needs { ids: need },
                (true, Some(id), _) => SheetScope::Organisation { id },
                (true, None, Some(status)) => SheetScope::Status { status },
                (true, None, None) => SheetScope::All,
            };
            let separator = match separator {
                ';' => Separator::Semicolon,
                ',' => Separator::Comma,
                other => anyhow::bail!("--separator must be ';' or ',', got {other:?}"),
            };
            let organisation_scope = matches!(scope, SheetScope::Organisation { .. });
            let request = SheetRequest {
                format,
                separator: Some(separator),
                layout: Some(match layout {
                    Some(layout) => layout,
                    None if organisation_scope => PdfLayout::PerOrganisation,
                    None => PdfLayout::PerNeed,
                }),
                scope,
                lang,
            };
            let s = api::export_sheet_file(&cat, &request, &out)?;
            let pages = s.pages.map(|p| format!(", {p} pages")).unwrap_or_default();
            say!(
                "Wrote {} ({} needs, {} offers, {} matches{pages}).",
                out.display(),
                s.needs,
                s.offers,
                s.matches
            );
            for w in s.warnings {
                eprintln!("kompis: note: {w}");
            }
        }
        Command::Status {
            need,
            offer,
            status,
            reason,
            note,
        } => {
            let r = api::set_match_status(
                &cat,
                StatusChange {
                    need,
                    offer,
                    status,
                    reason,
                    note,
                },
            )?;
            say!(
                "{} → {}: {}",
                r.need,
                r.offer,
                serde_json::to_value(status)?.as_str().unwrap_or_default()
            );
        }
        Command::Back { need, offer } => {
            let r = api::step_back_match(&cat, need, offer)?;
            let status = r.status.unwrap_or(MatchStatus::Suggested);
            say!(
                "{} → {}: {}",
                r.need,
                r.offer,
                serde_json::to_value(status)?.as_str().unwrap_or_default()
            );
        }
        Command::Outcome {
            need,
            offer,
            kind,
            date,
            note,
            level,
        } => {
            let r = api::record_outcome(
                &cat,
                OutcomeRequest {
                    need,
                    offer,
                    kind,
                    date,
                    note,
                    level,
                },
            )?;
            let o = r.outcomes.last().expect("the outcome just recorded");
            let n = r.outcomes.len();
            say!(
                "{} → {}: {} on {} ({n} outcome{} recorded).",
                r.need,
                r.offer,
                o.kind.word(),
                o.date,
                if n == 1 { "" } else { "s" }
            );
        }
        Command::Report {
            out,
            from,
            to,
            municipality,
            lang,
        } => {
            let query = InsightQuery {
                from,
                to,
                municipality,
            };
            let s = api::export_report_file(&cat, ReportRequest { query, lang }, &out)?;
            let pages = s.pages.map(|p| format!(", {p} pages")).unwrap_or_default();
            say!(
                "Wrote the network report to {} ({} bytes{pages}).",
                out.display(),
                s.bytes
            );
            for w in s.warnings {
                eprintln!("note: {w}");
            }
        }
        Command::Followup { weeks, json } => {
            let list = api::follow_ups(&cat, weeks)?;
            if json {
                print_json(&list)?;
            } else {
                let rows = list
                    .into_iter()
                    .map(|f| {
                        vec![
                            f.agreed_at,
                            f.weeks.to_string(),
                            format!("{} {}", f.need, f.need_title),
                            f.need_organisation.unwrap_or_default(),
                            format!("{} {}", f.offer, f.offer_title),
                            f.offer_organisation.unwrap_or_default(),
                        ]
                    })
                    .collect();
                table::print(
                    &["AGREED", "WEEKS", "NEED", "ASKED BY", "OFFER", "OFFERED BY"],
                    rows,
                );
            }
        }
        Command::Declined { need, json } => {
            let list = api::declined_for_need(&cat, need)?;
            if json {
                print_json(&list)?;
            } else {
                let rows = list
                    .iter()
                    .map(|m| {
                        let reason = m
                            .decline_reason
                            .map(|r| serde_json::to_value(r).unwrap_or_default());
                        vec![
                            m.offer.id.clone(),
                            m.offer.title.clone(),
                            reason
                                .and_then(|r| r.as_str().map(str::to_string))
                                .unwrap_or_default(),
                            m.decline_note
                                .clone()
                                .or_else(|| m.note.clone())
                                .unwrap_or_default(),
                        ]
                    })
                    .collect();
                table::print(&["OFFER", "TITLE", "REASON", "NOTE"], rows);
            }
        }
        Command::Gaps { json } => {
            let gaps = api::all_competence_gaps(&cat)?;
            if json {
                let entries: Vec<_> = gaps.into_iter().map(|r| r.entry).collect();
                print_json(&entries)?;
            } else {
                let rows = gaps
                    .into_iter()
                    .map(|r| {
                        vec![
                            r.entry.id,
                            r.entry.title,
                            r.organisation_name.unwrap_or_default(),
                        ]
                    })
                    .collect();
                table::print(&["ID", "TITLE", "ORGANISATION"], rows);
            }
        }
        Command::Thesaurus { action } => thesaurus(&cat, action)?,
        Command::Delete { kind, id } => {
            api::delete_entity(&cat, kind, id.clone())?;
            say!("Moved {} {id} to the trash.", kind.word());
        }
        Command::Trash { json } => {
            let items = api::all_trash(&cat)?;
            if json {
                print_json(&items)?;
            } else {
                let rows = items
                    .iter()
                    .map(|t| {
                        vec![
                            t.kind.word().into(),
                            t.id.clone(),
                            t.label.clone(),
                            t.deleted_at.clone(),
                        ]
                    })
                    .collect();
                table::print(&["KIND", "ID", "LABEL", "DELETED"], rows);
            }
        }
        Command::Restore { kind, id } => {
            api::restore_entity(&cat, kind, id.clone())?;
            say!("Restored {} {id}.", kind.word());
        }
        Command::Serve { port } => serve::run(cat, port)?,
        Command::Intake { action } => intake::run(&cat, action)?,
        Command::Jobs { action } => jobs::run(&cat, action)?,
        Command::Person { action } => person::run(&cat, action)?,
        Command::Info { json } => {
            let info = api::catalogue_info(&cat)?;
            if json {
                print_json(&info)?;
            } else {
                let c = info.counts;
                say!("Catalogue: {} (schema {})", info.path, info.schema_version);
                say!(
                    "{} organisations, {} people, {} offers, {} needs, {} in the trash",
                    c.organisations,
                    c.people,
                    c.offers,
                    c.needs,
                    c.trash
                );
            }
        }
    }
    Ok(())
}

fn thesaurus(cat: &Catalogue, action: ThesaurusAction) -> Result<()> {
    let edit = match action {
        ThesaurusAction::List { json } => {
            let concepts = api::list_concepts(cat)?;
            if json {
                return print_json(&concepts);
            }
            let rows = concepts
                .into_iter()
                .map(|c| vec![c.id, c.terms.join(", ")])
                .collect();
            table::print(&["GROUP", "TERMS"], rows);
            return Ok(());
        }
        ThesaurusAction::Add { group, term } => ThesaurusEdit::AddTerm { group, term },
        ThesaurusAction::Remove { group, term } => ThesaurusEdit::RemoveTerm { group, term },
        ThesaurusAction::Merge { from, into } => ThesaurusEdit::Merge { from, into },
        ThesaurusAction::RemoveGroup { group } => ThesaurusEdit::RemoveGroup { group },
        ThesaurusAction::Suggestions { json } => {
            let found = api::thesaurus_suggestions(cat)?;
            if json {
                return print_json(&found);
            }
            if found.is_empty() {
                say!("No proposals: they come from agreed and shortlisted matches.");
                return Ok(());
            }
            let rows = found
                .into_iter()
                .map(|s| {
                    vec![
                        s.need_word,
                        s.offer_word,
                        format!("together in {} matches ({} agreed)", s.matches, s.agreed),
                    ]
                })
                .collect();
            table::print(&["NEED WORD", "OFFER WORD", "EVIDENCE"], rows);
            return Ok(());
        }
        ThesaurusAction::Accept {
            need_word,
            offer_word,
        } => return decide_suggestion(cat, need_word, offer_word, true),
        ThesaurusAction::Reject {
            need_word,
            offer_word,
        } => return decide_suggestion(cat, need_word, offer_word, false),
    };
    let groups = api::edit_thesaurus(cat, edit)?;
    say!("Saved the thesaurus ({} concept groups).", groups.len());
    Ok(())
}

/// Accepts or rejects one proposed thesaurus addition.
fn decide_suggestion(
    cat: &Catalogue,
    need_word: String,
    offer_word: String,
    accept: bool,
) -> Result<()> {
    let decision = ThesaurusDecision {
        need_word: need_word.clone(),
        offer_word: offer_word.clone(),
        accept,
    };
    let left = api::decide_thesaurus_suggestion(cat, decision)?.len();
    if accept {
        say!("Linked «{need_word}» and «{offer_word}» in the thesaurus; {left} proposals left.");
    } else {
        say!(
            "Rejected «{need_word}» and «{offer_word}»: not proposed again; {left} proposals left."
        );
    }
    Ok(())
}

fn list(cat: &Catalogue, what: What, json: bool) -> Result<()> {
    match what {
        What::Organisations => {
            let v = api::all_organisations(cat)?;
            if json {
                return print_json(&v);
            }
            let rows = v
                .iter()
                .map(|o| {
                    vec![
                        o.id.clone(),
                        o.name.clone(),
                        o.municipality.clone().unwrap_or_default(),
                    ]
                })
                .collect();
            table::print(&["ID", "NAME", "MUNICIPALITY"], rows);
        }
        What::People => {
            let v = api::all_people(cat)?;
            if json {
                return print_json(&v);
            }
            let rows = v
                .iter()
                .map(|p| {
                    let name = if p.consents() {
                        p.name.clone()
                    } else {
                        "(not listed)".into()
                    };
                    vec![
                        p.id.clone(),
                        name,
                        p.role.clone().unwrap_or_default(),
                        p.organisation.clone().unwrap_or_default(),
                    ]
                })
                .collect();
            table::print(&["ID", "NAME", "ROLE", "ORGANISATION"], rows);
        }
        What::Offers | What::Needs => {
            let side = if matches!(what, What::Offers) {
                Side::Offer
            } else {
                Side::Need
            };
            let rows = api::all_entries(cat, side, EntryQuery::default())?;
            if json {
                let entries: Vec<_> = rows.into_iter().map(|r| r.entry).collect();
                return print_json(&entries);
            }
            let rows = rows
                .into_iter()
                .map(|r| {
                    vec![
                        r.entry.id,
                        r.entry.title,
                        serde_json::to_value(r.entry.kind)
                            .ok()
                            .and_then(|v| v.as_str().map(str::to_string))
                            .unwrap_or_default(),
                        r.organisation_name.unwrap_or_default(),
                    ]
                })
                .collect();
            table::print(&["ID", "TITLE", "KIND", "ORGANISATION"], rows);
        }
    }
    Ok(())
}
