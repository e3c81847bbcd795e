//! Ranking the network's open vacancies for a job seeker, and job seekers
//! for a vacancy. The matcher compares the seeker's education, experience
//! and fields with each vacancy's text (through the catalogue's cached
//! offer index); field fit, education level, languages and the drive from
//! where the seeker will live weigh it, each giving a [`JobReason`].
//!
//! `score = (0.5 · words + 0.3 · field + 0.2 · level) · languages · commute`,
//! where `words` is the matcher's score over 0.45 (at most 1), `field`
//! 1 when the vacancy's field is one of the seeker's, 0 when it is another,
//! ½ when either is unknown; `level` 1 when the seeker has the education
//! asked for, 0.45 one step below, 0.1 further below; `languages` 0.35 when
//! the work asks for a language the seeker did not name; `commute` 1 in a
//! municipality they named or where they live, falling to 0.75 at their
//! limit (60 minutes when not given), 0.15 beyond it, 0.6 when no time is
//! known (a student project, mostly done where one studies, at least 0.6).
//! Rows whose first part is below 0.25 are left out.

use std::collections::HashMap;

use kompis_match::{Doc, DocKind};

use crate::calendar::today;
use crate::catalogue::Catalogue;
use crate::commute::{commute_minutes, same_place};
use crate::error::Result;
use crate::matching::with_offer_index;
use crate::model::jobs::job_field;
use crate::model::{EducationLevel, EntityKind, Entry, EntryKind, JobReason, JobSeeker, Language};
use crate::vacancies::{self, contact_line, Directory};
use crate::wire::{SeekerMatch, SeekerMatches, VacancySeeker};

/// The longest drive assumed when a seeker gives no limit.
const DEFAULT_COMMUTE: u32 = 60;
/// A matcher score at which the words count fully.
const WORDS_FULL: f64 = 0.45;
/// The least a student project is weighed down for the drive.
const STUDENT_COMMUTE: f64 = 0.6;
/// Below this, before languages and commuting, a vacancy is left out.
const FLOOR: f64 = 0.25;

/// What the seeker is, for the matcher: fields' names as keywords,
/// education and experience as text.
fn seeker_doc(s: &JobSeeker) -> Doc {
    let names: Vec<String> = s
        .fields
        .iter()
        .filter_map(|c| job_field(c))
        .flat_map(|f| [f.nb, f.en])
        .collect();
    let text = [s.education.as_deref(), s.experience.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join("\n");
    Doc {
        id: format!("seeker:{}", s.id),
        // None: a partner may well work where their partner is recruited.
        organisation: None,
        kind: DocKind::Position,
        title: s.education.clone().unwrap_or_default(),
        description: text,
        keywords: names,
    }
}

/// The matcher's score and shared words of each offer for the seeker.
fn text_scores(cat: &Catalogue, s: &JobSeeker) -> Result<HashMap<String, (f64, Option<String>)>> {
    let doc = seeker_doc(s);
    with_offer_index(cat, |index| {
        index
            .rank(&doc, index.len())
            .into_iter()
            .map(|r| {
                let words = (!r.reasons.is_empty()).then(|| {
                    r.reasons
                        .iter()
                        .take(3)
                        .map(|x| x.sentence())
                        .collect::<Vec<_>>()
                        .join("; ")
                });
                (r.id, (r.score, words))
            })
            .collect()
    })
}

/// The offers a seeker can be ranked against: the open vacancies, and the
/// active student projects when they study.
fn candidates(cat: &Catalogue, s: &JobSeeker) -> Result<Vec<Entry>> {
    let today = today();
    Ok(cat
        .offers()?
        .into_iter()
        .filter(|e| e.is_active())
        .filter(|e| {
            (vacancies::is_vacancy(e) && !vacancies::closed(e, today))
                || (s.studies && e.kind == EntryKind::StudentProject)
        })
        .collect())
}

/// A language word as one code: "norsk", "Norwegian", "bokmål" → "no".
fn language(word: &str) -> String {
    let w = crate::commute::plain(word);
    let code = match w.as_str() {
        "norsk" | "norwegian" | "bokmal" | "nynorsk" | "nb" | "nn" | "no" => "no",
        "engelsk" | "english" | "en" => "en",
        "svensk" | "swedish" | "sv" => "sv",
        "dansk" | "danish" | "da" => "da",
        "tysk" | "german" | "deutsch" | "de" => "de",
        "polsk" | "polish" | "pl" => "pl",
        "litauisk" | "lithuanian" | "lt" => "lt",
        "ukrainsk" | "ukrainian" | "uk" => "uk",
        "arabisk" | "arabic" | "ar" => "ar",
        "finsk" | "finnish" | "fi" => "fi",
        _ => return w,
    };
    code.to_string()
}

/// The languages the work asks for, as written: the vacancy's list, else
/// the language the entry is written in.
fn asked_languages(e: &Entry) -> (Vec<String>, bool) {
    let listed = e
        .vacancy
        .as_ref()
        .map(|v| v.languages.clone())
        .unwrap_or_default();
    if !listed.is_empty() {
        return (listed, true);
    }
    let implied = match e.language {
        Some(Language::En) => vec!["engelsk".to_string()],
        Some(Language::Nb | Language::Nn) | None => vec!["norsk".to_string()],
    };
    (implied, false)
}

/// How a seeker's languages fit a vacancy's, and why.
fn language_fit(s: &JobSeeker, e: &Entry) -> (f64, Option<JobReason>) {
    if s.languages.is_empty() {
        return (1.0, None);
    }
    let has: Vec<String> = s.languages.iter().map(|l| language(l)).collect();
    let (asked, listed) = asked_languages(e);
    let missing: Vec<String> = asked
        .iter()
        .filter(|l| {
            let code = language(l);
            // Swedish and Danish speakers read and get by in Norwegian.
            let scandinavian = code == "no" && has.iter().any(|h| h == "sv" || h == "da");
            !(has.contains(&code) || scandinavian)
        })
        .cloned()
        .collect();
    if missing.is_empty() {
        let reason = listed.then_some(JobReason::LanguagesFit { languages: asked });
        return (1.0, reason);
    }
    (0.35, Some(JobReason::LanguagesMissing { missing }))
}

/// How the field fits, and why.
fn field_fit(s: &JobSeeker, e: &Entry) -> (f64, Option<JobReason>) {
    let Some(code) = e.vacancy.as_ref().and_then(|v| v.field.clone()) else {
        return (0.5, None);
    };
    if s.fields.is_empty() {
        return (0.5, None);
    }
    if s.fields.iter().any(|f| f.trim() == code) {
        (1.0, Some(JobReason::FieldFits { code }))
    } else {
        (0.0, Some(JobReason::FieldDiffers { code }))
    }
}

/// How the education level fits, and why.
fn level_fit(s: &JobSeeker, e: &Entry) -> (f64, Option<JobReason>) {
    let asked = e.vacancy.as_ref().and_then(|v| v.education);
    match (asked, s.education_level) {
        (None, _) | (Some(EducationLevel::None), _) => (0.7, None),
        (Some(_), None) => (0.5, None),
        (Some(asked), Some(has)) if has >= asked => (1.0, Some(JobReason::EducationFits { asked })),
        (Some(asked), Some(has)) => {
            let steps = asked as i32 - has as i32;
            let fit = if steps == 1 { 0.45 } else { 0.1 };
            (fit, Some(JobReason::EducationBelow { asked, has }))
        }
    }
}

/// How far the seeker would drive to `place`, the factor and why.
fn commute_fit(s: &JobSeeker, place: Option<&str>) -> (f64, Option<u32>, Option<JobReason>) {
    let Some(place) = place else {
        return (0.8, None, None);
    };
    let wanted = s.municipalities.iter().find(|m| same_place(m, place));
    let lives = s.lives.as_deref().filter(|l| !l.trim().is_empty());
    let minutes = lives.and_then(|l| commute_minutes(l, place));
    if let Some(m) = wanted {
        let reason = match (lives, minutes) {
            (Some(from), Some(minutes)) => JobReason::CommuteWithin {
                from: from.to_string(),
                to: place.to_string(),
                minutes,
                max: s.max_commute,
            },
            _ => JobReason::WantedMunicipality {
                municipality: m.clone(),
            },
        };
        return (1.0, minutes, Some(reason));
    }
    let Some(from) = lives else {
        let fit = if s.municipalities.is_empty() {
            1.0
        } else {
            0.5
        };
        return (fit, None, None);
    };
    let Some(minutes) = minutes else {
        if same_place(from, place) {
            return (
                1.0,
                Some(0),
                Some(JobReason::CommuteWithin {
                    from: from.to_string(),
                    to: place.to_string(),
                    minutes: 0,
                    max: s.max_commute,
                }),
            );
        }
        return (
            0.6,
            None,
            Some(JobReason::CommuteUnknown {
                from: from.to_string(),
                to: place.to_string(),
            }),
        );
    };
    let max = s.max_commute.unwrap_or(DEFAULT_COMMUTE);
    if minutes <= max {
        let fit = 1.0 - 0.25 * f64::from(minutes) / f64::from(max.max(1));
        let reason = JobReason::CommuteWithin {
            from: from.to_string(),
            to: place.to_string(),
            minutes,
            max: s.max_commute,
        };
        (fit, Some(minutes), Some(reason))
    } else {
        let reason = JobReason::CommuteTooFar {
            from: from.to_string(),
            to: place.to_string(),
            minutes,
            max,
        };
        (0.15, Some(minutes), Some(reason))
    }
}

/// One offer scored for a seeker: the score, the driving minutes and why;
/// none when it is too far from what they look for.
fn score(
    s: &JobSeeker,
    e: &Entry,
    place: Option<&str>,
    words: Option<&(f64, Option<String>)>,
) -> Option<(f64, Option<u32>, Vec<JobReason>)> {
    let mut reasons = Vec::new();
    let (text, shared) = words.map_or((0.0, None), |(t, w)| (*t, w.clone()));
    let (field, field_reason) = field_fit(s, e);
    let (level, level_reason) = level_fit(s, e);
    let relevance = 0.5 * (text / WORDS_FULL).min(1.0) + 0.3 * field + 0.2 * level;
    if relevance < FLOOR {
        return None;
    }
    let (lang, lang_reason) = language_fit(s, e);
    let (mut commute, minutes, commute_reason) = commute_fit(s, place);
    if e.kind == EntryKind::StudentProject {
        // A student project is mostly done where one studies.
        commute = commute.max(STUDENT_COMMUTE);
    }
    if e.kind == EntryKind::StudentProject {
        reasons.push(JobReason::ForStudents);
    }
    reasons.extend(field_reason);
    if let Some(terms) = shared.filter(|t| !t.is_empty()) {
        reasons.push(JobReason::Words { terms });
    }
    reasons.extend(level_reason);
    reasons.extend(lang_reason);
    reasons.extend(commute_reason);
    if let Some(v) = &e.vacancy {
        if v.trainee {
            reasons.push(JobReason::Trainee);
        }
        if v.apprenticeship {
            reasons.push(JobReason::Apprenticeship);
        }
    }
    let score = (relevance * lang * commute * 1000.0).round() / 1000.0;
    Some((score, minutes, reasons))
}

/// The open vacancies (and, when they study, student projects) ranked for
/// a job seeker, best first, `top` at most.
pub(crate) fn match_seeker(cat: &Catalogue, s: &JobSeeker, top: usize) -> Result<SeekerMatches> {
    let words = text_scores(cat, s)?;
    let dir = Directory::load(cat)?;
    let mut matches: Vec<SeekerMatch> = candidates(cat, s)?
        .into_iter()
        .filter_map(|e| {
            let place = dir.work_place(&e);
            let (score, commute_minutes, reasons) =
                score(s, &e, place.as_deref(), words.get(&e.id))?;
            Some(SeekerMatch {
                offer: e.id.clone(),
                title: e.title.clone(),
                kind: e.kind,
                organisation_name: dir.org(&e).map(|o| o.name.clone()),
                municipality: place,
                score,
                reasons,
                commute_minutes,
                contact: dir.contact(&e).map(contact_line),
                vacancy: e.vacancy,
            })
        })
        .collect();
    matches.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| a.offer.cmp(&b.offer))
    });
    matches.truncate(top);
    Ok(SeekerMatches {
        seeker: s.id.clone(),
        matches,
    })
}

/// The job seekers a vacancy could suit, best first.
pub(crate) fn seekers_for_vacancy(cat: &Catalogue, offer: &str) -> Result<Vec<VacancySeeker>> {
    let e = cat.entry(EntityKind::Offer, offer)?;
    if !vacancies::is_vacancy(&e) && e.kind != EntryKind::StudentProject {
        return Err(crate::error::Error::invalid(
            "offer",
            offer,
            "vacancy",
            crate::error::Problem::NotAVacancy,
        ));
    }
    let dir = Directory::load(cat)?;
    let place = dir.work_place(&e);
    let mut out = Vec::new();
    for s in cat.seekers()? {
        if e.kind == EntryKind::StudentProject && !s.studies {
            continue;
        }
        let words = text_scores(cat, &s)?;
        if let Some((score, commute_minutes, reasons)) =
            score(&s, &e, place.as_deref(), words.get(&e.id))
        {
            out.push(VacancySeeker {
                seeker: s.id,
                name: s.name,
                score,
                reasons,
                commute_minutes,
            });
        }
    }
    out.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| a.seeker.cmp(&b.seeker))
    });
    Ok(out)
}
