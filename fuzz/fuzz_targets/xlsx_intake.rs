//! A spreadsheet's bytes (XLSX, XLS, ODS), read into tables and records.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| kompis_fuzz::intake("fuzz.xlsx", data));
