//! The catalogue: typed reads and writes over [`Storage`], schema-checked on
//! open. Every write is flushed to disk before it returns.

use std::any::{Any, TypeId};
use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, RwLock};

use kompis_match::{Matcher, Typeahead};

use chrono::{DateTime, Utc};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::bundle::Bundle;
use crate::cache::Cached;
use crate::error::{Error, Problem, Result, UsedBy};
use crate::job_rules;
use crate::keys;
use crate::model::{EntityKind, Entry, JobSeeker, MatchRecord, Organisation, Person};
use crate::schema;
use crate::storage::{Batch, Storage};
use crate::validate;

/// An open catalogue.
pub struct Catalogue {
    storage: Storage,
    /// The matcher's index over the active offers, built on first use.
    /// Editing a need leaves it alone (that need alone is ranked again);
    /// editing or deleting an offer updates that one entry in it; an import
    /// or a thesaurus edit drops it for a rebuild.
    offer_index: Cached<Matcher>,
    /// Typeahead over every title and name, built on first search and
    /// dropped by any write.
    typeahead: Cached<Typeahead>,
    /// Other values derived from the whole store (the list indexes), one
    /// per type, built on first use and dropped by any write.
    derived: RwLock<HashMap<TypeId, Arc<dyn Any + Send + Sync>>>,
    /// Counts writes, so a value built while a write landed is not kept.
    generation: AtomicU64,
    /// Set when a decision (a match record) or a need changed since the
    /// offer index last learned from the decisions.
    decisions_changed: AtomicBool,
    /// One lock per derived type, so two callers wanting the same value
    /// build it once (the second waits and takes the first one's).
    building: std::sync::Mutex<HashMap<TypeId, Arc<std::sync::Mutex<()>>>>,
    /// Values kept for as long as the catalogue is open, through writes:
    /// memos that check themselves against what they are asked (the
    /// themes of each text), one per type.
    kept: std::sync::Mutex<HashMap<TypeId, Arc<dyn Any + Send + Sync>>>,
    /// Files the person chose, behind one-time handles.
    files: crate::files::FileGrants,
    /// The page's unsaved flag and the shell's way to close the window.
    window: crate::window::WindowState,
    /// How far the running intake has come.
    progress: crate::progress::Tracker,
}

/// An entity in the trash, with what it held.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Trashed {
    pub kind: EntityKind,
    pub id: String,
    pub deleted_at: DateTime<Utc>,
    pub value: serde_json::Value,
}

impl Catalogue {
    /// Open the catalogue in `dir`, creating it if needed and running
    /// migrations; a newer schema or a held lock is refused.
    pub fn open(dir: &Path) -> Result<Self> {
        let storage = Storage::open(dir)?;
        schema::migrate(&storage)?;
        Ok(Catalogue {
            storage,
            offer_index: Cached::default(),
            typeahead: Cached::default(),
            derived: RwLock::default(),
            generation: AtomicU64::new(0),
            decisions_changed: AtomicBool::new(false),
            building: Default::default(),
            kept: Default::default(),
            files: Default::default(),
            window: Default::default(),
            progress: Default::default(),
        })
    }

    /// The folder of this catalogue.
    pub fn path(&self) -> &Path {
        self.storage.path()
    }

    /// The schema version on disk.
    pub fn schema_version(&self) -> Result<u32> {
        Ok(schema::stored_version(&self.storage)?.unwrap_or(schema::CURRENT))
    }

    /// Number of live entities of a kind.
    pub fn count(&self, kind: EntityKind) -> Result<u32> {
        self.storage.count(keys::prefix(kind))
    }

    /// Number of entities in the trash.
    pub fn trash_count(&self) -> Result<u32> {
        self.storage.count(keys::TRASH)
    }

    fn all<T: DeserializeOwned>(&self, kind: EntityKind) -> Result<Vec<T>> {
        Ok(self
            .storage
            .scan(keys::prefix(kind))?
            .into_iter()
            .map(|(_, v)| v)
            .collect())
    }

    fn one<T: DeserializeOwned>(&self, kind: EntityKind, id: &str) -> Result<T> {
        self.storage
            .get(&keys::entity(kind, id))?
            .ok_or_else(|| Error::NotFound {
                entity: kind.word().into(),
                id: id.into(),
            })
    }

    /// Whether a live entity exists.
    pub fn exists(&self, kind: EntityKind, id: &str) -> Result<bool> {
        self.storage.contains(&keys::entity(kind, id))
    }

    /// All organisations, by id.
    pub fn organisations(&self) -> Result<Vec<Organisation>> {
        self.all(EntityKind::Organisation)
    }
    /// All people, by id.
    pub fn people(&self) -> Result<Vec<Person>> {
        self.all(EntityKind::Person)
    }
    /// All offers, by id.
    pub fn offers(&self) -> Result<Vec<Entry>> {
        self.all(EntityKind::Offer)
    }
    /// All needs, by id.
    pub fn needs(&self) -> Result<Vec<Entry>> {
        self.all(EntityKind::Need)
    }
    /// All offers or all needs, by id.
    pub fn entries(&self, kind: EntityKind) -> Result<Vec<Entry>> {
        self.all(kind)
    }
    /// All offers or needs as the matcher reads them (decoded in parallel,
    /// without the fields it does not use), in id order.
    pub(crate) fn match_docs(&self, kind: EntityKind) -> Result<Vec<crate::docs::MatchDoc>> {
        self.storage.scan_parallel(keys::prefix(kind))
    }

    /// All match records.
    pub fn match_records(&self) -> Result<Vec<MatchRecord>> {
        Ok(self
            .storage
            .scan(keys::MATCH)?
            .into_iter()
            .map(|(_, v)| v)
            .collect())
    }

    /// One organisation.
    pub fn organisation(&self, id: &str) -> Result<Organisation> {
        self.one(EntityKind::Organisation, id)
    }
    /// One person.
    pub fn person(&self, id: &str) -> Result<Person> {
        self.one(EntityKind::Person, id)
    }
    /// One offer or need.
    pub fn entry(&self, kind: EntityKind, id: &str) -> Result<Entry> {
        self.one(kind, id)
    }
    /// The stored record of a need–offer pair, if any.
    pub fn match_record(&self, need: &str, offer: &str) -> Result<Option<MatchRecord>> {
        self.storage.get(&keys::matching(need, offer))
    }

    /// Run `f` on the offer index, building it from the store with `build`
    /// if there is none yet.
    pub fn with_offer_index<T>(
        &self,
        build: impl FnOnce(&Self) -> Result<Matcher>,
        f: impl FnOnce(&Matcher) -> T,
    ) -> Result<T> {
        self.offer_index.with(|| build(self), f)
    }

    /// How many times the offer index was built from the store since open.
    pub fn offer_index_builds(&self) -> u32 {
        self.offer_index.builds()
    }

    /// Whether the offer index is built (for tests and diagnostics).
    pub fn offer_index_built(&self) -> bool {
        self.offer_index.is_built()
    }

    /// Keep a built offer index in step with one offer's change.
    fn offer_changed(&self, id: &str, now: Option<&Entry>) {
        self.offer_index
            .update(|index| match now.filter(|e| e.is_active()) {
                Some(e) => index.upsert(&crate::docs::doc(e)),
                None => {
                    index.remove(id);
                }
            });
    }

    fn offers_changed(&self) {
        self.offer_index.clear();
    }

    /// Whether a decision or a need changed since the last call (which
    /// clears it).
    pub(crate) fn take_decisions_changed(&self) -> bool {
        self.decisions_changed.swap(false, Ordering::SeqCst)
    }

    /// Change the offer index in place, if it is built.
    pub(crate) fn update_offer_index(&self, f: impl FnOnce(&mut Matcher)) {
        self.offer_index.update(f);
    }

    fn decisions_changed(&self) {
        self.decisions_changed.store(true, Ordering::SeqCst);
    }

    /// The catalogue's own thesaurus, if the coordinator has edited one.
    pub fn thesaurus_groups(&self) -> Result<Option<Vec<kompis_match::ConceptGroup>>> {
        self.storage.get(keys::THESAURUS)
    }

    /// One of the catalogue's own settings (a `meta:` record), if stored.
    pub(crate) fn setting<T: DeserializeOwned>(&self, key: &str) -> Result<Option<T>> {
        self.storage.get(key)
    }

    /// Store one of the catalogue's own settings (flushed).
    pub(crate) fn put_setting<T: Serialize>(&self, key: &str, value: &T) -> Result<()> {
        self.write(|b| b.put(key, value))
    }

    /// Remove one of the catalogue's own settings (flushed).
    pub(crate) fn remove_setting(&self, key: &str) -> Result<()> {
        self.write(|b| b.remove(key))
    }

    /// Store the coordinator's text about the region (flushed; "" removes it).
    pub(crate) fn put_region_text(&self, text: &str) -> Result<()> {
        if text.is_empty() {
            self.write(|b| b.remove(keys::REGION_TEXT))
        } else {
            self.put_setting(keys::REGION_TEXT, &text)
        }
    }

    /// Store the thesaurus (flushed).
    pub fn put_thesaurus(&self, groups: &[kompis_match::ConceptGroup]) -> Result<()> {
        self.write(|b| b.put(keys::THESAURUS, &groups))?;
        self.offers_changed();
        Ok(())
    }

    /// A fresh id like `n-26` for a kind: one more than the largest number in
    /// use (live or trashed).
    pub fn next_id(&self, kind: EntityKind) -> Result<String> {
        let short = match kind {
            EntityKind::Organisation => "org",
            EntityKind::Person => "p",
            EntityKind::Offer => "o",
            EntityKind::Need => "n",
        };
        let stem = format!("{short}-");
        let mut max = 0u64;
        let live = self.storage.scan::<serde_json::Value>(keys::prefix(kind))?;
        let trashed = self
            .storage
            .scan::<serde_json::Value>(&keys::trash(kind, ""))?;
        for (key, _) in live.iter().chain(trashed.iter()) {
            let id = key.rsplit(':').next().unwrap_or_default();
            if let Some(n) = id.strip_prefix(&stem).and_then(|d| d.parse::<u64>().ok()) {
                max = max.max(n);
            }
        }
        Ok(format!("{stem}{:02}", max + 1))
    }

    fn check_ref(
        &self,
        kind: EntityKind,
        owner: EntityKind,
        id: &str,
        field: &str,
        target: Option<&String>,
    ) -> Result<()> {
        if let Some(t) = target.filter(|t| !t.is_empty()) {
            if !self.exists(kind, t)? {
                return Err(Error::invalid(
                    owner.word(),
                    id,
                    field,
                    format!("no {} with id `{t}` in the catalogue", kind.word()),
                ));
            }
        }
        Ok(())
    }

    /// Save an organisation (validated, flushed).
    pub fn put_organisation(&self, o: &Organisation) -> Result<()> {
        validate::organisation(o)?;
        self.write(|b| b.put(&keys::entity(EntityKind::Organisation, &o.id), o))
    }

    /// Save a person (validated, references checked, flushed).
    pub fn put_person(&self, p: &Person) -> Result<()> {
        validate::person(p)?;
        self.check_ref(
            EntityKind::Organisation,
            EntityKind::Person,
            &p.id,
            "organisation",
            p.organisation.as_ref(),
        )?;
        self.write(|b| b.put(&keys::entity(EntityKind::Person, &p.id), p))
    }

    /// Save an offer or need (validated, references checked, flushed).
    pub fn put_entry(&self, kind: EntityKind, e: &Entry) -> Result<()> {
        validate::entry(kind, e)?;
        job_rules::vacancy(kind, e)?;
        self.check_ref(
            EntityKind::Organisation,
            kind,
            &e.id,
            "organisation",
            e.organisation.as_ref(),
        )?;
        self.check_ref(
            EntityKind::Person,
            kind,
            &e.id,
            "contact",
            e.contact.as_ref(),
        )?;
        self.write(|b| b.put(&keys::entity(kind, &e.id), e))?;
        match kind {
            EntityKind::Offer => self.offer_changed(&e.id, Some(e)),
            EntityKind::Need => self.decisions_changed(),
            _ => {}
        }
        Ok(())
    }

    /// Save a match record (both ends must exist).
    pub fn put_match(&self, m: &MatchRecord) -> Result<()> {
        let id = format!("{}→{}", m.need, m.offer);
        self.check_ref(
            EntityKind::Need,
            EntityKind::Need,
            &id,
            "need",
            Some(&m.need),
        )?;
        self.check_ref(
            EntityKind::Offer,
            EntityKind::Offer,
            &id,
            "offer",
            Some(&m.offer),
        )?;
        self.write(|b| b.put(&keys::matching(&m.need, &m.offer), m))?;
        self.decisions_changed();
        Ok(())
    }

    /// Every job seeker, by id.
    pub fn seekers(&self) -> Result<Vec<JobSeeker>> {
        Ok(self
            .storage
            .tree_scan(keys::SEEKERS_TREE)?
            .into_iter()
            .map(|(_, v)| v)
            .collect())
    }

    /// One job seeker.
    pub fn seeker(&self, id: &str) -> Result<JobSeeker> {
        self.storage
            .tree_get(keys::SEEKERS_TREE, id)?
            .ok_or_else(|| Error::NotFound {
                entity: job_rules::SEEKER.into(),
                id: id.into(),
            })
    }

    /// A fresh job seeker id like `js-04`: one more than the largest in use.
    pub fn next_seeker_id(&self) -> Result<String> {
        let max = self
            .storage
            .tree_scan::<serde_json::Value>(keys::SEEKERS_TREE)?
            .iter()
            .filter_map(|(k, _)| k.strip_prefix("js-")?.parse::<u64>().ok())
            .max()
            .unwrap_or(0);
        Ok(format!("js-{:02}", max + 1))
    }

    /// Save a job seeker (refused without consent; validated, the
    /// recruiting organisation checked; flushed).
    pub fn put_seeker(&self, s: &JobSeeker) -> Result<()> {
        job_rules::seeker(s)?;
        if let Some(org) = s.organisation.as_ref().filter(|o| !o.is_empty()) {
            if !self.exists(EntityKind::Organisation, org)? {
                return Err(Error::invalid(
                    job_rules::SEEKER,
                    &s.id,
                    "organisation",
                    format!("no organisation with id `{org}` in the catalogue"),
                ));
            }
        }
        let mut other = Batch::default();
        other.put(&s.id, s);
        self.commit_seekers(Batch::default(), other)
    }

    /// Erase a job seeker for good: out of their tree, never into the trash
    /// (and any trash record under their id is removed too); flushed.
    pub fn erase_seeker(&self, id: &str) -> Result<()> {
        self.seeker(id)?;
        let mut main = Batch::default();
        main.remove(&format!("{}{}:{id}", keys::TRASH, job_rules::SEEKER));
        let mut other = Batch::default();
        other.remove(id);
        self.commit_seekers(main, other)
    }

    /// Apply `main` to the catalogue's tree and `seekers` to the job
    /// seekers' in one transaction, flushed; drops what was derived.
    fn commit_seekers(&self, main: Batch, seekers: Batch) -> Result<()> {
        self.storage
            .commit_with(main, keys::SEEKERS_TREE, seekers)?;
        self.dropped_derived();
        Ok(())
    }

    fn write(&self, f: impl FnOnce(&mut Batch)) -> Result<()> {
        let mut batch = Batch::default();
        f(&mut batch);
        self.commit(batch)
    }

    /// Apply and flush a batch; titles and names may have changed, so the
    /// typeahead is dropped.
    fn commit(&self, batch: Batch) -> Result<()> {
        self.storage.commit(batch)?;
        self.dropped_derived();
        Ok(())
    }

    /// How many writes the catalogue has taken since it was opened.
    pub(crate) fn generation(&self) -> u64 {
        self.generation.load(Ordering::SeqCst)
    }

    /// After a write: the typeahead and the derived values are stale.
    fn dropped_derived(&self) {
        self.typeahead.clear();
        self.generation.fetch_add(1, Ordering::SeqCst);
        self.derived
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .clear();
    }

    /// How far the running intake has come.
    pub(crate) fn progress(&self) -> &crate::progress::Tracker {
        &self.progress
    }

    /// Whether the page holds unsaved changes, and the shell's closer.
    pub(crate) fn window(&self) -> &crate::window::WindowState {
        &self.window
    }

    /// The files chosen behind handles, and the shell's picker.
    pub(crate) fn files(&self) -> &crate::files::FileGrants {
        &self.files
    }

    /// The value of type `T` derived from the whole store, built with
    /// `build` on first use after open or after the last write.
    pub(crate) fn derived<T: Any + Send + Sync>(
        &self,
        build: impl FnOnce(&Self) -> Result<T>,
    ) -> Result<Arc<T>> {
        let key = TypeId::of::<T>();
        let cached = || {
            self.derived
                .read()
                .unwrap_or_else(|e| e.into_inner())
                .get(&key)
                .cloned()
                .map(|v| v.downcast::<T>().expect("keyed by its own type"))
        };
        if let Some(v) = cached() {
            return Ok(v);
        }
        let lock = self
            .building
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .entry(key)
            .or_default()
            .clone();
        let _building = lock.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(v) = cached() {
            return Ok(v);
        }
        let before = self.generation.load(Ordering::SeqCst);
        let built = Arc::new(build(self)?);
        let mut slot = self.derived.write().unwrap_or_else(|e| e.into_inner());
        if self.generation.load(Ordering::SeqCst) == before {
            slot.insert(key, built.clone());
        }
        Ok(built)
    }

    /// The value of type `T` kept for as long as the catalogue is open (not
    /// dropped by writes), made with `T::default()` on first use; it must
    /// check itself against the store it is used with.
    pub(crate) fn kept<T: Any + Send + Sync + Default>(&self) -> Arc<T> {
        self.kept
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .entry(TypeId::of::<T>())
            .or_insert_with(|| Arc::new(T::default()))
            .clone()
            .downcast::<T>()
            .expect("keyed by its own type")
    }

    /// Run `f` on the typeahead over titles and names, building it with
    /// `build` if there is none yet.
    pub fn with_typeahead<T>(
        &self,
        build: impl FnOnce(&Self) -> Result<Typeahead>,
        f: impl FnOnce(&Typeahead) -> T,
    ) -> Result<T> {
        self.typeahead.with(|| build(self), f)
    }

    /// What still points at an organisation or person, by kind and title or name.
    fn users_of(&self, kind: EntityKind, id: &str) -> Result<Vec<UsedBy>> {
        let mut users = Vec::new();
        let field_matches = |e: &Entry| match kind {
            EntityKind::Organisation => e.organisation.as_deref() == Some(id),
            EntityKind::Person => e.contact.as_deref() == Some(id),
            _ => false,
        };
        for (side, list) in [
            (EntityKind::Offer, self.offers()?),
            (EntityKind::Need, self.needs()?),
        ] {
            users.extend(list.iter().filter(|e| field_matches(e)).map(|e| UsedBy {
                kind: side,
                label: e.title.clone(),
            }));
        }
        if kind == EntityKind::Organisation {
            users.extend(
                self.people()?
                    .iter()
                    .filter(|p| p.organisation.as_deref() == Some(id))
                    .map(|p| UsedBy {
                        kind: EntityKind::Person,
                        label: p.name.clone(),
                    }),
            );
        }
        Ok(users)
    }

    /// Move an entity to the trash. An organisation or person still in use
    /// is refused with the list of what uses it.
    pub fn delete(&self, kind: EntityKind, id: &str) -> Result<()> {
        let value: serde_json::Value = self.one(kind, id)?;
        if matches!(kind, EntityKind::Organisation | EntityKind::Person) {
            let mut users = self.users_of(kind, id)?;
            if !users.is_empty() {
                let more = users.len().saturating_sub(5);
                users.truncate(5);
                return Err(Error::invalid(
                    kind.word(),
                    id,
                    "id",
                    Problem::InUse { by: users, more },
                ));
            }
        }
        let trashed = Trashed {
            kind,
            id: id.into(),
            deleted_at: Utc::now(),
            value,
        };
        self.write(|b| {
            b.remove(&keys::entity(kind, id));
            b.put(&keys::trash(kind, id), &trashed);
        })?;
        match kind {
            EntityKind::Offer => self.offer_changed(id, None),
            EntityKind::Need => self.decisions_changed(),
            _ => {}
        }
        Ok(())
    }

    /// Erase a person for good in one flushed batch: their record and any
    /// trash record of them go, the entries, match records and trash
    /// records given (already rid of them) are stored over the old ones;
    /// the typeahead, the derived values and the offer index are dropped.
    pub(crate) fn erase_person(
        &self,
        id: &str,
        entries: &[(EntityKind, Entry)],
        matches: &[MatchRecord],
        trash: &[Trashed],
    ) -> Result<()> {
        self.write(|b| {
            b.remove(&keys::entity(EntityKind::Person, id));
            b.remove(&keys::trash(EntityKind::Person, id));
            for (kind, e) in entries {
                b.put(&keys::entity(*kind, &e.id), e);
            }
            for m in matches {
                b.put(&keys::matching(&m.need, &m.offer), m);
            }
            for t in trash {
                b.put(&keys::trash(t.kind, &t.id), t);
            }
        })?;
        self.offers_changed();
        Ok(())
    }

    /// Everything in the trash, newest first.
    pub fn trash(&self) -> Result<Vec<Trashed>> {
        let mut items: Vec<Trashed> = self
            .storage
            .scan(keys::TRASH)?
            .into_iter()
            .map(|(_, v)| v)
            .collect();
        items.sort_by_key(|t| std::cmp::Reverse(t.deleted_at));
        Ok(items)
    }

    /// Bring an entity back from the trash. Refused if its id is in use again
    /// or what it points at is gone.
    pub fn restore(&self, kind: EntityKind, id: &str) -> Result<()> {
        let key = keys::trash(kind, id);
        let t: Trashed = self.storage.get(&key)?.ok_or_else(|| Error::NotFound {
            entity: format!("{} in the trash", kind.word()),
            id: id.into(),
        })?;
        if self.exists(kind, id)? {
            return Err(Error::invalid(
                kind.word(),
                id,
                "id",
                "is in use again; rename that entity first",
            ));
        }
        let decode_err = |e: serde_json::Error| Error::Corrupt {
            key: key.clone(),
            reason: e.to_string(),
        };
        match kind {
            EntityKind::Organisation => {
                self.put_organisation(&serde_json::from_value(t.value).map_err(decode_err)?)?
            }
            EntityKind::Person => {
                self.put_person(&serde_json::from_value(t.value).map_err(decode_err)?)?
            }
            EntityKind::Offer | EntityKind::Need => {
                self.put_entry(kind, &serde_json::from_value(t.value).map_err(decode_err)?)?
            }
        }
        self.write(|b| b.remove(&key))
    }

    /// Import a parsed bundle as one atomic batch, flushed once. References
    /// must point into the bundle or the catalogue; on any error nothing is
    /// written.
    pub fn import(&self, b: &Bundle) -> Result<()> {
        let ids = |kind: EntityKind,
                   list: &mut dyn Iterator<Item = &String>|
         -> HashSet<(EntityKind, String)> {
            list.map(|id| (kind, id.clone())).collect()
        };
        let mut known = ids(
            EntityKind::Organisation,
            &mut b.organisations.iter().map(|o| &o.id),
        );
        known.extend(ids(EntityKind::Person, &mut b.people.iter().map(|p| &p.id)));
        known.extend(ids(EntityKind::Offer, &mut b.offers.iter().map(|e| &e.id)));
        known.extend(ids(EntityKind::Need, &mut b.needs.iter().map(|e| &e.id)));
        let resolve = |owner: EntityKind,
                       id: &str,
                       field: &str,
                       kind: EntityKind,
                       target: Option<&String>|
         -> Result<()> {
            let Some(t) = target else { return Ok(()) };
            if known.contains(&(kind, t.clone())) || self.exists(kind, t)? {
                return Ok(());
            }
            Err(Error::invalid(
                owner.word(),
                id,
                field,
                format!(
                    "no {} with id `{t}` in the bundle or the catalogue",
                    kind.word()
                ),
            ))
        };
        for p in &b.people {
            resolve(
                EntityKind::Person,
                &p.id,
                "organisation",
                EntityKind::Organisation,
                p.organisation.as_ref(),
            )?;
        }
        for (kind, list) in [(EntityKind::Offer, &b.offers), (EntityKind::Need, &b.needs)] {
            for e in list {
                resolve(
                    kind,
                    &e.id,
                    "organisation",
                    EntityKind::Organisation,
                    e.organisation.as_ref(),
                )?;
                resolve(
                    kind,
                    &e.id,
                    "contact",
                    EntityKind::Person,
                    e.contact.as_ref(),
                )?;
            }
        }
        for s in &b.job_seekers {
            resolve(
                EntityKind::Organisation,
                &s.id,
                "organisation",
                EntityKind::Organisation,
                s.organisation.as_ref(),
            )
            .map_err(|_| {
                Error::invalid(
                    job_rules::SEEKER,
                    &s.id,
                    "organisation",
                    "no organisation with this id in the bundle or the catalogue",
                )
            })?;
        }
        for m in &b.matches {
            let id = format!("{}→{}", m.need, m.offer);
            resolve(
                EntityKind::Need,
                &id,
                "need",
                EntityKind::Need,
                Some(&m.need),
            )?;
            resolve(
                EntityKind::Offer,
                &id,
                "offer",
                EntityKind::Offer,
                Some(&m.offer),
            )?;
        }
        let mut batch = Batch::default();
        for o in &b.organisations {
            batch.put(&keys::entity(EntityKind::Organisation, &o.id), o);
        }
        for p in &b.people {
            batch.put(&keys::entity(EntityKind::Person, &p.id), p);
        }
        for e in &b.offers {
            batch.put(&keys::entity(EntityKind::Offer, &e.id), e);
        }
        for e in &b.needs {
            batch.put(&keys::entity(EntityKind::Need, &e.id), e);
        }
        for m in &b.matches {
            batch.put(&keys::matching(&m.need, &m.offer), m);
        }
        if let Some(groups) = &b.thesaurus {
            // The bundle's concepts join the catalogue's (built-in if unedited).
            let mut t = match self.thesaurus_groups()? {
                Some(g) => kompis_match::Thesaurus::from_groups(g),
                None => kompis_match::Thesaurus::builtin(),
            };
            t.extend(&kompis_match::Thesaurus::from_groups(groups.clone()));
            batch.put(keys::THESAURUS, &t.groups());
        }
        if b.job_seekers.is_empty() {
            self.commit(batch)?;
        } else {
            let mut seekers = Batch::default();
            for s in b.job_seekers.iter().filter(|s| s.consent.given) {
                seekers.put(&s.id, s);
            }
            self.commit_seekers(batch, seekers)?;
        }
        if !b.offers.is_empty() || b.thesaurus.is_some() {
            self.offers_changed();
        }
        if !b.matches.is_empty() || !b.needs.is_empty() {
            self.decisions_changed();
        }
        Ok(())
    }

    /// The whole live catalogue as a bundle (match records only where both
    /// ends are live).
    pub fn export(&self) -> Result<Bundle> {
        let needs = self.needs()?;
        let offers = self.offers()?;
        let live_needs: HashSet<&str> = needs.iter().map(|e| e.id.as_str()).collect();
        let live_offers: HashSet<&str> = offers.iter().map(|e| e.id.as_str()).collect();
        let matches = self
            .match_records()?
            .into_iter()
            .filter(|m| {
                live_needs.contains(m.need.as_str()) && live_offers.contains(m.offer.as_str())
            })
            .collect();
        Ok(Bundle {
            exported_at: Some(Utc::now()),
            organisations: self.organisations()?,
            people: self.people()?,
            offers,
            needs,
            matches,
            thesaurus: self.thesaurus_groups()?,
            // Only with consent (every stored seeker has it; checked again).
            job_seekers: self
                .seekers()?
                .into_iter()
                .filter(|s| s.consent.given)
                .collect(),
            ..Bundle::new()
        })
    }
}
