//! Job seekers (a recruit's partner): saved only with consent, renewed,
//! listed with the day they are due for deletion, and erased for good.

use chrono::Utc;
use kompis_intake::clean::clean_in_place;

use crate::calendar::today;
use crate::catalogue::Catalogue;
use crate::error::Result;
use crate::model::JobSeeker;
use crate::wire::SeekerRow;

/// Text cleaned of control characters and trimmed, or none when nothing
/// is left.
fn trimmed(v: &mut Option<String>) {
    if let Some(s) = v {
        clean_in_place(s);
        *s = s.trim().to_string();
        if s.is_empty() {
            *v = None;
        }
    }
}

/// Trimmed items, empty ones and repeats left out.
fn trimmed_list(v: &mut Vec<String>) {
    let mut seen = std::collections::HashSet::new();
    *v = v
        .iter()
        .map(|s| {
            let mut s = s.clone();
            clean_in_place(&mut s);
            s.trim().to_string()
        })
        .filter(|s| !s.is_empty() && seen.insert(crate::commute::plain(s)))
        .collect();
}

/// Create (empty id) or update a job seeker, stamping the times (the
/// consent's date defaults to today); refused without consent. Flushed
/// before it returns.
pub(crate) fn save(cat: &Catalogue, mut s: JobSeeker) -> Result<JobSeeker> {
    let now = Utc::now();
    s.id = s.id.trim().to_string();
    // Checked before a fresh id or a time is made for it.
    crate::job_rules::seeker(&s)?;
    if s.id.is_empty() {
        s.id = cat.next_seeker_id()?;
        s.created_at = Some(now);
    } else {
        s.created_at = match cat.seeker(&s.id) {
            Ok(old) => old.created_at.or(Some(now)),
            Err(crate::error::Error::NotFound { .. }) => s.created_at.or(Some(now)),
            Err(e) => return Err(e),
        };
    }
    s.updated_at = Some(now);
    clean_in_place(&mut s.name);
    s.name = s.name.trim().to_string();
    if s.consent.date.is_none() {
        s.consent.date = Some(today());
    }
    for f in [
        &mut s.consent.how,
        &mut s.education,
        &mut s.experience,
        &mut s.lives,
        &mut s.organisation,
    ] {
        trimmed(f);
    }
    for l in [&mut s.fields, &mut s.municipalities, &mut s.languages] {
        trimmed_list(l);
    }
    cat.put_seeker(&s)?;
    Ok(s)
}

/// Renews a job seeker: the last change becomes now, so they are kept
/// another six months. Flushed before it returns.
pub(crate) fn renew(cat: &Catalogue, id: &str) -> Result<JobSeeker> {
    let mut s = cat.seeker(id)?;
    s.updated_at = Some(Utc::now());
    cat.put_seeker(&s)?;
    Ok(s)
}

/// Every job seeker with the day they are due for deletion, those due
/// first, then by name.
pub(crate) fn rows(cat: &Catalogue) -> Result<Vec<SeekerRow>> {
    let today = today();
    let mut rows: Vec<SeekerRow> = cat
        .seekers()?
        .into_iter()
        .map(|s| {
            let due = s.due_on().unwrap_or(today);
            let organisation_name = s
                .organisation
                .as_ref()
                .and_then(|id| cat.organisation(id).ok())
                .map(|o| o.name);
            SeekerRow {
                due_on: due.to_string(),
                due_for_deletion: due <= today,
                organisation_name,
                seeker: s,
            }
        })
        .collect();
    rows.sort_by(|a, b| {
        b.due_for_deletion
            .cmp(&a.due_for_deletion)
            .then_with(|| crate::collate::cmp_nb(&a.seeker.name, &b.seeker.name))
            .then_with(|| a.seeker.id.cmp(&b.seeker.id))
    });
    Ok(rows)
}
