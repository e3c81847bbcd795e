//! Any text as an offer and a need, analysed and ranked.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| kompis_fuzz::match_text(data));
