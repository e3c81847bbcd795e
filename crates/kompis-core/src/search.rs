//! Search as you type over every entity: the matcher crate's typeahead
//! (fuzzy-matcher over folded titles and names) first, then the lists' own
//! word indexes over every entity's full text. Both are built on first use
//! and dropped by any write.

use crate::catalogue::Catalogue;
use crate::error::Result;
use crate::model::EntityKind;
use crate::wire::SearchHit;

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
    let (title, subtitle, organisation) = match kind {
        EntityKind::Organisation => {
            let o = cat.organisation(id)?;
            (o.name, o.municipality, None)
        }
        EntityKind::Person => {
            let p = cat.person(id)?;
            (p.name, p.role, p.organisation)
        }
        EntityKind::Offer | EntityKind::Need => {
            let e = cat.entry(kind, id)?;
            (e.title, e.description, e.organisation)
        }
    };
    let organisation = organisation.and_then(|o| cat.organisation(&o).ok().map(|o| o.name));
    Ok(SearchHit {
        kind,
        id: id.into(),
        title,
        subtitle,
        organisation,
        score,
    })
}

/// Search as you type: titles and names through the typeahead first (its
/// cached index, fuzzy-matcher over folded labels), then, while there are
/// fewer than 50 hits, the entities whose full text holds every typed word
/// (the list filters' indexes: word starts, æøå folded, typos in long words).
pub(crate) fn search(cat: &Catalogue, text: &str) -> Result<Vec<SearchHit>> {
    if text.trim().is_empty() {
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
    for (kind, id, score) in crate::listing::text_hits(cat, text)? {
        if hits.len() >= SEARCH_LIMIT {
            break;
        }
        if !hits.iter().any(|x| x.kind == kind && x.id == id) {
            hits.push(hit(cat, kind, &id, f64::from(score))?);
        }
    }
    Ok(hits)
}

/// Builds both of search's indexes now (the typeahead, and the lists'
/// indexes the full-text part reads).
pub(crate) fn warm(cat: &Catalogue) -> Result<()> {
    cat.with_typeahead(build_typeahead, |_| ())?;
    crate::listing::warm_text_hits(cat)?;
    Ok(())
}
