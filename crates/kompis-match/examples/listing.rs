//! Quick timings of the list filter on synthetic rows (the criterion bench
//! `--bench listing` is the reference):
//! `cargo run --release -p kompis-match --example listing [query …]`.

use std::time::Instant;

use kompis_match::listing::ListIndex;
use kompis_match::synth;

fn main() {
    let rows = synth::list_rows(2026, 20_000);
    let bytes: usize = rows.iter().flatten().map(|(t, _)| t.len()).sum();
    let words: usize = rows
        .iter()
        .flatten()
        .map(|(t, _)| t.split_whitespace().count())
        .sum();
    println!(
        "{} rows, {words} words, {:.1} MB of text",
        rows.len(),
        bytes as f64 / 1e6
    );
    let t = Instant::now();
    let ix = ListIndex::new(&rows);
    println!("build 20k rows: {:?}", t.elapsed());
    let args: Vec<String> = std::env::args().skip(1).collect();
    let queries: Vec<&str> = if args.is_empty() {
        vec!["s", "ba", "bærekraft", "rekrutering", "lean produksjon"]
    } else {
        args.iter().map(String::as_str).collect()
    };
    for q in queries {
        let mut times = Vec::new();
        let mut hits = 0;
        let cpu0 = cpu_ms();
        for _ in 0..50 {
            let t = Instant::now();
            hits = std::hint::black_box(ix.query(q)).len();
            times.push(t.elapsed());
        }
        let cpu = (cpu_ms() - cpu0) / 50.0;
        times.sort();
        let marks: usize = ix.query(q).iter().map(|h| h.marks.len()).sum();
        println!(
            "{q:?}: {hits} hits ({marks} marks), median {:?}, max {:?}, CPU {cpu:.1} ms (all threads)",
            times[25], times[49]
        );
    }
}

/// CPU time of the process so far (all threads; the machine is shared, so
/// wall time alone overstates the work), from `/proc/self/stat`.
fn cpu_ms() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name: utime and stime are the 12th and 13th.
    let rest = stat.rsplit(')').next().unwrap_or("");
    let f: Vec<f64> = rest
        .split_whitespace()
        .skip(11)
        .take(2)
        .filter_map(|x| x.parse().ok())
        .collect();
    f.iter().sum::<f64>() * 10.0
}
