//! A bundle's JSON text, parsed and checked as an import would.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| kompis_fuzz::bundle(data));
