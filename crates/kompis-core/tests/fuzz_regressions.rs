//! Replays the fuzz corpus (`fuzz/corpus/TARGET/`) and every input that
//! once crashed a fuzz target (`fuzz/regressions/TARGET/`, copied there by
//! `scripts/fuzz.sh`) through the targets' own code, so a fixed crash stays
//! fixed. Runs with the workspace's tests; fuzzing itself is `make fuzz`.

#[path = "../../../fuzz/src/lib.rs"]
mod harness;

use std::path::Path;

type Target = fn(&[u8]);

const TARGETS: &[(&str, Target)] = &[
    ("bundle_json", harness::bundle),
    ("csv_intake", |d| harness::intake("fuzz.csv", d)),
    ("xlsx_intake", |d| harness::intake("fuzz.xlsx", d)),
    ("thesaurus_json", harness::thesaurus),
    ("match_text", harness::match_text),
];

#[test]
fn every_kept_input_runs_through_its_target_without_a_panic() {
    let fuzz = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz");
    let mut ran = 0;
    for (name, target) in TARGETS {
        for kind in ["corpus", "regressions"] {
            let Ok(files) = std::fs::read_dir(fuzz.join(kind).join(name)) else {
                continue;
            };
            for file in files.flatten() {
                let data = std::fs::read(file.path()).unwrap();
                target(&data);
                ran += 1;
            }
        }
    }
    assert!(ran > 0, "no corpus under {}", fuzz.display());
}
