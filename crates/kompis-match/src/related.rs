//! Related concepts (SKOS `related`): two thesaurus groups that are not the
//! same idea, yet someone asking about one is often helped by someone
//! offering the other (`lean` and `oee`, `fusjon` and `kultur`). The links
//! are built in (`data/related.json`, symmetric pairs of group ids); a
//! catalogue's own groups have none.

use std::collections::HashMap;

const BUILTIN: &str = include_str!("../data/related.json");

/// The built-in links as pairs of group ids.
pub(crate) fn builtin_pairs() -> Vec<(String, String)> {
    let pairs: Vec<[String; 2]> =
        serde_json::from_str(BUILTIN).expect("data/related.json is a list of id pairs");
    pairs.into_iter().map(|[a, b]| (a, b)).collect()
}

/// Per concept index (in `ids`' order), the indices of its related
/// concepts, sorted; links to a group `ids` lacks are left out.
pub(crate) fn links(ids: &[String]) -> Vec<Vec<u32>> {
    let index: HashMap<&str, u32> = ids
        .iter()
        .enumerate()
        .map(|(i, id)| (id.as_str(), i as u32))
        .collect();
    let mut out = vec![Vec::new(); ids.len()];
    for (a, b) in builtin_pairs() {
        if let (Some(&x), Some(&y)) = (index.get(a.as_str()), index.get(b.as_str())) {
            if x != y {
                out[x as usize].push(y);
                out[y as usize].push(x);
            }
        }
    }
    for v in &mut out {
        v.sort_unstable();
        v.dedup();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Thesaurus;
    use std::collections::HashSet;

    #[test]
    fn every_built_in_link_joins_two_distinct_built_in_groups_once() {
        let ids: HashSet<String> = Thesaurus::builtin()
            .groups()
            .iter()
            .map(|g| g.id.clone())
            .collect();
        let mut seen = HashSet::new();
        let pairs = builtin_pairs();
        assert!(pairs.len() > 100, "{} links", pairs.len());
        for (a, b) in pairs {
            assert!(
                ids.contains(&a) && ids.contains(&b),
                "{a} – {b}: not a group"
            );
            assert_ne!(a, b, "a group linked to itself");
            let key = if a < b { (a, b) } else { (b, a) };
            assert!(seen.insert(key.clone()), "{key:?} twice");
        }
    }

    #[test]
    fn links_are_symmetric_and_skip_groups_a_thesaurus_lacks() {
        let ids: Vec<String> = ["lean", "oee", "mine"].map(String::from).to_vec();
        let l = links(&ids);
        assert!(l[0].contains(&1) && l[1].contains(&0));
        assert!(l[2].is_empty());
    }
}
