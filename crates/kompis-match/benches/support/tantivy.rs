//! The tantivy baseline (issue 11): what a search engineer would pick
//! instead of kompis-match. One in-memory tantivy index over the offers,
//! analysed for Norwegian (tokeniser, lower case, tantivy's Norwegian
//! stopwords, the Snowball Norwegian stemmer); the title field counts twice.
//! A need's query is every analysed term of its title, description and
//! keywords, each an optional clause on the title (boost 2) and on the
//! body, scored by tantivy's BM25; the ten best offers are kept. It knows
//! nothing of organisations, kinds, compounds or the thesaurus.
//!
//! Shared by `benches/matching.rs` and `examples/tantivy_baseline.rs`
//! (included with `#[path]`).

use kompis_match::Doc;
use rayon::prelude::*;
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, BoostQuery, Occur, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, FAST};
use tantivy::tokenizer::{
    Language, LowerCaser, SimpleTokenizer, Stemmer, StopWordFilter, TextAnalyzer,
};
use tantivy::{doc, Index, IndexReader, IndexWriter};

/// The analyser's name in the index's tokenizer manager.
const ANALYSER: &str = "nb";
/// Weight of a term found in the title.
const TITLE_BOOST: f32 = 2.0;

/// tokeniser + lower case + Norwegian stopwords + Snowball Norwegian.
pub fn norwegian() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(LowerCaser)
        .filter(StopWordFilter::new(Language::Norwegian).expect("tantivy has Norwegian stopwords"))
        .filter(Stemmer::new(Language::Norwegian))
        .build()
}

/// The offers' index, ready to search.
pub struct TantivyBaseline {
    reader: IndexReader,
    title: Field,
    body: Field,
    /// Offer ids by the `ix` fast field's value.
    ids: Vec<String>,
    analyser: TextAnalyzer,
}

impl TantivyBaseline {
    /// Indexes every offer (title; description and keywords as the body)
    /// with a writer on all cores, in RAM, and commits.
    pub fn new(offers: &[Doc]) -> tantivy::Result<Self> {
        let mut schema = Schema::builder();
        let text = TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(ANALYSER)
                .set_index_option(IndexRecordOption::WithFreqs),
        );
        let title = schema.add_text_field("title", text.clone());
        let body = schema.add_text_field("body", text);
        let ix = schema.add_u64_field("ix", FAST);
        let index = Index::create_in_ram(schema.build());
        index.tokenizers().register(ANALYSER, norwegian());
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        let mut writer: IndexWriter =
            index.writer_with_num_threads(threads, 50_000_000 * threads)?;
        for (i, d) in offers.iter().enumerate() {
            writer.add_document(doc!(
                title => d.title.as_str(),
                body => format!("{} {}", d.description, d.keywords.join(" ")),
                ix => i as u64,
            ))?;
        }
        writer.commit()?;
        drop(writer);
        let reader = index.reader()?;
        Ok(TantivyBaseline {
            reader,
            title,
            body,
            ids: offers.iter().map(|d| d.id.clone()).collect(),
            analyser: norwegian(),
        })
    }

    /// The analysed terms of a need, each once, in order of first use.
    fn terms(&self, need: &Doc) -> Vec<String> {
        let text = format!(
            "{} {} {}",
            need.title,
            need.description,
            need.keywords.join(" ")
        );
        let mut analyser = self.analyser.clone();
        let mut stream = analyser.token_stream(&text);
        let mut terms: Vec<String> = Vec::new();
        while let Some(t) = stream.next() {
            if !terms.iter().any(|s| s == &t.text) {
                terms.push(t.text.clone());
            }
        }
        terms
    }

    /// The BooleanQuery of a need: every term optional, on the title
    /// (boosted) and the body.
    pub fn query(&self, need: &Doc) -> BooleanQuery {
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for t in self.terms(need) {
            let on = |field| {
                TermQuery::new(
                    tantivy::Term::from_field_text(field, &t),
                    IndexRecordOption::WithFreqs,
                )
            };
            clauses.push((
                Occur::Should,
                Box::new(BoostQuery::new(Box::new(on(self.title)), TITLE_BOOST)),
            ));
            clauses.push((Occur::Should, Box::new(on(self.body))));
        }
        BooleanQuery::new(clauses)
    }

    /// The `top` offers for one need, as `(offer id, BM25 score)`.
    pub fn rank(&self, need: &Doc, top: usize) -> tantivy::Result<Vec<(String, f32)>> {
        let searcher = self.reader.searcher();
        let hits = searcher.search(
            &self.query(need),
            &TopDocs::with_limit(top).order_by_score(),
        )?;
        hits.into_iter()
            .map(|(score, addr)| {
                let column = searcher
                    .segment_reader(addr.segment_ord)
                    .fast_fields()
                    .u64("ix")?;
                let ix = column.first(addr.doc_id).unwrap_or_default() as usize;
                Ok((self.ids[ix].clone(), score))
            })
            .collect()
    }

    /// Every need's `top` offers, the needs spread over all cores.
    pub fn rank_all(&self, needs: &[Doc], top: usize) -> tantivy::Result<Vec<Vec<(String, f32)>>> {
        needs.par_iter().map(|n| self.rank(n, top)).collect()
    }
}
