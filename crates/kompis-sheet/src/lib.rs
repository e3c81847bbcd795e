//! Match sheets: what a coordinator hands out at a network meeting or sends to a
//! member — who should talk to whom, and why.
//!
//! The input is plain catalogue data plus the ranked matches ([`SheetInput`]);
//! the output is one file in one of three formats ([`Format`]):
//!
//! - **PDF** (krilla): A4, DejaVu Sans embedded as a subset (with a cut-down
//!   Symbola for emoji; `fonts/README.md`), a header with the
//!   network's name and the date, "Side 1 av N" in the footer, and one of three
//!   layouts ([`PdfLayout`]): one page per need, "Dine treff" per organisation,
//!   or a network summary.
//! - **XLSX** (rust_xlsxwriter): sheets for matches, needs, offers,
//!   organisations and people, with a frozen, filterable header row.
//! - **CSV**: the match table, UTF-8 with a byte-order mark, `;` by default.
//!
//! Wherever a match's status is shown, so is the day it was reached and what
//! came of the pair ([`SheetMatch::history`], [`SheetMatch::outcomes`]): a
//! line under the status in the PDF, the columns "Statusdato" and "Utfall"
//! at the end of the match table (XLSX and CSV), and in the XLSX a
//! "Historikk" column with every change.
//!
//! Invariants, in every format:
//! - a person without `consent == Some(true)` appears by role and organisation
//!   only (no name, e-mail, phone or notes);
//! - catalogue text is written as text, never as a formula (XLSX strings,
//!   OWASP-neutralised CSV cells);
//! - XLSX and CSV keep every character of the catalogue text; the PDF wraps
//!   and, where a page would overflow, shortens with "…".
//!
//! Files are written atomically: to a temporary file beside the target, then
//! renamed over it.
//!
//! The **network report** ([`write_report`]) is one [`Insight`] value as a
//! PDF for the board (cover, key figures, vector charts, competence gaps,
//! named collaborations, a methods note) or as an XLSX of the figures
//! behind it; both show a count below 3 as "< 3".
//!
//! This crate knows nothing of the store or of Tauri; the CLI and the app
//! gather the data and call [`write_sheet`], [`preview`] or [`write_report`].
//!
//! [`Insight`]: kompis_model::insight::Insight

mod csv;
mod jobs;
mod labels;
mod pdf;
mod person;
mod preview;
mod preview_types;
mod report;
mod rows;
mod select;
mod text;
mod track;
mod xlsx;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;
use kompis_model::{Entry, MatchStatus, Organisation, Outcome, Person, StatusEvent};
use serde::{Deserialize, Serialize};

pub use jobs::{
    render_job_sheet, write_job_sheet, JobSheetInput, JobSheetSummary, JobSheetVacancy,
};
pub use person::{render_person_sheet, write_person_sheet, PersonSheetInput};
pub use preview_types::{PreviewLine, PreviewStyle, PreviewTable, SheetPreview};
pub use report::{render_report, write_report, ReportFormat, ReportInput, ReportSummary};

/// Everything a sheet is made from: the catalogue and the ranked matches.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SheetInput {
    /// Shown in every PDF page header and in the XLSX properties.
    pub network_name: String,
    /// The sheet's date (the meeting's), shown as dd.mm.åååå.
    pub date: NaiveDate,
    pub organisations: Vec<Organisation>,
    pub people: Vec<Person>,
    pub needs: Vec<Entry>,
    pub offers: Vec<Entry>,
    /// Ranked suggestions and the coordinator's decisions, any order.
    pub matches: Vec<SheetMatch>,
}

/// One need–offer pair as it appears on a sheet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SheetMatch {
    /// A need id.
    pub need: String,
    /// An offer id.
    pub offer: String,
    /// 0..1, higher is better.
    pub score: f64,
    /// Why the two match, one short sentence each, in bokmål (shared, not
    /// copied, with the ranking the sheet was made from).
    pub reasons: Arc<[String]>,
    /// The same sentences in English (none: the bokmål ones are used).
    #[serde(default, skip_serializing_if = "<[String]>::is_empty")]
    pub reasons_en: Arc<[String]>,
    pub status: MatchStatus,
    pub note: Option<String>,
    /// Every status change, oldest first, as [`kompis_model::MatchRecord::events`] gives
    /// them (so a record written without a history still has its last one).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<StatusEvent>,
    /// What came of the pair, in the order recorded.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outcomes: Vec<Outcome>,
}

impl SheetMatch {
    /// Why the two match, in the sheet's language.
    pub fn why(&self, lang: SheetLang) -> &[String] {
        match lang {
            SheetLang::En if !self.reasons_en.is_empty() => &self.reasons_en,
            _ => &self.reasons,
        }
    }
}

/// The file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    Pdf,
    Xlsx,
    /// `separator` is `b';'` (Norwegian Excel) or `b','`.
    Csv {
        separator: u8,
    },
}

impl Format {
    /// CSV with `;`, what Norwegian Excel opens by double-click.
    pub const CSV: Format = Format::Csv { separator: b';' };

    /// The usual file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Xlsx => "xlsx",
            Format::Csv { .. } => "csv",
        }
    }
}

/// The language of the sheet's labels (catalogue text is never translated).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
#[serde(rename_all = "snake_case")]
pub enum SheetLang {
    /// Bokmål.
    #[default]
    Nb,
    En,
}

/// Which part of the catalogue goes on the sheet.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// Every need, offer and match.
    #[default]
    All,
    /// These needs (ids) and their matches.
    Needs(Vec<String>),
    /// One organisation's needs and offers and their matches ("Dine treff").
    Organisation(String),
    /// The matches with this status, and the needs and offers they join.
    Status(MatchStatus),
}

/// How the PDF is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
#[serde(rename_all = "snake_case")]
pub enum PdfLayout {
    /// One page per need: the need, its owner and contact, the top matches.
    #[default]
    PerNeed,
    /// "Dine treff": per organisation, its needs and offers and their matches.
    PerOrganisation,
    /// Counts by kind and municipality, agreed matches, needs with no match.
    Summary,
}

/// What to write.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SheetOptions {
    pub format: Format,
    pub scope: Scope,
    pub lang: SheetLang,
    /// Used when `format` is [`Format::Pdf`].
    pub pdf_layout: PdfLayout,
}

impl SheetOptions {
    /// Everything, in bokmål, in `format` (PDF: one page per need).
    pub fn new(format: Format) -> Self {
        SheetOptions {
            format,
            scope: Scope::All,
            lang: SheetLang::Nb,
            pdf_layout: PdfLayout::PerNeed,
        }
    }
}

/// What [`write_sheet`] wrote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct SheetSummary {
    #[ts(type = "string")]
    pub path: PathBuf,
    /// A file size fits a JavaScript number.
    #[ts(type = "number")]
    pub bytes: u64,
    /// PDF only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub pages: Option<u32>,
    pub needs: usize,
    pub offers: usize,
    pub matches: usize,
    /// Things the reader should know, as sentences (e.g. text shortened in the PDF).
    pub warnings: Vec<String>,
}

/// Why a sheet could not be written.
#[derive(Debug, thiserror::Error)]
pub enum SheetError {
    /// The options or scope do not fit the catalogue.
    #[error("{0}")]
    Invalid(String),
    /// Reading or writing a file failed.
    #[error("could not write {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The PDF or XLSX library refused the document.
    #[error("could not build the {format} file: {message}")]
    Render {
        format: &'static str,
        message: String,
    },
}

impl SheetError {
    /// A stable code, as used over IPC: "invalid", "io" or "render".
    pub fn code(&self) -> &'static str {
        match self {
            SheetError::Invalid(_) => "invalid",
            SheetError::Io { .. } => "io",
            SheetError::Render { .. } => "render",
        }
    }
}

/// The bytes of a sheet, and what they hold.
pub(crate) struct Rendered {
    pub bytes: Vec<u8>,
    pub pages: Option<u32>,
    pub warnings: Vec<String>,
}

/// Render the sheet to memory without writing it anywhere.
pub fn render(input: &SheetInput, opts: &SheetOptions) -> Result<Vec<u8>, SheetError> {
    Ok(render_inner(input, opts)?.0.bytes)
}

fn render_inner(
    input: &SheetInput,
    opts: &SheetOptions,
) -> Result<(Rendered, select::SelectionCounts), SheetError> {
    let cat = select::Lookup::new(input, opts.lang);
    let sel = select::Selection::new(&cat, &opts.scope)?;
    let rendered = match opts.format {
        Format::Pdf => pdf::render(&cat, &sel, opts.pdf_layout)?,
        Format::Xlsx => xlsx::render(&cat, &sel)?,
        Format::Csv { separator } => csv::render(&cat, &sel, separator)?,
    };
    Ok((rendered, sel.counts()))
}

/// Write a match sheet to `out`, atomically (temporary file, then rename).
///
/// On error nothing is left at `out` (an existing file there is untouched).
pub fn write_sheet(
    input: &SheetInput,
    opts: &SheetOptions,
    out: &Path,
) -> Result<SheetSummary, SheetError> {
    let (rendered, counts) = render_inner(input, opts)?;
    write_atomically(out, &rendered.bytes)?;
    Ok(SheetSummary {
        path: out.to_path_buf(),
        bytes: rendered.bytes.len() as u64,
        pages: rendered.pages,
        needs: counts.needs,
        offers: counts.offers,
        matches: counts.matches,
        warnings: rendered.warnings,
    })
}

/// The first page (PDF) or the first rows (XLSX, CSV) as structured text the
/// app can show before saving.
pub fn preview(input: &SheetInput, opts: &SheetOptions) -> SheetPreview {
    preview::build(input, opts)
}

/// Write `bytes` to `out` through a temporary sibling and a rename, so a
/// crash never leaves half a file; an existing file is untouched on error.
pub fn write_atomically(out: &Path, bytes: &[u8]) -> Result<(), SheetError> {
    let io_err = |source| SheetError::Io {
        path: out.to_path_buf(),
        source,
    };
    let dir = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".kompis-sheet-").suffix(".tmp");
    // A temporary file is private (0600); the sheet is an ordinary file, so
    // ask for 0666 and let the umask decide, as `File::create` would.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(dir).map_err(io_err)?;
    tmp.write_all(bytes).map_err(io_err)?;
    tmp.as_file().sync_all().map_err(io_err)?;
    tmp.persist(out).map_err(|e| io_err(e.error))?;
    Ok(())
}
