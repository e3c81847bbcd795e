//! A match's track record as every format prints it: when its status was
//! reached, its history and its outcomes, one function each.

use chrono::{DateTime, Local, NaiveDate, Utc};
use kompis_model::{MatchRecord, MatchStatus, Outcome, StatusEvent};

use crate::labels::Labels;
use crate::text::date;
use crate::SheetMatch;

/// The day of a change in the machine's time zone, as the app shows it.
pub(crate) fn day(at: DateTime<Utc>) -> NaiveDate {
    at.with_timezone(&Local).date_naive()
}

/// When the match reached its status: the day of the standing change that
/// set it ([`MatchRecord::standing`]); none for a pair never moved, or one
/// whose changes were all taken back.
pub(crate) fn status_since(m: &SheetMatch) -> Option<NaiveDate> {
    // The model decides what still stands (undo takes the last change back).
    let record = MatchRecord {
        status: Some(m.status),
        history: m.history.clone(),
        ..MatchRecord::new(&m.need, &m.offer)
    };
    record
        .standing()
        .pop()
        .filter(|e| e.status == m.status)
        .map(|e| day(e.at))
}

/// "Ansettelse 01.10.2026; Studentoppgave startet (master) 15.04.2026", in
/// the order recorded; "" when there are none.
pub(crate) fn outcomes_text(l: &Labels, outcomes: &[Outcome]) -> String {
    outcomes
        .iter()
        .map(|o| {
            let kind = l.outcome_kind(o.kind);
            match o.level.filter(|_| o.kind.is_thesis()) {
                Some(level) => format!(
                    "{kind} ({}) {}",
                    l.thesis_level_in_text(level),
                    date(o.date)
                ),
                None => format!("{kind} {}", date(o.date)),
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// "På kortliste 10.02.2026 → Kontaktet 20.02.2026 → Avtalt 05.03.2026":
/// every change, a decline with its reason, a change that took the one
/// before back as "Kontaktet igjen"; "" when there are none.
pub(crate) fn history_text(l: &Labels, history: &[StatusEvent]) -> String {
    history
        .iter()
        .map(|e| {
            let mut step = l.status_step(e.status).to_string();
            if e.undo {
                step = (l.again)(&step);
            }
            match e.reason.filter(|_| e.status == MatchStatus::Declined) {
                Some(r) => format!("{step} ({}) {}", l.decline_reason(r), date(day(e.at))),
                None => format!("{step} {}", date(day(e.at))),
            }
        })
        .collect::<Vec<_>>()
        .join(" → ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::labels::labels;
    use crate::SheetLang;
    use chrono::TimeZone;
    use kompis_model::DeclineReason;

    /// Midday UTC, so the day is the same in every time zone within ±11 h.
    fn at(y: i32, m: u32, d: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, 12, 0, 0).unwrap()
    }

    fn event(status: MatchStatus, at: DateTime<Utc>, undo: bool) -> StatusEvent {
        StatusEvent {
            status,
            at,
            reason: None,
            note: None,
            undo,
        }
    }

    fn pair(status: MatchStatus, history: Vec<StatusEvent>) -> SheetMatch {
        SheetMatch {
            need: "n-1".into(),
            offer: "t-1".into(),
            score: 0.5,
            reasons: Vec::new().into(),
            reasons_en: Vec::new().into(),
            status,
            note: None,
            history,
            outcomes: Vec::new(),
        }
    }

    #[test]
    fn the_status_date_is_that_of_the_change_that_still_stands() {
        use MatchStatus::*;
        let path = vec![
            event(Shortlisted, at(2026, 2, 10), false),
            event(Contacted, at(2026, 2, 20), false),
            event(Agreed, at(2026, 3, 5), false),
        ];
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        assert_eq!(status_since(&pair(Agreed, path.clone())), d(2026, 3, 5));
        // "Angre" on the agreement: back to contacted, as of 20.02.
        let mut undone = path.clone();
        undone.push(event(Contacted, at(2026, 3, 6), true));
        assert_eq!(status_since(&pair(Contacted, undone)), d(2026, 2, 20));
        // Everything taken back: suggested again, no date.
        let back = vec![
            event(Shortlisted, at(2026, 2, 10), false),
            event(Suggested, at(2026, 2, 11), true),
        ];
        assert_eq!(status_since(&pair(Suggested, back)), None);
        assert_eq!(status_since(&pair(Suggested, Vec::new())), None);
        // A history that does not end where the status is gives no date.
        assert_eq!(status_since(&pair(Declined, path)), None);
    }

    #[test]
    fn history_reads_as_steps_with_dates() {
        use MatchStatus::*;
        let mut declined = event(Declined, at(2026, 3, 1), false);
        declined.reason = Some(DeclineReason::BadTiming);
        let list = vec![
            event(Shortlisted, at(2026, 2, 10), false),
            event(Contacted, at(2026, 2, 20), false),
            declined,
            event(Contacted, at(2026, 3, 2), true),
            event(Agreed, at(2026, 3, 5), false),
        ];
        assert_eq!(
            history_text(labels(SheetLang::Nb), &list),
            "På kortliste 10.02.2026 → Kontaktet 20.02.2026 → Avslått (Feil tidspunkt) 01.03.2026 \
             → Kontaktet igjen 02.03.2026 → Avtalt 05.03.2026"
        );
        assert_eq!(
            history_text(labels(SheetLang::En), &list[..2]),
            "Shortlisted 10.02.2026 → Contacted 20.02.2026"
        );
        assert_eq!(history_text(labels(SheetLang::En), &[]), "");
    }
}
