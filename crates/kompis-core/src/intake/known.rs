//! What the catalogue already holds, indexed the ways an intake row finds
//! things: by id, by name or title (folded), by organisation number and
//! e-mail; and the ids new entities will get.

use std::collections::HashMap;

use kompis_intake::key;

use crate::catalogue::Catalogue;
use crate::error::Result;
use crate::model::{EntityKind, Entry, Organisation, Person};

/// How alike two titles' keys must be to call one a probable duplicate.
pub const NEAR_TITLE: f64 = 0.88;

/// A title's key and the entry's id.
type TitleKey = (String, String);

/// The catalogue's entities and what the file has added so far.
#[derive(Default)]
pub struct Known {
    pub orgs: HashMap<String, Organisation>,
    org_by_name: HashMap<String, String>,
    org_by_number: HashMap<String, String>,
    pub people: HashMap<String, Person>,
    person_by_name: HashMap<String, Vec<String>>,
    person_by_email: HashMap<String, String>,
    pub entries: HashMap<(EntityKind, String), Entry>,
    entry_by_title: HashMap<(EntityKind, Option<String>, String), String>,
    /// Title keys of the catalogue's entries per (side, organisation), for
    /// near-identical titles.
    titles: HashMap<(EntityKind, Option<String>), Vec<TitleKey>>,
    /// Entities the file creates: kind and id → "sheet S, row N".
    pub created: HashMap<(EntityKind, String), (String, u32)>,
    next: HashMap<EntityKind, (String, u64)>,
}

/// An e-mail address as compared: trimmed, lower case.
pub fn email_key(e: &str) -> String {
    e.trim().to_lowercase()
}

impl Known {
    /// Index the live catalogue.
    pub fn load(cat: &Catalogue) -> Result<Known> {
        let mut k = Known::default();
        for o in cat.organisations()? {
            k.add_org(o);
        }
        for p in cat.people()? {
            k.add_person(p);
        }
        for kind in [EntityKind::Offer, EntityKind::Need] {
            for e in cat.entries(kind)? {
                let t = key(&e.title);
                k.titles
                    .entry((kind, e.organisation.clone()))
                    .or_default()
                    .push((t, e.id.clone()));
                k.add_entry(kind, e);
            }
        }
        Ok(k)
    }

    /// A fresh id for a kind: the catalogue's next one the first time
    /// (asked only when a file makes something new), then one more each.
    pub fn fresh_id(&mut self, cat: &Catalogue, kind: EntityKind) -> Result<String> {
        let (stem, n) = match self.next.entry(kind) {
            std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::hash_map::Entry::Vacant(e) => e.insert(split_id(&cat.next_id(kind)?)),
        };
        let id = format!("{stem}{:02}", *n);
        *n += 1;
        Ok(id)
    }

    pub fn add_org(&mut self, o: Organisation) {
        self.org_by_name.entry(key(&o.name)).or_insert(o.id.clone());
        if let Some(n) = &o.org_number {
            self.org_by_number.entry(n.clone()).or_insert(o.id.clone());
        }
        self.orgs.insert(o.id.clone(), o);
    }

    pub fn add_person(&mut self, p: Person) {
        let ids = self.person_by_name.entry(key(&p.name)).or_default();
        if !ids.contains(&p.id) {
            ids.push(p.id.clone());
        }
        if let Some(e) = p.email.as_deref().filter(|e| !e.trim().is_empty()) {
            self.person_by_email
                .entry(email_key(e))
                .or_insert(p.id.clone());
        }
        self.people.insert(p.id.clone(), p);
    }

    pub fn add_entry(&mut self, kind: EntityKind, e: Entry) {
        self.entry_by_title
            .entry((kind, e.organisation.clone(), key(&e.title)))
            .or_insert(e.id.clone());
        self.entries.insert((kind, e.id.clone()), e);
    }

    pub fn org_named(&self, name: &str) -> Option<&Organisation> {
        self.org_by_name
            .get(&key(name))
            .and_then(|id| self.orgs.get(id))
    }

    pub fn org_numbered(&self, number: &str) -> Option<&Organisation> {
        self.org_by_number
            .get(number)
            .and_then(|id| self.orgs.get(id))
    }

    /// The person of that name, in that organisation if one is given
    /// (or with none).
    pub fn person_named(&self, name: &str, org: Option<&str>) -> Option<&Person> {
        let ids = self.person_by_name.get(&key(name))?;
        let people = ids.iter().filter_map(|id| self.people.get(id));
        let mut fallback = None;
        for p in people {
            match (org, p.organisation.as_deref()) {
                (Some(o), Some(po)) if o == po => return Some(p),
                (None, _) | (_, None) => {
                    fallback.get_or_insert(p);
                }
                _ => {}
            }
        }
        fallback
    }

    pub fn person_by_email(&self, email: &str) -> Option<&Person> {
        self.person_by_email
            .get(&email_key(email))
            .and_then(|id| self.people.get(id))
    }

    pub fn entry_titled(&self, kind: EntityKind, org: Option<&str>, title: &str) -> Option<&Entry> {
        self.entry_by_title
            .get(&(kind, org.map(str::to_string), key(title)))
            .and_then(|id| self.entries.get(&(kind, id.clone())))
    }

    /// A catalogue entry of the same side and organisation whose title is
    /// near-identical (folded, `æøå`-aware, a few letters apart).
    pub fn entry_near(&self, kind: EntityKind, org: Option<&str>, title: &str) -> Option<&Entry> {
        let t = key(title);
        let list = self.titles.get(&(kind, org.map(str::to_string)))?;
        let len = t.chars().count() as f64;
        list.iter()
            .filter(|(other, _)| {
                let ol = other.chars().count() as f64;
                (ol - len).abs() <= len.max(ol) * (1.0 - NEAR_TITLE)
            })
            .find(|(other, _)| strsim::normalized_levenshtein(other, &t) >= NEAR_TITLE)
            .and_then(|(_, id)| self.entries.get(&(kind, id.clone())))
    }
}

/// `"o-26"` → (`"o-"`, 26).
fn split_id(id: &str) -> (String, u64) {
    let digits = id.trim_start_matches(|c: char| !c.is_ascii_digit());
    let stem = &id[..id.len() - digits.len()];
    (stem.to_string(), digits.parse().unwrap_or(1))
}
