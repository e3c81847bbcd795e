//! What came of an agreed match: outcomes recorded (and taken back) on the
//! pair's record, and the follow-up list of agreed pairs still without one.
//!
//! Outcomes live in the [`MatchRecord`], beside its status and history, so
//! they travel in bundles and are kept by every status change and by any
//! re-ranking (which never writes a record).

use chrono::{DateTime, NaiveDate, Utc};

use crate::calendar::{local_date, today};
use crate::catalogue::Catalogue;
use crate::error::{Error, Problem, Result};
use crate::model::{
    EntityKind, Entry, MatchRecord, MatchStatus, Outcome, OutcomeKind, ThesisLevel,
};
use crate::wire::FollowUp;

/// "n-01→o-02", as messages name a pair.
fn pair(need: &str, offer: &str) -> String {
    format!("{need}→{offer}")
}

/// One outcome to record (see [`record_outcome`]).
pub(crate) struct NewOutcome {
    pub kind: OutcomeKind,
    /// None: today.
    pub date: Option<NaiveDate>,
    pub note: Option<String>,
    pub level: Option<ThesisLevel>,
}

/// Records an outcome on an agreed pair and answers the record; flushed
/// before it returns. Refused when the pair is not agreed now
/// ([`Problem::NotAgreed`]) or the date is after today
/// ([`Problem::OutcomeInFuture`]). A pair may have several outcomes; the
/// thesis level is kept for a thesis only.
pub(crate) fn record_outcome(
    cat: &Catalogue,
    need: &str,
    offer: &str,
    new: NewOutcome,
) -> Result<MatchRecord> {
    let id = pair(need, offer);
    let mut record = cat
        .match_record(need, offer)?
        .unwrap_or_else(|| MatchRecord::new(need, offer));
    let status = record.current();
    if status != MatchStatus::Agreed {
        return Err(Error::invalid(
            "match",
            id,
            "status",
            Problem::NotAgreed { status },
        ));
    }
    let date = new.date.unwrap_or_else(today);
    if date > today() {
        return Err(Error::invalid(
            "match",
            id,
            "date",
            Problem::OutcomeInFuture {
                date: date.to_string(),
            },
        ));
    }
    let now = Utc::now();
    // A record read without a history (an older bundle) keeps its agreement
    // time: the change it implies is written out before `updated_at` moves.
    record.history = record.events();
    record.outcomes.push(Outcome {
        kind: new.kind,
        date,
        note: new
            .note
            .map(|n| n.trim().to_string())
            .filter(|n| !n.is_empty()),
        level: new.level.filter(|_| new.kind.is_thesis()),
        recorded_at: now,
    });
    record.updated_at = Some(now);
    crate::validate::clean_match(&mut record);
    crate::validate::match_record(&record)?;
    cat.put_match(&record)?;
    Ok(record)
}

/// Takes back the outcome at `index` (its position in the record's
/// `outcomes`, 0 first), recorded by mistake; flushed before it returns.
pub(crate) fn remove_outcome(
    cat: &Catalogue,
    need: &str,
    offer: &str,
    index: u32,
) -> Result<MatchRecord> {
    let id = pair(need, offer);
    let missing = || Error::NotFound {
        entity: "outcome".into(),
        id: format!("{} of match {id}", index as u64 + 1),
    };
    let mut record = cat.match_record(need, offer)?.ok_or_else(missing)?;
    if index as usize >= record.outcomes.len() {
        return Err(missing());
    }
    record.history = record.events();
    record.outcomes.remove(index as usize);
    record.updated_at = Some(Utc::now());
    cat.put_match(&record)?;
    Ok(record)
}

/// Agreed pairs (agreed now) with no outcome, agreed at least `weeks`
/// whole weeks ago, oldest agreement first; pairs with an end in the trash
/// are left out.
pub(crate) fn follow_ups(cat: &Catalogue, weeks: u32) -> Result<Vec<FollowUp>> {
    let today = today();
    let mut due: Vec<(DateTime<Utc>, MatchRecord, u32)> = Vec::new();
    for m in cat.match_records()? {
        if m.current() != MatchStatus::Agreed || !m.outcomes.is_empty() {
            continue;
        }
        let Some(at) = m.agreed_at() else { continue };
        let days = (today - local_date(at)).num_days().max(0);
        let since = u32::try_from(days / 7).unwrap_or(u32::MAX);
        if since >= weeks {
            due.push((at, m, since));
        }
    }
    due.sort_by(|a, b| {
        a.0.cmp(&b.0)
            .then_with(|| a.1.need.cmp(&b.1.need))
            .then_with(|| a.1.offer.cmp(&b.1.offer))
    });
    let mut names = std::collections::HashMap::<String, Option<String>>::new();
    let mut org_name = |e: &Entry| -> Option<String> {
        let id = e.organisation.as_ref()?;
        names
            .entry(id.clone())
            .or_insert_with(|| cat.organisation(id).ok().map(|o| o.name))
            .clone()
    };
    let mut out = Vec::with_capacity(due.len());
    for (at, m, since) in due {
        let (Some(need), Some(offer)) = (
            live(cat, EntityKind::Need, &m.need)?,
            live(cat, EntityKind::Offer, &m.offer)?,
        ) else {
            continue;
        };
        out.push(FollowUp {
            need_organisation: org_name(&need),
            offer_organisation: org_name(&offer),
            need: m.need,
            offer: m.offer,
            need_title: need.title,
            offer_title: offer.title,
            agreed_at: local_date(at).to_string(),
            weeks: since,
        });
    }
    Ok(out)
}

/// The entry, if it is in the catalogue (not in the trash).
fn live(cat: &Catalogue, kind: EntityKind, id: &str) -> Result<Option<Entry>> {
    match cat.entry(kind, id) {
        Ok(e) => Ok(Some(e)),
        Err(Error::NotFound { .. }) => Ok(None),
        Err(e) => Err(e),
    }
}
