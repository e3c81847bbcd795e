//! The job sheet from the store: the open vacancies (of a municipality or a
//! field, if asked) with the coordinator's text about the region, or one
//! job seeker's personal package of ranked vacancies; `kompis-sheet` lays
//! it out as PDF or XLSX.

use std::path::Path;

use chrono::Local;
use kompis_sheet::{JobSheetInput, JobSheetSummary, JobSheetVacancy, ReportFormat};

use crate::catalogue::Catalogue;
use crate::error::Result;
use crate::keys;
use crate::model::jobs::job_field;
use crate::model::Entry;
use crate::sheets::NETWORK_NAME;
use crate::vacancies::{self, Directory};
use crate::wire::{JobSheetRequest, SheetLang, VacancyQuery};

/// How many ranked vacancies a personal package lists at most.
pub(crate) const PACKAGE_TOP: usize = 10;
/// A package leaves out vacancies that fit less than this.
pub(crate) const PACKAGE_MIN_SCORE: f64 = 0.2;

/// The coordinator's text about the region ("" when none is written).
pub(crate) fn region_text(cat: &Catalogue) -> Result<String> {
    Ok(cat
        .setting::<String>(keys::REGION_TEXT)?
        .unwrap_or_default())
}

/// A vacancy as the sheet shows it.
fn sheet_vacancy(dir: &Directory, e: Entry) -> JobSheetVacancy {
    JobSheetVacancy {
        municipality: dir.work_place(&e),
        organisation: dir.org(&e).map(|o| o.name.clone()),
        contact: dir.contact(&e).cloned(),
        id: e.id,
        title: e.title,
        kind: e.kind,
        description: e.description,
        vacancy: e.vacancy.unwrap_or_default(),
        score: None,
        reasons: Vec::new(),
        commute_minutes: None,
    }
}

/// Writes the job sheet `request` asks for to `path` (PDF or XLSX by its
/// extension), atomically.
pub(crate) fn write(
    cat: &Catalogue,
    request: &JobSheetRequest,
    path: &Path,
) -> Result<JobSheetSummary> {
    let format = ReportFormat::from_path(path)?;
    let input = input(cat, request)?;
    Ok(kompis_sheet::write_job_sheet(&input, format, path)?)
}

/// What the sheet is made from.
pub(crate) fn input(cat: &Catalogue, request: &JobSheetRequest) -> Result<JobSheetInput> {
    let dir = Directory::load(cat)?;
    let text = region_text(cat)?;
    let field = vacancies::field_filter("job sheet request", request.field.as_deref())?;
    let mut filter: Vec<String> = Vec::new();
    if let Some(m) = request
        .municipality
        .as_deref()
        .filter(|m| !m.trim().is_empty())
    {
        filter.push(m.trim().to_string());
    }
    if let Some(f) = field.and_then(job_field) {
        filter.push(match request.lang {
            SheetLang::Nb => f.nb,
            SheetLang::En => f.en,
        });
    }
    let (vacancies, seeker) = match &request.seeker {
        Some(id) => {
            let seeker = cat.seeker(id)?;
            let ranked = crate::job_matching::match_seeker(cat, &seeker, PACKAGE_TOP)?;
            let mut rows = Vec::new();
            for m in ranked.matches {
                let e = cat.entry(crate::model::EntityKind::Offer, &m.offer)?;
                let place_ok = request.municipality.as_deref().is_none_or(|p| {
                    m.municipality
                        .as_deref()
                        .is_some_and(|w| crate::commute::same_place(w, p))
                });
                let field_ok = field
                    .is_none_or(|f| e.vacancy.as_ref().and_then(|v| v.field.as_deref()) == Some(f));
                if place_ok && field_ok && m.score >= PACKAGE_MIN_SCORE {
                    rows.push(JobSheetVacancy {
                        score: Some(m.score),
                        reasons: m.reasons,
                        commute_minutes: m.commute_minutes,
                        ..sheet_vacancy(&dir, e)
                    });
                }
            }
            (rows, Some(seeker))
        }
        None => {
            let list = vacancies::list(
                cat,
                &VacancyQuery {
                    municipality: request.municipality.clone(),
                    field: field.map(str::to_string),
                    text: None,
                    include_closed: false,
                },
            )?;
            let rows = list
                .rows
                .into_iter()
                .map(|r| sheet_vacancy(&dir, r.entry))
                .collect();
            (rows, None)
        }
    };
    Ok(JobSheetInput {
        network_name: NETWORK_NAME.into(),
        date: Local::now().date_naive(),
        lang: request.lang,
        region_text: Some(text).filter(|t| !t.trim().is_empty()),
        filter: (!filter.is_empty()).then(|| filter.join(" · ")),
        vacancies,
        seeker,
    })
}
