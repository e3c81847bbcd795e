//! The coordinator's match workflow (suggested → shortlisted → contacted →
//! agreed, or declined with a reason and a note), the reverse view (needs an
//! offer could serve), the network's competence gaps, and the thesaurus the
//! coordinator edits.

use chrono::Utc;
use kompis_match::{Matcher, Thesaurus};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::api::EntryRow;
use crate::catalogue::Catalogue;
use crate::error::{Error, Result};
use crate::matching::{doc, rank_entries};
use crate::model::{DeclineReason, EntityKind, Entry, MatchRecord, MatchStatus};

/// A change of a match's status, as the UI and CLI send it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StatusChange {
    pub need: String,
    pub offer: String,
    pub status: MatchStatus,
    /// Required when `status` is `declined`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub reason: Option<DeclineReason>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub note: Option<String>,
}

/// Record a status (and note) for a need–offer pair; returns the record.
/// Declining needs a reason; any other status clears it.
pub fn set_match_status(cat: &Catalogue, change: StatusChange) -> Result<MatchRecord> {
    let id = format!("{}→{}", change.need, change.offer);
    if change.status == MatchStatus::Declined && change.reason.is_none() {
        return Err(Error::invalid(
            "match",
            id,
            "decline_reason",
            "say why the match is declined (not relevant, bad timing, no capacity, already solved or other)",
        ));
    }
    let old = cat.match_record(&change.need, &change.offer)?;
    let note = change
        .note
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty())
        .or_else(|| old.and_then(|o| o.note));
    let record = MatchRecord {
        need: change.need,
        offer: change.offer,
        status: Some(change.status),
        note,
        updated_at: Some(Utc::now()),
        decline_reason: change
            .reason
            .filter(|_| change.status == MatchStatus::Declined),
    };
    cat.put_match(&record)?;
    Ok(record)
}

/// One need an offer could serve.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct NeedMatchView {
    pub need: Entry,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub organisation_name: Option<String>,
    pub score: f64,
    pub reasons: Vec<String>,
    /// Words of the need's text that carried the match (folded), to highlight.
    pub need_terms: Vec<String>,
    /// Words of the offer's text that carried the match (folded), to highlight.
    pub offer_terms: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub status: Option<MatchStatus>,
}

/// The active needs an offer could serve, best first; declined pairs left out.
pub fn needs_for_offer(
    cat: &Catalogue,
    offer_id: &str,
    top: Option<u32>,
) -> Result<Vec<NeedMatchView>> {
    let offer = cat.entry(EntityKind::Offer, offer_id)?;
    let needs: Vec<Entry> = cat.needs()?.into_iter().filter(Entry::is_active).collect();
    let docs: Vec<_> = needs.iter().map(doc).collect();
    let matcher = Matcher::for_needs(&thesaurus(cat)?, &docs);
    let orgs = cat.organisations()?;
    let mut out = Vec::new();
    for r in matcher.rank(&doc(&offer), top.unwrap_or(10) as usize + 20) {
        let status = cat.match_record(&r.id, offer_id)?.and_then(|m| m.status);
        if status == Some(MatchStatus::Declined) {
            continue;
        }
        let need = needs
            .iter()
            .find(|n| n.id == r.id)
            .cloned()
            .expect("ranked need is in the list");
        out.push(NeedMatchView {
            organisation_name: need
                .organisation
                .as_ref()
                .and_then(|id| orgs.iter().find(|o| &o.id == id))
                .map(|o| o.name.clone()),
            need,
            score: (r.score * 1000.0).round() / 1000.0,
            reasons: r.reasons.iter().map(|x| x.sentence()).collect(),
            // The matcher ran with the offer as its query: its "need" side is the offer.
            need_terms: crate::matching::terms(r.reasons.iter().map(|x| &x.offer_terms)),
            offer_terms: crate::matching::terms(r.reasons.iter().map(|x| &x.need_terms)),
            status,
        });
    }
    out.truncate(top.unwrap_or(10) as usize);
    Ok(out)
}

/// Active needs with no suggestion above the threshold: the network's
/// competence gaps.
pub fn competence_gaps(cat: &Catalogue) -> Result<Vec<EntryRow>> {
    let needs: Vec<Entry> = cat.needs()?.into_iter().filter(Entry::is_active).collect();
    let ranked = rank_entries(cat, &needs, 1)?;
    let orgs = cat.organisations()?;
    let mut gaps: Vec<EntryRow> = needs
        .into_iter()
        .zip(ranked)
        .filter(|(_, r)| r.matches.is_empty())
        .map(|(entry, _)| {
            let org = entry
                .organisation
                .as_ref()
                .and_then(|id| orgs.iter().find(|o| &o.id == id));
            EntryRow {
                organisation_name: org.map(|o| o.name.clone()),
                municipality: org.and_then(|o| o.municipality.clone()),
                entry,
            }
        })
        .collect();
    gaps.sort_by(|a, b| crate::collate::cmp_nb(&a.entry.title, &b.entry.title));
    Ok(gaps)
}

/// The thesaurus in use: the catalogue's own, or the built-in one.
pub fn thesaurus(cat: &Catalogue) -> Result<Thesaurus> {
    Ok(match cat.thesaurus_groups()? {
        Some(groups) => Thesaurus::from_groups(groups),
        None => Thesaurus::builtin(),
    })
}

/// One concept group, for the UI.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Concept {
    pub id: String,
    pub terms: Vec<String>,
}

/// An edit of the thesaurus.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "op", rename_all = "snake_case")]
#[ts(export)]
pub enum ThesaurusEdit {
    /// Add a term to a group (created if new).
    AddTerm { group: String, term: String },
    /// Remove a term from a group.
    RemoveTerm { group: String, term: String },
    /// Move every term of `from` into `into` and drop `from`.
    Merge { from: String, into: String },
    /// Drop a whole group.
    RemoveGroup { group: String },
}

/// The thesaurus as concept groups.
pub fn list_concepts(cat: &Catalogue) -> Result<Vec<Concept>> {
    Ok(thesaurus(cat)?
        .groups()
        .iter()
        .map(|g| Concept {
            id: g.id.clone(),
            terms: g.terms.clone(),
        })
        .collect())
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
