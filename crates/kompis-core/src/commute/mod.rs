//! Driving times between the region's municipalities and to Hamar,
//! Kongsvinger and Oslo, from a small table shipped in the crate
//! (`commute.json`). The minutes are written by hand from general knowledge
//! of public road distances along the main roads at ordinary speeds,
//! rounded to 5 minutes (not measured with a route planner; the file says
//! so too).

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Deserialize;

const TABLE: &str = include_str!("commute.json");

#[derive(Deserialize)]
struct Place {
    name: String,
    aliases: Vec<String>,
}

#[derive(Deserialize)]
struct Table {
    places: Vec<Place>,
    minutes: Vec<(String, String, u32)>,
}

/// The table, read once: each place's folded names to its position in
/// `places`, and minutes by (position, position) in both orders.
struct Commutes {
    places: Vec<String>,
    names: HashMap<String, usize>,
    minutes: HashMap<(usize, usize), u32>,
}

fn commutes() -> &'static Commutes {
    static TABLE_READ: OnceLock<Commutes> = OnceLock::new();
    TABLE_READ.get_or_init(|| {
        let table: Table =
            serde_json::from_str(TABLE).expect("the shipped commute table is valid JSON");
        let mut names = HashMap::new();
        let mut places = Vec::new();
        for (i, place) in table.places.into_iter().enumerate() {
            names.insert(plain(&place.name), i);
            for alias in place.aliases {
                names.insert(plain(&alias), i);
            }
            places.push(place.name);
        }
        let mut minutes = HashMap::new();
        for (a, b, m) in table.minutes {
            if let (Some(&a), Some(&b)) = (names.get(&plain(&a)), names.get(&plain(&b))) {
                minutes.insert((a, b), m);
                minutes.insert((b, a), m);
            }
        }
        Commutes {
            places,
            names,
            minutes,
        }
    })
}

/// A name folded for comparing: lower case, `æøå` as `ae`, `o`, `a`
/// (and `aa` as `a`), accents, spaces and hyphens dropped ("Stor-Elvdal",
/// "stor elvdal", "Åmot" and "Amot" are the same).
pub(crate) fn plain(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in kompis_match::fold(name.trim()).chars() {
        match c {
            'æ' => out.push_str("ae"),
            'ø' => out.push('o'),
            'å' => out.push('a'),
            c if c.is_alphanumeric() => out.push(c),
            _ => {}
        }
    }
    out.replace("aa", "a")
}

/// The table's name for a place ("rena" → "Åmot", "stor elvdal" →
/// "Stor-Elvdal"), if it has it.
pub(crate) fn place(name: &str) -> Option<&'static str> {
    let c = commutes();
    c.names.get(&plain(name)).map(|&i| c.places[i].as_str())
}

/// Whether two place names are the same place (by the table's names and
/// aliases, else as folded text).
pub(crate) fn same_place(a: &str, b: &str) -> bool {
    match (place(a), place(b)) {
        (Some(x), Some(y)) => x == y,
        _ => plain(a) == plain(b) && !plain(a).is_empty(),
    }
}

/// Driving minutes from one place to another, either way round: 0 for the
/// same place, none when the table does not have one of them.
pub fn commute_minutes(from: &str, to: &str) -> Option<u32> {
    let c = commutes();
    let (a, b) = (*c.names.get(&plain(from))?, *c.names.get(&plain(to))?);
    if a == b {
        return Some(0);
    }
    c.minutes.get(&(a, b)).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pair_of_places_has_a_time() {
        let places = &commutes().places;
        assert_eq!(places.len(), 9);
        for a in places {
            for b in places {
                let m = commute_minutes(a, b).unwrap_or_else(|| panic!("{a}–{b}"));
                assert_eq!(Some(m), commute_minutes(b, a));
                assert_eq!(m == 0, a == b);
            }
        }
    }

    #[test]
    fn names_are_compared_without_case_or_æøå() {
        assert_eq!(commute_minutes("Elverum", "Rena"), Some(35));
        assert_eq!(commute_minutes("elverum", "AMOT"), Some(35));
        assert_eq!(commute_minutes("Åmot", "åmot"), Some(0));
        assert_eq!(commute_minutes("Valer", "Elverum"), Some(25));
        assert_eq!(commute_minutes("stor elvdal", "Koppang"), Some(0));
        assert_eq!(commute_minutes("Elverum", "Oslo"), Some(110));
        assert_eq!(commute_minutes("Trysil", "Elverum"), Some(70));
        assert_eq!(commute_minutes("Elverum", "Bergen"), None);
        assert!(same_place("Rena", "Åmot"));
        assert!(same_place("Bergen", "bergen"));
        assert!(!same_place("", ""));
    }

    #[test]
    fn the_times_are_plausible() {
        // Going round by a third place is never much quicker than the table.
        let c = commutes();
        for (&(a, b), &m) in &c.minutes {
            for (&(x, y), &n) in &c.minutes {
                if x == a && y != b {
                    if let Some(&k) = c.minutes.get(&(y, b)) {
                        let p = &c.places;
                        assert!(
                            m <= n + k + 15,
                            "{}–{} {m} > via {} {}",
                            p[a],
                            p[b],
                            p[y],
                            n + k
                        );
                    }
                }
            }
        }
    }
}
