//! The index over one side of the catalogue and the ranking against it.

use std::borrow::Cow;

use rayon::prelude::*;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::analyze::{
    analyze, fields, Analysis, ConceptIndex, Feat, FeatKey, Field, FieldWeights, StemTable, Stems,
    WordCache,
};
use crate::learned::{Decision, Learned, ENTRY_PULL, MAX_PULL};
use crate::lexicon::{Lexicon, WordInfo};
use crate::spans::{Spans, SurfaceSpan};
use crate::text::{fold, is_stopword, tokenize};
use crate::thesaurus::Thesaurus;
use crate::{Doc, DocKind, Ranked, Reason};

/// BM25 term-frequency saturation.
const K1: f32 = 1.2;
/// BM25 length normalisation.
const B: f32 = 0.5;
/// Coverage (raw score over the need's ideal) at which the score is 0.5
/// before kind fit: `score = cov / (cov + SATURATION) * fit`.
const SATURATION: f32 = 0.3;
/// Weight of a query feature that the asker's own indexed entries also have
/// (context about the asker's own business).
const OWN_CONTEXT: f32 = 0.4;
/// In how many of the asker's own entries a feature must be to be context.
const OWN_SHARED: usize = 2;
/// Scores below this are not suggested, and a need with nothing above it
/// is a competence gap. Calibrated on the two labelled sets (`make
/// calibrate`): the highest value on a 0.01 grid at which no labelled need
/// loses an answer from its top five on either set is 0.17; this is one
/// step below it.
pub const THRESHOLD: f64 = 0.16;

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

/// Phrases (folded) saying that a position need cannot pay for a full
/// position: then students, internships and theses serve it best, and
/// another member's vacancy listing much less.
const NO_BUDGET: &[&str] = &[
    "ikke råd",
    "ikkje råd",
    "ikke rad til",
    "ikkje rad til",
    "ikke budsjett",
    "ikkje budsjett",
    "ingen budsjett",
    "lite budsjett",
    "stramt budsjett",
    "ikke midler",
    "ikkje midlar",
    "for dyrt",
    "for dyr ",
    "deltid",
    "ingen stilling",
    "ikke stilling",
    "ikkje stilling",
    "no budget",
    "limited budget",
    "tight budget",
    "afford",
    "part-time",
    "part time",
    "too expensive",
];

/// Whether `doc` is a position need that cannot pay for a full position.
pub fn no_budget(doc: &Doc) -> bool {
    reading(doc) == Reading::NoBudget
}

/// Words (folded) saying that a position need is a job for someone's
/// partner: the network's other vacancies answer it (a company can hire one
/// person, not the partner), not a service about partner jobs. Matched as
/// whole words, with their inflections ([`is_inflection_of`]).
const PARTNER: &[&str] = &[
    "ektefelle",
    "ektemann",
    "samboer",
    "sambuar",
    "kone",
    "kona",
    "partner",
    "spouse",
    "husband",
    "wife",
    "medfølgende",
    "medfølgjande",
];

/// Whether the folded word `word` is `lemma` or `lemma` with a Norwegian or
/// English inflection ending ("partneren", "samboere", "spouses").
fn is_inflection_of(word: &str, lemma: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "", "e", "en", "n", "ne", "er", "ar", "a", "s", "es", "ens", "ns",
    ];
    word.strip_prefix(lemma)
        .is_some_and(|rest| ENDINGS.contains(&rest))
}

/// Whether the folded `text` names someone's partner ([`PARTNER`]).
fn names_partner(text: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric())
        .any(|w| PARTNER.iter().any(|p| is_inflection_of(w, p)))
}

/// How a need's text says it is best served, beyond its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// As its kind says ([`kind_fit`]).
    Plain,
    /// A position need that cannot pay for a full position
    /// ([`kind_fit_no_budget`]).
    NoBudget,
    /// A position need for someone's partner ([`kind_fit_partner_job`]).
    PartnerJob,
}

impl Reading {
    /// Every reading, in declaration order (`r as usize` indexes it).
    pub const ALL: [Reading; 3] = [Reading::Plain, Reading::NoBudget, Reading::PartnerJob];
}

/// Frees an analysed entry's texts (its id, organisation and kind stay).
fn free_texts(doc: &mut Doc) {
    doc.title = String::new();
    doc.description = String::new();
    doc.keywords = Vec::new();
}

/// How `doc`'s text says it is best served (only position needs read
/// differently from their kind).
pub fn reading(doc: &Doc) -> Reading {
    if doc.kind != DocKind::Position {
        return Reading::Plain;
    }
    let text = fold(&format!("{} {}", doc.title, doc.description));
    if NO_BUDGET.iter().any(|p| text.contains(p)) {
        Reading::NoBudget
    } else if names_partner(&text) {
        Reading::PartnerJob
    } else {
        Reading::Plain
    }
}

/// [`kind_fit`] for a need that cannot pay for a full position
/// ([`no_budget`]).
pub fn kind_fit_no_budget(offer: DocKind) -> f64 {
    use DocKind::*;
    match offer {
        StudentProject => 1.0,
        Expertise => 0.8,
        Experience => 0.75,
        Training => 0.6,
        Position => 0.5,
        Facility => 0.4,
    }
}

/// [`kind_fit`] for a job sought for someone's partner
/// ([`Reading::PartnerJob`]): another member's vacancy first.
pub fn kind_fit_partner_job(offer: DocKind) -> f64 {
    use DocKind::*;
    match offer {
        Position => 1.0,
        Expertise => PARTNER_EXPERTISE,
        Experience => 0.5,
        Training => 0.4,
        StudentProject => 0.4,
        Facility => 0.3,
    }
}

/// Fit of an expertise offer for a partner job: below a vacancy, yet a
/// recruiter or relocation service can still help.
const PARTNER_EXPERTISE: f64 = 0.8;

/// Kind fit of an offer of kind `offer` for a need of kind `need` read as
/// `reading`.
pub fn kind_fit_read(reading: Reading, need: DocKind, offer: DocKind) -> f64 {
    match reading {
        Reading::Plain => kind_fit(need, offer),
        Reading::NoBudget => kind_fit_no_budget(offer),
        Reading::PartnerJob => kind_fit_partner_job(offer),
    }
}

/// An index over entries of one side (offers, or needs for the reverse
/// direction) that ranks them for a query entry of the other side.
pub struct Matcher {
    lex: Lexicon,
    concepts: ConceptIndex,
    cache: WordCache,
    stems: StemTable,
    feat_ids: HashMap<FeatKey, u32>,
    feat_keys: Vec<FeatKey>,
    /// Per feature: (entry, BM25-saturated weighted term frequency).
    postings: Vec<Vec<(u32, f32)>>,
    idf: Vec<f32>,
    /// Per entry, sorted by feature: where its words are, for explanations.
    spans: Vec<Spans>,
    /// Surface ids of all entries, back to back, each entry's in the order
    /// of its features.
    arena: Vec<u32>,
    /// Surface strings by id.
    surf_strs: Vec<String>,
    ids: Vec<String>,
    /// Per entry: interned organisation.
    orgs: Vec<Option<u32>>,
    org_ids: HashMap<String, u32>,
    kinds: Vec<DocKind>,
    /// Per entry: a position need that cannot pay for a full position.
    readings: Vec<Reading>,
    /// Per entry: false once removed.
    live: Vec<bool>,
    /// Entry id → index.
    index_of: HashMap<String, u32>,
    /// Average entry length at build (kept for later updates).
    avg_len: f32,
    reverse: bool,
    /// What the coordinator's decisions taught (see [`Matcher::learn`]).
    learned: Learned,
    /// Per concept: its related concepts ([`crate::related`]).
    related: Vec<Vec<u32>>,
}

fn org_key(o: &Option<String>) -> Option<String> {
    o.as_deref()
        .map(|s| fold(s.trim()))
        .filter(|s| !s.is_empty())
}

impl Matcher {
    /// Builds the index over `offers`; queries are needs.
    pub fn new(thesaurus: &Thesaurus, offers: &[Doc]) -> Self {
        Self::build(thesaurus, Cow::Borrowed(offers), false)
    }

    /// [`Matcher::new`] taking the offers, whose texts it frees as soon as
    /// they are analysed (a lower peak while building).
    pub fn from_offers(thesaurus: &Thesaurus, offers: Vec<Doc>) -> Self {
        Self::build(thesaurus, Cow::Owned(offers), false)
    }

    /// Builds the index over `needs`; queries are offers (which needs could
    /// this offer serve?). Kind fit is read the other way round.
    pub fn for_needs(thesaurus: &Thesaurus, needs: &[Doc]) -> Self {
        Self::build(thesaurus, Cow::Borrowed(needs), true)
    }

    /// [`Matcher::build`] on a pool of `threads` threads (the result does not
    /// depend on it).
    #[cfg(test)]
    fn build_on(thesaurus: &Thesaurus, docs: &[Doc], reverse: bool, threads: usize) -> Self {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("a thread pool")
            .install(|| Self::build(thesaurus, Cow::Borrowed(docs), reverse))
    }

    /// The index over `docs`, built on rayon's threads: entries are
    /// tokenised, counted and analysed in chunks, and the results are put
    /// back in input order, so the index (and every ranking) is the same
    /// whatever the number of threads. Each chunk is tokenised twice (for
    /// the vocabulary, then for its features) rather than holding every
    /// entry's folded fields at once: the peak memory of a build is what
    /// bounds `kompis match`'s.
    fn build(thesaurus: &Thesaurus, docs: Cow<'_, [Doc]>, reverse: bool) -> Self {
        let _span = tracing::debug_span!("Matcher::build", entries = docs.len(), reverse).entered();
        let t0 = std::time::Instant::now();
        // A few chunks per thread, so a core busy with something else (a
        // build) delays the whole only by its last chunk.
        let chunk = docs
            .len()
            .div_ceil(4 * rayon::current_num_threads())
            .max(256);
        // 1. Vocabulary of entries and thesaurus: tokenised and counted per
        // chunk of entries in parallel, the counts then added up.
        let counts: Vec<HashMap<String, u32>> = docs
            .par_chunks(chunk)
            .map(|part| {
                let mut n: HashMap<String, u32> = HashMap::default();
                for d in part {
                    for f in fields(d, INDEXED_FIELDS) {
                        for t in f.words() {
                            match n.get_mut(t) {
                                Some(k) => *k += 1,
                                None => {
                                    n.insert(t.to_owned(), 1);
                                }
                            }
                        }
                    }
                }
                n
            })
            .collect();
        let mut words: HashMap<String, u32> = HashMap::default();
        let mut stop: HashSet<String> = HashSet::default();
        for c in counts {
            for (t, k) in c {
                match words.get_mut(&t) {
                    Some(n) => *n += k,
                    None if stop.contains(&t) => {}
                    None if is_stopword(&t) => {
                        stop.insert(t);
                    }
                    None => {
                        words.insert(t, k);
                    }
                }
            }
        }
        let mut units = HashSet::default();
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
        tracing::debug!(elapsed = ?t0.elapsed(), words = words.len(), "vocabulary");
        let lex = Lexicon::new(words, units);
        tracing::debug!(elapsed = ?t0.elapsed(), "lexicon");
        // 2. Analyse every word once (entries' own words are never
        // "repaired"), in parallel, while the thesaurus is indexed on a fresh
        // stem table; the words' stems are then interned after the
        // thesaurus's, in sorted word order, so ids do not depend on threads.
        let mut vocab: Vec<&String> = lex_words(&lex)
            .into_iter()
            .filter(|w| !w.contains(char::is_whitespace))
            .collect();
        vocab.sort_unstable();
        let ((concepts, mut stems), infos) = rayon::join(
            || {
                let mut stems = StemTable::default();
                (ConceptIndex::new(thesaurus, &lex, &mut stems), stems)
            },
            || {
                vocab
                    .par_iter()
                    .with_min_len(256)
                    .map(|w| lex.word(w, false))
                    .collect::<Vec<WordInfo>>()
            },
        );
        tracing::debug!(elapsed = ?t0.elapsed(), "concepts and words");
        let mut cache: WordCache =
            HashMap::with_capacity_and_hasher(vocab.len(), Default::default());
        for (w, mut info) in vocab.iter().zip(infos) {
            if let Some(c) = &info.cognate {
                info.cognate_id = stems.intern(c);
            }
            for k in 0..2 {
                info.ids[k] = stems.intern(&info.stems[k]);
                for p in &mut info.parts {
                    p.ids[k] = stems.intern(&p.stems[k]);
                }
            }
            cache.insert((*w).clone(), info);
        }

        tracing::debug!(elapsed = ?t0.elapsed(), words = cache.len(), "word cache");
        // What the index keeps of the entries themselves, taken before
        // their texts are analysed (and, when the index owns them, freed).
        let count = docs.len();
        let mut org_ids: HashMap<String, u32> = HashMap::default();
        let orgs: Vec<Option<u32>> = docs
            .iter()
            .map(|d| {
                org_key(&d.organisation).map(|o| {
                    let next = org_ids.len() as u32;
                    *org_ids.entry(o).or_insert(next)
                })
            })
            .collect();
        let index_of: HashMap<String, u32> = docs
            .iter()
            .enumerate()
            .map(|(i, d)| (d.id.clone(), i as u32))
            .collect();
        let ids: Vec<String> = docs.iter().map(|d| d.id.clone()).collect();
        let kinds: Vec<DocKind> = docs.iter().map(|d| d.kind).collect();
        let readings: Vec<Reading> = docs.par_iter().map(reading).collect();
        // 3. Analyse entries in parallel chunks, each with its own tables of
        // features and surfaces (ids in order of first appearance); merged in
        // input order, which gives the ids a sequential pass would. Owned
        // entries have their texts freed as each chunk is analysed, so the
        // chunks analysed last reuse the memory of the first ones' texts.
        let analyse = |part: &[Doc]| ChunkIndex::new(part, &lex, &concepts, &cache, &stems);
        let parts: Vec<ChunkIndex> = match docs {
            Cow::Borrowed(docs) => docs.par_chunks(chunk).map(analyse).collect(),
            Cow::Owned(mut docs) => docs
                .par_chunks_mut(chunk)
                .map(|part| {
                    let analysed = analyse(part);
                    part.iter_mut().for_each(free_texts);
                    analysed
                })
                .collect(),
        };
        tracing::debug!(elapsed = ?t0.elapsed(), chunks = parts.len(), "entries analysed");
        let mut feat_ids: HashMap<FeatKey, u32> = HashMap::default();
        let mut feat_keys: Vec<FeatKey> = Vec::new();
        let mut df: Vec<u32> = Vec::new();
        // Pass 1: global ids for the chunks' features and surfaces.
        let mut surf_ids: HashMap<&str, u32> = HashMap::default();
        let mut surf_strs: Vec<String> = Vec::new();
        let mut maps: Vec<(Vec<u32>, Vec<u32>)> = Vec::with_capacity(parts.len());
        for part in &parts {
            let fmap: Vec<u32> = part
                .feat_keys
                .iter()
                .map(|&k| {
                    let next = feat_ids.len() as u32;
                    let id = *feat_ids.entry(k).or_insert(next);
                    if id == next {
                        feat_keys.push(k);
                        df.push(0);
                    }
                    id
                })
                .collect();
            let smap: Vec<u32> = part
                .surf_strs
                .iter()
                .map(|s| {
                    let next = surf_strs.len() as u32;
                    let id = *surf_ids.entry(s.as_str()).or_insert(next);
                    if id == next {
                        surf_strs.push(s.clone());
                    }
                    id
                })
                .collect();
            maps.push((fmap, smap));
        }
        drop(surf_ids);
        // Pass 2: entries renumbered, chunk by chunk in parallel.
        let mut offsets = Vec::with_capacity(parts.len());
        let mut arena_len = 0u32;
        for p in &parts {
            offsets.push(arena_len);
            arena_len += p.arena.len() as u32;
        }
        let done: Vec<Renumbered> = parts
            .into_par_iter()
            .zip(maps)
            .zip(offsets)
            .map(|((p, (fmap, smap)), offset)| p.renumber(&fmap, &smap, offset))
            .collect();
        let mut lens = Vec::with_capacity(count);
        let mut spans = Vec::with_capacity(count);
        let mut arena: Vec<u32> = Vec::with_capacity(arena_len as usize);
        for r in &done {
            for &(f, n) in &r.df {
                df[f as usize] += n;
            }
        }
        tracing::debug!(elapsed = ?t0.elapsed(), features = feat_keys.len(), "renumbered");
        // Postings filled chunk by chunk, each chunk's weights freed as it
        // is taken in.
        let mut postings: Vec<Vec<(u32, f32)>> =
            df.iter().map(|&n| Vec::with_capacity(n as usize)).collect();
        for r in done {
            let mut weight = r.weights.into_iter();
            for sp in r.spans {
                let d = spans.len() as u32;
                for (f, w) in sp.features().zip(weight.by_ref()) {
                    postings[f as usize].push((d, w));
                }
                spans.push(sp);
            }
            lens.extend(r.lens);
            arena.extend(r.arena);
        }
        tracing::debug!(elapsed = ?t0.elapsed(), "postings");
        let n = count.max(1) as f32;
        let idf = postings
            .iter()
            .map(|p| {
                let df = p.len() as f32;
                (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
            })
            .collect();
        let avg = (lens.iter().sum::<f32>() / n).max(1.0);
        // Postings hold the saturated term frequency, ready to multiply.
        for p in &mut postings {
            for (d, tf) in p.iter_mut() {
                let norm = K1 * (1.0 - B + B * lens[*d as usize] / avg);
                *tf = *tf * (K1 + 1.0) / (*tf + norm);
            }
        }
        tracing::debug!(elapsed = ?t0.elapsed(), "bm25");
        tracing::debug!(elapsed = ?t0.elapsed(), "built");
        let related = crate::related::links(&concepts.ids);
        Matcher {
            related,
            live: vec![true; count],
            index_of,
            avg_len: avg,
            lex,
            concepts,
            cache,
            stems,
            feat_ids,
            feat_keys,
            postings,
            idf,
            spans,
            arena,
            surf_strs,
            ids,
            orgs,
            org_ids,
            kinds,
            readings,
            reverse,
            learned: Learned::default(),
        }
    }

    /// Learns from the coordinator's decisions, replacing what was learned
    /// before: every later ranking (of any need, new ones too) moves towards
    /// the offers whose words went with the need's words in agreed and
    /// shortlisted pairs of needs like it, and away from those declined as
    /// not relevant, by a bounded factor on what the text found (see
    /// `learned.rs`).
    /// Decisions on entries not in the index are left out. An index over
    /// needs (offers as queries) learns nothing.
    pub fn learn(&mut self, decisions: &[Decision]) {
        let mut learned = Learned::default();
        if !self.reverse {
            for dec in decisions {
                let Some(&d) = self.index_of.get(dec.offer) else {
                    continue;
                };
                let qfields = fields(dec.need, QUERY_FIELDS);
                let a = self.analyze_query(&qfields);
                let words = self.query_vector(&a);
                let offer = self.unit_vector(d as usize);
                if !words.is_empty() && !offer.is_empty() {
                    learned.add(&dec.need.id, words, d, &offer, dec.verdict);
                }
                let shares = self.shares(dec.need, &a, d);
                learned.add_shares(&dec.need.id, &shares, dec.verdict);
            }
        }
        if !learned.is_empty() {
            learned.norms = (0..self.ids.len()).map(|d| self.norm(d)).collect();
        }
        self.learned = learned;
    }

    /// Thesaurus additions proposed from `decisions` (see `links.rs`): a
    /// word of the need and one of the offer that the pair does not share
    /// and no concept links, together in agreed or shortlisted pairs of at
    /// least [`crate::MIN_MATCHES`] needs and never in one declined as not
    /// relevant; most evidence first.
    pub fn link_suggestions(&self, decisions: &[Decision]) -> Vec<crate::LinkSuggestion> {
        let decided: Vec<_> = decisions
            .iter()
            .filter_map(|d| {
                let words = self.unshared_words(d.need, d.offer)?;
                Some((d.need.id.as_str(), d.offer, words, d.verdict))
            })
            .collect();
        crate::links::suggest(&decided)
    }

    /// The specific single words of `need` and of the indexed entry `offer`
    /// that the other side lacks and no shared feature explains, each as
    /// (stem, surface); generic, short and common words are left out.
    fn unshared_words(&self, need: &Doc, offer: &str) -> Option<crate::links::PairWords> {
        let d = *self.index_of.get(offer)? as usize;
        let qfields = fields(need, QUERY_FIELDS);
        let a = self.analyze_query(&qfields);
        let offer_feats = &self.spans[d];
        let has = |fid: u32| offer_feats.contains(fid);
        let query_fids: HashSet<u32> = a
            .feats
            .iter()
            .filter_map(|f| self.feat_ids.get(&f.key).copied())
            .collect();
        // Words that carried a shared feature (a word or a concept), per side.
        let mut explained_need: HashSet<&str> = HashSet::default();
        for f in &a.feats {
            if self.feat_ids.get(&f.key).is_some_and(|&fid| has(fid)) {
                for &i in f.surfaces.as_slice() {
                    explained_need.insert(a.surf[i as usize].as_ref());
                }
            }
        }
        let mut explained_offer: HashSet<&str> = HashSet::default();
        for (fid, start, len) in offer_feats.iter() {
            if query_fids.contains(&fid) {
                for &i in &self.arena[start as usize..(start + len) as usize] {
                    explained_offer.insert(self.surf_strs[i as usize].as_str());
                }
            }
        }
        let common = (self.index_of.len() / 10).max(3);
        let specific = |w: &str| {
            w.chars().count() >= 4
                && !w.contains(char::is_whitespace)
                && !w.chars().all(|c| c.is_ascii_digit())
                && !is_stopword(w)
                && !self
                    .cache
                    .get(w)
                    .map_or_else(|| self.lex.word(w, false).generic, |i| i.generic)
        };
        let mut need_words: Vec<(String, String)> = Vec::new();
        for f in &a.feats {
            let FeatKey::Word(stem) = f.key else { continue };
            let fid = self.feat_ids.get(&f.key).copied();
            if fid.is_some_and(|fid| has(fid) || self.postings[fid as usize].len() > common) {
                continue;
            }
            for &i in f.surfaces.as_slice() {
                let s: &str = a.surf[i as usize].as_ref();
                if explained_need.contains(s) || !specific(s) {
                    continue;
                }
                let name = self.stems.name(stem);
                let key = if name == "?" { s } else { name };
                if !need_words.iter().any(|x| x.0 == key) {
                    need_words.push((key.to_string(), s.to_string()));
                }
            }
        }
        let mut offer_words: Vec<(String, String)> = Vec::new();
        for (fid, start, len) in offer_feats.iter() {
            let FeatKey::Word(stem) = self.feat_keys[fid as usize] else {
                continue;
            };
            if query_fids.contains(&fid) || self.postings[fid as usize].len() > common {
                continue;
            }
            for &i in &self.arena[start as usize..(start + len) as usize] {
                let s = self.surf_strs[i as usize].as_str();
                if explained_offer.contains(s) || !specific(s) {
                    continue;
                }
                let key = self.stems.name(stem);
                if !offer_words.iter().any(|x| x.0 == key) {
                    offer_words.push((key.to_string(), s.to_string()));
                }
            }
        }
        Some((need_words, offer_words))
    }

    /// The query features of `need` (analysed as `a`) that entry `d` has,
    /// each with its part of their summed weight (summing to 1).
    fn shares(&self, need: &Doc, a: &Analysis, d: u32) -> Vec<(u32, f32)> {
        let mut out: Vec<(u32, f32)> = self
            .query_weights(need, a)
            .1
            .into_iter()
            .flatten()
            .filter(|&(id, _)| self.spans[d as usize].contains(id))
            .collect();
        let total: f32 = out.iter().map(|x| x.1).sum();
        if total > 0.0 {
            for x in &mut out {
                x.1 /= total;
            }
        }
        out
    }

    /// The weight in the query of each feature of `a` (the analysed query
    /// of `need`), in the analysis' order: the index feature and feature
    /// weight × idf × its context weight ([`Matcher::context_weight`],
    /// never for a word of the title); `None` for a feature no entry has.
    /// Also the asker's organisation.
    fn query_weights(&self, need: &Doc, a: &Analysis) -> (Option<u32>, Vec<Option<(u32, f32)>>) {
        let own: Option<u32> =
            org_key(&need.organisation).and_then(|o| self.org_ids.get(&o).copied());
        let own_entries = self.own_entries(own);
        let weights = a
            .feats
            .iter()
            .enumerate()
            .map(|(fi, f)| {
                let id = *self.feat_ids.get(&f.key)?;
                let ctx = if a.in_title(fi) {
                    1.0
                } else {
                    self.context_weight(&own_entries, id)
                };
                Some((id, f.weight * self.idf[id as usize] * ctx))
            })
            .collect();
        (own, weights)
    }

    /// The index features of an analysed query with its weights (feature
    /// weight × idf), unit length, sorted by feature.
    fn query_vector(&self, a: &Analysis) -> Vec<(u32, f32)> {
        let mut q: Vec<(u32, f32)> = a
            .feats
            .iter()
            .filter_map(|f| {
                let id = *self.feat_ids.get(&f.key)?;
                Some((id, f.weight * self.idf[id as usize]))
            })
            .collect();
        q.sort_unstable_by_key(|x| x.0);
        q.dedup_by(|x, y| {
            let same = x.0 == y.0;
            if same {
                y.1 += x.1;
            }
            same
        });
        let total: f32 = q.iter().map(|x| x.1 * x.1).sum::<f32>().sqrt();
        if total > 0.0 {
            for x in &mut q {
                x.1 /= total;
            }
        }
        q
    }

    /// Length of entry `d`'s idf vector.
    fn norm(&self, d: usize) -> f32 {
        self.spans[d]
            .features()
            .map(|f| self.idf[f as usize].powi(2))
            .sum::<f32>()
            .sqrt()
    }

    /// Entry `d`'s features weighted by idf, unit length, sorted by feature.
    fn unit_vector(&self, d: usize) -> Vec<(u32, f32)> {
        let n = self.norm(d);
        if n <= 0.0 {
            return Vec::new();
        }
        self.spans[d]
            .features()
            .map(|f| (f, self.idf[f as usize] / n))
            .collect()
    }

    /// Number of indexed entries.
    pub fn len(&self) -> usize {
        self.index_of.len()
    }

    /// True if nothing is indexed.
    pub fn is_empty(&self) -> bool {
        self.index_of.is_empty()
    }

    /// Bytes looked up or compared by compound splitting and spelling
    /// repair since the index was built (its own build included): a count
    /// of work, for tests that bound it without a clock.
    #[doc(hidden)]
    pub fn analysis_work(&self) -> u64 {
        self.lex.work()
    }

    /// Number of distinct features (stems, parts, concepts) in the index,
    /// and bytes of the words kept to explain matches.
    #[doc(hidden)]
    pub fn index_size(&self) -> (usize, usize) {
        let bytes = self.surf_strs.iter().map(String::len).sum();
        (self.feat_keys.len(), bytes)
    }

    /// Adds an entry, or replaces the one with the same id, without
    /// rebuilding the index (for editing one entry). Rarity weights are
    /// updated; the vocabulary for compound splitting and the length average
    /// stay those of the last full build, so after many edits a rebuild with
    /// [`Matcher::new`] gives slightly different (better) scores.
    pub fn upsert(&mut self, doc: &Doc) {
        let d = match self.index_of.get(&doc.id) {
            Some(&d) => {
                self.unpost(d);
                d
            }
            None => {
                let d = self.ids.len() as u32;
                self.ids.push(doc.id.clone());
                self.orgs.push(None);
                self.kinds.push(doc.kind);
                self.readings.push(Reading::Plain);
                self.live.push(true);
                self.spans.push(Spans::default());
                self.index_of.insert(doc.id.clone(), d);
                d
            }
        };
        let du = d as usize;
        self.live[du] = true;
        self.kinds[du] = doc.kind;
        self.readings[du] = reading(doc);
        self.orgs[du] = org_key(&doc.organisation).map(|o| {
            let next = self.org_ids.len() as u32;
            *self.org_ids.entry(o).or_insert(next)
        });
        let f = fields(doc, INDEXED_FIELDS);
        let mut st = Stems::Build(&mut self.stems);
        let a = analyze(&f, &self.lex, &self.concepts, &self.cache, &mut st, false);
        let norm = K1 * (1.0 - B + B * a.len / self.avg_len);
        let global: Vec<u32> = a
            .surf
            .into_iter()
            .map(|s| {
                let i = self.surf_strs.len() as u32;
                self.surf_strs.push(s.into_owned());
                i
            })
            .collect();
        let mut feats: Vec<(u32, Feat)> = a
            .feats
            .into_iter()
            .map(|f| {
                let next = self.feat_ids.len() as u32;
                let id = *self.feat_ids.entry(f.key).or_insert(next);
                if id as usize == self.postings.len() {
                    self.postings.push(Vec::new());
                    self.feat_keys.push(f.key);
                    self.idf.push(0.0);
                }
                (id, f)
            })
            .collect();
        // The entry's words go into the arena in feature order.
        feats.sort_unstable_by_key(|x| x.0);
        let mut sp = Vec::with_capacity(feats.len());
        for (id, f) in feats {
            let sat = f.weight * (K1 + 1.0) / (f.weight + norm);
            self.postings[id as usize].push((d, sat));
            let start = self.arena.len() as u32;
            self.arena
                .extend(f.surfaces.as_slice().iter().map(|&i| global[i as usize]));
            sp.push((id, start, f.surfaces.as_slice().len() as u32));
        }
        self.spans[du] = Spans::from_sorted(&sp);
        self.refresh_idf();
        if !self.learned.is_empty() {
            let n = self.norm(du);
            self.learned.norms.resize(self.ids.len(), 0.0);
            self.learned.norms[du] = n;
        }
    }

    /// Removes the entry with this id. Returns whether it was there.
    pub fn remove(&mut self, id: &str) -> bool {
        let Some(d) = self.index_of.remove(id) else {
            return false;
        };
        self.unpost(d);
        self.live[d as usize] = false;
        self.spans[d as usize].clear();
        self.refresh_idf();
        true
    }

    /// Takes entry `d` out of every posting list it is in.
    fn unpost(&mut self, d: u32) {
        for fid in self.spans[d as usize].features() {
            self.postings[fid as usize].retain(|x| x.0 != d);
        }
    }

    fn refresh_idf(&mut self) {
        let n = self.index_of.len().max(1) as f32;
        for (i, p) in self.postings.iter().enumerate() {
            let df = p.len() as f32;
            self.idf[i] = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
        }
    }

    fn fit(&self, query: DocKind, indexed: DocKind) -> f64 {
        if self.reverse {
            kind_fit(indexed, query)
        } else {
            kind_fit(query, indexed)
        }
    }

    fn analyze_query<'f>(&self, fields: &'f [Field]) -> Analysis<'f> {
        let mut st = Stems::Query(&self.stems, HashMap::default());
        analyze(
            fields,
            &self.lex,
            &self.concepts,
            &self.cache,
            &mut st,
            true,
        )
    }

    /// The idf of a feature no entry has.
    fn max_idf(&self) -> f32 {
        let n = self.index_of.len().max(1) as f32;
        (1.0 + (n + 0.5) / 0.5).ln()
    }

    /// The live indexed entries of organisation `own` (the asker's own).
    fn own_entries(&self, own: Option<u32>) -> Vec<u32> {
        let Some(own) = own else {
            return Vec::new();
        };
        (0..self.orgs.len() as u32)
            .filter(|&d| self.orgs[d as usize] == Some(own) && self.live[d as usize])
            .collect()
    }

    /// Weight of query feature `fid` as context: a feature that the asker's
    /// own entries share (`own`: their indices) is likely about the asker's
    /// own business (`vi er et sagbruk`), not what is asked for.
    fn context_weight(&self, own: &[u32], fid: u32) -> f32 {
        let shared = own
            .iter()
            .filter(|&&d| self.spans[d as usize].contains(fid))
            .count();
        if shared >= OWN_SHARED {
            OWN_CONTEXT
        } else {
            1.0
        }
    }

    /// The `top` best entries for `need`, best first, each with a score in
    /// 0..=1 (at least [`THRESHOLD`]) and its reasons. Entries of the need's own
    /// organisation are left out. Ties are broken by id, so the same input
    /// always gives the same output.
    pub fn rank(&self, need: &Doc, top: usize) -> Vec<Ranked> {
        self.rank_where(need, top, |_| true)
    }

    /// [`Matcher::rank`] restricted to the indexed entries `ids` (unknown
    /// ids are left out): each keeps the score and reasons it has in the
    /// full ranking, so a pair seen from the other side (an offer's page
    /// ranking needs) can show exactly the score its need's page shows.
    pub fn rank_among(&self, need: &Doc, ids: &[&str]) -> Vec<Ranked> {
        let wanted: HashSet<u32> = ids
            .iter()
            .filter_map(|id| self.index_of.get(*id).copied())
            .collect();
        if wanted.is_empty() {
            return Vec::new();
        }
        self.rank_where(need, wanted.len(), |d| wanted.contains(&d))
    }

    /// Whether any indexed entry scores at or above [`THRESHOLD`] for
    /// `need`: exactly `!rank(need, 1).is_empty()`, without choosing the
    /// best entry or wording its reasons (the competence gaps ask this of
    /// every active need).
    pub fn answers(&self, need: &Doc) -> bool {
        if self.ids.is_empty() {
            return false;
        }
        let qfields = fields(need, QUERY_FIELDS);
        let a = self.analyze_query(&qfields);
        self.score_query(need, &a, false)
            .is_some_and(|q| (0..self.ids.len()).any(|du| q.score(self, du).is_some()))
    }

    /// The raw scores of every indexed entry for the analysed query `a` of
    /// `need`, with what turns a raw score into a score; `None` when the
    /// query has nothing to match on.
    /// `related`: also the scores through related concepts (which never
    /// decide whether an entry reaches the threshold).
    fn score_query(&self, need: &Doc, a: &Analysis, related: bool) -> Option<QueryScores> {
        let max_idf = self.max_idf();
        let (own, weights) = self.query_weights(need, a);
        let mut acc = take_scratch(self.ids.len());
        let mut ideal = 0.0f32;
        let mut qf: Vec<(u32, f32, usize)> = Vec::with_capacity(a.feats.len());
        // Query concepts and their weights (context included), for the
        // related concepts they reach.
        let mut qc: Vec<(u32, f32, usize)> = Vec::new();
        for (fi, (f, w)) in a.feats.iter().zip(weights).enumerate() {
            // Not through a compound's part alone: a guess already, too
            // loose to lead further. A concept no entry has may still have
            // related concepts that some entry has.
            if let (true, true, FeatKey::Concept(c)) = (related, f.surfaces.whole, f.key) {
                let before_idf = w.map_or(f.weight, |(id, q)| q / self.idf[id as usize]);
                qc.push((c, before_idf, fi));
            }
            match w {
                Some((id, q)) => {
                    ideal += q;
                    // What decisions taught about the word moves what it
                    // adds, not the scale (`ideal`) scores are read on.
                    let q = q * self.learned.feature_weight(id);
                    qf.push((id, f.weight, fi));
                    for &(d, sat) in &self.postings[id as usize] {
                        acc[d as usize] += q * sat;
                    }
                }
                None => ideal += 0.5 * f.weight * max_idf,
            }
        }
        if ideal <= 0.0 {
            return None;
        }
        if !self.learned.is_empty() {
            self.add_learned(a, &mut acc);
        }
        // What decisions taught moves the text's score; related concepts
        // add to it apart (and are left out where only the threshold counts).
        let (rel, rel_qf) = self.related_scores(a, &qc);
        // Below this raw score even a perfect kind fit stays under the threshold.
        let t = THRESHOLD as f32;
        let floor = t * SATURATION / (1.0 - t) * ideal;
        let fit: [f64; 6] = if self.reverse {
            DocKind::ALL.map(|k| self.fit(need.kind, k))
        } else {
            let r = reading(need);
            DocKind::ALL.map(|k| kind_fit_read(r, need.kind, k))
        };
        // For needs indexed (reverse): fit read from the indexed need's text
        // (only position needs read otherwise than their kind).
        let fit_read = self
            .reverse
            .then(|| Reading::ALL.map(|r| kind_fit_read(r, DocKind::Position, need.kind)));
        Some(QueryScores {
            qf,
            acc,
            ideal,
            floor,
            own,
            fit,
            fit_read,
            rel,
            rel_qf,
        })
    }

    /// Raw scores through related concepts: each related concept `r` of a
    /// query concept (and not itself in the query) at [`RELATED`] of the
    /// strongest query concept that reaches it; `qc` holds the query's
    /// concepts with their weights before idf (empty: nothing to do). Also
    /// the features used
    /// (feature, weight, the query concept's index in the analysis).
    fn related_scores(
        &self,
        a: &Analysis,
        qc: &[(u32, f32, usize)],
    ) -> (Vec<f32>, Vec<(u32, f32, usize)>) {
        if qc.is_empty() {
            return (Vec::new(), Vec::new());
        }
        let present: HashSet<u32> = a
            .feats
            .iter()
            .filter_map(|f| match f.key {
                FeatKey::Concept(c) => Some(c),
                _ => None,
            })
            .collect();
        let mut best: HashMap<u32, (f32, usize)> = HashMap::default();
        for &(c, w, fi) in qc {
            for &r in &self.related[c as usize] {
                if present.contains(&r) {
                    continue;
                }
                let Some(&rid) = self.feat_ids.get(&FeatKey::Concept(r)) else {
                    continue;
                };
                let q = RELATED * w * self.idf[rid as usize];
                let e = best.entry(rid).or_insert((0.0, fi));
                if q > e.0 {
                    *e = (q, fi);
                }
            }
        }
        if best.is_empty() {
            return (Vec::new(), Vec::new());
        }
        let mut rel = take_scratch(self.ids.len());
        let mut used: Vec<(u32, f32, usize)> =
            best.into_iter().map(|(id, (q, fi))| (id, q, fi)).collect();
        used.sort_unstable_by_key(|x| x.0);
        for &(id, q, _) in &used {
            for &(d, sat) in &self.postings[id as usize] {
                rel[d as usize] += q * sat;
            }
        }
        (rel, used)
    }

    fn rank_where(&self, need: &Doc, top: usize, keep: impl Fn(u32) -> bool) -> Vec<Ranked> {
        if top == 0 || self.ids.is_empty() {
            return Vec::new();
        }
        let qfields = fields(need, QUERY_FIELDS);
        let a = self.analyze_query(&qfields);
        let Some(q) = self.score_query(need, &a, true) else {
            return Vec::new();
        };
        let order = |x: &(f64, u32), y: &(f64, u32)| {
            y.0.total_cmp(&x.0)
                .then_with(|| self.ids[x.1 as usize].cmp(&self.ids[y.1 as usize]))
        };
        // The best `top` so far, best first; most entries fail one comparison.
        let bounded = top <= 64;
        let mut scored: Vec<(f64, u32)> = Vec::with_capacity(if bounded { top + 1 } else { 0 });
        for du in 0..self.ids.len() {
            if !keep(du as u32) {
                continue;
            }
            let Some(s) = q.score(self, du) else {
                continue;
            };
            let c = (s, du as u32);
            if bounded {
                if scored.len() == top
                    && order(&c, scored.last().expect("full")) != std::cmp::Ordering::Less
                {
                    continue;
                }
                let at = scored.partition_point(|b| order(b, &c) == std::cmp::Ordering::Less);
                scored.insert(at, c);
                scored.truncate(top);
            } else {
                scored.push(c);
            }
        }
        if !bounded {
            scored.sort_by(order);
            scored.truncate(top);
        }
        scored
            .into_iter()
            .map(|(s, d)| Ranked {
                id: self.ids[d as usize].clone(),
                score: (s * 1e6).round() / 1e6,
                reasons: self.reasons(&a, &q.qf, &q.rel_qf, d as usize),
            })
            .collect()
    }

    /// Scales the raw scores `acc` of a query by what was learned: each
    /// entry's by `1 + MAX_PULL × confidence × cosine` with the query's
    /// learned vector (see `learned.rs`).
    fn add_learned(&self, a: &Analysis, acc: &mut [f32]) {
        let words = self.query_vector(a);
        let Some(pull) = self.learned.vector(&words) else {
            return;
        };
        let (vector, confidence) = (pull.features, pull.confidence);
        let norms = &self.learned.norms;
        let mut cos = vec![0.0f32; acc.len()];
        for (b, x) in vector {
            let w = x * self.idf[b as usize];
            for &(d, _) in &self.postings[b as usize] {
                let n = norms.get(d as usize).copied().unwrap_or(0.0);
                if n > 0.0 {
                    cos[d as usize] += w / n;
                }
            }
        }
        let k = MAX_PULL * confidence;
        let ki = ENTRY_PULL * confidence;
        for (d, (raw, c)) in acc.iter_mut().zip(cos).enumerate() {
            let e = pull.entries.get(&(d as u32)).copied().unwrap_or(0.0);
            *raw *= (1.0 + k * c).max(0.0) * (1.0 + ki * e).max(0.0);
        }
    }

    /// Every feature of `need` with its contribution to the raw score of the
    /// indexed entry `id` (for diagnosing a ranking), and the normaliser.
    #[doc(hidden)]
    pub fn explain(&self, need: &Doc, id: &str) -> (Vec<(String, f64)>, f64) {
        let Some(d) = self.ids.iter().position(|x| x == id) else {
            return (Vec::new(), 0.0);
        };
        let qfields = fields(need, QUERY_FIELDS);
        let a = self.analyze_query(&qfields);
        let max_idf = self.max_idf();
        let (_, weights) = self.query_weights(need, &a);
        let mut out = Vec::new();
        let mut ideal = 0.0;
        for (f, w) in a.feats.iter().zip(weights) {
            let name = match &f.key {
                FeatKey::Concept(c) => format!("C:{}", self.concepts.ids[*c as usize]),
                FeatKey::Word(w) => format!("W:{}", self.stems.name(*w)),
                FeatKey::Part(w) => format!("P:{}", self.stems.name(*w)),
                FeatKey::Cognate(w) => format!("K:{}", self.stems.name(*w & !(1 << 31))),
            };
            match w {
                Some((fid, q)) => {
                    ideal += q;
                    let c = self.postings[fid as usize]
                        .iter()
                        .find(|x| x.0 as usize == d)
                        .map(|&(_, sat)| q * sat)
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
    fn reasons(
        &self,
        a: &Analysis,
        qf: &[(u32, f32, usize)],
        rel_qf: &[(u32, f32, usize)],
        d: usize,
    ) -> Vec<Reason> {
        let offer = &self.spans[d];
        let need_words = |fi: usize| -> Vec<&str> {
            a.feats[fi]
                .surfaces
                .as_slice()
                .iter()
                .map(|&i| a.surf[i as usize].as_ref())
                .collect()
        };
        let mut items: Vec<ReasonItem> = Vec::new();
        for &(id, w, fi) in qf {
            let Some(span) = offer.find(id) else {
                continue;
            };
            let (label, is_concept) = match self.feat_keys[id as usize] {
                FeatKey::Concept(c) => (self.concepts.ids[c as usize].as_str(), true),
                _ => {
                    let first = a.feats[fi].surfaces.as_slice().first();
                    (first.map_or("", |&i| a.surf[i as usize].as_ref()), false)
                }
            };
            items.push(ReasonItem {
                weight: w * self.idf[id as usize],
                is_concept,
                label,
                fi,
                span,
                via: None,
            });
        }
        for &(id, q, fi) in rel_qf {
            let (Some(span), FeatKey::Concept(r), FeatKey::Concept(c)) =
                (offer.find(id), self.feat_keys[id as usize], a.feats[fi].key)
            else {
                continue;
            };
            let via = self.concepts.ids[c as usize].as_str();
            items.push(ReasonItem {
                weight: q,
                is_concept: true,
                label: self.concepts.ids[r as usize].as_str(),
                fi,
                span,
                via: Some(via),
            });
        }
        items.sort_by(|x, y| {
            y.weight
                .total_cmp(&x.weight)
                .then_with(|| y.is_concept.cmp(&x.is_concept))
                .then_with(|| x.label.cmp(y.label))
        });
        let mut out: Vec<Reason> = Vec::new();
        for ReasonItem {
            label,
            fi,
            span: (_, start, len),
            via,
            ..
        } in items
        {
            let nw = need_words(fi);
            let covered = out.iter().any(|o| {
                nw.iter()
                    .all(|t| o.need_terms.iter().any(|x| x.contains(t)))
            });
            if covered {
                continue;
            }
            out.push(Reason {
                concept: label.to_string(),
                related_to: via.map(str::to_string),
                need_terms: nw.iter().map(|t| t.to_string()).collect(),
                offer_terms: self.arena[start as usize..(start + len) as usize]
                    .iter()
                    .map(|&i| self.surf_strs[i as usize].clone())
                    .collect(),
            });
            if out.len() == 4 {
                break;
            }
        }
        out
    }
}

/// One candidate reason of a pair, before the strongest are chosen.
struct ReasonItem<'a> {
    /// The feature's weight in the query.
    weight: f32,
    is_concept: bool,
    /// Concept id, or the need's word.
    label: &'a str,
    /// The feature's index in the query's analysis.
    fi: usize,
    /// Where the entry has it.
    span: SurfaceSpan,
    /// For a related concept: the query concept it was reached from.
    via: Option<&'a str>,
}

fn lex_words(lex: &Lexicon) -> Vec<&String> {
    lex.words().collect()
}

/// One query's raw scores against every indexed entry
/// ([`Matcher::score_query`]) and what turns them into scores.
struct QueryScores {
    /// The query's features found in the index: (feature, weight, index
    /// in the analysis).
    qf: Vec<(u32, f32, usize)>,
    acc: Vec<f32>,
    ideal: f32,
    /// Below this raw score no kind fit reaches the threshold.
    floor: f32,
    /// The asker's organisation, whose own entries are never suggested.
    own: Option<u32>,
    fit: [f64; 6],
    /// Reverse only: the fit for an indexed position need, by its
    /// [`Reading`].
    fit_read: Option<[f64; 3]>,
    /// Raw scores through related concepts (empty when none): they raise
    /// an entry the text already suggests, never bring one in.
    rel: Vec<f32>,
    /// The related-concept features used (feature, weight, the query
    /// concept's index in the analysis).
    rel_qf: Vec<(u32, f32, usize)>,
}

/// Weight of a related concept in a query, relative to the query concept
/// that reaches it (chosen on 03.12.2026 with an earlier set of links;
/// 0.15–0.5 all raise both sets' held-aside parts).
const RELATED: f32 = 0.25;

thread_local! {
    /// A thread's raw-score buffer, kept between queries. A fresh one per
    /// query (80 KB at 20,000 offers) made the app's gaps pass over 2,000
    /// needs take 0.65–0.72 s under jemalloc (0.23 s under glibc's
    /// malloc); kept, 0.14 s (0.20 s).
    /// (Two per query at most: the text's and the related concepts'.)
    static SCRATCH: std::cell::RefCell<Vec<Vec<f32>>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// `n` zeros, in this thread's kept buffer if it has one.
fn take_scratch(n: usize) -> Vec<f32> {
    let mut v = SCRATCH.with(|s| s.borrow_mut().pop()).unwrap_or_default();
    v.clear();
    v.resize(n, 0.0);
    v
}

impl Drop for QueryScores {
    fn drop(&mut self) {
        let bufs = [std::mem::take(&mut self.acc), std::mem::take(&mut self.rel)];
        SCRATCH.with(|s| {
            let mut kept = s.borrow_mut();
            for b in bufs {
                if b.capacity() > 0 && kept.len() < 2 {
                    kept.push(b);
                }
            }
        });
    }
}

impl QueryScores {
    /// Entry `du`'s score, if it is a suggestion (live, not the asker's
    /// own, at or above the threshold).
    fn score(&self, m: &Matcher, du: usize) -> Option<f64> {
        let raw = self.acc[du];
        if raw < self.floor || !m.live[du] || (self.own.is_some() && m.orgs[du] == self.own) {
            return None;
        }
        let cov = raw / self.ideal;
        let f = match (self.fit_read, m.readings[du]) {
            (Some(fits), r) if r != Reading::Plain => fits[r as usize],
            _ => self.fit[m.kinds[du] as usize],
        };
        let s = f64::from(cov / (cov + SATURATION)) * f;
        if s < THRESHOLD {
            return None;
        }
        match self.rel.get(du) {
            Some(&r) if r > 0.0 => {
                let cov = (raw + r) / self.ideal;
                Some(f64::from(cov / (cov + SATURATION)) * f)
            }
            _ => Some(s),
        }
    }
}

/// The analysed entries of one chunk, with ids local to the chunk (features
/// and surfaces numbered in order of first appearance).
struct ChunkIndex {
    feat_keys: Vec<FeatKey>,
    surf_strs: Vec<String>,
    lens: Vec<f32>,
    /// Per entry, in the order of its analysis: one span per feature.
    spans: Vec<Vec<SurfaceSpan>>,
    /// The features' weights, entry after entry, in the order of `spans`.
    weights: Vec<f32>,
    arena: Vec<u32>,
}

/// One chunk's entries with global ids.
struct Renumbered {
    /// (global feature, number of entries having it).
    df: Vec<(u32, u32)>,
    lens: Vec<f32>,
    /// Per entry, sorted by global feature.
    spans: Vec<Spans>,
    /// The features' weights in the order of `spans`.
    weights: Vec<f32>,
    arena: Vec<u32>,
}

impl ChunkIndex {
    /// Global ids: features through `fmap`, surfaces through `smap`, arena
    /// positions from `offset`; each entry's features sorted, its words
    /// laid out in the arena in that order.
    fn renumber(mut self, fmap: &[u32], smap: &[u32], offset: u32) -> Renumbered {
        let mut local_df = vec![0u32; fmap.len()];
        let mut at = 0;
        let mut pairs: Vec<(SurfaceSpan, f32)> = Vec::new();
        let mut arena: Vec<u32> = Vec::with_capacity(self.arena.len());
        let mut spans = Vec::with_capacity(self.spans.len());
        for mut sp in std::mem::take(&mut self.spans) {
            let w = &mut self.weights[at..at + sp.len()];
            at += sp.len();
            pairs.clear();
            pairs.extend(sp.iter().zip(w.iter()).map(|(&(f, start, n), &w)| {
                local_df[f as usize] += 1;
                ((fmap[f as usize], start, n), w)
            }));
            // An entry has each feature once.
            pairs.sort_unstable_by_key(|p| p.0 .0);
            for (k, &((fid, start, n), weight)) in pairs.iter().enumerate() {
                let words = &self.arena[start as usize..(start + n) as usize];
                sp[k] = (fid, offset + arena.len() as u32, n);
                arena.extend(words.iter().map(|&i| smap[i as usize]));
                w[k] = weight;
            }
            spans.push(Spans::from_sorted(&sp));
        }
        Renumbered {
            df: fmap.iter().copied().zip(local_df).collect(),
            weights: self.weights,
            lens: self.lens,
            spans,
            arena,
        }
    }

    fn new(
        docs: &[Doc],
        lex: &Lexicon,
        concepts: &ConceptIndex,
        cache: &WordCache,
        stems: &StemTable,
    ) -> Self {
        let mut feat_ids: HashMap<FeatKey, u32> = HashMap::default();
        let mut surf_ids: HashMap<String, u32> = HashMap::default();
        let mut c = ChunkIndex {
            feat_keys: Vec::new(),
            surf_strs: Vec::new(),
            lens: Vec::with_capacity(docs.len()),
            spans: Vec::with_capacity(docs.len()),
            weights: Vec::new(),
            arena: Vec::new(),
        };
        for doc in docs {
            let f = fields(doc, INDEXED_FIELDS);
            // Every word of an indexed entry is in the cache with its stems
            // interned, so no stem is new here and the table can be shared.
            let mut st = Stems::Query(stems, HashMap::default());
            let a: Analysis = analyze(&f, lex, concepts, cache, &mut st, false);
            debug_assert!(matches!(&st, Stems::Query(_, local) if local.is_empty()));
            c.lens.push(a.len);
            let local: Vec<u32> = a
                .surf
                .into_iter()
                .map(|s| match surf_ids.get(s.as_ref()) {
                    Some(&i) => i,
                    None => {
                        let i = c.surf_strs.len() as u32;
                        surf_ids.insert(s.to_string(), i);
                        c.surf_strs.push(s.into_owned());
                        i
                    }
                })
                .collect();
            let mut sp = Vec::with_capacity(a.feats.len());
            for f in a.feats {
                let next = feat_ids.len() as u32;
                let id = *feat_ids.entry(f.key).or_insert(next);
                if id == next {
                    c.feat_keys.push(f.key);
                }
                c.weights.push(f.weight);
                let start = c.arena.len() as u32;
                let fs = f.surfaces.as_slice();
                c.arena.extend(fs.iter().map(|&i| local[i as usize]));
                sp.push((id, start, fs.len() as u32));
            }
            c.spans.push(sp);
        }
        c
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::synth;

    #[test]
    fn answers_says_exactly_whether_a_need_gets_a_suggestion() {
        let (offers, mut needs) = synth::catalogue(11, 1_500, 300);
        let mut odd = needs[0].clone();
        odd.id = "n-odd".into();
        odd.title = "Qwxz zzyq".into();
        odd.description = "Vvkk xqqz jjpw.".into();
        odd.keywords.clear();
        needs.push(odd);
        let m = Matcher::new(&Thesaurus::builtin(), &offers);
        let (mut yes, mut no) = (0, 0);
        for n in &needs {
            let answered = !m.rank(n, 1).is_empty();
            assert_eq!(m.answers(n), answered, "{}", n.id);
            if answered {
                yes += 1;
            } else {
                no += 1;
            }
        }
        assert!(yes > 0 && no > 0, "answered {yes}, unanswered {no}");
    }

    /// Asserts that `a` and `b` rank every need's top ten alike; returns
    /// how many offers were suggested in all.
    fn ranked_alike(a: &Matcher, b: &Matcher, needs: &[Doc]) -> usize {
        let mut suggested = 0;
        for n in needs {
            let r = a.rank(n, 10);
            suggested += r.len();
            assert_eq!(r, b.rank(n, 10), "need {}", n.id);
        }
        suggested
    }

    #[test]
    fn parallel_build_ranks_exactly_like_a_sequential_one() {
        let (offers, needs) = synth::catalogue(7, 1_500, 40);
        let thes = Thesaurus::builtin();
        let one = Matcher::build_on(&thes, &offers, false, 1);
        let four = Matcher::build_on(&thes, &offers, false, 4);
        assert_eq!(one.feat_keys, four.feat_keys);
        assert_eq!(one.surf_strs, four.surf_strs);
        assert!(
            ranked_alike(&one, &four, &needs) > 40,
            "the synthetic needs find offers"
        );
    }

    #[test]
    fn owned_offers_freed_while_built_rank_like_borrowed_ones() {
        // Enough offers for several chunks, so texts are freed while other
        // chunks are still being analysed.
        let (offers, needs) = synth::catalogue(11, 1_200, 30);
        let thes = Thesaurus::builtin();
        let borrowed = Matcher::new(&thes, &offers);
        let owned = Matcher::from_offers(&thes, offers.clone());
        assert_eq!(borrowed.feat_keys, owned.feat_keys);
        assert_eq!(borrowed.ids, owned.ids);
        assert!(
            ranked_alike(&borrowed, &owned, &needs) > 30,
            "the synthetic needs find offers"
        );
    }
}
