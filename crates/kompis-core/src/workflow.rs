//! The coordinator's match workflow (suggested → shortlisted → contacted →
//! agreed, or declined with a reason and a note), the reverse view (needs an
//! offer could serve), the network's competence gaps, and the thesaurus the
//! coordinator edits.

use chrono::Utc;
use kompis_match::Matcher;

use crate::calendar::overdue;
use crate::catalogue::Catalogue;
use crate::docs::doc;
use crate::error::{Error, Problem, Result};
use crate::matching::RankedOffer;
use crate::matching::{labels, terms, thesaurus, unanswered_needs, with_offer_index};
use crate::model::{EntityKind, Entry, MatchRecord, MatchStatus, StatusEvent};
use crate::phrasing;
use crate::wire::{Concept, EntryRow, MatchView, NeedMatchView, StatusChange, ThesaurusEdit};

/// Record a status (and note) for a need–offer pair; returns the record.
/// Declining needs a reason, and its note belongs to the decline (kept in
/// the history), not to the pair. Every change of status is kept in the
/// pair's history with its time; a note alone changes none.
pub fn set_match_status(cat: &Catalogue, change: StatusChange) -> Result<MatchRecord> {
    let id = format!("{}→{}", change.need, change.offer);
    if change.status == MatchStatus::Declined && change.reason.is_none() {
        return Err(Error::invalid(
            "match",
            id,
            "decline_reason",
            Problem::DeclineReason,
        ));
    }
    let mut record = cat
        .match_record(&change.need, &change.offer)?
        .unwrap_or_else(|| MatchRecord::new(&change.need, &change.offer));
    let note = change
        .note
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty());
    let declined = change.status == MatchStatus::Declined;
    let now = Utc::now();
    if !declined {
        record.note = note.clone().or(record.note);
    }
    if declined || record.status.unwrap_or(MatchStatus::Suggested) != change.status {
        let mut history = record.events();
        history.push(StatusEvent {
            status: change.status,
            at: now,
            reason: change.reason.filter(|_| declined),
            note: note.filter(|_| declined),
            undo: false,
        });
        record.history = history;
    }
    record.status = Some(change.status);
    record.decline_reason = change.reason.filter(|_| declined);
    record.updated_at = Some(now);
    crate::validate::clean_match(&mut record);
    cat.put_match(&record)?;
    Ok(record)
}

/// Take back a pair's last standing change ("Hent tilbake" after a decline,
/// pressing the current step again, "Angre"): the pair returns to the status
/// it had before, with that status's reason, and the undo is kept in the
/// history. A pair with nothing to take back is returned as it is.
pub fn step_back_match(cat: &Catalogue, need: &str, offer: &str) -> Result<MatchRecord> {
    let Some(mut record) = cat.match_record(need, offer)? else {
        return Ok(MatchRecord::new(need, offer));
    };
    let mut standing = record.standing();
    if standing.pop().is_none() {
        return Ok(record);
    }
    let before = standing.last();
    let status = before.map_or(MatchStatus::Suggested, |e| e.status);
    let reason = before.and_then(|e| e.reason);
    let now = Utc::now();
    let mut history = record.events();
    history.push(StatusEvent {
        status,
        at: now,
        reason,
        note: None,
        undo: true,
    });
    record.history = history;
    record.status = Some(status);
    record.decline_reason = reason;
    record.updated_at = Some(now);
    cat.put_match(&record)?;
    Ok(record)
}

/// The matcher's index over the active needs, for the reverse view; built
/// on first use and dropped by any write.
struct NeedIndex {
    needs: Vec<Entry>,
    matcher: Matcher,
    orgs: Vec<crate::model::Organisation>,
}

impl NeedIndex {
    fn build(cat: &Catalogue) -> Result<Self> {
        let needs: Vec<Entry> = cat.needs()?.into_iter().filter(Entry::is_active).collect();
        let docs: Vec<_> = needs.iter().map(doc).collect();
        Ok(NeedIndex {
            matcher: Matcher::for_needs(&thesaurus(cat)?, &docs),
            needs,
            orgs: cat.organisations()?,
        })
    }
}

/// The competence gaps, kept until the next write.
struct Gaps(Vec<EntryRow>);

/// How many needs the reverse index proposes per need shown, before each
/// is scored from its own side.
const CANDIDATES: usize = 4;

/// The active needs an offer could serve, best first; declined pairs left
/// out. The index over the needs only proposes candidates: each pair is
/// scored and explained by the ranking of its need, so it has one score
/// and the same reasons on the need's page and on the offer's.
pub fn needs_for_offer(
    cat: &Catalogue,
    offer_id: &str,
    top: Option<u32>,
) -> Result<Vec<NeedMatchView>> {
    let top = top.unwrap_or(10) as usize;
    let offer = cat.entry(EntityKind::Offer, offer_id)?;
    let index = cat.derived(NeedIndex::build)?;
    let labels = labels(cat)?;
    let (needs, orgs) = (&index.needs, &index.orgs);
    let proposed = index.matcher.rank(&doc(&offer), CANDIDATES * top + 20);
    let scored: Vec<(Entry, kompis_match::Ranked)> = with_offer_index(cat, |offers| {
        proposed
            .iter()
            .filter_map(|p| needs.iter().find(|n| n.id == p.id))
            .filter_map(|need| {
                let pair = offers.rank_among(&doc(need), &[offer_id]).pop()?;
                Some((need.clone(), pair))
            })
            .collect()
    })?;
    let mut out = Vec::new();
    for (need, r) in scored {
        let status = cat.match_record(&need.id, offer_id)?.and_then(|m| m.status);
        if status == Some(MatchStatus::Declined) {
            continue;
        }
        let overdue = overdue(need.deadline);
        let (reasons, reasons_en) = phrasing::all(&r.reasons, &labels, false);
        out.push(NeedMatchView {
            organisation_name: need
                .organisation
                .as_ref()
                .and_then(|id| orgs.iter().find(|o| &o.id == id))
                .map(|o| o.name.clone()),
            need,
            score: (r.score * 1000.0).round() / 1000.0,
            reasons,
            reasons_en,
            need_terms: terms(r.reasons.iter().map(|x| &x.need_terms)),
            offer_terms: terms(r.reasons.iter().map(|x| &x.offer_terms)),
            status,
            overdue,
        });
    }
    out.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| a.need.id.cmp(&b.need.id))
    });
    out.truncate(top);
    Ok(out)
}

/// Active needs with no suggestion above the threshold: the network's
/// competence gaps.
pub fn competence_gaps(cat: &Catalogue) -> Result<Vec<EntryRow>> {
    Ok(cat.derived(find_gaps)?.0.clone())
}

fn find_gaps(cat: &Catalogue) -> Result<Gaps> {
    let unanswered = unanswered_needs(cat)?;
    let orgs = cat.organisations()?;
    let mut gaps: Vec<EntryRow> = unanswered
        .0
        .iter()
        .cloned()
        .map(|entry| {
            let org = entry
                .organisation
                .as_ref()
                .and_then(|id| orgs.iter().find(|o| &o.id == id));
            EntryRow::new(entry, org)
        })
        .collect();
    gaps.sort_by(|a, b| crate::collate::cmp_nb(&a.entry.title, &b.entry.title));
    Ok(Gaps(gaps))
}

/// The thesaurus as concept groups, in Norwegian order of their ids.
pub fn list_concepts(cat: &Catalogue) -> Result<Vec<Concept>> {
    let mut list: Vec<Concept> = thesaurus(cat)?
        .groups()
        .iter()
        .map(|g| Concept {
            id: g.id.clone(),
            terms: g.terms.clone(),
        })
        .collect();
    list.sort_by(|a, b| crate::collate::cmp_nb(&a.id, &b.id));
    Ok(list)
}

/// Apply one edit and store the whole thesaurus in the catalogue.
pub fn edit_thesaurus(cat: &Catalogue, edit: ThesaurusEdit) -> Result<Vec<Concept>> {
    let mut t = thesaurus(cat)?;
    let missing = |g: &str| Error::NotFound {
        entity: "concept group".into(),
        id: g.into(),
    };
    let changed = match &edit {
        ThesaurusEdit::AddTerm { group, term } => {
            if group.trim().is_empty() || term.trim().is_empty() {
                return Err(Error::invalid(
                    "concept group",
                    group,
                    "term",
                    "group and term must not be empty",
                ));
            }
            t.add_term(group.trim(), term.trim())
        }
        ThesaurusEdit::RemoveTerm { group, term } => {
            t.group(group).ok_or_else(|| missing(group))?;
            t.remove_term(group, term)
        }
        ThesaurusEdit::Merge { from, into } => {
            t.group(from).ok_or_else(|| missing(from))?;
            t.group(into).ok_or_else(|| missing(into))?;
            t.merge(from, into)
        }
        ThesaurusEdit::RemoveGroup { group } => t.remove_group(group),
    };
    if !changed {
        if let ThesaurusEdit::RemoveGroup { group } | ThesaurusEdit::RemoveTerm { group, .. } =
            &edit
        {
            return Err(missing(group));
        }
    }
    cat.put_thesaurus(t.groups())?;
    list_concepts(cat)
}

/// The ranked offers for one need with the coordinator's status, best
/// first; declined pairs are left out (see [`declined_for_need`]).
pub(crate) fn matches_for_need(
    cat: &Catalogue,
    need_id: &str,
    top: Option<u32>,
) -> Result<Vec<MatchView>> {
    let top = top.unwrap_or(10) as usize;
    let declined = declined_ids(cat, need_id)?;
    let ranked = crate::matching::rank_catalogue(cat, Some(need_id), top + declined.len())?;
    let mut out = Vec::new();
    for r in ranked.into_iter().flat_map(|n| n.matches) {
        if declined.contains(&r.offer) {
            continue;
        }
        out.push(match_view(cat, need_id, &r)?);
    }
    out.truncate(top);
    Ok(out)
}

fn declined_ids(cat: &Catalogue, need_id: &str) -> Result<Vec<String>> {
    Ok(cat
        .match_records()?
        .into_iter()
        .filter(|m| m.need == need_id && m.status == Some(MatchStatus::Declined))
        .map(|m| m.offer)
        .collect())
}

fn match_view(cat: &Catalogue, need_id: &str, r: &RankedOffer) -> Result<MatchView> {
    let offer_id = r.offer.as_str();
    let offer = cat.entry(EntityKind::Offer, offer_id)?;
    let organisation_name = match &offer.organisation {
        Some(id) => cat.organisation(id).ok().map(|o| o.name),
        None => None,
    };
    let record = cat.match_record(need_id, offer_id)?;
    Ok(MatchView {
        offer,
        organisation_name,
        score: r.score,
        reasons: r.reasons.to_vec(),
        reasons_en: r.reasons_en.to_vec(),
        need_terms: r.need_terms.clone(),
        offer_terms: r.offer_terms.clone(),
        status: record.as_ref().and_then(|m| m.status),
        note: record.as_ref().and_then(|m| m.note.clone()),
        decline_reason: record.as_ref().and_then(|m| m.decline_reason),
        decline_note: record
            .as_ref()
            .filter(|m| m.status == Some(MatchStatus::Declined))
            .and_then(|m| m.standing().pop())
            .and_then(|e| e.note),
        history: record.as_ref().map(|m| m.events()).unwrap_or_default(),
        outcomes: record.map(|m| m.outcomes).unwrap_or_default(),
    })
}

/// The offers declined for a need, so they can be brought back.
pub(crate) fn declined_for_need(cat: &Catalogue, need_id: &str) -> Result<Vec<MatchView>> {
    cat.entry(EntityKind::Need, need_id)?;
    let mut out = Vec::new();
    for offer in declined_ids(cat, need_id)? {
        if cat.exists(EntityKind::Offer, &offer)? {
            let r = RankedOffer {
                offer,
                score: 0.0,
                reasons: Vec::new().into(),
                reasons_en: Vec::new().into(),
                need_terms: Vec::new(),
                offer_terms: Vec::new(),
            };
            out.push(match_view(cat, need_id, &r)?);
        }
    }
    Ok(out)
}
