//! The job sheet: "Ledige stillinger i nettverket" for a recruitment fair
//! or a candidate's visit, and the personal job package of one job seeker,
//! from plain data ([`JobSheetInput`]).
//!
//! - **PDF** ([`pdf`]): A4, the coordinator's text about the region at the
//!   top, the vacancies grouped by occupation field (title, organisation,
//!   municipality, percent, permanent or temporary, the deadline as
//!   dd.mm.åååå, the contact, the link); a package ranks them instead, each
//!   with why and the driving time from where the seeker will live.
//! - **XLSX** ([`xlsx`]): the same rows, one per vacancy, with a sheet about
//!   the region (and the seeker).
//!
//! Invariants, in both formats: a contact person without consent appears
//! by role only; a job seeker appears by name only with their consent
//! (otherwise as "job seeker" and their id).

mod labels;
mod pdf;
mod rows;
mod xlsx;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use kompis_model::{EntryKind, JobReason, JobSeeker, Person, Vacancy};
use serde::{Deserialize, Serialize};

use crate::report::ReportFormat;
use crate::{write_atomically, Rendered, SheetError, SheetLang};

/// What a job sheet is made from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JobSheetInput {
    /// In every PDF page header.
    pub network_name: String,
    /// The sheet's date, shown as dd.mm.åååå.
    pub date: NaiveDate,
    pub lang: SheetLang,
    /// The coordinator's short text about the region, at the top.
    pub region_text: Option<String>,
    /// What the sheet was narrowed to (a municipality, a field's name), said
    /// under the title.
    pub filter: Option<String>,
    /// The open vacancies; a package's in rank order, best first.
    pub vacancies: Vec<JobSheetVacancy>,
    /// For a personal job package: the job seeker it is for.
    pub seeker: Option<JobSeeker>,
}

/// One vacancy (or, in a package for a student, student project) on a job sheet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JobSheetVacancy {
    pub id: String,
    pub title: String,
    pub kind: EntryKind,
    pub description: Option<String>,
    pub organisation: Option<String>,
    /// Where the work is.
    pub municipality: Option<String>,
    pub vacancy: Vacancy,
    /// Shown by name only with their consent.
    pub contact: Option<Person>,
    /// Packages only: 0..1.
    pub score: Option<f64>,
    /// Packages only: why, strongest first.
    pub reasons: Vec<JobReason>,
    /// Packages only: driving minutes from where the seeker will live.
    pub commute_minutes: Option<u32>,
}

/// What [`write_job_sheet`] wrote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct JobSheetSummary {
    #[ts(type = "string")]
    pub path: PathBuf,
    /// A file size fits a JavaScript number.
    #[ts(type = "number")]
    pub bytes: u64,
    /// PDF only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub pages: Option<u32>,
    /// How many vacancies it lists.
    pub vacancies: u32,
    /// Things the reader should know, as sentences.
    pub warnings: Vec<String>,
}

/// The job sheet's bytes, without writing them anywhere.
pub fn render_job_sheet(
    input: &JobSheetInput,
    format: ReportFormat,
) -> Result<Vec<u8>, SheetError> {
    Ok(render(input, format)?.bytes)
}

/// Write the job sheet to `target` (PDF or XLSX), atomically; on error
/// nothing is left at `target`.
pub fn write_job_sheet(
    input: &JobSheetInput,
    format: ReportFormat,
    target: &Path,
) -> Result<JobSheetSummary, SheetError> {
    let rendered = render(input, format)?;
    write_atomically(target, &rendered.bytes)?;
    Ok(JobSheetSummary {
        path: target.to_path_buf(),
        bytes: rendered.bytes.len() as u64,
        pages: rendered.pages,
        vacancies: input.vacancies.len() as u32,
        warnings: rendered.warnings,
    })
}

fn render(input: &JobSheetInput, format: ReportFormat) -> Result<Rendered, SheetError> {
    match format {
        ReportFormat::Pdf => pdf::render(input),
        ReportFormat::Xlsx => xlsx::render(input),
    }
}
