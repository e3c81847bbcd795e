//! The index over one side of the catalogue and the ranking against it.

use std::collections::{HashMap, HashSet};

use crate::analyze::{analyze, Analysis, ConceptIndex, FeatKey, FieldWeights, WordCache};
use crate::lexicon::Lexicon;
use crate::text::{fold, is_stopword, tokenize};
use crate::thesaurus::Thesaurus;
use crate::{Doc, DocKind, Ranked, Reason};

/// BM25 term-frequency saturation.
const K1: f32 = 1.2;
/// BM25 length normalisation.
const B: f32 = 0.5;
/// Scores below this are not suggested.
pub const THRESHOLD: f64 = 0.08;

const INDEXED_FIELDS: FieldWeights = FieldWeights {
    title: 2.0,
    keywords: 1.5,
    description: 1.0,
};
const QUERY_FIELDS: FieldWeights = FieldWeights {
    title: 1.5,
    keywords: 1.3,
    description: 1.0,
};

/// How well an entry of kind `offer` can serve a need of kind `need` (0..1).
///
/// A position can be filled by students, an experience exchange is best served
/// by another company's experience, a facility need wants a facility.
pub fn kind_fit(need: DocKind, offer: DocKind) -> f64 {
    use DocKind::*;
    if need == offer {
        return 1.0;
    }
    match (need, offer) {
        (Expertise, Training) => 0.95,
        (Expertise, Experience) => 0.9,
        (Expertise, StudentProject) => 0.85,
        (Expertise, _) => 0.6,
        (Experience, Expertise) => 0.85,
        (Experience, Training) => 0.75,
        (Experience, StudentProject) => 0.6,
        (Experience, _) => 0.5,
        (Position, StudentProject) => 0.95,
        (Position, Expertise) => 0.85,
        (Position, Experience) => 0.8,
        (Position, Training) => 0.6,
        (Position, _) => 0.4,
        (StudentProject, Expertise | Position) => 0.8,
        (StudentProject, Experience | Training) => 0.65,
        (StudentProject, _) => 0.5,
        (Training, Expertise) => 0.9,
        (Training, Experience) => 0.8,
        (Training, StudentProject) => 0.6,
        (Training, _) => 0.5,
        (Facility, _) => 0.5,
    }
}

/// The words of an entry that carried one feature.
type Surfaces = Box<[Box<str>]>;

/// An index over entries of one side (offers, or needs for the reverse
/// direction) that ranks them for a query entry of the other side.
pub struct Matcher {
    lex: Lexicon,
    concepts: ConceptIndex,
    cache: WordCache,
    feat_ids: HashMap<FeatKey, u32>,
    feat_keys: Vec<FeatKey>,
    /// Per feature: (entry, weighted term frequency).
    postings: Vec<Vec<(u32, f32)>>,
    idf: Vec<f32>,
    /// Per entry: BM25 length factor `k1 * (1 - b + b * len / avglen)`.
    norm: Vec<f32>,
    /// Per entry: (feature, surfaces) for explanations.
    surfaces: Vec<Vec<(u32, Surfaces)>>,
    ids: Vec<String>,
    orgs: Vec<Option<String>>,
    kinds: Vec<DocKind>,
    reverse: bool,
}

fn org_key(o: &Option<String>) -> Option<String> {
    o.as_deref()
        .map(|s| fold(s.trim()))
        .filter(|s| !s.is_empty())
}

impl Matcher {
    /// Builds the index over `offers`; queries are needs.
    pub fn new(thesaurus: &Thesaurus, offers: &[Doc]) -> Self {
        Self::build(thesaurus, offers, false)
    }

    /// Builds the index over `needs`; queries are offers (which needs could
    /// this offer serve?). Kind fit is read the other way round.
    pub fn for_needs(thesaurus: &Thesaurus, needs: &[Doc]) -> Self {
        Self::build(thesaurus, needs, true)
    }

    fn build(thesaurus: &Thesaurus, docs: &[Doc], reverse: bool) -> Self {
        // 1. Vocabulary of entries and thesaurus.
        let mut words: HashMap<String, u32> = HashMap::new();
        let mut units = HashSet::new();
        for d in docs {
            for text in std::iter::once(&d.title)
                .chain(std::iter::once(&d.description))
                .chain(d.keywords.iter())
            {
                for t in tokenize(text) {
                    if !is_stopword(&t) {
                        *words.entry(t).or_insert(0) += 1;
                    }
                }
            }
        }
        for g in thesaurus.groups() {
            for term in &g.terms {
                let toks: Vec<String> = tokenize(term)
                    .into_iter()
                    .filter(|t| !is_stopword(t))
                    .collect();
                if toks.len() == 1 {
                    units.insert(toks[0].clone());
                }
                for t in toks {
                    words.entry(t).or_insert(1);
                }
            }
        }
        let lex = Lexicon::new(words, units);
        let concepts = ConceptIndex::new(thesaurus, &lex);

        // 2. Analyse every word once (entries' own words are never "repaired").
        let mut cache: WordCache = HashMap::new();
        let mut vocab: Vec<&String> = lex_words(&lex);
        vocab.sort_unstable();
        for w in vocab {
            if !w.contains(char::is_whitespace) {
                cache.insert(w.clone(), lex.word(w, false));
            }
        }

        // 3. Analyse entries and build postings.
        let mut feat_ids: HashMap<FeatKey, u32> = HashMap::new();
        let mut feat_keys: Vec<FeatKey> = Vec::new();
        let mut postings: Vec<Vec<(u32, f32)>> = Vec::new();
        let mut lens = Vec::with_capacity(docs.len());
        let mut surfaces = Vec::with_capacity(docs.len());
        for (di, d) in docs.iter().enumerate() {
            let a: Analysis = analyze(d, &lex, &concepts, &cache, INDEXED_FIELDS, false);
            lens.push(a.len);
            let mut sf = Vec::with_capacity(a.feats.len());
            for f in a.feats {
                let next = feat_ids.len() as u32;
                let id = *feat_ids.entry(f.key.clone()).or_insert(next);
                if id as usize == postings.len() {
                    postings.push(Vec::new());
                    feat_keys.push(f.key);
                }
                postings[id as usize].push((di as u32, f.weight));
                sf.push((
                    id,
                    f.surfaces
                        .into_iter()
                        .map(String::into_boxed_str)
                        .collect::<Box<[_]>>(),
                ));
            }
            sf.sort_by_key(|x| x.0);
            surfaces.push(sf);
        }
        let n = docs.len().max(1) as f32;
        let idf = postings
            .iter()
            .map(|p| {
                let df = p.len() as f32;
                (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
            })
            .collect();
        let avg = (lens.iter().sum::<f32>() / n).max(1.0);
        let norm = lens.iter().map(|l| K1 * (1.0 - B + B * l / avg)).collect();
        Matcher {
            lex,
            concepts,
            cache,
            feat_ids,
            feat_keys,
            postings,
            idf,
            norm,
            surfaces,
            ids: docs.iter().map(|d| d.id.clone()).collect(),
            orgs: docs.iter().map(|d| org_key(&d.organisation)).collect(),
            kinds: docs.iter().map(|d| d.kind).collect(),
            reverse,
        }
    }

    /// Number of indexed entries.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// True if nothing is indexed.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    fn fit(&self, query: DocKind, indexed: DocKind) -> f64 {
        if self.reverse {
            kind_fit(indexed, query)
        } else {
            kind_fit(query, indexed)
        }
    }

    /// The `top` best entries for `need`, best first, each with a score in
    /// 0..=1 (at least [`THRESHOLD`]) and its reasons. Entries of the need's own
    /// organisation are left out. Ties are broken by id, so the same input
    /// always gives the same output.
    pub fn rank(&self, need: &Doc, top: usize) -> Vec<Ranked> {
        if top == 0 || self.ids.is_empty() {
            return Vec::new();
        }
        let a = analyze(
            need,
            &self.lex,
            &self.concepts,
            &self.cache,
            QUERY_FIELDS,
            true,
        );
        let n = self.ids.len() as f32;
        let max_idf = (1.0 + (n + 0.5) / 0.5).ln();
        let mut acc = vec![0.0f32; self.ids.len()];
        let mut touched: Vec<u32> = Vec::new();
        let mut ideal = 0.0f32;
        let mut qf: Vec<(u32, f32)> = Vec::new();
        for f in &a.feats {
            match self.feat_ids.get(&f.key) {
                Some(&id) => {
                    let idf = self.idf[id as usize];
                    let q = f.weight * idf;
                    ideal += q;
                    qf.push((id, f.weight));
                    for &(d, tf) in &self.postings[id as usize] {
                        let d = d as usize;
                        if acc[d] == 0.0 {
                            touched.push(d as u32);
                        }
                        acc[d] += q * tf * (K1 + 1.0) / (tf + self.norm[d]);
                    }
                }
                None => ideal += 0.5 * f.weight * max_idf,
            }
        }
        if ideal <= 0.0 {
            return Vec::new();
        }
        let own = org_key(&need.organisation);
        let mut scored: Vec<(f64, u32)> = touched
            .into_iter()
            .filter(|&d| own.is_none() || self.orgs[d as usize] != own)
            .map(|d| {
                let cov = f64::from(acc[d as usize] / ideal);
                let s = (1.0 - (-2.0 * cov).exp()) * self.fit(need.kind, self.kinds[d as usize]);
                (s, d)
            })
            .filter(|&(s, _)| s >= THRESHOLD)
            .collect();
        scored.sort_by(|x, y| {
            y.0.total_cmp(&x.0)
                .then_with(|| self.ids[x.1 as usize].cmp(&self.ids[y.1 as usize]))
        });
        scored.truncate(top);
        scored
            .into_iter()
            .map(|(s, d)| Ranked {
                id: self.ids[d as usize].clone(),
                score: (s * 1e6).round() / 1e6,
                reasons: self.reasons(&a, &qf, d as usize),
            })
            .collect()
    }

    /// Every feature of `need` with its contribution to the raw score of the
    /// indexed entry `id` (for diagnosing a ranking), and the normaliser.
    #[doc(hidden)]
    pub fn explain(&self, need: &Doc, id: &str) -> (Vec<(String, f64)>, f64) {
        let Some(d) = self.ids.iter().position(|x| x == id) else {
            return (Vec::new(), 0.0);
        };
        let a = analyze(
            need,
            &self.lex,
            &self.concepts,
            &self.cache,
            QUERY_FIELDS,
            true,
        );
        let n = self.ids.len() as f32;
        let max_idf = (1.0 + (n + 0.5) / 0.5).ln();
        let mut out = Vec::new();
        let mut ideal = 0.0;
        for f in &a.feats {
            let name = match &f.key {
                FeatKey::Concept(c) => format!("C:{}", self.concepts.ids[*c as usize]),
                FeatKey::Word(w) => format!("W:{w}"),
                FeatKey::Part(w) => format!("P:{w}"),
            };
            match self.feat_ids.get(&f.key) {
                Some(&fid) => {
                    let q = f.weight * self.idf[fid as usize];
                    ideal += q;
                    let c = self.postings[fid as usize]
                        .iter()
                        .find(|x| x.0 as usize == d)
                        .map(|&(_, tf)| q * tf * (K1 + 1.0) / (tf + self.norm[d]))
                        .unwrap_or(0.0);
                    out.push((format!("{name} q={q:.2}"), f64::from(c)));
                }
                None => {
                    ideal += 0.5 * f.weight * max_idf;
                    out.push((format!("{name} (unseen)"), 0.0));
                }
            }
        }
        (out, f64::from(ideal))
    }

    /// Shared features of the query and entry `d`, strongest first, concepts
    /// absorbing the plain words they already explain.
    fn reasons(&self, a: &Analysis, qf: &[(u32, f32)], d: usize) -> Vec<Reason> {
        let offer = &self.surfaces[d];
        let need_surf: HashMap<u32, &Vec<String>> = a
            .feats
            .iter()
            .filter_map(|f| self.feat_ids.get(&f.key).map(|&id| (id, &f.surfaces)))
            .collect();
        let mut items: Vec<(f32, Reason, bool)> = Vec::new();
        for &(id, w) in qf {
            let Ok(pos) = offer.binary_search_by_key(&id, |x| x.0) else {
                continue;
            };
            let (concept, is_concept) = match &self.feat_keys[id as usize] {
                FeatKey::Concept(c) => (self.concepts.ids[*c as usize].clone(), true),
                _ => (need_surf[&id].first().cloned().unwrap_or_default(), false),
            };
            items.push((
                w * self.idf[id as usize],
                Reason {
                    concept,
                    need_terms: need_surf[&id].clone(),
                    offer_terms: offer[pos].1.iter().map(|s| s.to_string()).collect(),
                },
                is_concept,
            ));
        }
        items.sort_by(|x, y| {
            y.0.total_cmp(&x.0)
                .then_with(|| y.2.cmp(&x.2))
                .then_with(|| x.1.concept.cmp(&y.1.concept))
        });
        let mut out: Vec<Reason> = Vec::new();
        for (_, r, _) in items {
            let covered = out.iter().any(|o| {
                r.need_terms
                    .iter()
                    .all(|t| o.need_terms.iter().any(|x| x.contains(t.as_str())))
            });
            if !covered {
                out.push(r);
            }
            if out.len() == 4 {
                break;
            }
        }
        out
    }
}

fn lex_words(lex: &Lexicon) -> Vec<&String> {
    lex.words().collect()
}
