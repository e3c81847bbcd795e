//! The app's lists, filtered, ordered and paged in the core: offers, needs,
//! organisations and people. Each list is built once from the store (rows
//! with their organisation resolved, a word index over their text, the
//! orders precomputed) and kept until the next write, so a keystroke in a
//! filter costs a query over the index, not a scan of the store.

use std::cmp::Ordering;
use std::collections::HashMap;
use std::sync::Arc;

use kompis_match::listing::ListIndex;
use kompis_match::text::fold;

use crate::catalogue::Catalogue;
use crate::collate::{cmp_nb, NbKey};
use crate::error::Result;
use crate::model::{EntityKind, Entry, EntryKind, Organisation, Person};
use crate::wire::{
    ConceptHit, EntryQuery, EntryRow, EntrySort, Facets, OrgChoice, OrganisationQuery,
    OrganisationRow, Page, PageQuery, PersonQuery, PersonRow, PAGE_DEFAULT, PAGE_MAX,
};

/// The municipalities of the network, first where a municipality is typed
/// (the organisation form, the registration workbook).
pub(crate) const REGION: [&str; 6] = [
    "Elverum",
    "Åmot",
    "Stor-Elvdal",
    "Engerdal",
    "Trysil",
    "Våler",
];

/// Weights of the fields a filter looks in: a word in the title counts most.
const TITLE: f32 = 3.0;
const KEYWORDS: f32 = 2.0;
const BODY: f32 = 1.0;
const OWNER: f32 = 1.0;

/// Where a page starts and how long it is, within bounds.
fn bounds(offset: Option<u32>, limit: Option<u32>) -> (usize, usize) {
    let limit = limit.unwrap_or(PAGE_DEFAULT).clamp(1, PAGE_MAX);
    (offset.unwrap_or(0) as usize, limit as usize)
}

/// A row that passed the filter, with the words of it that matched.
type Hit<'a> = (usize, Vec<&'a str>);

/// One page of `hits`, made into rows by `row` (only the page's marks are
/// copied).
fn page<T>(
    hits: Vec<Hit<'_>>,
    offset: usize,
    limit: usize,
    row: impl Fn(usize, Vec<String>) -> T,
) -> Page<T> {
    let total = hits.len();
    Page {
        total: total as u32,
        offset: offset.min(total) as u32,
        rows: hits
            .into_iter()
            .skip(offset)
            .take(limit)
            .map(|(i, marks)| row(i, marks.into_iter().map(str::to_string).collect()))
            .collect(),
    }
}

/// Slices an already ordered list into a page.
pub(crate) fn page_of<T>(list: Vec<T>, query: PageQuery) -> Page<T> {
    let (offset, limit) = bounds(query.offset, query.limit);
    let total = list.len();
    Page {
        total: total as u32,
        offset: offset.min(total) as u32,
        rows: list.into_iter().skip(offset).take(limit).collect(),
    }
}

/// The rows matching `text` (best first, with their marks), or every row
/// in `order` when there is no text.
fn candidates<'a>(index: &'a ListIndex, text: Option<&str>, order: &[u32]) -> Vec<Hit<'a>> {
    match text.map(str::trim).filter(|t| !t.is_empty()) {
        Some(text) => index
            .query(text)
            .into_iter()
            .map(|h| (h.row, h.marks))
            .collect(),
        None => order.iter().map(|&i| (i as usize, Vec::new())).collect(),
    }
}

/// Positions of `items` in the order `cmp` gives: `rank[i]` is where item
/// `i` stands, `order` lists items in that order.
fn ranks<T>(items: &[T], cmp: impl Fn(&T, &T) -> Ordering) -> (Vec<u32>, Vec<u32>) {
    let mut order: Vec<u32> = (0..items.len() as u32).collect();
    order.sort_by(|&a, &b| cmp(&items[a as usize], &items[b as usize]));
    let mut rank = vec![0; items.len()];
    for (pos, &i) in order.iter().enumerate() {
        rank[i as usize] = pos as u32;
    }
    (order, rank)
}

/// What the offers or needs list keeps of one entry: what its filters and
/// orders look at. The page's entries themselves are read from the store,
/// so the list does not hold a second copy of every description.
struct Slim {
    id: Box<str>,
    kind: EntryKind,
    /// The entry's organisation id, as stored.
    organisation: Option<Box<str>>,
    /// Where that organisation is in [`EntryList::owners`], if it exists.
    owner: Option<u32>,
    active: bool,
}

/// The offers or the needs, ready to filter.
struct EntryList {
    kind: EntityKind,
    rows: Vec<Slim>,
    /// The organisations that own an entry of the list.
    owners: Vec<Organisation>,
    index: ListIndex,
    title_order: Vec<u32>,
    title_rank: Vec<u32>,
    deadline_rank: Vec<u32>,
    updated_rank: Vec<u32>,
}

/// The offers list (a type of its own so the catalogue caches it apart).
struct OfferList(EntryList);
/// The needs list.
struct NeedList(EntryList);

/// The offers list, built on first use.
fn offer_list(cat: &Catalogue) -> Result<Arc<OfferList>> {
    cat.derived(|c| EntryList::build(c, EntityKind::Offer).map(OfferList))
}

/// The needs list, built on first use.
fn need_list(cat: &Catalogue) -> Result<Arc<NeedList>> {
    cat.derived(|c| EntryList::build(c, EntityKind::Need).map(NeedList))
}

impl EntryList {
    fn build(cat: &Catalogue, kind: EntityKind) -> Result<Self> {
        let orgs: HashMap<String, Organisation> = cat
            .organisations()?
            .into_iter()
            .map(|o| (o.id.clone(), o))
            .collect();
        let entries = cat.entries(kind)?;
        // Each owning organisation once, and where each entry's is.
        let mut owners: Vec<Organisation> = Vec::new();
        let mut owner_at: HashMap<&str, u32> = HashMap::new();
        let owner_of: Vec<Option<u32>> = entries
            .iter()
            .map(|e| {
                let id = e.organisation.as_deref()?;
                let org = orgs.get(id)?;
                Some(*owner_at.entry(id).or_insert_with(|| {
                    owners.push(org.clone());
                    owners.len() as u32 - 1
                }))
            })
            .collect();
        let owner = |i: usize| owner_of[i].map(|o| &owners[o as usize]);
        let fields: Vec<_> = entries
            .iter()
            .enumerate()
            .map(|(i, e)| entry_fields(e, owner(i)))
            .collect();
        let index = ListIndex::new(&fields);
        drop(fields);
        let keys: Vec<NbKey> = entries.iter().map(|e| NbKey::new(&e.title)).collect();
        let keyed: Vec<(&Entry, &NbKey)> = entries.iter().zip(&keys).collect();
        let (title_order, title_rank) = ranks(&keyed, |a, b| a.1.cmp(b.1));
        let (_, deadline_rank) = ranks(&keyed, |a, b| {
            match (a.0.deadline, b.0.deadline) {
                (Some(x), Some(y)) => x.cmp(&y),
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => Ordering::Equal,
            }
            .then_with(|| a.1.cmp(b.1))
        });
        let (_, updated_rank) = ranks(&keyed, |a, b| {
            let at = a.0.updated_at.or(a.0.created_at);
            let bt = b.0.updated_at.or(b.0.created_at);
            bt.cmp(&at).then_with(|| a.1.cmp(b.1))
        });
        let rows = entries
            .iter()
            .zip(&owner_of)
            .map(|(e, &owner)| Slim {
                id: e.id.as_str().into(),
                kind: e.kind,
                organisation: e.organisation.as_deref().map(Into::into),
                owner,
                active: e.is_active(),
            })
            .collect();
        Ok(EntryList {
            kind,
            rows,
            owners,
            index,
            title_order,
            title_rank,
            deadline_rank,
            updated_rank,
        })
    }

    fn owner(&self, r: &Slim) -> Option<&Organisation> {
        r.owner.map(|o| &self.owners[o as usize])
    }

    fn query(&self, cat: &Catalogue, q: &EntryQuery) -> Result<Page<EntryRow>> {
        let keep = |r: &Slim| {
            q.kind.is_none_or(|k| k == r.kind)
                && q.organisation
                    .as_deref()
                    .is_none_or(|id| r.organisation.as_deref() == Some(id))
                && q.municipality
                    .as_ref()
                    .is_none_or(|m| self.owner(r).and_then(|o| o.municipality.as_ref()) == Some(m))
                && q.active.is_none_or(|a| a == r.active)
        };
        let text = q.text.as_deref().filter(|t| !t.trim().is_empty());
        let mut hits = candidates(&self.index, text, &self.title_order);
        hits.retain(|(i, _)| keep(&self.rows[*i]));
        let default = if text.is_some() {
            EntrySort::Relevance
        } else {
            EntrySort::Title
        };
        let rank = match q.sort.unwrap_or(default) {
            EntrySort::Relevance => None,
            EntrySort::Title => Some(&self.title_rank),
            EntrySort::Deadline => Some(&self.deadline_rank),
            EntrySort::Updated => Some(&self.updated_rank),
        };
        if let Some(rank) = rank {
            hits.sort_by_key(|(i, _)| rank[*i]);
        }
        let (offset, limit) = bounds(q.offset, q.limit);
        let total = hits.len();
        let rows = hits
            .into_iter()
            .skip(offset)
            .take(limit)
            .map(|(i, marks)| {
                let r = &self.rows[i];
                let entry = cat.entry(self.kind, &r.id)?;
                Ok(EntryRow {
                    marks: marks.into_iter().map(str::to_string).collect(),
                    ..EntryRow::new(entry, self.owner(r))
                })
            })
            .collect::<Result<_>>()?;
        Ok(Page {
            total: total as u32,
            offset: offset.min(total) as u32,
            rows,
        })
    }
}

/// The texts a filter looks in for an offer or need owned by `org`, with
/// their weights (borrowed: the index keeps its own words, not a second
/// copy of the text).
fn entry_fields<'a>(e: &'a Entry, org: Option<&'a Organisation>) -> Vec<(&'a str, f32)> {
    let mut fields = vec![(e.title.as_str(), TITLE)];
    fields.extend(e.keywords.iter().map(|k| (k.as_str(), KEYWORDS)));
    fields.extend(e.description.as_deref().map(|d| (d, BODY)));
    fields.extend(org.map(|o| (o.name.as_str(), OWNER)));
    fields.extend(
        org.and_then(|o| o.municipality.as_deref())
            .map(|m| (m, OWNER)),
    );
    fields
}

/// One page of the offers or needs that pass the query.
pub(crate) fn entries(cat: &Catalogue, kind: EntityKind, q: &EntryQuery) -> Result<Page<EntryRow>> {
    match kind {
        EntityKind::Offer => offer_list(cat)?.0.query(cat, q),
        _ => need_list(cat)?.0.query(cat, q),
    }
}

/// The organisations, ready to filter.
struct OrganisationList {
    rows: Vec<Organisation>,
    index: ListIndex,
    order: Vec<u32>,
}

impl OrganisationList {
    fn build(cat: &Catalogue) -> Result<Self> {
        let rows = cat.organisations()?;
        let fields: Vec<_> = rows
            .iter()
            .map(|o| {
                let mut f = vec![(o.name.as_str(), TITLE)];
                f.extend(o.municipality.as_deref().map(|m| (m, OWNER)));
                f.extend(o.notes.as_deref().map(|n| (n, BODY)));
                f
            })
            .collect();
        let index = ListIndex::new(&fields);
        let (order, _) = ranks(&rows, |a, b| cmp_nb(&a.name, &b.name));
        Ok(OrganisationList { rows, index, order })
    }
}

/// One page of the organisations that pass the query.
pub(crate) fn organisations(
    cat: &Catalogue,
    q: &OrganisationQuery,
) -> Result<Page<OrganisationRow>> {
    let list = cat.derived(OrganisationList::build)?;
    let mut hits = candidates(&list.index, q.text.as_deref(), &list.order);
    hits.retain(|(i, _)| {
        let o = &list.rows[*i];
        q.kind.is_none_or(|k| k == o.kind)
            && q.municipality
                .as_ref()
                .is_none_or(|m| o.municipality.as_ref() == Some(m))
            && q.member.is_none_or(|m| m == o.member.unwrap_or(false))
    });
    let (offset, limit) = bounds(q.offset, q.limit);
    Ok(page(hits, offset, limit, |i, marks| OrganisationRow {
        organisation: list.rows[i].clone(),
        marks,
    }))
}

/// The people, ready to filter.
struct PersonList {
    rows: Vec<(Person, Option<String>)>,
    index: ListIndex,
    order: Vec<u32>,
}

impl PersonList {
    fn build(cat: &Catalogue) -> Result<Self> {
        let orgs: HashMap<String, String> = cat
            .organisations()?
            .into_iter()
            .map(|o| (o.id, o.name))
            .collect();
        let rows: Vec<(Person, Option<String>)> = cat
            .people()?
            .into_iter()
            .map(|p| {
                let org = p.organisation.as_ref().and_then(|id| orgs.get(id)).cloned();
                (p, org)
            })
            .collect();
        let fields: Vec<_> = rows
            .iter()
            .map(|(p, org)| {
                let mut f = vec![(p.name.as_str(), TITLE)];
                f.extend(p.role.as_deref().map(|r| (r, KEYWORDS)));
                f.extend(p.email.as_deref().map(|e| (e, BODY)));
                f.extend(org.as_deref().map(|o| (o, OWNER)));
                f
            })
            .collect();
        let index = ListIndex::new(&fields);
        let (order, _) = ranks(&rows, |a, b| cmp_nb(&a.0.name, &b.0.name));
        Ok(PersonList { rows, index, order })
    }
}

/// One page of the people who pass the query.
pub(crate) fn people(cat: &Catalogue, q: &PersonQuery) -> Result<Page<PersonRow>> {
    let list = cat.derived(PersonList::build)?;
    let mut hits = candidates(&list.index, q.text.as_deref(), &list.order);
    hits.retain(|(i, _)| {
        let p = &list.rows[*i].0;
        q.organisation
            .as_ref()
            .is_none_or(|id| p.organisation.as_ref() == Some(id))
            && q.consent.is_none_or(|c| c == p.consents())
    });
    let (offset, limit) = bounds(q.offset, q.limit);
    Ok(page(hits, offset, limit, |i, marks| {
        let (person, org) = list.rows[i].clone();
        PersonRow {
            person,
            organisation_name: org,
            marks,
        }
    }))
}

/// The four lists [`text_hits`] reads.
struct Lists {
    orgs: Arc<OrganisationList>,
    people: Arc<PersonList>,
    offers: Arc<OfferList>,
    needs: Arc<NeedList>,
}

/// [`Lists`], each built on first use.
fn lists(cat: &Catalogue) -> Result<Lists> {
    Ok(Lists {
        orgs: cat.derived(OrganisationList::build)?,
        people: cat.derived(PersonList::build)?,
        offers: offer_list(cat)?,
        needs: need_list(cat)?,
    })
}

/// Builds the lists [`text_hits`] reads now.
pub(crate) fn warm_text_hits(cat: &Catalogue) -> Result<()> {
    lists(cat).map(drop)
}

/// Every organisation, person, offer and need whose text holds every word
/// of `text`, as `(kind, id, score)`, best first (ties in that order of
/// kinds, then in the store's order): the lists' own indexes, so search
/// keeps no index of its own. A text without words finds nothing.
pub(crate) fn text_hits(cat: &Catalogue, text: &str) -> Result<Vec<(EntityKind, String, f32)>> {
    let Lists {
        orgs,
        people,
        offers,
        needs,
    } = lists(cat)?;
    if text.trim().is_empty() {
        return Ok(Vec::new());
    }
    let mut hits = Vec::new();
    hits.extend(orgs.index.query(text).into_iter().map(|h| {
        let id = orgs.rows[h.row].id.clone();
        (EntityKind::Organisation, id, h.score)
    }));
    hits.extend(people.index.query(text).into_iter().map(|h| {
        let id = people.rows[h.row].0.id.clone();
        (EntityKind::Person, id, h.score)
    }));
    for list in [&offers.0, &needs.0] {
        hits.extend(list.index.query(text).into_iter().map(|h| {
            let id = list.rows[h.row].id.to_string();
            (list.kind, id, h.score)
        }));
    }
    // A text of separators only passes every row unmarked: no hit.
    hits.retain(|h| h.2 > 0.0);
    hits.sort_by(|a, b| b.2.total_cmp(&a.2));
    Ok(hits)
}

/// The organisations and municipalities the filters offer.
pub(crate) fn facets(cat: &Catalogue) -> Result<Facets> {
    let list = cat.derived(OrganisationList::build)?;
    let organisations = list
        .order
        .iter()
        .map(|&i| {
            let o = &list.rows[i as usize];
            OrgChoice {
                id: o.id.clone(),
                name: o.name.clone(),
            }
        })
        .collect();
    let mut municipalities: Vec<String> = list
        .rows
        .iter()
        .filter_map(|o| o.municipality.clone())
        .collect();
    municipalities.sort_by(|a, b| cmp_nb(a, b));
    municipalities.dedup();
    Ok(Facets {
        organisations,
        municipality_choices: municipality_choices(&municipalities),
        municipalities,
    })
}

/// What a municipality box suggests: the [`REGION`]'s six in their order,
/// then the other names in `used` (in their order) that are not one of them
/// but for case or accents.
pub(crate) fn municipality_choices(used: &[String]) -> Vec<String> {
    let region: Vec<String> = REGION.iter().map(|m| fold(m)).collect();
    let mut out: Vec<String> = REGION.iter().map(|m| m.to_string()).collect();
    out.extend(
        used.iter()
            .filter(|m| !m.trim().is_empty() && !region.contains(&fold(m)))
            .cloned(),
    );
    out
}

/// The thesaurus' groups in Norwegian order of their ids, with one row per
/// id and per term in a list index.
struct ConceptList {
    groups: Vec<kompis_match::ConceptGroup>,
    index: ListIndex,
    /// Row of the index → (group, term; `None` for the group's id).
    rows: Vec<(u32, Option<u32>)>,
}

impl ConceptList {
    fn build(cat: &Catalogue) -> Result<Self> {
        let mut groups = crate::matching::thesaurus(cat)?.groups().to_vec();
        groups.sort_by(|a, b| cmp_nb(&a.id, &b.id));
        let mut fields: Vec<[(&str, f32); 1]> = Vec::new();
        let mut rows = Vec::new();
        for (g, group) in groups.iter().enumerate() {
            fields.push([(group.id.as_str(), TITLE)]);
            rows.push((g as u32, None));
            for (t, term) in group.terms.iter().enumerate() {
                fields.push([(term.as_str(), TITLE)]);
                rows.push((g as u32, Some(t as u32)));
            }
        }
        let index = ListIndex::new(&fields);
        Ok(ConceptList {
            groups,
            index,
            rows,
        })
    }
}

/// The concept groups whose id or one of whose terms holds every word of
/// `text` as a word or a word start (the lists' filter: folded, `æøå` also
/// typed as `a`/`o`, a typo allowed in longer words; so `lean` finds
/// `lean-prinsipper` but not `solcelleanlegg`), in Norwegian order of their
/// ids, each with where it matched. A text without words finds every group.
pub(crate) fn find_concepts(cat: &Catalogue, text: &str) -> Result<Vec<ConceptHit>> {
    let list = cat.derived(ConceptList::build)?;
    let hit = |g: &kompis_match::ConceptGroup| ConceptHit {
        id: g.id.clone(),
        terms: g.terms.clone(),
        id_hit: false,
        hits: Vec::new(),
    };
    let found = list.index.query(text);
    // Without words the index passes every row, and marks none.
    if found.first().is_none_or(|h| h.marks.is_empty()) && found.len() == list.rows.len() {
        return Ok(list.groups.iter().map(hit).collect());
    }
    let mut out: Vec<Option<ConceptHit>> = vec![None; list.groups.len()];
    for h in found {
        let (g, term) = list.rows[h.row];
        let c = out[g as usize].get_or_insert_with(|| hit(&list.groups[g as usize]));
        match term {
            Some(t) => c.hits.push(t),
            None => c.id_hit = true,
        }
    }
    Ok(out
        .into_iter()
        .flatten()
        .map(|mut c| {
            c.hits.sort_unstable();
            c
        })
        .collect())
}
