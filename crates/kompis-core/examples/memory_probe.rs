//! Resident memory of the core on the benchmark's catalogue, step by step.
use kompis_core::api::{self, wire::*};
use serde_json::json;

/// The app's allocator (src-tauri/src/main.rs), so the figures are the app's.
#[global_allocator]
static ALLOC: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// jemalloc's count of bytes the program holds, and of the pages it keeps
/// for them (resident), in MB.
fn heap() -> (f64, f64) {
    use tikv_jemalloc_ctl::{epoch, stats};
    epoch::advance().unwrap();
    let mb = |b: usize| b as f64 / 1048576.0;
    (
        mb(stats::allocated::read().unwrap()),
        mb(stats::resident::read().unwrap()),
    )
}

/// A line of `/proc/self/status`, in MB.
fn status(key: &str) -> f64 {
    let s = std::fs::read_to_string("/proc/self/status").unwrap();
    let l = s.lines().find(|l| l.starts_with(key)).unwrap();
    l.split_whitespace().nth(1).unwrap().parse::<f64>().unwrap() / 1024.0
}

/// Memory in MB: resident, all of it and the anonymous part (the heap and
/// the like, not the mapped binary and libraries), then [`heap`]'s live
/// and kept bytes.
fn rss() -> String {
    let (live, kept) = heap();
    format!(
        "{:.0} ({:.0} anon, heap {live:.0} live {kept:.0} kept)",
        status("VmRSS:"),
        status("RssAnon:")
    )
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let dir = std::path::PathBuf::from(&args[2]);
    if args[1] == "make" {
        let bundle = kompis_core::synthetic::bundle(7, 20_000, 2_000);
        let cat = api::open(&dir).unwrap();
        cat.import(&bundle).unwrap();
        return;
    }
    println!("start {}", rss());
    let cat = api::open(&dir).unwrap();
    println!("open {}", rss());
    let only: Vec<String> = args[3..].to_vec();
    let step = |name: &str, cmd: &str, args: serde_json::Value| {
        if !only.is_empty() && !only.iter().any(|o| o == cmd) && cmd != "list_entries" {
            return serde_json::Value::Null;
        }
        let t = std::time::Instant::now();
        let v = api::dispatch(&cat, cmd, args).unwrap();
        println!(
            "{name:<24} {:>34} MB  {:>5} ms  reply {} KB",
            rss(),
            t.elapsed().as_millis(),
            v.to_string().len() / 1024
        );
        v
    };
    if only.is_empty() {
        step(
            "needs list",
            "list_entries",
            json!({"side":"need","query":{}}),
        );
        step(
            "offers list",
            "list_entries",
            json!({"side":"offer","query":{}}),
        );
    }
    step("facets", "facets", json!({}));
    step("people", "list_people", json!({"query":{}}));
    step("orgs", "list_organisations", json!({"query":{}}));
    let needs = api::dispatch(
        &cat,
        "list_entries",
        json!({"side":"need","query":{"limit":5}}),
    )
    .unwrap();
    let id = needs["rows"][0]["entry"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    step(
        "matches_for_need",
        "matches_for_need",
        json!({"needId": id}),
    );
    step("gaps", "competence_gaps", json!({"query":{}}));
    step("search", "search", json!({"text":"sveis"}));
    step(
        "filter offers",
        "list_entries",
        json!({"side":"offer","query":{"text":"lean"}}),
    );
    step("concepts", "list_concepts", json!({}));
    step(
        "sheet preview",
        "sheet_preview",
        json!({"request":{"format":"pdf","scope":{"kind":"all"},"lang":"nb"}}),
    );
    let _ = SheetLang::Nb;
    // What stays resident once the allocator has had time to give back
    // what the builds freed (jemalloc's decay, where it is the allocator).
    std::thread::sleep(std::time::Duration::from_secs(3));
    println!("{:<24} {:>34} MB", "after 3 s idle", rss());
}
