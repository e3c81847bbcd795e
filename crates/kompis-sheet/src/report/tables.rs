//! The report's figures as tables, built once from the [`Insight`]: the
//! XLSX writes each as a sheet, the PDF draws the same rows as charts and
//! prints the key figures from them, so both formats show the same numbers.

use chrono::NaiveDate;
use kompis_model::insight::Insight;
use kompis_model::{EntryKind, MatchStatus, OutcomeKind, ThesisLevel};

use super::labels::ReportLabels;
use super::small::count_cell;
use super::ReportInput;
use crate::labels::Labels;
use crate::rows::{Cell, Table};
use crate::SheetLang;

/// A table of counts: a label per row and one count per column.
pub(crate) struct Counts {
    /// The sheet's name.
    pub name: &'static str,
    /// The label column's header.
    pub label: &'static str,
    pub columns: Vec<&'static str>,
    pub rows: Vec<(String, Vec<u32>)>,
}

impl Counts {
    /// Whether every count is 0 (or there are no rows).
    pub fn is_empty(&self) -> bool {
        self.rows.iter().all(|(_, v)| v.iter().all(|&n| n == 0))
    }

    /// As a spreadsheet table, every count through the small-count rule.
    pub fn table(&self) -> Table {
        let mut columns = vec![(self.label, 40.0)];
        columns.extend(
            self.columns
                .iter()
                .map(|c| (*c, 14.0_f64.max(c.len() as f64 + 2.0))),
        );
        let rows = self
            .rows
            .iter()
            .map(|(label, counts)| {
                let mut row = vec![Cell::Text(label.clone())];
                row.extend(counts.iter().map(|&n| count_cell(n)));
                row
            })
            .collect();
        Table {
            name: self.name,
            columns,
            rows,
        }
    }
}

/// Every table of counts the report shows.
pub(crate) struct Figures {
    pub key: Counts,
    pub outcomes: Counts,
    pub theses: Counts,
    pub quarters: Counts,
    pub by_kind: Counts,
    pub by_municipality: Counts,
    /// Columns: needs, asking organisations, offers.
    pub themes: Counts,
    pub funnel: Counts,
    pub declines: Counts,
    pub balance: Counts,
}

/// The labels a report in `lang` prints.
pub(crate) fn words(lang: SheetLang) -> (&'static Labels, &'static ReportLabels) {
    (
        crate::labels::labels(lang),
        super::labels::report_labels(lang),
    )
}

/// The funnel's steps, in order.
const FUNNEL: [MatchStatus; 5] = [
    MatchStatus::Suggested,
    MatchStatus::Shortlisted,
    MatchStatus::Contacted,
    MatchStatus::Agreed,
    MatchStatus::Declined,
];

/// The thesis levels, "not given" last.
const LEVELS: [Option<ThesisLevel>; 4] = [
    Some(ThesisLevel::Bachelor),
    Some(ThesisLevel::Master),
    Some(ThesisLevel::Phd),
    None,
];

pub(crate) fn figures(input: &ReportInput) -> Figures {
    let (l, r) = words(input.lang);
    let ins = &input.insight;
    let k = &ins.key;
    let one = |name, label, rows: Vec<(String, u32)>| Counts {
        name,
        label,
        columns: vec![r.number],
        rows: rows.into_iter().map(|(s, n)| (s, vec![n])).collect(),
    };
    let kind_row = |kind: EntryKind| {
        let c = ins.by_kind.iter().find(|c| c.kind == kind);
        vec![c.map_or(0, |c| c.needs), c.map_or(0, |c| c.offers)]
    };
    Figures {
        key: one(
            r.key_figures,
            r.key_figures,
            vec![
                (r.members.into(), k.members),
                (r.all_organisations.into(), k.organisations),
                (r.active_offers.into(), k.offers),
                (r.active_needs.into(), k.needs),
                (r.agreed.into(), k.agreed),
                (r.outcomes_recorded.into(), k.outcomes),
                (r.student_projects.into(), k.student_projects),
                (r.open_vacancies.into(), k.open_vacancies),
            ],
        ),
        outcomes: one(
            r.sheet_outcomes,
            r.col_outcome,
            by_key(
                &OutcomeKind::ALL,
                &ins.outcomes,
                |o| (o.kind, o.count),
                |k| l.outcome_kind(k),
            ),
        ),
        theses: one(
            r.sheet_theses,
            r.col_level,
            by_key(
                &LEVELS,
                &ins.theses,
                |t| (t.level, t.count),
                |level| l.thesis_level(level),
            ),
        ),
        quarters: Counts {
            name: r.sheet_quarters,
            label: r.col_quarter,
            columns: OutcomeKind::ALL
                .iter()
                .map(|&k| l.outcome_kind(k))
                .collect(),
            rows: ins
                .outcomes_by_quarter
                .iter()
                .map(|q| {
                    let counts = by_key(
                        &OutcomeKind::ALL,
                        &q.outcomes,
                        |o| (o.kind, o.count),
                        |_| "",
                    );
                    (
                        quarter(&q.quarter, r),
                        counts.into_iter().map(|(_, n)| n).collect(),
                    )
                })
                .collect(),
        },
        by_kind: Counts {
            name: l.by_kind,
            label: l.kind,
            columns: vec![l.needs, l.offers],
            rows: EntryKind::ALL
                .iter()
                .map(|&kind| (l.entry_kind(kind).into(), kind_row(kind)))
                .collect(),
        },
        by_municipality: Counts {
            name: l.by_municipality,
            label: l.municipality,
            columns: vec![l.organisations, l.needs, l.offers],
            rows: ins
                .by_municipality
                .iter()
                .map(|p| {
                    let name = if p.municipality.trim().is_empty() {
                        l.unknown_municipality.to_string()
                    } else {
                        p.municipality.clone()
                    };
                    (name, vec![p.organisations, p.needs, p.offers])
                })
                .collect(),
        },
        themes: Counts {
            name: r.sheet_themes,
            label: r.col_theme,
            columns: vec![l.needs, r.col_askers, l.offers],
            rows: ins
                .themes
                .iter()
                .map(|t| {
                    (
                        theme_label(&t.label, &t.concept),
                        vec![t.needs, t.askers, t.offers],
                    )
                })
                .collect(),
        },
        funnel: Counts {
            columns: vec![r.col_pairs],
            ..one(
                r.sheet_funnel,
                l.col_status,
                by_key(
                    &FUNNEL,
                    &ins.funnel,
                    |c| (c.status, c.count),
                    |s| l.status(s),
                ),
            )
        },
        declines: one(
            r.sheet_declines,
            r.col_reason,
            ins.decline_reasons
                .iter()
                .map(|d| (l.decline_reason(d.reason).into(), d.count))
                .collect(),
        ),
        balance: one(
            r.sheet_balance,
            r.col_group,
            vec![
                (r.offer_something.into(), list_len(ins.givers.len())),
                (r.only_ask.into(), list_len(ins.askers.len())),
            ],
        ),
    }
}

/// One row per key, in the keys' order: its label and the count `list`
/// gives it (the first entry for the key; 0 when there is none).
fn by_key<K: Copy + PartialEq, T>(
    keys: &[K],
    list: &[T],
    entry: impl Fn(&T) -> (K, u32),
    label: impl Fn(K) -> &'static str,
) -> Vec<(String, u32)> {
    keys.iter()
        .map(|&k| {
            let n = list.iter().map(&entry).find(|(key, _)| *key == k);
            (label(k).to_string(), n.map_or(0, |(_, n)| n))
        })
        .collect()
}

/// A list's length as a count (a list longer than `u32::MAX` is capped).
fn list_len(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// A theme's label, or its concept id when it has none.
pub(crate) fn theme_label(label: &str, concept: &str) -> String {
    if label.trim().is_empty() {
        concept.to_string()
    } else {
        label.to_string()
    }
}

/// "2026-Q3" as the language writes it ("3. kvartal 2026", "Q3 2026");
/// anything else as it is.
pub(crate) fn quarter(q: &str, r: &ReportLabels) -> String {
    let parsed = q.split_once("-Q").and_then(|(y, n)| {
        let (y, n) = (y.parse::<i32>().ok()?, n.parse::<u32>().ok()?);
        (1..=4).contains(&n).then_some((n, y))
    });
    match parsed {
        Some((n, y)) => (r.quarter)(n, y),
        None => q.to_string(),
    }
}

/// A YYYY-MM-DD date as dd.mm.åååå; anything else as it is.
pub(crate) fn day(s: &str) -> String {
    match NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d") {
        Ok(d) => crate::text::date(d),
        Err(_) => s.trim().to_string(),
    }
}

/// "01.01.2026 – 31.12.2026", or "(ikke oppgitt)" for an end not given.
pub(crate) fn period(ins: &Insight, r: &ReportLabels) -> String {
    let end = |s: &str| {
        if s.trim().is_empty() {
            r.period_unknown.to_string()
        } else {
            day(s)
        }
    };
    if ins.from.trim().is_empty() && ins.to.trim().is_empty() {
        return r.period_unknown.to_string();
    }
    format!("{} – {}", end(&ins.from), end(&ins.to))
}

/// The municipality the figures are filtered to, if any.
pub(crate) fn place(ins: &Insight) -> Option<&str> {
    ins.municipality
        .as_deref()
        .map(str::trim)
        .filter(|m| !m.is_empty())
}

/// "About": the network, period, municipality, date and the methods note.
pub(crate) fn about(input: &ReportInput) -> Table {
    let (l, r) = words(input.lang);
    let ins = &input.insight;
    let text = |a: &str, b: String| vec![Cell::Text(a.into()), Cell::Text(b)];
    let mut rows = vec![
        text(r.network, input.network_name.clone()),
        text(r.period, period(ins, r)),
    ];
    if let Some(m) = place(ins) {
        rows.push(text(l.municipality, m.to_string()));
    }
    rows.push(vec![Cell::Text(r.date.into()), Cell::Date(input.date)]);
    for note in (r.method_notes)(&period(ins, r), place(ins)) {
        rows.push(text(r.methods_row, note));
    }
    Table {
        name: r.sheet_about,
        columns: vec![(r.field, 20.0), (r.value, 100.0)],
        rows,
    }
}

/// The competence gaps: theme, asking organisations, needs, offers.
pub(crate) fn gaps(input: &ReportInput) -> Table {
    let (l, r) = words(input.lang);
    let rows = input
        .insight
        .gaps
        .iter()
        .map(|g| {
            vec![
                Cell::Text(theme_label(&g.label, &g.concept)),
                count_cell(g.askers),
                count_cell(g.needs),
                count_cell(g.offers),
            ]
        })
        .collect();
    Table {
        name: r.sheet_gaps,
        columns: vec![
            (r.col_theme, 40.0),
            (r.col_askers, 24.0),
            (l.needs, 12.0),
            (l.offers, 12.0),
        ],
        rows,
    }
}

/// The outcomes of a collaboration in words, in the order recorded.
pub(crate) fn outcome_words(l: &Labels, outcomes: &[OutcomeKind]) -> String {
    outcomes
        .iter()
        .map(|&k| l.outcome_kind(k))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The collaborations that may be named, newest agreement first.
pub(crate) fn collaborations(input: &ReportInput) -> Table {
    let (l, r) = words(input.lang);
    let rows = input
        .insight
        .collaborations
        .iter()
        .map(|c| {
            let agreed = match NaiveDate::parse_from_str(c.agreed_at.trim(), "%Y-%m-%d") {
                Ok(d) => Cell::Date(d),
                Err(_) => Cell::Text(c.agreed_at.clone()),
            };
            vec![
                agreed,
                Cell::Text(c.need_title.clone()),
                Cell::Text(c.need_organisation.clone()),
                Cell::Text(c.offer_title.clone()),
                Cell::Text(c.offer_organisation.clone()),
                Cell::Text(outcome_words(l, &c.outcomes)),
                Cell::Text(c.need.clone()),
                Cell::Text(c.offer.clone()),
            ]
        })
        .collect();
    Table {
        name: r.sheet_collaborations,
        columns: vec![
            (r.col_agreed, 12.0),
            (l.need, 40.0),
            (l.col_need_org, 24.0),
            (l.offer, 40.0),
            (l.col_offer_org, 24.0),
            (r.col_outcomes, 40.0),
            (l.col_need_id, 10.0),
            (l.col_offer_id, 10.0),
        ],
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quarters_and_days_read_as_written() {
        let (_, nb) = words(SheetLang::Nb);
        let (_, en) = words(SheetLang::En);
        assert_eq!(quarter("2026-Q3", nb), "3. kvartal 2026");
        assert_eq!(quarter("2026-Q3", en), "Q3 2026");
        assert_eq!(quarter("2026-Q7", en), "2026-Q7");
        assert_eq!(quarter("", en), "");
        assert_eq!(day("2026-01-31"), "31.01.2026");
        assert_eq!(day("31.02.2026"), "31.02.2026");
    }

    #[test]
    fn a_period_without_ends_says_so() {
        let (_, nb) = words(SheetLang::Nb);
        let mut ins = Insight::default();
        assert_eq!(period(&ins, nb), "(ikke oppgitt)");
        ins.from = "2026-01-01".into();
        ins.to = "2026-12-31".into();
        assert_eq!(period(&ins, nb), "01.01.2026 – 31.12.2026");
    }
}
