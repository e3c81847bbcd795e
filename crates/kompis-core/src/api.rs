//! The operations the app and the CLI offer, as plain functions over an open
//! [`Catalogue`]. Each Tauri command is a one-line wrapper around one of them.

use std::path::Path;

use chrono::Utc;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::bundle::{self, Bundle};
use crate::catalogue::Catalogue;
use crate::collate::cmp_nb;
use crate::error::{Error, Result};
use crate::matching::{self, MatchView};
use crate::model::{EntityKind, Entry, EntryKind, MatchStatus, Organisation, Person};
use crate::search::Fuzzy;

/// Offers or needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Side {
    Offer,
    Need,
}

impl From<Side> for EntityKind {
    fn from(s: Side) -> Self {
        match s {
            Side::Offer => EntityKind::Offer,
            Side::Need => EntityKind::Need,
        }
    }
}

/// How many of each entity the catalogue holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Counts {
    pub organisations: u32,
    pub people: u32,
    pub offers: u32,
    pub needs: u32,
    pub trash: u32,
}

/// Where the catalogue is and what it holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct CatalogueInfo {
    pub path: String,
    pub schema_version: u32,
    pub counts: Counts,
}

/// Filters of the offers and needs lists; absent means "any".
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct EntryFilter {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub kind: Option<EntryKind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub organisation: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub municipality: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub active: Option<bool>,
}

/// One row of the offers or needs list.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct EntryRow {
    pub entry: Entry,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub organisation_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub municipality: Option<String>,
}

/// An entity in the trash.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct TrashItem {
    pub kind: EntityKind,
    pub id: String,
    pub label: String,
    pub deleted_at: String,
}

/// One search hit.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct SearchHit {
    pub kind: EntityKind,
    pub id: String,
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub subtitle: Option<String>,
    pub score: f64,
}

/// What an import brought in or an export wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ImportSummary {
    pub organisations: u32,
    pub people: u32,
    pub offers: u32,
    pub needs: u32,
    pub matches: u32,
}

impl ImportSummary {
    fn of(b: &Bundle) -> Self {
        let n = |len: usize| len as u32;
        ImportSummary {
            organisations: n(b.organisations.len()),
            people: n(b.people.len()),
            offers: n(b.offers.len()),
            needs: n(b.needs.len()),
            matches: n(b.matches.len()),
        }
    }
}

/// Where the catalogue is and what it holds.
pub fn catalogue_info(cat: &Catalogue) -> Result<CatalogueInfo> {
    Ok(CatalogueInfo {
        path: cat.path().display().to_string(),
        schema_version: cat.schema_version()?,
        counts: Counts {
            organisations: cat.count(EntityKind::Organisation)?,
            people: cat.count(EntityKind::Person)?,
            offers: cat.count(EntityKind::Offer)?,
            needs: cat.count(EntityKind::Need)?,
            trash: cat.trash_count()?,
        },
    })
}

/// All organisations in Norwegian name order.
pub fn list_organisations(cat: &Catalogue) -> Result<Vec<Organisation>> {
    let mut v = cat.organisations()?;
    v.sort_by(|a, b| cmp_nb(&a.name, &b.name));
    Ok(v)
}

/// All people in Norwegian name order.
pub fn list_people(cat: &Catalogue) -> Result<Vec<Person>> {
    let mut v = cat.people()?;
    v.sort_by(|a, b| cmp_nb(&a.name, &b.name));
    Ok(v)
}

/// Offers or needs that pass the filter: by relevance when searching,
/// otherwise in Norwegian title order.
pub fn list_entries(cat: &Catalogue, side: Side, filter: &EntryFilter) -> Result<Vec<EntryRow>> {
    let orgs = cat.organisations()?;
    let org = |id: &Option<String>| id.as_ref().and_then(|id| orgs.iter().find(|o| &o.id == id));
    let fuzzy = Fuzzy::new(filter.text.as_deref().unwrap_or(""));
    let mut rows: Vec<(i64, EntryRow)> = Vec::new();
    for entry in cat.entries(side.into())? {
        let o = org(&entry.organisation);
        let municipality = o.and_then(|o| o.municipality.clone());
        let keep = filter.kind.is_none_or(|k| k == entry.kind)
            && filter
                .organisation
                .as_ref()
                .is_none_or(|id| entry.organisation.as_ref() == Some(id))
            && filter
                .municipality
                .as_ref()
                .is_none_or(|m| municipality.as_ref() == Some(m))
            && filter.active.is_none_or(|a| a == entry.is_active());
        if !keep {
            continue;
        }
        let mut fields = entry.search_fields();
        fields.extend(o.map(|o| o.name.as_str()));
        let Some(score) = fuzzy.score(fields) else {
            continue;
        };
        rows.push((
            score,
            EntryRow {
                organisation_name: o.map(|o| o.name.clone()),
                municipality,
                entry,
            },
        ));
    }
    rows.sort_by(|(sa, a), (sb, b)| {
        sb.cmp(sa)
            .then_with(|| cmp_nb(&a.entry.title, &b.entry.title))
    });
    Ok(rows.into_iter().map(|(_, r)| r).collect())
}

/// One offer or need.
pub fn get_entry(cat: &Catalogue, side: Side, id: &str) -> Result<Entry> {
    cat.entry(side.into(), id)
}

fn trimmed(v: &mut Option<String>) {
    if let Some(s) = v {
        *s = s.trim().to_string();
        if s.is_empty() {
            *v = None;
        }
    }
}

/// Create (empty id) or update an organisation; returns what was stored.
pub fn save_organisation(cat: &Catalogue, mut o: Organisation) -> Result<Organisation> {
    if o.id.trim().is_empty() {
        o.id = cat.next_id(EntityKind::Organisation)?;
    }
    o.name = o.name.trim().to_string();
    for f in [
        &mut o.municipality,
        &mut o.org_number,
        &mut o.website,
        &mut o.notes,
    ] {
        trimmed(f);
    }
    cat.put_organisation(&o)?;
    Ok(o)
}

/// Create (empty id) or update a person; returns what was stored.
pub fn save_person(cat: &Catalogue, mut p: Person) -> Result<Person> {
    if p.id.trim().is_empty() {
        p.id = cat.next_id(EntityKind::Person)?;
    }
    p.name = p.name.trim().to_string();
    for f in [
        &mut p.email,
        &mut p.phone,
        &mut p.organisation,
        &mut p.role,
        &mut p.notes,
    ] {
        trimmed(f);
    }
    cat.put_person(&p)?;
    Ok(p)
}

/// Create (empty id) or update an offer or need, stamping its times;
/// returns what was stored.
pub fn save_entry(cat: &Catalogue, side: Side, mut e: Entry) -> Result<Entry> {
    let kind = side.into();
    let now = Utc::now();
    if e.id.trim().is_empty() {
        e.id = cat.next_id(kind)?;
        e.created_at = Some(now);
    } else if e.created_at.is_none() {
        e.created_at = cat
            .entry(kind, &e.id)
            .ok()
            .and_then(|old| old.created_at)
            .or(Some(now));
    }
    e.updated_at = Some(now);
    e.title = e.title.trim().to_string();
    e.keywords = e
        .keywords
        .iter()
        .map(|k| k.trim().to_string())
        .filter(|k| !k.is_empty())
        .collect();
    for f in [&mut e.description, &mut e.organisation, &mut e.contact] {
        trimmed(f);
    }
    cat.put_entry(kind, &e)?;
    Ok(e)
}

/// Move an entity to the trash.
pub fn delete_entity(cat: &Catalogue, kind: EntityKind, id: &str) -> Result<()> {
    cat.delete(kind, id)
}

/// What the trash holds, newest first.
pub fn list_trash(cat: &Catalogue) -> Result<Vec<TrashItem>> {
    Ok(cat
        .trash()?
        .into_iter()
        .map(|t| {
            let label = ["title", "name"]
                .iter()
                .find_map(|f| t.value.get(*f).and_then(|v| v.as_str()))
                .unwrap_or(&t.id)
                .to_string();
            TrashItem {
                kind: t.kind,
                id: t.id,
                label,
                deleted_at: t.deleted_at.to_rfc3339(),
            }
        })
        .collect())
}

/// Bring an entity back from the trash.
pub fn restore_entity(cat: &Catalogue, kind: EntityKind, id: &str) -> Result<()> {
    cat.restore(kind, id)
}

/// How many hits a search returns at most.
const SEARCH_LIMIT: usize = 50;

/// The typeahead's key for an entity: kind word, a separator, the id.
fn typeahead_key(kind: EntityKind, id: &str) -> String {
    format!("{}\u{1f}{id}", kind.word())
}

fn build_typeahead(cat: &Catalogue) -> Result<kompis_match::Typeahead> {
    let mut labels = Vec::new();
    for o in cat.organisations()? {
        labels.push((typeahead_key(EntityKind::Organisation, &o.id), o.name));
    }
    for p in cat.people()? {
        labels.push((typeahead_key(EntityKind::Person, &p.id), p.name));
    }
    for kind in [EntityKind::Offer, EntityKind::Need] {
        for e in cat.entries(kind)? {
            labels.push((typeahead_key(kind, &e.id), e.title));
        }
    }
    Ok(kompis_match::Typeahead::new(labels))
}

fn hit(cat: &Catalogue, kind: EntityKind, id: &str, score: f64) -> Result<SearchHit> {
    let (title, subtitle) = match kind {
        EntityKind::Organisation => {
            let o = cat.organisation(id)?;
            (o.name, o.municipality)
        }
        EntityKind::Person => {
            let p = cat.person(id)?;
            (p.name, p.role)
        }
        EntityKind::Offer | EntityKind::Need => {
            let e = cat.entry(kind, id)?;
            (e.title, e.description)
        }
    };
    Ok(SearchHit {
        kind,
        id: id.into(),
        title,
        subtitle,
        score,
    })
}

/// Search as you type: titles and names through the typeahead first (its
/// cached index, fuzzy-matcher over folded labels), then, while there are
/// fewer than 50 hits, fuzzy matches in descriptions, keywords, roles and
/// municipalities, also for a query typed without æøå.
pub fn search(cat: &Catalogue, text: &str) -> Result<Vec<SearchHit>> {
    let fuzzy = Fuzzy::new(text);
    if fuzzy.is_empty() {
        return Ok(Vec::new());
    }
    let kinds = [
        EntityKind::Organisation,
        EntityKind::Person,
        EntityKind::Offer,
        EntityKind::Need,
    ];
    let suggestions = cat.with_typeahead(build_typeahead, |t| t.query(text, SEARCH_LIMIT))?;
    let mut hits = Vec::new();
    for s in suggestions {
        let Some((word, id)) = s.id.split_once('\u{1f}') else {
            continue;
        };
        if let Some(kind) = kinds.into_iter().find(|k| k.word() == word) {
            hits.push(hit(cat, kind, id, s.score as f64)?);
        }
    }
    if hits.len() >= SEARCH_LIMIT {
        return Ok(hits);
    }
    let mut more = Vec::new();
    let mut consider = |kind: EntityKind, id: &str, fields: Vec<&str>| {
        if hits.iter().any(|h| h.kind == kind && h.id == id) {
            return;
        }
        if let Some(score) = fuzzy.score(fields) {
            more.push((score, kind, id.to_string()));
        }
    };
    for o in cat.organisations()? {
        consider(
            EntityKind::Organisation,
            &o.id,
            vec![&o.name, o.municipality.as_deref().unwrap_or("")],
        );
    }
    for p in cat.people()? {
        consider(
            EntityKind::Person,
            &p.id,
            vec![&p.name, p.role.as_deref().unwrap_or("")],
        );
    }
    for kind in [EntityKind::Offer, EntityKind::Need] {
        for e in cat.entries(kind)? {
            consider(kind, &e.id, e.search_fields());
        }
    }
    more.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.2.cmp(&b.2)));
    for (score, kind, id) in more.into_iter().take(SEARCH_LIMIT - hits.len()) {
        hits.push(hit(cat, kind, &id, score as f64)?);
    }
    Ok(hits)
}

/// The ranked offers for one need with the coordinator's status, best
/// first; declined pairs are left out (see [`declined_for_need`]).
pub fn matches_for_need(
    cat: &Catalogue,
    need_id: &str,
    top: Option<u32>,
) -> Result<Vec<MatchView>> {
    let top = top.unwrap_or(10) as usize;
    let declined = declined_ids(cat, need_id)?;
    let ranked = matching::rank_catalogue(cat, Some(need_id), top + declined.len())?;
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

fn match_view(cat: &Catalogue, need_id: &str, r: &matching::Ranked) -> Result<MatchView> {
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
        reasons: r.reasons.clone(),
        need_terms: r.need_terms.clone(),
        offer_terms: r.offer_terms.clone(),
        status: record.as_ref().and_then(|m| m.status),
        note: record.as_ref().and_then(|m| m.note.clone()),
        decline_reason: record.and_then(|m| m.decline_reason),
    })
}

/// The offers declined for a need, so they can be brought back.
pub fn declined_for_need(cat: &Catalogue, need_id: &str) -> Result<Vec<MatchView>> {
    cat.entry(EntityKind::Need, need_id)?;
    let mut out = Vec::new();
    for offer in declined_ids(cat, need_id)? {
        if cat.exists(EntityKind::Offer, &offer)? {
            let r = matching::Ranked {
                offer,
                score: 0.0,
                reasons: Vec::new(),
                need_terms: Vec::new(),
                offer_terms: Vec::new(),
            };
            out.push(match_view(cat, need_id, &r)?);
        }
    }
    Ok(out)
}

/// Import a bundle file: refused whole on any error, nothing written then.
pub fn import_bundle(cat: &Catalogue, path: &Path) -> Result<ImportSummary> {
    let b = bundle::read_file(path)?;
    cat.import(&b)?;
    Ok(ImportSummary::of(&b))
}

/// Export the whole catalogue as a bundle file, written atomically.
pub fn export_bundle(cat: &Catalogue, path: &Path) -> Result<ImportSummary> {
    let b = cat.export()?;
    let text = serde_json::to_string_pretty(&b).expect("bundle serialises");
    write_atomically(path, text.as_bytes())?;
    Ok(ImportSummary::of(&b))
}

/// Write a file via a temporary sibling and a rename, so a crash never
/// leaves half a file.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let io = |source| Error::Io {
        action: "write",
        path: path.to_path_buf(),
        source,
    };
    let tmp = path.with_extension("kompis-tmp");
    std::fs::write(&tmp, bytes).map_err(io)?;
    std::fs::File::open(&tmp)
        .and_then(|f| f.sync_all())
        .map_err(io)?;
    std::fs::rename(&tmp, path).map_err(io)
}

/// Load the example network of the region.
pub fn load_demo(cat: &Catalogue) -> Result<ImportSummary> {
    let b = crate::demo::bundle();
    cat.import(&b)?;
    Ok(ImportSummary::of(&b))
}
