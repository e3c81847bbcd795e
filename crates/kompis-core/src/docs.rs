//! The matcher's view of offers and needs: [`Doc`]s made from entries, and
//! [`MatchDoc`], an entry decoded with only the fields the matcher reads.

use kompis_match::{Doc, DocKind};
use serde::Deserialize;

use crate::model::{Entry, EntryKind};

fn doc_kind(k: EntryKind) -> DocKind {
    match k {
        EntryKind::Expertise => DocKind::Expertise,
        EntryKind::Experience => DocKind::Experience,
        EntryKind::StudentProject => DocKind::StudentProject,
        EntryKind::Training => DocKind::Training,
        EntryKind::Facility => DocKind::Facility,
        EntryKind::Position => DocKind::Position,
    }
}

/// The matcher's view of an offer or need.
pub(crate) fn doc(e: &Entry) -> Doc {
    Doc {
        id: e.id.clone(),
        organisation: e.organisation.clone(),
        kind: doc_kind(e.kind),
        title: e.title.clone(),
        description: e.description.clone().unwrap_or_default(),
        keywords: e.keywords.clone(),
    }
}

/// An offer or need with only the fields the matcher reads: decoding it
/// skips the rest (dates, contacts), which matters at start-up.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct MatchDoc {
    id: String,
    title: String,
    kind: EntryKind,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    keywords: Vec<String>,
    #[serde(default)]
    organisation: Option<String>,
    #[serde(default)]
    active: Option<bool>,
}

impl MatchDoc {
    pub(crate) fn into_doc(self) -> Option<Doc> {
        (self.active != Some(false)).then(|| Doc {
            id: self.id,
            organisation: self.organisation,
            kind: doc_kind(self.kind),
            title: self.title,
            description: self.description.unwrap_or_default(),
            keywords: self.keywords,
        })
    }
}
