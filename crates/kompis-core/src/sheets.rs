//! Match sheets from an open catalogue: the [`SheetInput`] built from the
//! store and the ranking, handed to `kompis-sheet` as plain data.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use chrono::Local;
use kompis_sheet::{Format, Scope, SheetInput, SheetMatch, SheetOptions};

use crate::catalogue::Catalogue;
use crate::error::Result;
use crate::matching;
use crate::model::{EntityKind, MatchRecord, MatchStatus};
use crate::wire::{Separator, SheetFormat, SheetPreview, SheetRequest, SheetScope, SheetSummary};

/// The network's name in every sheet header.
pub const NETWORK_NAME: &str = "Industrinettverket i Elverumsregionen";

impl SheetRequest {
    /// The writer's options for this request.
    pub(crate) fn options(&self) -> SheetOptions {
        SheetOptions {
            format: match self.format {
                SheetFormat::Pdf => Format::Pdf,
                SheetFormat::Xlsx => Format::Xlsx,
                SheetFormat::Csv => Format::Csv {
                    separator: match self.separator {
                        Some(Separator::Comma) => b',',
                        _ => b';',
                    },
                },
            },
            scope: match &self.scope {
                SheetScope::All => Scope::All,
                SheetScope::Needs { ids } => Scope::Needs(ids.clone()),
                SheetScope::Organisation { id } => Scope::Organisation(id.clone()),
                SheetScope::Status { status } => Scope::Status(*status),
            },
            lang: self.lang,
            pdf_layout: self.layout.unwrap_or_default(),
        }
    }
}

/// The catalogue and its matches as a sheet sees them: for each active
/// need the top ranked offers (declined ones left out) and every pair the
/// coordinator has recorded a status for. The pairs are kept until the
/// next write ([`sheet_matches`]); the entries are read for each sheet and
/// preview (about 0.1 s at 20,000 offers), not kept beside the lists'.
pub(crate) fn input_from_catalogue(cat: &Catalogue) -> Result<SheetInput> {
    let matches = cat.derived(sheet_matches)?;
    Ok(SheetInput {
        network_name: NETWORK_NAME.into(),
        date: Local::now().date_naive(),
        organisations: cat.organisations()?,
        people: cat.people()?,
        needs: cat.needs()?,
        offers: cat.offers()?,
        matches: matches.0.clone(),
    })
}

/// The pairs a sheet shows, ranked once and kept until the next write: the
/// export screen previews again on every choice the coordinator changes.
struct SheetMatches(Vec<SheetMatch>);

fn sheet_matches(cat: &Catalogue) -> Result<SheetMatches> {
    let records = cat.match_records()?;
    let all = matching::active_needs_ranked(cat)?;
    let recorded: HashMap<(&str, &str), &MatchRecord> = records
        .iter()
        .map(|m| ((m.need.as_str(), m.offer.as_str()), m))
        .collect();
    let mut matches: Vec<SheetMatch> = Vec::new();
    let mut shown: HashSet<(&str, &str)> = HashSet::new();
    for n in &all.ranked {
        let mut kept = 0;
        for r in &n.matches {
            let record = recorded.get(&(n.need.as_str(), r.offer.as_str())).copied();
            let status = record
                .and_then(|m| m.status)
                .unwrap_or(MatchStatus::Suggested);
            if status == MatchStatus::Declined || kept >= matching::SHOWN_PER_NEED {
                continue;
            }
            kept += 1;
            shown.insert((n.need.as_str(), r.offer.as_str()));
            matches.push(SheetMatch {
                need: n.need.clone(),
                offer: r.offer.clone(),
                score: r.score,
                reasons: r.reasons.clone(),
                reasons_en: r.reasons_en.clone(),
                status,
                note: record.and_then(|m| m.note.clone()),
                history: record.map(|m| m.events()).unwrap_or_default(),
                outcomes: record.map(|m| m.outcomes.clone()).unwrap_or_default(),
            });
        }
    }
    for m in &records {
        let live =
            cat.exists(EntityKind::Need, &m.need)? && cat.exists(EntityKind::Offer, &m.offer)?;
        if live && !shown.contains(&(m.need.as_str(), m.offer.as_str())) {
            matches.push(SheetMatch {
                need: m.need.clone(),
                offer: m.offer.clone(),
                score: 0.0,
                reasons: Vec::new().into(),
                reasons_en: Vec::new().into(),
                status: m.status.unwrap_or(MatchStatus::Suggested),
                note: m.note.clone(),
                history: m.events(),
                outcomes: m.outcomes.clone(),
            });
        }
    }
    // Kept until the next write: no room to spare.
    matches.shrink_to_fit();
    Ok(SheetMatches(matches))
}

/// The first page (or rows) of the sheet a request would write.
pub(crate) fn sheet_preview(cat: &Catalogue, req: &SheetRequest) -> Result<SheetPreview> {
    Ok(kompis_sheet::preview(
        &input_from_catalogue(cat)?,
        &req.options(),
    ))
}

/// Write the sheet a request asks for to `path`.
pub(crate) fn export_sheet(
    cat: &Catalogue,
    req: &SheetRequest,
    path: &Path,
) -> Result<SheetSummary> {
    Ok(kompis_sheet::write_sheet(
        &input_from_catalogue(cat)?,
        &req.options(),
        path,
    )?)
}
