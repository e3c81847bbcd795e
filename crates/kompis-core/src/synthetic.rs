//! Synthetic catalogues of any size, from `kompis_match::synth`'s seeded
//! vocabulary, as bundles: for benchmarks and memory measurements.

use kompis_match::{synth, DocKind};

use crate::bundle::Bundle;
use crate::model::{Entry, EntryKind, OrgKind, Organisation};

fn kind(k: DocKind) -> EntryKind {
    match k {
        DocKind::Expertise => EntryKind::Expertise,
        DocKind::Experience => EntryKind::Experience,
        DocKind::StudentProject => EntryKind::StudentProject,
        DocKind::Training => EntryKind::Training,
        DocKind::Facility => EntryKind::Facility,
        DocKind::Position => EntryKind::Position,
    }
}

/// A bundle with `offers` offers and `needs` needs spread over
/// organisations, the same for the same seed.
pub fn bundle(seed: u64, offers: usize, needs: usize) -> Bundle {
    let (offer_docs, need_docs) = synth::catalogue(seed, offers, needs);
    let mut orgs: Vec<String> = offer_docs
        .iter()
        .chain(&need_docs)
        .filter_map(|d| d.organisation.clone())
        .collect();
    orgs.sort();
    orgs.dedup();
    let municipalities = crate::listing::REGION;
    let entry = |d: kompis_match::Doc| Entry {
        id: d.id,
        title: d.title,
        kind: kind(d.kind),
        description: Some(d.description),
        keywords: d.keywords,
        organisation: d.organisation,
        contact: None,
        language: None,
        created_at: None,
        updated_at: None,
        active: None,
        deadline: None,
        vacancy: None,
    };
    Bundle {
        organisations: orgs
            .into_iter()
            .enumerate()
            .map(|(i, id)| Organisation {
                name: format!("Bedrift {id}"),
                id,
                kind: OrgKind::Company,
                municipality: Some(municipalities[i % municipalities.len()].into()),
                org_number: None,
                website: None,
                member: Some(true),
                in_report: None,
                notes: None,
            })
            .collect(),
        offers: offer_docs.into_iter().map(entry).collect(),
        needs: need_docs.into_iter().map(entry).collect(),
        ..Bundle::new()
    }
}
