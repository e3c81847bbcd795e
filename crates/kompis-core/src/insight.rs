//! The network's figures ([`Insight`]) for a period and a municipality,
//! counted once here for the insight screen and the network report.
//!
//! What counts (the report's methods note says the same):
//!
//! - Entries are counted as they are now: active needs and offers created
//!   on or before the period's last day (an entry with no creation time
//!   counts). Organisations likewise, as they are now.
//! - Events are counted when they fall in the period (both ends
//!   included): a status change on the day of its time, in the
//!   coordinator's time zone; an outcome on its own date.
//! - A municipality keeps its organisations, their needs and offers, and
//!   the pairs whose need is theirs. Names are compared without case or
//!   accents ("trysil" is Trysil).
//! - A pair counts only while both its need and its offer are in the
//!   catalogue (not in the trash).
//! - Funnel: "suggested" is every pair the current ranking suggests (the
//!   best [`RANKED_PER_NEED`](crate::matching::RANKED_PER_NEED) offers of
//!   each active need) and every pair that got a status by the period's end;
//!   each later step counts the pairs whose standing history (changes taken
//!   back are left out) reached that status in the period.
//! - Themes are the thesaurus' concept groups: a need or offer touches one
//!   when the matcher's analysis of its text (the same folding, stemming,
//!   compound splitting and repair the ranking uses) hits a term of the
//!   group.

use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::sync::{Arc, Mutex};

use chrono::{Datelike, NaiveDate};
use kompis_match::text::fold;
use kompis_match::{ConceptGroup, Doc, Matcher};
use rayon::prelude::*;

use crate::calendar::{local_date, today};
use crate::catalogue::Catalogue;
use crate::collate::cmp_nb;
use crate::docs::doc;
use crate::error::{Error, Problem, Result};
use crate::listing::REGION;
use crate::matching::{active_needs_ranked, thesaurus};
use crate::model::insight::{
    Collaboration, Insight, InsightQuery, KeyFigures, KindCount, LevelCount, OrgBalance,
    OutcomeCount, PlaceCount, QuarterCount, ReasonCount, StatusCount, ThemeCount,
};
use crate::model::{
    DeclineReason, Entry, EntryKind, MatchRecord, MatchStatus, Organisation, OutcomeKind,
    ThesisLevel,
};

/// Most themes listed.
const TOP_THEMES: usize = 15;
/// Most quarters a period without a first day covers.
const MAX_QUARTERS: i32 = 20;

/// The figures the query asks for.
pub(crate) fn insight(cat: &Catalogue, query: &InsightQuery) -> Result<Insight> {
    let to = match query.to.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        Some(text) => day("to", text)?,
        None => today(),
    };
    let from = match query
        .from
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        Some(text) => Some(day("from", text)?),
        None => None,
    };
    if let Some(from) = from.filter(|f| *f > to) {
        return Err(Error::invalid(
            "insight query",
            "",
            "from",
            format!("the period's first day {from} is after its last day {to}"),
        ));
    }
    let base = cat.derived(Base::build)?;
    let place = query
        .municipality
        .as_deref()
        .map(|m| fold(m.trim()))
        .filter(|m| !m.is_empty());
    Ok(Counter {
        base: &base,
        place,
        to,
    }
    .count(
        from,
        query
            .municipality
            .as_deref()
            .map(str::trim)
            .filter(|m| !m.is_empty())
            .map(str::to_string),
    ))
}

/// A `YYYY-MM-DD` day of the query, or a refusal naming the field.
fn day(field: &str, text: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| {
        Error::invalid(
            "insight query",
            "",
            field,
            Problem::BundleDate {
                found: String::new(),
            },
        )
    })
}

/// One active need or offer as the figures read it.
struct Item {
    id: String,
    kind: EntryKind,
    /// Index into [`Base::orgs`].
    org: Option<usize>,
    created: Option<NaiveDate>,
    deadline: Option<NaiveDate>,
    /// Indexes into [`Base::groups`], ascending.
    themes: Themes,
}

/// A pair with a record, both ends in the catalogue.
struct Pair {
    record: MatchRecord,
    /// The need's organisation (index into [`Base::orgs`]).
    need_org: Option<usize>,
    offer_org: Option<usize>,
    need_title: String,
    offer_title: String,
}

/// What every query reads, built once per state of the store (dropped by
/// any write): the entries decoded, their themes, the ranking's pairs.
struct Base {
    orgs: Vec<Organisation>,
    /// Per organisation: its municipality, folded ("" when none).
    org_place: Vec<String>,
    /// Folded municipality → the name shown (the region's own spelling,
    /// otherwise the first organisation's).
    place_names: HashMap<String, String>,
    needs: Vec<Item>,
    offers: Vec<Item>,
    pairs: Vec<Pair>,
    /// Per active need (index into `needs`): its suggested offers
    /// (indexes into `offers`).
    ranked: Vec<(usize, Vec<usize>)>,
    groups: Vec<ConceptGroup>,
}

impl Base {
    fn build(cat: &Catalogue) -> Result<Self> {
        let mut orgs = cat.organisations()?;
        orgs.sort_by(|a, b| a.id.cmp(&b.id));
        let org_index: HashMap<&str, usize> = orgs
            .iter()
            .enumerate()
            .map(|(i, o)| (o.id.as_str(), i))
            .collect();
        let org_place: Vec<String> = orgs
            .iter()
            .map(|o| fold(o.municipality.as_deref().unwrap_or("").trim()))
            .collect();
        let mut place_names: HashMap<String, String> =
            REGION.iter().map(|m| (fold(m), m.to_string())).collect();
        for (o, key) in orgs.iter().zip(&org_place) {
            if !key.is_empty() {
                place_names
                    .entry(key.clone())
                    .or_insert_with(|| o.municipality.clone().unwrap_or_default().trim().into());
            }
        }
        let all_needs = cat.needs()?;
        let all_offers = cat.offers()?;
        let org_of = |e: &Entry| {
            e.organisation
                .as_deref()
                .and_then(|id| org_index.get(id).copied())
        };
        // The themes of every active entry's text, from the memo kept
        // through writes (only new or changed texts are analysed).
        let memo = cat.kept::<ThemeMemo>();
        let active: Vec<&Entry> = all_needs
            .iter()
            .chain(&all_offers)
            .filter(|e| e.is_active())
            .collect();
        let (groups, themes) = memo.themes(cat, &active)?;
        let mut themes = themes.into_iter();
        let mut items = |list: &[Entry]| -> Vec<Item> {
            list.iter()
                .filter(|e| e.is_active())
                .map(|e| Item {
                    id: e.id.clone(),
                    kind: e.kind,
                    org: org_of(e),
                    created: e.created_at.map(local_date),
                    // A need's deadline, or a vacancy's last day to apply.
                    deadline: e.deadline.or(e.vacancy.as_ref().and_then(|v| v.apply_by)),
                    themes: themes.next().expect("one theme list per active entry"),
                })
                .collect()
        };
        let needs = items(&all_needs);
        let offers = items(&all_offers);
        let by_id = |list: &'_ [Entry]| -> HashMap<String, (Option<usize>, String)> {
            list.iter()
                .map(|e| (e.id.clone(), (org_of(e), e.title.clone())))
                .collect()
        };
        let (need_by_id, offer_by_id) = (by_id(&all_needs), by_id(&all_offers));
        let pairs = cat
            .match_records()?
            .into_iter()
            .filter_map(|record| {
                let (need_org, need_title) = need_by_id.get(&record.need)?.clone();
                let (offer_org, offer_title) = offer_by_id.get(&record.offer)?.clone();
                Some(Pair {
                    record,
                    need_org,
                    offer_org,
                    need_title,
                    offer_title,
                })
            })
            .collect();
        let need_at: HashMap<&str, usize> = needs
            .iter()
            .enumerate()
            .map(|(i, n)| (n.id.as_str(), i))
            .collect();
        let offer_at: HashMap<&str, usize> = offers
            .iter()
            .enumerate()
            .map(|(i, o)| (o.id.as_str(), i))
            .collect();
        let ranking = active_needs_ranked(cat)?;
        let ranked = ranking
            .ranked
            .iter()
            .filter_map(|r| {
                let need = *need_at.get(r.need.as_str())?;
                let offers = r
                    .matches
                    .iter()
                    .filter_map(|m| offer_at.get(m.offer.as_str()).copied())
                    .collect();
                Some((need, offers))
            })
            .collect();
        Ok(Base {
            orgs,
            org_place,
            place_names,
            needs,
            offers,
            pairs,
            ranked,
            groups,
        })
    }
}

/// The concept groups each text touches, kept for as long as the catalogue
/// is open: a text is analysed once, however often the store changes
/// around it; a changed thesaurus starts the memo afresh (with the words
/// of the catalogue of that moment as its vocabulary).
#[derive(Default)]
struct ThemeMemo(Mutex<Option<Memo>>);

struct Memo {
    groups: Vec<ConceptGroup>,
    /// A matcher whose index holds one entry made of every word of the
    /// catalogue's texts: it analyses a text as the ranking analyses a need
    /// (the same vocabulary for compound parts and repairs, the thesaurus
    /// the same), and its one-entry index makes asking cheap.
    analyser: Matcher,
    group_at: HashMap<String, u32>,
    /// How many entries the vocabulary was taken from.
    vocabulary_of: usize,
    /// Hash of a text's title, description and keywords → its groups.
    by_text: HashMap<u64, Themes>,
}

/// The id of the one entry of the analyser's index.
const NOBODY: &str = "\u{0}";

impl Memo {
    /// The memo for these groups, its vocabulary the words of `entries`.
    fn new(groups: Vec<ConceptGroup>, entries: &[&Entry]) -> Self {
        let mut words: Vec<&str> = entries
            .iter()
            .flat_map(|e| {
                e.search_fields()
                    .into_iter()
                    .flat_map(str::split_whitespace)
            })
            .collect();
        words.sort_unstable();
        words.dedup();
        let vocabulary = Doc {
            id: NOBODY.into(),
            organisation: None,
            kind: kompis_match::DocKind::Expertise,
            title: String::new(),
            description: words.join(" "),
            keywords: Vec::new(),
        };
        let thesaurus = kompis_match::Thesaurus::from_groups(groups.clone());
        Memo {
            analyser: Matcher::new(&thesaurus, &[vocabulary]),
            group_at: groups
                .iter()
                .enumerate()
                .map(|(i, g)| (g.id.clone(), i as u32))
                .collect(),
            groups,
            vocabulary_of: entries.len(),
            by_text: HashMap::new(),
        }
    }

    /// The groups the matcher's analysis of `d`'s text hits.
    fn analyse(&self, d: &Doc) -> Themes {
        let (features, _) = self.analyser.explain(d, NOBODY);
        let mut hit: Vec<u32> = features
            .iter()
            .filter_map(|(name, _)| {
                let rest = name.strip_prefix("C:")?;
                let id = rest
                    .rfind(" q=")
                    .or_else(|| rest.rfind(" (unseen)"))
                    .map_or(rest, |end| &rest[..end]);
                self.group_at.get(id).copied()
            })
            .collect();
        hit.sort_unstable();
        hit.dedup();
        hit.into()
    }
}

fn text_key(e: &Entry) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    e.title.hash(&mut h);
    e.description.hash(&mut h);
    e.keywords.hash(&mut h);
    h.finish()
}

/// The groups an entry touches (indexes into the thesaurus' groups).
type Themes = Arc<[u32]>;

impl ThemeMemo {
    /// The thesaurus' groups and, per entry, the groups it touches.
    fn themes(
        &self,
        cat: &Catalogue,
        entries: &[&Entry],
    ) -> Result<(Vec<ConceptGroup>, Vec<Themes>)> {
        let groups = thesaurus(cat)?.groups().to_vec();
        let mut slot = self.0.lock().unwrap_or_else(|e| e.into_inner());
        // A new thesaurus, or a catalogue grown well past the one whose
        // words the analyser knows (the first one may have been empty),
        // starts afresh.
        let stale = |m: &Memo| m.groups != groups || entries.len() > 2 * m.vocabulary_of + 100;
        if slot.as_ref().is_none_or(stale) {
            *slot = Some(Memo::new(groups, entries));
        }
        let memo = slot.as_mut().expect("made above");
        let keys: Vec<u64> = entries.iter().map(|e| text_key(e)).collect();
        let mut missing: Vec<(u64, &Entry)> = Vec::new();
        let mut seen = HashSet::new();
        for (k, e) in keys.iter().zip(entries) {
            if !memo.by_text.contains_key(k) && seen.insert(*k) {
                missing.push((*k, e));
            }
        }
        if !missing.is_empty() {
            let found: Vec<(u64, Themes)> = {
                let memo = &*memo;
                missing
                    .par_iter()
                    .with_min_len(64)
                    .map(|(k, e)| (*k, memo.analyse(&doc(e))))
                    .collect()
            };
            // Texts no entry has any more are let go now and then.
            if memo.by_text.len() + found.len() > 2 * entries.len() + 1024 {
                let live: HashSet<u64> = keys.iter().copied().collect();
                memo.by_text.retain(|k, _| live.contains(k));
            }
            memo.by_text.extend(found);
        }
        let themes = keys.iter().map(|k| memo.by_text[k].clone()).collect();
        Ok((memo.groups.clone(), themes))
    }
}

/// "2026-Q3" and the quarter's number from year 0 (to step through them).
fn quarter(d: NaiveDate) -> i32 {
    d.year() * 4 + (d.month0() / 3) as i32
}

fn quarter_name(q: i32) -> String {
    format!("{}-Q{}", q.div_euclid(4), q.rem_euclid(4) + 1)
}

fn quarter_start(q: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(q.div_euclid(4), (q.rem_euclid(4) * 3 + 1) as u32, 1)
        .expect("the first day of a quarter")
}

/// The counting for one query.
struct Counter<'a> {
    base: &'a Base,
    /// The folded municipality, when the query names one.
    place: Option<String>,
    to: NaiveDate,
}

impl Counter<'_> {
    fn org_in(&self, org: Option<usize>) -> bool {
        match &self.place {
            None => true,
            Some(p) => org.is_some_and(|o| &self.base.org_place[o] == p),
        }
    }

    /// An active entry the figures count: in the place, there by `to`.
    fn counts(&self, e: &Item) -> bool {
        self.org_in(e.org) && e.created.is_none_or(|c| c <= self.to)
    }

    /// A pair the figures count: its need's organisation in the place.
    fn pair_in(&self, p: &Pair) -> bool {
        self.org_in(p.need_org)
    }

    fn count(&self, from: Option<NaiveDate>, municipality: Option<String>) -> Insight {
        let b = self.base;
        let to = self.to;
        let needs: Vec<&Item> = b.needs.iter().filter(|e| self.counts(e)).collect();
        let offers: Vec<&Item> = b.offers.iter().filter(|e| self.counts(e)).collect();
        let pairs: Vec<&Pair> = b.pairs.iter().filter(|p| self.pair_in(p)).collect();
        let standing: Vec<(&Pair, Vec<crate::model::StatusEvent>)> =
            pairs.iter().map(|p| (*p, p.record.standing())).collect();

        // The period's first day: as asked, or the earliest entry or event
        // (at most MAX_QUARTERS quarters back).
        let from = from.unwrap_or_else(|| {
            let earliest = needs
                .iter()
                .chain(&offers)
                .filter_map(|e| e.created)
                .chain(
                    pairs
                        .iter()
                        .flat_map(|p| p.record.events())
                        .map(|e| local_date(e.at)),
                )
                .chain(
                    pairs
                        .iter()
                        .flat_map(|p| p.record.outcomes.iter().map(|o| o.date)),
                )
                .filter(|d| *d <= to)
                .min()
                .unwrap_or(to);
            earliest.max(quarter_start(quarter(to) - (MAX_QUARTERS - 1)))
        });
        let within = |d: NaiveDate| from <= d && d <= to;

        // Organisations and what they give and ask.
        let orgs: Vec<usize> = (0..b.orgs.len())
            .filter(|&o| self.org_in(Some(o)))
            .collect();
        let mut balance: HashMap<usize, (u32, u32)> = HashMap::new();
        for e in &offers {
            if let Some(o) = e.org {
                balance.entry(o).or_default().0 += 1;
            }
        }
        for e in &needs {
            if let Some(o) = e.org {
                balance.entry(o).or_default().1 += 1;
            }
        }
        let org_balance = |o: usize| {
            let (offers, needs) = balance.get(&o).copied().unwrap_or_default();
            OrgBalance {
                organisation: b.orgs[o].id.clone(),
                name: b.orgs[o].name.clone(),
                offers,
                needs,
            }
        };
        let mut givers: Vec<OrgBalance> = orgs
            .iter()
            .map(|&o| org_balance(o))
            .filter(|x| x.offers > 0)
            .collect();
        givers.sort_by(|x, y| {
            y.offers
                .cmp(&x.offers)
                .then(y.needs.cmp(&x.needs))
                .then_with(|| cmp_nb(&x.name, &y.name))
        });
        let mut askers: Vec<OrgBalance> = orgs
            .iter()
            .map(|&o| org_balance(o))
            .filter(|x| x.offers == 0 && x.needs > 0)
            .collect();
        askers.sort_by(|x, y| y.needs.cmp(&x.needs).then_with(|| cmp_nb(&x.name, &y.name)));

        // Kinds and places.
        let by_kind = EntryKind::ALL
            .iter()
            .map(|&kind| KindCount {
                kind,
                needs: needs.iter().filter(|e| e.kind == kind).count() as u32,
                offers: offers.iter().filter(|e| e.kind == kind).count() as u32,
            })
            .collect();
        let by_municipality = self.places(&orgs, &needs, &offers);

        // Themes.
        let (themes, gaps) = self.themes(&needs, &offers);

        // The funnel.
        let mut suggested: HashSet<(&str, &str)> = HashSet::new();
        for (need, list) in &b.ranked {
            let n = &b.needs[*need];
            if !self.counts(n) {
                continue;
            }
            for &o in list {
                let offer = &b.offers[o];
                if offer.created.is_none_or(|c| c <= to) {
                    suggested.insert((n.id.as_str(), offer.id.as_str()));
                }
            }
        }
        for p in &pairs {
            let events = p.record.events();
            if events.iter().any(|e| local_date(e.at) <= to) {
                suggested.insert((p.record.need.as_str(), p.record.offer.as_str()));
            }
        }
        let reached = |status: MatchStatus| {
            standing
                .iter()
                .filter(|(_, s)| {
                    s.iter()
                        .any(|e| e.status == status && within(local_date(e.at)))
                })
                .count() as u32
        };
        let mut funnel = vec![StatusCount {
            status: MatchStatus::Suggested,
            count: suggested.len() as u32,
        }];
        funnel.extend(
            [
                MatchStatus::Shortlisted,
                MatchStatus::Contacted,
                MatchStatus::Agreed,
                MatchStatus::Declined,
            ]
            .map(|status| StatusCount {
                status,
                count: reached(status),
            }),
        );
        let agreed = funnel[3].count;

        // Declines, by reason.
        let mut reasons: Vec<ReasonCount> = Vec::new();
        for (p, s) in &standing {
            for e in s
                .iter()
                .filter(|e| e.status == MatchStatus::Declined && within(local_date(e.at)))
            {
                let reason = e
                    .reason
                    .or(p.record.decline_reason)
                    .unwrap_or(DeclineReason::Other);
                match reasons.iter_mut().find(|r| r.reason == reason) {
                    Some(r) => r.count += 1,
                    None => reasons.push(ReasonCount { reason, count: 1 }),
                }
            }
        }
        let reason_order = |r: DeclineReason| {
            [
                DeclineReason::NotRelevant,
                DeclineReason::BadTiming,
                DeclineReason::NoCapacity,
                DeclineReason::AlreadySolved,
                DeclineReason::Other,
            ]
            .iter()
            .position(|x| *x == r)
        };
        reasons.sort_by(|x, y| {
            y.count
                .cmp(&x.count)
                .then(reason_order(x.reason).cmp(&reason_order(y.reason)))
        });

        // Outcomes: by kind, by quarter, theses by level.
        let first_q = quarter(from);
        let last_q = quarter(to);
        let mut by_kind_total = [0u32; OutcomeKind::ALL.len()];
        let mut by_quarter = vec![[0u32; OutcomeKind::ALL.len()]; (last_q - first_q + 1) as usize];
        let mut levels: HashMap<Option<ThesisLevel>, u32> = HashMap::new();
        let kind_at = |k: OutcomeKind| {
            OutcomeKind::ALL
                .iter()
                .position(|x| *x == k)
                .expect("every kind is listed")
        };
        for p in &pairs {
            for o in p.record.outcomes.iter().filter(|o| within(o.date)) {
                let k = kind_at(o.kind);
                by_kind_total[k] += 1;
                by_quarter[(quarter(o.date) - first_q) as usize][k] += 1;
                if o.kind.is_thesis() {
                    *levels.entry(o.level).or_default() += 1;
                }
            }
        }
        let outcomes: Vec<OutcomeCount> = OutcomeKind::ALL
            .iter()
            .zip(by_kind_total)
            .map(|(&kind, count)| OutcomeCount { kind, count })
            .collect();
        let outcomes_by_quarter = by_quarter
            .iter()
            .enumerate()
            .map(|(i, counts)| QuarterCount {
                quarter: quarter_name(first_q + i as i32),
                outcomes: OutcomeKind::ALL
                    .iter()
                    .zip(counts)
                    .filter(|(_, n)| **n > 0)
                    .map(|(&kind, &count)| OutcomeCount { kind, count })
                    .collect(),
            })
            .collect();
        let mut theses: Vec<LevelCount> = [
            Some(ThesisLevel::Bachelor),
            Some(ThesisLevel::Master),
            Some(ThesisLevel::Phd),
        ]
        .into_iter()
        .map(|level| LevelCount {
            level,
            count: levels.get(&level).copied().unwrap_or(0),
        })
        .collect();
        if let Some(&count) = levels.get(&None) {
            theses.push(LevelCount { level: None, count });
        }

        // Collaborations that may be named.
        let named = |o: Option<usize>| o.is_some_and(|o| b.orgs[o].in_report == Some(true));
        let mut collaborations: Vec<(chrono::DateTime<chrono::Utc>, &Pair)> = pairs
            .iter()
            .filter(|p| p.record.current() == MatchStatus::Agreed)
            .filter(|p| named(p.need_org) && named(p.offer_org))
            .filter_map(|p| {
                let at = p.record.agreed_at()?;
                let day = local_date(at);
                let active = within(day) || p.record.outcomes.iter().any(|o| within(o.date));
                (day <= to && active).then_some((at, *p))
            })
            .collect();
        collaborations.sort_by(|x, y| {
            y.0.cmp(&x.0)
                .then_with(|| x.1.record.need.cmp(&y.1.record.need))
                .then_with(|| x.1.record.offer.cmp(&y.1.record.offer))
        });
        let collaborations = collaborations
            .into_iter()
            .map(|(at, p)| self.collaboration(at, p))
            .collect();

        let open_vacancies = offers
            .iter()
            .filter(|e| e.kind == EntryKind::Position)
            .filter(|e| e.deadline.is_none_or(|d| d >= today()))
            .count() as u32;
        let key = KeyFigures {
            members: orgs
                .iter()
                .filter(|&&o| b.orgs[o].member == Some(true))
                .count() as u32,
            organisations: orgs.len() as u32,
            offers: offers.len() as u32,
            needs: needs.len() as u32,
            agreed,
            outcomes: by_kind_total.iter().sum(),
            student_projects: by_kind_total[kind_at(OutcomeKind::ThesisStarted)],
            open_vacancies,
        };
        Insight {
            from: from.to_string(),
            to: to.to_string(),
            municipality,
            key,
            by_kind,
            by_municipality,
            themes,
            funnel,
            outcomes,
            outcomes_by_quarter,
            theses,
            decline_reasons: reasons,
            givers,
            askers,
            gaps,
            collaborations,
        }
    }

    /// Needs, offers and organisations by municipality: the region's six,
    /// then the others in Norwegian order, then "" for none.
    fn places(&self, orgs: &[usize], needs: &[&Item], offers: &[&Item]) -> Vec<PlaceCount> {
        let b = self.base;
        let mut counts: HashMap<&str, (u32, u32, u32)> = HashMap::new();
        for &o in orgs {
            counts.entry(&b.org_place[o]).or_default().0 += 1;
        }
        let place_of = |e: &Item| e.org.map_or("", |o| b.org_place[o].as_str());
        for e in needs {
            counts.entry(place_of(e)).or_default().1 += 1;
        }
        for e in offers {
            counts.entry(place_of(e)).or_default().2 += 1;
        }
        let row = |key: &str, name: String| {
            let (organisations, needs, offers) = counts.get(key).copied().unwrap_or_default();
            PlaceCount {
                municipality: name,
                organisations,
                needs,
                offers,
            }
        };
        let region: Vec<String> = REGION.iter().map(|m| fold(m)).collect();
        let mut out: Vec<PlaceCount> = REGION
            .iter()
            .zip(&region)
            .map(|(m, key)| row(key, m.to_string()))
            .collect();
        let mut others: Vec<PlaceCount> = counts
            .keys()
            .filter(|k| !k.is_empty() && !region.iter().any(|r| r == *k))
            .map(|k| {
                row(
                    k,
                    b.place_names
                        .get(*k)
                        .cloned()
                        .unwrap_or_else(|| k.to_string()),
                )
            })
            .collect();
        others.sort_by(|x, y| cmp_nb(&x.municipality, &y.municipality));
        out.extend(others);
        if counts.contains_key("") {
            out.push(row("", String::new()));
        }
        out
    }

    /// The needs' themes (most asked first, at most [`TOP_THEMES`]) and
    /// the ones no offer serves (most asking organisations first).
    fn themes(&self, needs: &[&Item], offers: &[&Item]) -> (Vec<ThemeCount>, Vec<ThemeCount>) {
        let groups = &self.base.groups;
        let mut need_count = vec![0u32; groups.len()];
        let mut offer_count = vec![0u32; groups.len()];
        let mut askers: Vec<HashSet<usize>> = vec![HashSet::new(); groups.len()];
        for e in needs {
            for &g in e.themes.iter() {
                need_count[g as usize] += 1;
                if let Some(o) = e.org {
                    askers[g as usize].insert(o);
                }
            }
        }
        for e in offers {
            for &g in e.themes.iter() {
                offer_count[g as usize] += 1;
            }
        }
        let all: Vec<ThemeCount> = groups
            .iter()
            .enumerate()
            .filter(|(i, _)| need_count[*i] > 0)
            .map(|(i, g)| ThemeCount {
                concept: g.id.clone(),
                label: capitalised(g.terms.first().unwrap_or(&g.id)),
                needs: need_count[i],
                askers: askers[i].len() as u32,
                offers: offer_count[i],
            })
            .collect();
        let mut top = all.clone();
        top.sort_by(|x, y| {
            y.needs
                .cmp(&x.needs)
                .then(y.askers.cmp(&x.askers))
                .then_with(|| cmp_nb(&x.label, &y.label))
        });
        top.truncate(TOP_THEMES);
        let mut gaps: Vec<ThemeCount> = all.into_iter().filter(|t| t.offers == 0).collect();
        gaps.sort_by(|x, y| {
            y.askers
                .cmp(&x.askers)
                .then(y.needs.cmp(&x.needs))
                .then_with(|| cmp_nb(&x.label, &y.label))
        });
        (top, gaps)
    }

    fn collaboration(&self, at: chrono::DateTime<chrono::Utc>, p: &Pair) -> Collaboration {
        let b = self.base;
        let name = |o: Option<usize>| o.map(|o| b.orgs[o].name.clone()).unwrap_or_default();
        Collaboration {
            need: p.record.need.clone(),
            offer: p.record.offer.clone(),
            need_title: p.need_title.clone(),
            offer_title: p.offer_title.clone(),
            need_organisation: name(p.need_org),
            offer_organisation: name(p.offer_org),
            agreed_at: local_date(at).to_string(),
            outcomes: p.record.outcomes.iter().map(|o| o.kind).collect(),
        }
    }
}

/// A theme's label as a chart or a report heads a row with it: the first
/// letter upper case ("bærekraft" → "Bærekraft"; "HMS" stays).
fn capitalised(term: &str) -> String {
    let mut chars = term.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
