//! Where `kompis match --json --top 10` spends its time and memory, phase
//! by phase, on a catalogue made with `synthetic_bundle` and `kompis import`:
//! `cargo run --release -p kompis-core --example match_phases -- DIR`.
//! Prints each phase's wall time and the resident size after it (and the
//! peak so far); `scripts/match-speed.sh` measures the whole command.

use std::time::Instant;

use kompis_core::api;
use kompis_core::model::EntityKind;

/// `/proc/self/status` fields VmRSS and VmHWM in MiB.
fn rss() -> (f64, f64) {
    let s = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        s.lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.split_whitespace().next())
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(0.0)
            / 1024.0
    };
    (field("VmRSS:"), field("VmHWM:"))
}

fn phase<T>(name: &str, f: impl FnOnce() -> T) -> T {
    let t = Instant::now();
    let v = f();
    let (now, peak) = rss();
    eprintln!(
        "{name:<40} {:>8.1} ms   RSS {now:>6.1} MiB (peak {peak:.1})",
        t.elapsed().as_secs_f64() * 1e3
    );
    v
}

fn main() {
    let dir = std::env::args().nth(1).expect("usage: match_phases DIR");
    let cat = phase("open the store", || {
        api::Catalogue::open(dir.as_ref()).unwrap()
    });
    let offers = phase("build the offer index", || {
        api::warm_offer_index(&cat).unwrap()
    });
    let needs = phase("read the needs", || cat.entries(EntityKind::Need).unwrap());
    drop(needs);
    let ranked = phase("rank every need (top 10, reasons)", || {
        api::rank_needs(&cat, None, 10).unwrap()
    });
    let bytes = phase("serialise the JSON (pretty)", || {
        serde_json::to_string_pretty(&serde_json::json!({ "needs": ranked }))
            .unwrap()
            .len()
    });
    eprintln!("{offers} offers; {bytes} bytes of JSON");
}
