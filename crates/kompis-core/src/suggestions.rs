//! Thesaurus additions proposed from the coordinator's decisions, and the
//! coordinator's answer to each: an accepted pair joins the thesaurus, a
//! rejected one is remembered and not proposed again.

use crate::catalogue::Catalogue;
use crate::error::Result;
use crate::keys;
use crate::matching::{decisions, thesaurus, with_offer_index};
use crate::wire::{ThesaurusDecision, ThesaurusEdit, ThesaurusSuggestion};
use crate::workflow::edit_thesaurus;
use kompis_match::fold;

/// The pairs of words proposed for the thesaurus, most evidence first,
/// without those the coordinator rejected or the thesaurus already links.
pub fn thesaurus_suggestions(cat: &Catalogue) -> Result<Vec<ThesaurusSuggestion>> {
    let decided = decisions(cat)?;
    let found = with_offer_index(cat, |index| index.link_suggestions(&decided.decisions()))?;
    let rejected = rejected(cat)?;
    let t = thesaurus(cat)?;
    let linked = |a: &str, b: &str| {
        t.groups().iter().any(|g| {
            let has = |w: &str| g.terms.iter().any(|x| fold(x) == w);
            has(a) && has(b)
        })
    };
    Ok(found
        .into_iter()
        .filter(|s| !rejected.contains(&(s.need_word.clone(), s.offer_word.clone())))
        .filter(|s| !linked(&s.need_word, &s.offer_word))
        .map(|s| ThesaurusSuggestion {
            need_word: s.need_word,
            offer_word: s.offer_word,
            matches: s.matches,
            agreed: s.agreed,
        })
        .collect())
}

/// Accepts a proposed pair (the offer's word joins the concept group that
/// holds the need's word, or the other way round, or both start a new group
/// named after the need's word) or rejects it for good; returns the
/// proposals left.
pub fn decide_thesaurus_suggestion(
    cat: &Catalogue,
    decision: ThesaurusDecision,
) -> Result<Vec<ThesaurusSuggestion>> {
    let (a, b) = (
        fold(decision.need_word.trim()),
        fold(decision.offer_word.trim()),
    );
    if decision.accept {
        let t = thesaurus(cat)?;
        let group_of = |w: &str| {
            t.groups()
                .iter()
                .find(|g| g.terms.iter().any(|x| fold(x) == w))
                .map(|g| g.id.clone())
        };
        let edits = match (group_of(&a), group_of(&b)) {
            (Some(g), _) => vec![(g, b.clone())],
            (None, Some(g)) => vec![(g, a.clone())],
            (None, None) => vec![(a.clone(), a.clone()), (a.clone(), b.clone())],
        };
        for (group, term) in edits {
            edit_thesaurus(cat, ThesaurusEdit::AddTerm { group, term })?;
        }
    } else {
        let mut r = rejected(cat)?;
        if !r.contains(&(a.clone(), b.clone())) {
            r.push((a, b));
            cat.put_setting(keys::THESAURUS_REJECTED, &r)?;
        }
    }
    thesaurus_suggestions(cat)
}

/// The pairs the coordinator rejected, folded.
fn rejected(cat: &Catalogue) -> Result<Vec<(String, String)>> {
    Ok(cat.setting(keys::THESAURUS_REJECTED)?.unwrap_or_default())
}
