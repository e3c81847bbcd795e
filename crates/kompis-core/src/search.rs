//! Search as you type over every entity: the matcher crate's typeahead over
//! titles and names first, then fuzzy search over full text with
//! fuzzy-matcher, with fuzzy-matcher, folded first so that
//! æøå and case match (fuzzy-matcher's own case folding is ASCII-only), and
//! a query typed without æøå still finds them.

use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;

use crate::catalogue::Catalogue;
use crate::error::Result;
use crate::model::EntityKind;
use crate::wire::SearchHit;
use kompis_match::text::{ascii_key, digraph_key, fold};

/// A fuzzy scorer for short fields.
pub(crate) struct Fuzzy {
    matcher: SkimMatcherV2,
    query: String,
    query_ascii: bool,
}

impl Fuzzy {
    /// Prepare a query.
    pub(crate) fn new(query: &str) -> Self {
        let query = fold(query.trim());
        let query_ascii = query.is_ascii();
        Fuzzy {
            matcher: SkimMatcherV2::default().ignore_case(),
            query,
            query_ascii,
        }
    }

    /// Whether the query is empty (everything matches).
    pub(crate) fn is_empty(&self) -> bool {
        self.query.is_empty()
    }

    /// The best score of the query in any of `fields`, if it matches at all.
    /// Each word of the query must match somewhere.
    pub(crate) fn score<'a>(&self, fields: impl IntoIterator<Item = &'a str>) -> Option<i64> {
        if self.is_empty() {
            return Some(0);
        }
        let text: Vec<String> = fields.into_iter().map(fold).collect();
        let hay = text.join(" · ");
        // A query typed without æøå ("baerekraft", "okonomi") is also
        // matched against the text spelt without them.
        let hay_ascii = self.query_ascii.then(|| ascii_key(&hay));
        let mut total = 0;
        for word in self.query.split_whitespace() {
            let direct = self.matcher.fuzzy_match(&hay, word);
            let plain = hay_ascii.as_deref().and_then(|h| {
                let digraphs = digraph_key(word);
                let word = digraphs.as_deref().unwrap_or(word);
                self.matcher.fuzzy_match(h, word)
            });
            total += direct.max(plain)?;
        }
        Some(total)
    }
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
pub(crate) fn search(cat: &Catalogue, text: &str) -> Result<Vec<SearchHit>> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_across_case_and_aeoa() {
        let f = Fuzzy::new("ØKONOMI");
        assert!(f.score(["Økonomistyring for sagbruk"]).is_some());
        let f = Fuzzy::new("okonomi");
        assert!(f.score(["Økonomistyring for sagbruk"]).is_some());
        let f = Fuzzy::new("åmot");
        assert!(f.score(["ÅMOT KOMMUNE"]).is_some());
        assert!(Fuzzy::new("xyzzy").score(["Økonomistyring"]).is_none());
    }
}
