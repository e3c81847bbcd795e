//! Where start-up time goes with a large catalogue: opening sled, reading
//! the offers, building the offer index.
//! `cargo run --release -p kompis-core --example startup_parts`.

use std::time::Instant;

use kompis_core::api;
use kompis_core::{synthetic, Catalogue};

fn main() {
    let dir = tempfile::tempdir().unwrap();
    {
        let cat = Catalogue::open(dir.path()).unwrap();
        cat.import(&synthetic::bundle(7, 20_000, 2_000)).unwrap();
    }
    for _ in 0..3 {
        let t = Instant::now();
        let cat = Catalogue::open(dir.path()).unwrap();
        let opened = t.elapsed();
        let offers = cat.offers().unwrap().len();
        let read = t.elapsed();
        let n = api::warm_offer_index(&cat).unwrap();
        let built = t.elapsed();
        drop(cat);
        let dropped = t.elapsed();
        println!(
            "open {opened:?}, +read {offers} offers {:?}, +index of {n} {:?}, +drop {:?}",
            read - opened,
            built - read,
            dropped - built
        );
    }
}
