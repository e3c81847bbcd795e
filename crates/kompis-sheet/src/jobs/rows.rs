//! What both formats say about a vacancy (its terms, deadline, contact, the
//! seeker's name) and the spreadsheet's tables built from them.

use kompis_model::{EntryKind, JobSeeker};

use super::labels::{job_labels, JobLabels};
use super::{JobSheetInput, JobSheetVacancy};
use crate::labels::{labels, Labels};
use crate::rows::{Cell, Table};
use crate::select::Contact;

/// The labels of the sheet's language: the job sheet's and the crate's.
pub(crate) fn words(input: &JobSheetInput) -> (&'static JobLabels, &'static Labels) {
    (job_labels(input.lang), labels(input.lang))
}

/// The sheet's title: the job market's, or "Jobbpakke for …" with the
/// seeker's name only when they consented (else their id).
pub(crate) fn title(input: &JobSheetInput) -> String {
    let j = job_labels(input.lang);
    match &input.seeker {
        Some(s) => (j.package_for)(&seeker_name(j, s)),
        None => j.title.to_string(),
    }
}

/// The job seeker as the sheet may name them.
pub(crate) fn seeker_name(j: &JobLabels, s: &JobSeeker) -> String {
    if s.consent.given && !s.name.trim().is_empty() {
        s.name.trim().to_string()
    } else {
        (j.seeker_id)(&s.id)
    }
}

/// "Heltid · Fast · Læreplass": the terms of the position.
pub(crate) fn terms(j: &JobLabels, v: &JobSheetVacancy) -> Vec<String> {
    let mut out = Vec::new();
    if v.kind == EntryKind::StudentProject {
        out.push(j.student_project.to_string());
    }
    match v.vacancy.percent {
        Some(100) => out.push(j.full_time.to_string()),
        Some(p) => out.push((j.part_time)(p)),
        None => {}
    }
    match v.vacancy.permanent {
        Some(true) => out.push(j.permanent.to_string()),
        Some(false) => out.push(j.temporary.to_string()),
        None => {}
    }
    if v.vacancy.apprenticeship {
        out.push(j.apprenticeship.to_string());
    }
    if v.vacancy.trainee {
        out.push(j.trainee.to_string());
    }
    out
}

/// "15.01.2027", or "løpende" without a deadline (for a position).
pub(crate) fn apply_by(j: &JobLabels, v: &JobSheetVacancy) -> Option<String> {
    match (v.vacancy.apply_by, v.kind) {
        (Some(d), _) => Some(crate::text::date(d)),
        (None, EntryKind::Position) => Some(j.until_filled.to_string()),
        (None, _) => None,
    }
}

/// The contact as they may be shown: a name only with their consent.
pub(crate) fn contact(l: &Labels, v: &JobSheetVacancy, sep: &str, keep: bool) -> Option<String> {
    let person = v.contact.as_ref()?;
    let org = v.organisation.clone().filter(|o| !o.trim().is_empty());
    Some(Contact::of(person, org).line(l, sep, keep))
}

/// The link, when it has one.
pub(crate) fn link(v: &JobSheetVacancy) -> Option<&str> {
    v.vacancy
        .link
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// The vacancies in the order the sheet shows them: a package as ranked,
/// the job market by field (in the fields' order, no field last) with the
/// rows' own order within each.
pub(crate) fn groups(input: &JobSheetInput) -> Vec<(Option<String>, Vec<&JobSheetVacancy>)> {
    if input.seeker.is_some() {
        return vec![(None, input.vacancies.iter().collect())];
    }
    let rank = |code: Option<&str>| {
        code.and_then(|c| {
            kompis_model::jobs::JOB_FIELDS
                .iter()
                .position(|(k, _, _)| *k == c)
        })
        .unwrap_or(usize::MAX)
    };
    let mut out: Vec<(Option<String>, Vec<&JobSheetVacancy>)> = Vec::new();
    for v in &input.vacancies {
        let code = v.vacancy.field.clone();
        match out.iter_mut().find(|(c, _)| *c == code) {
            Some((_, list)) => list.push(v),
            None => out.push((code, vec![v])),
        }
    }
    out.sort_by_key(|(c, _)| rank(c.as_deref()));
    out
}

/// The spreadsheet's tables: the positions, and what the sheet is about.
pub(crate) fn tables(input: &JobSheetInput) -> Vec<Table> {
    let (j, l) = words(input);
    let package = input.seeker.is_some();
    let mut columns = Vec::new();
    if package {
        columns.extend([(j.col_rank, 6.0), (j.col_score, 8.0), (j.col_minutes, 14.0)]);
    }
    columns.extend([
        (j.col_id, 8.0),
        (j.col_title, 44.0),
        (j.col_field, 28.0),
        (j.col_organisation, 30.0),
        (j.col_municipality, 16.0),
        (j.col_percent, 16.0),
        (j.col_type, 24.0),
        (j.col_apply_by, 14.0),
        (j.col_contact, 44.0),
        (j.col_link, 36.0),
    ]);
    if package {
        columns.push((j.col_why, 70.0));
    }
    columns.push((j.col_description, 70.0));
    let text = |s: Option<String>| s.map_or(Cell::Empty, Cell::Text);
    let mut rows = Vec::new();
    for (i, v) in groups(input).into_iter().flat_map(|(_, g)| g).enumerate() {
        let mut row = Vec::new();
        if package {
            row.push(Cell::Int(i as i64 + 1));
            row.push(v.score.map_or(Cell::Empty, Cell::Number));
            row.push(
                v.commute_minutes
                    .map_or(Cell::Empty, |m| Cell::Int(m.into())),
            );
        }
        row.push(Cell::Text(v.id.clone()));
        row.push(Cell::Text(v.title.clone()));
        row.push(Cell::Text(j.field(v.vacancy.field.as_deref())));
        row.push(text(v.organisation.clone()));
        row.push(text(v.municipality.clone()));
        row.push(
            v.vacancy
                .percent
                .map_or(Cell::Empty, |p| Cell::Int(p.into())),
        );
        row.push(text(Some(terms(j, v).join(", ")).filter(|t| !t.is_empty())));
        row.push(match v.vacancy.apply_by {
            Some(d) => Cell::Date(d),
            None => Cell::Empty,
        });
        row.push(text(contact(l, v, ", ", false)));
        row.push(text(link(v).map(str::to_string)));
        if package {
            let why: Vec<String> = v.reasons.iter().map(|r| j.reason(r)).collect();
            row.push(text(Some(why.join("; ")).filter(|t| !t.is_empty())));
        }
        row.push(text(v.description.clone()));
        rows.push(row);
    }
    let positions = Table {
        name: j.sheet_positions,
        columns,
        rows,
    };
    let mut about = vec![
        vec![
            Cell::Text(j.network.into()),
            Cell::Text(input.network_name.clone()),
        ],
        vec![Cell::Text(j.date.into()), Cell::Date(input.date)],
        vec![Cell::Text(j.col_title.into()), Cell::Text(title(input))],
    ];
    if let Some(f) = &input.filter {
        about.push(vec![Cell::Text(j.selection.into()), Cell::Text(f.clone())]);
    }
    if let Some(s) = &input.seeker {
        about.extend(
            seeker_facts(j, s)
                .into_iter()
                .map(|(k, v)| vec![Cell::Text(k.into()), Cell::Text(v)]),
        );
    }
    if let Some(t) = &input.region_text {
        about.push(vec![
            Cell::Text(j.about_region.into()),
            Cell::Text(t.clone()),
        ]);
    }
    let about = Table {
        name: j.sheet_about,
        columns: vec![(j.col_what, 22.0), (j.col_value, 100.0)],
        rows: about,
    };
    vec![positions, about]
}

/// What a package says about its job seeker: where they will live, how far
/// they commute, their fields and when they can start.
pub(crate) fn seeker_facts(j: &JobLabels, s: &JobSeeker) -> Vec<(&'static str, String)> {
    let mut out = vec![(j.seeker, seeker_name(j, s))];
    if let Some(lives) = s.lives.as_ref().filter(|l| !l.trim().is_empty()) {
        out.push((j.lives, lives.clone()));
    }
    if let Some(m) = s.max_commute {
        out.push((j.commute, (j.up_to)(&j.duration(m))));
    }
    let fields: Vec<String> = s.fields.iter().map(|c| j.field(Some(c))).collect();
    if !fields.is_empty() {
        out.push((j.fields, fields.join(", ")));
    }
    if let Some(d) = s.available_from {
        out.push((j.available_from, crate::text::date(d)));
    }
    out
}
