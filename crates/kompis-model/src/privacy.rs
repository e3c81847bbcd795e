//! A person's data under GDPR: what "Innsyn" hands over, what erasing a
//! person answers, and the retention view's rows.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{EntityKind, Entry, MatchRecord, Person};

/// How many months a person with no active entry is kept without a change
/// before the retention view lists them.
pub const RETENTION_MONTHS: u32 = 18;

/// How many days a backup is kept before it is pruned.
pub const BACKUP_KEEP_DAYS: u32 = 30;

/// Everything the catalogue holds about one person ("Innsyn").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PersonExport {
    #[ts(type = "string")]
    pub exported_at: DateTime<Utc>,
    /// The person record, consent history included.
    pub person: Person,
    /// The name of the person's organisation, when they have one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub organisation_name: Option<String>,
    /// The offers and needs they are the contact of (the trash's too).
    pub entries: Vec<PersonEntry>,
    /// The match records whose note, history notes or outcome notes name them.
    pub matches: Vec<MatchRecord>,
}

/// An offer or need a person is the contact of.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PersonEntry {
    pub kind: EntityKind,
    pub entry: Entry,
    /// The entry is in the trash.
    pub trashed: bool,
}

/// What erasing a person did, and what still holds them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ErasureSummary {
    pub id: String,
    /// Offers and needs whose contact was cleared.
    pub entries: u32,
    /// Match records whose notes no longer name them.
    pub matches: u32,
    /// Backups beside the catalogue written before the erasure.
    pub backups: u32,
    /// The day the last of those is pruned (today + 30 days).
    #[ts(type = "string")]
    pub backups_pruned_by: NaiveDate,
    /// What was done and what older backups still hold, in plain words.
    pub message: String,
}

/// A person the retention view lists: no active entry, no change for long.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RetentionRow {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub organisation: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub consent: Option<bool>,
    /// The last change known of them or their entries (none: never recorded).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "string")]
    pub last_change: Option<DateTime<Utc>>,
}
