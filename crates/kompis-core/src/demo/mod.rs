//! The example network: invented organisations, people, offers and needs of
//! the Elverum region, for a first look at Kompis.

use crate::bundle::{self, Bundle};

const DEMO: &str = include_str!("demo-network.json");

/// The example network as a bundle.
pub fn bundle() -> Bundle {
    bundle::parse(DEMO).expect("the shipped example network is a valid bundle")
}

#[cfg(test)]
mod tests {
    #[test]
    fn example_network_has_the_promised_size() {
        let b = super::bundle();
        assert!(
            (18..=24).contains(&b.organisations.len()),
            "{}",
            b.organisations.len()
        );
        assert_eq!(b.offers.len(), 75);
        assert_eq!(b.needs.len(), 25);
    }
}
