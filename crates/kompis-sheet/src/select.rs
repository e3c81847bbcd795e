//! Look-ups over the input and the part of it a [`Scope`] selects.
//!
//! Also the one place that decides how a person is shown: by name only with
//! consent, otherwise by role and organisation.

use std::collections::{HashMap, HashSet};

use kompis_model::{Entry, MatchStatus, Organisation, Person};

use crate::labels::{labels, Labels};
use crate::{Scope, SheetError, SheetInput, SheetLang, SheetMatch};

/// The input with indexes by id, and the labels of the sheet's language.
pub(crate) struct Lookup<'a> {
    pub input: &'a SheetInput,
    pub l: &'static Labels,
    orgs: HashMap<&'a str, &'a Organisation>,
    people: HashMap<&'a str, &'a Person>,
    needs: HashMap<&'a str, &'a Entry>,
    offers: HashMap<&'a str, &'a Entry>,
}

/// How one contact person may be shown.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Contact {
    /// Only with consent.
    pub name: Option<String>,
    pub role: Option<String>,
    pub organisation: Option<String>,
    /// Only with consent.
    pub email: Option<String>,
    /// Only with consent.
    pub phone: Option<String>,
}

impl Contact {
    /// `person` as they may be shown: no name, e-mail or phone without
    /// consent; `organisation` is the name of theirs.
    pub fn of(person: &Person, organisation: Option<String>) -> Contact {
        let role = person.role.clone().filter(|r| !r.trim().is_empty());
        if person.consents() {
            Contact {
                name: Some(person.name.clone()),
                role,
                organisation,
                email: person.email.clone().filter(|s| !s.trim().is_empty()),
                phone: person.phone.clone().filter(|s| !s.trim().is_empty()),
            }
        } else {
            Contact {
                name: None,
                role,
                organisation,
                email: None,
                phone: None,
            }
        }
    }

    /// One line: "Kari Nordmann, daglig leder, kari@…, 900 00 000", or for
    /// a person without consent "Daglig leder, Bedrift AS" / "Kontaktperson
    /// i Bedrift AS"; parts joined by `sep`, and with `keep_together` the
    /// words of an e-mail or phone number joined with no-break spaces.
    pub fn line(&self, l: &Labels, sep: &str, keep_together: bool) -> String {
        let glue = |s: &String| {
            if keep_together {
                s.replace(' ', "\u{A0}")
            } else {
                s.clone()
            }
        };
        let mut parts: Vec<String> = Vec::new();
        match &self.name {
            Some(name) => {
                parts.push(name.clone());
                parts.extend(self.role.clone());
                parts.extend(self.email.as_ref().map(glue));
                parts.extend(self.phone.as_ref().map(glue));
            }
            None => match (&self.role, &self.organisation) {
                (Some(role), Some(org)) => parts.push(format!("{role}, {org}")),
                (Some(role), None) => parts.push(role.clone()),
                (None, Some(org)) => parts.push((l.contact_in)(org)),
                (None, None) => parts.push(l.not_named.to_string()),
            },
        }
        parts.join(sep)
    }
}

impl<'a> Lookup<'a> {
    pub fn new(input: &'a SheetInput, lang: SheetLang) -> Self {
        Lookup {
            input,
            l: labels(lang),
            orgs: input
                .organisations
                .iter()
                .map(|o| (o.id.as_str(), o))
                .collect(),
            people: input.people.iter().map(|p| (p.id.as_str(), p)).collect(),
            needs: input.needs.iter().map(|e| (e.id.as_str(), e)).collect(),
            offers: input.offers.iter().map(|e| (e.id.as_str(), e)).collect(),
        }
    }

    pub fn org(&self, id: Option<&str>) -> Option<&'a Organisation> {
        id.and_then(|id| self.orgs.get(id).copied())
    }

    pub fn need(&self, id: &str) -> Option<&'a Entry> {
        self.needs.get(id).copied()
    }

    pub fn offer(&self, id: &str) -> Option<&'a Entry> {
        self.offers.get(id).copied()
    }

    pub fn person(&self, id: Option<&str>) -> Option<&'a Person> {
        id.and_then(|id| self.people.get(id).copied())
    }

    /// The organisation's name, its id when unknown, or "" when there is none.
    pub fn org_name(&self, id: Option<&str>) -> String {
        match (id, self.org(id)) {
            (_, Some(o)) => o.name.clone(),
            (Some(id), None) => id.to_string(),
            (None, None) => String::new(),
        }
    }

    /// The organisation's name when it has one that is not blank.
    pub fn org_label(&self, id: Option<&str>) -> Option<String> {
        self.org(id)
            .map(|o| o.name.trim())
            .filter(|n| !n.is_empty())
            .map(str::to_string)
    }

    pub fn municipality(&self, entry: &Entry) -> Option<&'a str> {
        self.org(entry.organisation.as_deref())
            .and_then(|o| o.municipality.as_deref())
            .filter(|m| !m.trim().is_empty())
    }

    /// The person as they may be shown: no name, e-mail, phone without consent.
    pub fn contact_of(&self, person: &Person) -> Contact {
        Contact::of(person, self.org_label(person.organisation.as_deref()))
    }

    /// The entry's contact, if it names a known person.
    pub fn entry_contact(&self, entry: &Entry) -> Option<Contact> {
        let mut c = self.contact_of(self.person(entry.contact.as_deref())?);
        if c.organisation.is_none() {
            c.organisation = self.org_label(entry.organisation.as_deref());
        }
        Some(c)
    }

    /// One line: "Kari Nordmann, daglig leder, kari@…, 900 00 000", or for a
    /// person without consent "Daglig leder, Bedrift AS" / "Kontaktperson i Bedrift AS".
    pub fn contact_line(&self, c: &Contact) -> String {
        self.contact_line_with(c, ", ", false)
    }

    /// [`Self::contact_line`] with parts joined by `sep`; `keep_together`
    /// joins the words of an e-mail or phone number with no-break spaces.
    pub fn contact_line_with(&self, c: &Contact, sep: &str, keep_together: bool) -> String {
        c.line(self.l, sep, keep_together)
    }

    /// The contact line of an entry's contact, or "".
    pub fn entry_contact_line(&self, entry: &Entry) -> String {
        self.entry_contact(entry)
            .map(|c| self.contact_line(&c))
            .unwrap_or_default()
    }
}

/// The entries of `list` whose id is in `ids`, in list order.
fn with_ids<'a>(list: &'a [Entry], ids: &HashSet<&str>) -> Vec<&'a Entry> {
    list.iter()
        .filter(|e| ids.contains(e.id.as_str()))
        .collect()
}

/// SelectionCounts of what a sheet holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct SelectionCounts {
    pub needs: usize,
    pub offers: usize,
    pub matches: usize,
}

/// The part of the catalogue a scope selects, in catalogue order.
pub(crate) struct Selection<'a> {
    /// The needs the sheet is about (per-need pages, "our needs").
    pub primary_needs: Vec<&'a Entry>,
    /// The offers the sheet is about ("our offers"); empty unless the scope is
    /// one organisation, or everything.
    pub primary_offers: Vec<&'a Entry>,
    /// Every need on the sheet: the primary ones and those the matches join.
    pub needs: Vec<&'a Entry>,
    /// Every offer on the sheet.
    pub offers: Vec<&'a Entry>,
    /// Matches in scope, by need in catalogue order, then best score first
    /// (declined ones last).
    pub matches: Vec<&'a SheetMatch>,
    pub organisations: Vec<&'a Organisation>,
    pub people: Vec<&'a Person>,
    /// The organisation of a `Scope::Organisation`.
    pub focus: Option<&'a Organisation>,
}

impl<'a> Selection<'a> {
    pub fn new(cat: &Lookup<'a>, scope: &Scope) -> Result<Self, SheetError> {
        let input = cat.input;
        let all_matches = || input.matches.iter();
        let mut focus = None;
        let (primary_needs, primary_offers, matches): (Vec<&Entry>, Vec<&Entry>, Vec<_>) =
            match scope {
                Scope::All => (
                    input.needs.iter().collect(),
                    input.offers.iter().collect(),
                    all_matches().collect(),
                ),
                Scope::Needs(ids) => {
                    for id in ids {
                        if cat.need(id).is_none() {
                            return Err(SheetError::Invalid(format!(
                                "need {id}: not in the catalogue"
                            )));
                        }
                    }
                    let ids: HashSet<&str> = ids.iter().map(String::as_str).collect();
                    (
                        with_ids(&input.needs, &ids),
                        Vec::new(),
                        all_matches()
                            .filter(|m| ids.contains(m.need.as_str()))
                            .collect(),
                    )
                }
                Scope::Organisation(id) => {
                    let org = cat.org(Some(id)).ok_or_else(|| {
                        SheetError::Invalid(format!("organisation {id}: not in the catalogue"))
                    })?;
                    focus = Some(org);
                    let ours = |e: &&Entry| e.organisation.as_deref() == Some(id.as_str());
                    let needs: Vec<&Entry> = input.needs.iter().filter(ours).collect();
                    let offers: Vec<&Entry> = input.offers.iter().filter(ours).collect();
                    let need_ids: HashSet<&str> = needs.iter().map(|e| e.id.as_str()).collect();
                    let offer_ids: HashSet<&str> = offers.iter().map(|e| e.id.as_str()).collect();
                    let matches = all_matches()
                        .filter(|m| {
                            need_ids.contains(m.need.as_str())
                                || offer_ids.contains(m.offer.as_str())
                        })
                        .collect();
                    (needs, offers, matches)
                }
                Scope::Status(status) => {
                    let matches: Vec<&SheetMatch> =
                        all_matches().filter(|m| m.status == *status).collect();
                    let ids: HashSet<&str> = matches.iter().map(|m| m.need.as_str()).collect();
                    (with_ids(&input.needs, &ids), Vec::new(), matches)
                }
            };

        // Order matches by need (catalogue order), then best score first.
        let need_pos: HashMap<&str, usize> = input
            .needs
            .iter()
            .enumerate()
            .map(|(i, n)| (n.id.as_str(), i))
            .collect();
        let mut matches = matches;
        matches.sort_by(|a, b| {
            let pa = need_pos.get(a.need.as_str()).copied().unwrap_or(usize::MAX);
            let pb = need_pos.get(b.need.as_str()).copied().unwrap_or(usize::MAX);
            let declined = |m: &SheetMatch| m.status == MatchStatus::Declined;
            pa.cmp(&pb)
                .then(a.need.cmp(&b.need))
                .then(declined(a).cmp(&declined(b)))
                .then(b.score.total_cmp(&a.score))
                .then(a.offer.cmp(&b.offer))
        });

        // Every need and offer the sheet mentions.
        let mut need_ids: HashSet<&str> = primary_needs.iter().map(|e| e.id.as_str()).collect();
        need_ids.extend(matches.iter().map(|m| m.need.as_str()));
        let mut offer_ids: HashSet<&str> = primary_offers.iter().map(|e| e.id.as_str()).collect();
        offer_ids.extend(matches.iter().map(|m| m.offer.as_str()));
        let needs = with_ids(&input.needs, &need_ids);
        let offers = with_ids(&input.offers, &offer_ids);

        let (organisations, people) = if matches!(scope, Scope::All) {
            (
                input.organisations.iter().collect(),
                input.people.iter().collect(),
            )
        } else {
            let mut org_ids: HashSet<&str> = HashSet::new();
            let mut person_ids: HashSet<&str> = HashSet::new();
            for e in needs.iter().chain(offers.iter()) {
                org_ids.extend(e.organisation.as_deref());
                person_ids.extend(e.contact.as_deref());
            }
            if let Some(org) = focus {
                org_ids.insert(org.id.as_str());
            }
            let focus_id = focus.map(|o| o.id.as_str());
            (
                input
                    .organisations
                    .iter()
                    .filter(|o| org_ids.contains(o.id.as_str()))
                    .collect(),
                input
                    .people
                    .iter()
                    .filter(|p| {
                        person_ids.contains(p.id.as_str())
                            || (focus_id.is_some() && p.organisation.as_deref() == focus_id)
                    })
                    .collect(),
            )
        };

        Ok(Selection {
            primary_needs,
            primary_offers,
            needs,
            offers,
            matches,
            organisations,
            people,
            focus,
        })
    }

    pub fn counts(&self) -> SelectionCounts {
        SelectionCounts {
            needs: self.needs.len(),
            offers: self.offers.len(),
            matches: self.matches.len(),
        }
    }

    /// The matches of one need, best first.
    pub fn matches_for_need(&self, need_id: &str) -> Vec<&'a SheetMatch> {
        self.matches
            .iter()
            .copied()
            .filter(|m| m.need == need_id)
            .collect()
    }

    /// The matches of one offer, best first.
    pub fn matches_for_offer(&self, offer_id: &str) -> Vec<&'a SheetMatch> {
        let mut v: Vec<&SheetMatch> = self
            .matches
            .iter()
            .copied()
            .filter(|m| m.offer == offer_id)
            .collect();
        v.sort_by(|a, b| {
            let declined = |m: &SheetMatch| m.status == MatchStatus::Declined;
            declined(a)
                .cmp(&declined(b))
                .then(b.score.total_cmp(&a.score))
        });
        v
    }
}
