//! A thesaurus's JSON, read and used to build a matcher and rank.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| kompis_fuzz::thesaurus(data));
