//! Key layout of the one sled tree.

use crate::model::EntityKind;

/// The schema version record.
pub const SCHEMA: &str = "meta:schema";
/// The coordinator's thesaurus (absent: the built-in one).
pub const THESAURUS: &str = "meta:thesaurus";
/// Thesaurus additions the coordinator rejected: `[[need word, offer word]]`.
pub const THESAURUS_REJECTED: &str = "meta:thesaurus-rejected";
/// Remembered intake column mappings: `meta:intake-map:<header set>`.
pub const INTAKE_MAP: &str = "meta:intake-map:";
/// Organisation records: `org:<id>`.
pub const ORG: &str = "org:";
/// Person records: `person:<id>`.
pub const PERSON: &str = "person:";
/// Offer records: `offer:<id>`.
pub const OFFER: &str = "offer:";
/// Need records: `need:<id>`.
pub const NEED: &str = "need:";
/// Match records: `match:<need>\u{1f}<offer>`.
pub const MATCH: &str = "match:";
/// Trashed entities: `trash:<kind>:<id>`.
pub const TRASH: &str = "trash:";
/// The coordinator's short text about the region, for the job sheet.
pub const REGION_TEXT: &str = "meta:region-text";
/// The second folder the backups are also written to (absent: none).
pub const BACKUP_SECOND: &str = "meta:backup-second";
/// The sled tree of job seekers (personal data, kept apart from the
/// catalogue's tree and never trashed), keyed by id.
pub const SEEKERS_TREE: &str = "job-seekers";

/// The key prefix of an entity kind.
pub fn prefix(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Organisation => ORG,
        EntityKind::Person => PERSON,
        EntityKind::Offer => OFFER,
        EntityKind::Need => NEED,
    }
}

/// The key of one entity.
pub fn entity(kind: EntityKind, id: &str) -> String {
    format!("{}{id}", prefix(kind))
}

/// The key of a match record.
pub fn matching(need: &str, offer: &str) -> String {
    format!("{MATCH}{need}\u{1f}{offer}")
}

/// The key of a trashed entity.
pub fn trash(kind: EntityKind, id: &str) -> String {
    format!("{TRASH}{}:{id}", kind.word())
}
