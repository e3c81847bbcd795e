//! `kompis person`: a person's data under GDPR. What the catalogue holds
//! about them ("Innsyn", as JSON or a PDF), erasing them everywhere, and
//! the people to renew consent for or erase.

use std::path::PathBuf;

use anyhow::Result;
use clap::Subcommand;
use kompis_core::api::wire::SheetLang;
use kompis_core::api::{self, Catalogue};

use crate::{print_json, table};

#[derive(Subcommand)]
pub enum PersonCommand {
    /// Write everything the catalogue holds about a person: FILE.json or
    /// FILE.pdf (readable, A4).
    Export {
        /// The person's id.
        id: String,
        /// Where to write it: FILE.json or FILE.pdf.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// The PDF's language.
        #[arg(long, default_value = "nb")]
        lang: SheetLang,
    },
    /// Erase a person everywhere: store, trash, match notes, contacts.
    /// Older backups hold them until they are pruned (the date is printed).
    Erase {
        /// The person's id.
        id: String,
    },
    /// People with no active entry and no change for N months, oldest
    /// first: to renew their consent or erase them.
    Retention {
        /// Months without a change.
        #[arg(long, value_name = "N", default_value_t = kompis_core::model::privacy::RETENTION_MONTHS)]
        months: u32,
        /// Print JSON: [{"id", "name", "organisation"?, "consent"?, "last_change"?}].
        #[arg(long)]
        json: bool,
    },
}

pub fn run(cat: &Catalogue, command: PersonCommand) -> Result<()> {
    match command {
        PersonCommand::Export { id, out, lang } => {
            let s = api::export_person_file(cat, &id, lang, &out)?;
            let pages = s.pages.map(|p| format!(", {p} pages")).unwrap_or_default();
            say!(
                "Wrote what the catalogue holds about {id} to {} ({} bytes{pages}).",
                out.display(),
                s.bytes
            );
            for w in s.warnings {
                eprintln!("note: {w}");
            }
        }
        PersonCommand::Erase { id } => {
            let s = api::erase_person(cat, id)?;
            say!("{}", s.message);
        }
        PersonCommand::Retention { months, json } => {
            let rows = api::retention(cat, Some(months))?;
            if json {
                return print_json(&rows);
            }
            table::print(
                &["ID", "NAME", "CONSENT", "LAST CHANGE"],
                rows.into_iter()
                    .map(|r| {
                        vec![
                            r.id,
                            r.name,
                            match r.consent {
                                Some(true) => "yes",
                                Some(false) => "no",
                                None => "-",
                            }
                            .into(),
                            r.last_change
                                .map(|t| t.format("%Y-%m-%d").to_string())
                                .unwrap_or_else(|| "never recorded".into()),
                        ]
                    })
                    .collect(),
            );
        }
    }
    Ok(())
}
