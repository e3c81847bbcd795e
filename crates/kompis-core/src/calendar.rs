//! The coordinator's calendar: today and the day of a moment, in the local
//! time zone. Every "has this passed?" in the core asks here.

use chrono::{DateTime, Local, NaiveDate, Utc};

/// Today, as the coordinator's calendar has it.
pub(crate) fn today() -> NaiveDate {
    Local::now().date_naive()
}

/// The calendar day of a moment, in the coordinator's time zone.
pub(crate) fn local_date(at: DateTime<Utc>) -> NaiveDate {
    at.with_timezone(&Local).date_naive()
}

/// Whether a need's deadline has passed (the deadline day itself is still open).
pub(crate) fn overdue(deadline: Option<NaiveDate>) -> bool {
    deadline.is_some_and(|d| d < today())
}
