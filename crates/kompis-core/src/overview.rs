//! The read pages of an organisation and a person: what the catalogue holds
//! about them in one answer (details, people, offers and needs, the pairs
//! the coordinator has taken a step on), ordered here and with people shown
//! by name only with their consent.

use std::cmp::Ordering;
use std::collections::HashMap;

use chrono::NaiveDate;

use crate::calendar::today;
use crate::catalogue::Catalogue;
use crate::collate::cmp_nb;
use crate::error::Result;
use crate::model::{EntityKind, Entry, MatchStatus, Organisation, Person};
use crate::wire::{
    EntryLine, MatchEnd, OrgChoice, OrganisationMatch, OrganisationOverview, PersonLine,
    PersonOverview, Side,
};

/// An offer or need as a page lists it; `today` decides whether its
/// deadline has passed.
fn line(side: Side, e: &Entry, today: NaiveDate) -> EntryLine {
    EntryLine {
        side,
        id: e.id.clone(),
        title: e.title.clone(),
        kind: e.kind,
        active: e.is_active(),
        deadline: e.deadline,
        expired: e.deadline.is_some_and(|d| d < today),
    }
}

/// The entries of `side` that `keep` keeps, in title order.
fn lines(
    cat: &Catalogue,
    side: Side,
    today: NaiveDate,
    keep: impl Fn(&Entry) -> bool,
) -> Result<Vec<EntryLine>> {
    let mut out: Vec<EntryLine> = cat
        .entries(side.into())?
        .iter()
        .filter(|e| keep(e))
        .map(|e| line(side, e, today))
        .collect();
    out.sort_by(|a, b| cmp_nb(&a.title, &b.title).then_with(|| a.id.cmp(&b.id)));
    Ok(out)
}

/// A person as an organisation's page may show them: by name only with
/// consent ([`Person::consents`]), otherwise by role.
fn person_line(p: &Person) -> PersonLine {
    let consents = p.consents();
    PersonLine {
        id: p.id.clone(),
        name: consents.then(|| p.name.clone()),
        role: p.role.clone().filter(|r| !r.trim().is_empty()),
        consents,
    }
}

/// Named people first in name order, then the others by role.
fn person_order(a: &PersonLine, b: &PersonLine) -> Ordering {
    let key = |p: &PersonLine| {
        p.name
            .clone()
            .or_else(|| p.role.clone())
            .unwrap_or_default()
    };
    b.consents
        .cmp(&a.consents)
        .then_with(|| cmp_nb(&key(a), &key(b)))
        .then_with(|| a.id.cmp(&b.id))
}

/// Where a status stands on the page: the furthest step first.
fn status_rank(s: MatchStatus) -> u8 {
    match s {
        MatchStatus::Agreed => 0,
        MatchStatus::Contacted => 1,
        MatchStatus::Shortlisted => 2,
        MatchStatus::Declined => 3,
        MatchStatus::Suggested => 4,
    }
}

/// One organisation's page.
pub(crate) fn organisation(cat: &Catalogue, id: &str) -> Result<OrganisationOverview> {
    let organisation = cat.organisation(id)?;
    let today = today();
    let ours = |e: &Entry| e.organisation.as_deref() == Some(id);
    let mut people: Vec<PersonLine> = cat
        .people()?
        .iter()
        .filter(|p| p.organisation.as_deref() == Some(id))
        .map(person_line)
        .collect();
    people.sort_by(person_order);
    let needs = lines(cat, Side::Need, today, ours)?;
    let offers = lines(cat, Side::Offer, today, ours)?;
    let matches = matches(cat, id)?;
    Ok(OrganisationOverview {
        organisation,
        people,
        needs,
        offers,
        matches,
    })
}

/// The pairs with one of organisation `id`'s needs or offers that carry a
/// coordinator's step (any status but suggested), both ends live.
fn matches(cat: &Catalogue, id: &str) -> Result<Vec<OrganisationMatch>> {
    let records: Vec<_> = cat
        .match_records()?
        .into_iter()
        .filter(|m| m.status.is_some_and(|s| s != MatchStatus::Suggested))
        .collect();
    if records.is_empty() {
        return Ok(Vec::new());
    }
    let needs: HashMap<String, Entry> = cat
        .needs()?
        .into_iter()
        .map(|e| (e.id.clone(), e))
        .collect();
    let offers: HashMap<String, Entry> = cat
        .offers()?
        .into_iter()
        .map(|e| (e.id.clone(), e))
        .collect();
    let orgs: HashMap<String, Organisation> = cat
        .organisations()?
        .into_iter()
        .map(|o| (o.id.clone(), o))
        .collect();
    let end = |side: Side, e: &Entry| MatchEnd {
        side,
        id: e.id.clone(),
        title: e.title.clone(),
        organisation: e
            .organisation
            .as_ref()
            .and_then(|o| orgs.get(o))
            .map(|o| OrgChoice {
                id: o.id.clone(),
                name: o.name.clone(),
            }),
    };
    let mut out = Vec::new();
    for m in records {
        let (Some(need), Some(offer)) = (needs.get(&m.need), offers.get(&m.offer)) else {
            continue;
        };
        let (ours, other) = if need.organisation.as_deref() == Some(id) {
            (end(Side::Need, need), end(Side::Offer, offer))
        } else if offer.organisation.as_deref() == Some(id) {
            (end(Side::Offer, offer), end(Side::Need, need))
        } else {
            continue;
        };
        out.push(OrganisationMatch {
            ours,
            other,
            status: m.status.unwrap_or(MatchStatus::Suggested),
            decline_reason: m.decline_reason,
            updated_at: m.updated_at,
        });
    }
    out.sort_by(|a, b| {
        status_rank(a.status)
            .cmp(&status_rank(b.status))
            .then_with(|| b.updated_at.cmp(&a.updated_at))
            .then_with(|| cmp_nb(&a.ours.title, &b.ours.title))
    });
    Ok(out)
}

/// One person's page.
pub(crate) fn person(cat: &Catalogue, id: &str) -> Result<PersonOverview> {
    let person = cat.person(id)?;
    let organisation = match person.organisation.as_deref() {
        Some(org) if cat.exists(EntityKind::Organisation, org)? => {
            let o = cat.organisation(org)?;
            Some(OrgChoice {
                id: o.id,
                name: o.name,
            })
        }
        _ => None,
    };
    let today = today();
    let contact = |e: &Entry| e.contact.as_deref() == Some(id);
    let mut entries = lines(cat, Side::Need, today, contact)?;
    entries.extend(lines(cat, Side::Offer, today, contact)?);
    Ok(PersonOverview {
        consents: person.consents(),
        person,
        organisation,
        entries,
    })
}
