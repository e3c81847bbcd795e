//! A benchmark of the real Kompis window (WebKitGTK under Xvfb, driven
//! through tauri-driver) on a large synthetic catalogue: 20,000 offers,
//! 2,000 needs, 1,000 organisations and 100 offers in the trash. Not a
//! test: it asserts nothing, it prints a table of figures against the
//! targets.
//!
//! ```text
//! cargo run -p kompis-e2e --example window_bench -- [--release-app PATH]
//!     [--starts N] [--rounds N] [--needs N] [--sheets N]
//! ```
//!
//! The app binary is `--release-app PATH` (any build, despite the name),
//! else what the e2e harness picks (`KOMPIS_APP_BIN`, else `kompis-app` in
//! this example's cargo profile folder).
//!
//! How each figure is taken:
//! - start: from the app process's start (its `/proc/<pid>/stat` start
//!   time) to the first `entry-row` in the DOM (a `MutationObserver` in the
//!   page, as an epoch time via `performance.timeOrigin`), split into
//!   process start → page load and page load → first row;
//! - everything else is timed inside the page with `performance.now()`: a
//!   script clicks the nav button (or row link, or sets the filter box's
//!   value and dispatches `input`, as a keystroke does) and resolves when
//!   the old screen is gone and the new one's first row (or empty state) is
//!   in the DOM ("DOM"), and at the next animation frame after that
//!   ("frame", what gets painted; frames come every ~16.7 ms);
//! - the page's `fetch` is wrapped to log every IPC call (Tauri sends
//!   them as `ipc://localhost/<command>` requests): its round trip, and
//!   afterwards the same calls are replayed in-process through
//!   `kompis_core::api::dispatch` on the same catalogue, to tell the
//!   core's share from the IPC's and the UI's;
//! - memory: VmRSS, RssAnon and Pss of the app process and every process
//!   below it (WebKitWebProcess, WebKitNetworkProcess), after visiting
//!   every screen, and the tree's distinct resident pages (each physical
//!   page once, from `/proc/<pid>/pagemap`; needs root).

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use fantoccini::wd::TimeoutConfiguration;
use fantoccini::Client;
use kompis_core::model::EntityKind;
use kompis_e2e::app;
use kompis_e2e::harness::Harness;
use serde_json::{json, Value};

const SEED: u64 = 7;
const OFFERS: usize = 20_000;
const NEEDS: usize = 2_000;
const ORGANISATIONS: usize = 1_000;
/// Offers generated beyond `OFFERS` and moved to the trash, so that the
/// trash screen has rows.
const TRASHED: usize = 100;
/// Typed letter by letter into the offers list's filter box.
const WORDS: [&str; 4] = ["sveis", "lean", "bærekraft", "aluminium"];
/// How long one in-page wait may take before it counts as "never".
const WAIT_MS: u64 = 60_000;

struct Options {
    app: PathBuf,
    starts: usize,
    rounds: usize,
    needs: usize,
    sheets: usize,
}

fn options() -> Options {
    let mut app = None;
    let (mut starts, mut rounds, mut needs, mut sheets) = (5, 5, 12, 3);
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().unwrap_or_else(|| panic!("{arg} needs a value"));
        let number =
            |v: String| -> usize { v.parse().unwrap_or_else(|_| panic!("not a number: {v}")) };
        match arg.as_str() {
            "--release-app" | "--app" => app = Some(PathBuf::from(value())),
            "--starts" => starts = number(value()).max(1),
            "--rounds" => rounds = number(value()).max(1),
            "--needs" => needs = number(value()).max(1),
            "--sheets" => sheets = number(value()).max(1),
            "-h" | "--help" => {
                println!(
                    "window_bench [--release-app PATH] [--starts N] [--rounds N] [--needs N] [--sheets N]"
                );
                std::process::exit(0);
            }
            other => panic!("unknown argument {other:?} (try --help)"),
        }
    }
    Options {
        app: app.unwrap_or_else(app::binary),
        starts,
        rounds,
        needs,
        sheets,
    }
}

// ---------------------------------------------------------------- catalogue

struct Made {
    generated_organisations: usize,
    organisations: usize,
    offers: usize,
    needs: usize,
    trashed: usize,
    seconds: f64,
}

/// Writes the synthetic catalogue into `dir` (which must not be open).
fn make_catalogue(dir: &Path) -> Made {
    let start = Instant::now();
    let mut bundle = kompis_core::synthetic::bundle(SEED, OFFERS + TRASHED, NEEDS);
    // The generator makes (offers + needs) / 20 organisations (1,105 here);
    // fold their ids onto 1,000.
    let generated_organisations = bundle.organisations.len();
    for entry in bundle.offers.iter_mut().chain(bundle.needs.iter_mut()) {
        if let Some(id) = &mut entry.organisation {
            if let Some(n) = id
                .strip_prefix("org-")
                .and_then(|n| n.parse::<usize>().ok())
            {
                *id = format!("org-{}", n % ORGANISATIONS);
            }
        }
    }
    let used: HashSet<String> = bundle
        .offers
        .iter()
        .chain(&bundle.needs)
        .filter_map(|e| e.organisation.clone())
        .collect();
    bundle.organisations.retain(|o| used.contains(&o.id));
    let trashed: Vec<String> = bundle.offers[OFFERS..]
        .iter()
        .map(|e| e.id.clone())
        .collect();
    let cat = kompis_core::api::open(dir).expect("cannot open the benchmark catalogue");
    cat.import(&bundle)
        .expect("the synthetic bundle did not import");
    for id in &trashed {
        cat.delete(EntityKind::Offer, id)
            .expect("cannot move an offer to the trash");
    }
    let info = kompis_core::api::catalogue_info(&cat).expect("no catalogue info");
    Made {
        generated_organisations,
        organisations: info.counts.organisations as usize,
        offers: info.counts.offers as usize,
        needs: info.counts.needs as usize,
        trashed: info.counts.trash as usize,
        seconds: start.elapsed().as_secs_f64(),
    }
}

// ---------------------------------------------------------------- in the page

/// Installed once per page: the IPC log (a wrapper around `fetch`) and
/// `__bench.until(pred, t0)`, which resolves `{dom, frame}` (ms since
/// `t0`, -1 when it timed out) once `pred()` holds.
const INSTALL: &str = r#"
if (!window.__bench) {
  const B = (window.__bench = { calls: [] });
  const orig = window.fetch.bind(window);
  window.fetch = function (input, init) {
    const url = String((input && input.url) || input);
    if (!url.startsWith("ipc:")) return orig(input, init);
    const rec = {
      cmd: decodeURIComponent(url.split("/").pop()),
      body: init && typeof init.body === "string" ? init.body : "",
      start: performance.now(),
      end: 0,
      ok: null,
    };
    B.calls.push(rec);
    return orig(input, init).then((r) => {
      rec.ok = r.headers.get("Tauri-Response") === "ok";
      for (const m of ["json", "text", "arrayBuffer"]) {
        const f = r[m].bind(r);
        r[m] = () => f().then((v) => { rec.end = performance.now(); return v; });
      }
      return r;
    });
  };
  B.until = (pred, t0, timeout) =>
    new Promise((resolve) => {
      let dom = null;
      const check = () => {
        if (dom === null && pred()) dom = performance.now() - t0;
      };
      const mo = new MutationObserver(check);
      mo.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
      check();
      const step = () => {
        check();
        const now = performance.now();
        if (dom !== null || now - t0 > timeout) {
          mo.disconnect();
          resolve(dom === null ? { dom: -1, frame: -1 } : { dom, frame: now - t0 });
        } else requestAnimationFrame(step);
      };
      requestAnimationFrame(step);
    });
  B.errors = [];
  window.addEventListener("error", (e) => B.errors.push(String(e.message)));
  window.addEventListener("unhandledrejection", (e) => B.errors.push("unhandled: " + String(e.reason && (e.reason.message || JSON.stringify(e.reason)))));
  const cerr = console.error.bind(console);
  console.error = (...a) => { B.errors.push(a.map((x) => String((x && x.message) || x)).join(" ")); cerr(...a); };
  B.screen = () => Array.from(document.querySelector("main.content")?.children ?? []);
}
return true;
"#;

/// Waits (from the start of the page) for the first needs row or the
/// first-start dialog; answers epoch times.
const FIRST_ROW: &str = r#"
const done = arguments[arguments.length - 1];
const dialog = () => document.querySelector('dialog[data-testid="first-start"][open]');
const found = () => document.querySelector('[data-testid="entry-row"]') || dialog();
const already = !!found();
const report = () => {
  const now = performance.now();
  done({
    already,
    epoch: performance.timeOrigin + now,
    origin: performance.timeOrigin,
    firstStart: !!dialog(),
    hash: location.hash,
    ipc: performance.getEntriesByType("resource")
      .filter((e) => e.name.startsWith("ipc:"))
      .map((e) => ({ name: e.name, start: e.startTime, end: e.responseEnd })),
  });
};
if (already) report();
else {
  const mo = new MutationObserver(() => { if (found()) { mo.disconnect(); report(); } });
  mo.observe(document.documentElement, { childList: true, subtree: true });
}
"#;

/// Clicks the element matching `arguments[0]` (the `n`-th, `arguments[1]`)
/// and waits until the screen shown before is gone and `arguments[2]` is in
/// the DOM.
const CLICK_AND_WAIT: &str = r#"
const [target, nth, want, timeout, done] = arguments;
const B = window.__bench;
const old = B.screen();
const calls = B.calls.length;
const el = document.querySelectorAll(target)[nth];
if (!el) return done({ error: "nothing matches " + target + " #" + nth });
const t0 = performance.now();
el.click();
B.until(() => old.every((e) => !e.isConnected) && !!document.querySelector("main.content " + want), t0, timeout)
  .then((r) => {
    const hit = document.querySelector("main.content " + want);
    r.what = hit ? (hit.getAttribute("data-testid") || hit.className) : null;
    r.text = hit ? hit.textContent.trim().slice(0, 80) : null;
    r.ipc = B.calls.slice(calls).map((c) => ({ cmd: c.cmd, ok: c.ok, start: c.start - t0, ms: c.end ? c.end - c.start : -1 }));
    if (!hit) {
      const m = document.querySelector("main.content section.matches") || document.querySelector("main.content") || document.body;
      r.main = m.textContent.trim().slice(0, 300);
      r.errors = B.errors.slice(-5);
    }
    done(r);
  });
"#;

/// Sets the list's filter box to `arguments[0]` (as a keystroke does) and
/// waits until the reply to that text has arrived and the list shows it.
const TYPE_AND_WAIT: &str = r#"
const [text, timeout, done] = arguments;
const B = window.__bench;
const input = document.querySelector('main.content [data-testid="search"]');
if (!input) return done({ error: "no search box" });
const sig = () => {
  const bar = document.querySelector("main.content .list-bar p");
  const rows = Array.from(document.querySelectorAll('main.content [data-testid="entry-row"]')).slice(0, 3);
  const empty = document.querySelector("main.content .empty");
  return (bar ? bar.textContent : "") + "|" + rows.map((r) => r.innerHTML).join("|") + "|" + (empty ? empty.textContent : "");
};
const before = sig();
const calls = B.calls.length;
const key = '"text":' + JSON.stringify(text);
const reply = () => B.calls.slice(calls).find((c) => c.cmd === "list_entries" && c.body.includes(key) && c.end);
let replyFrame = false;
const t0 = performance.now();
input.value = text;
input.dispatchEvent(new Event("input", { bubbles: true }));
const wanted = () => {
  const r = reply();
  if (!r) return false;
  // Same rows for the new text as for the old: the frame after the reply.
  return sig() !== before || replyFrame;
};
let stop = false;
const mark = () => { if (reply()) replyFrame = true; if (!stop) requestAnimationFrame(mark); };
requestAnimationFrame(mark);
B.until(wanted, t0, timeout).then((r) => {
  stop = true;
  const c = reply();
  r.changed = sig() !== before;
  r.count = (document.querySelector("main.content .list-bar p") || document.querySelector("main.content .empty") || {}).textContent;
  if (c) { r.sent = c.start - t0; r.ipc = c.end - c.start; r.after = r.dom - (c.end - t0); }
  done(r);
});
"#;

/// Empties the filter box and waits until the list shows `arguments[0]`
/// (the unfiltered count) again.
const CLEAR: &str = r#"
const [count, timeout, done] = arguments;
const input = document.querySelector('main.content [data-testid="search"]');
input.value = "";
input.dispatchEvent(new Event("input", { bubbles: true }));
const t0 = performance.now();
window.__bench.until(() => {
  const bar = document.querySelector("main.content .list-bar p");
  return bar && bar.textContent === count;
}, t0, timeout).then(done);
"#;

async fn run_js(client: &Client, script: &str, args: Vec<Value>) -> Value {
    client
        .execute_async(script, args)
        .await
        .unwrap_or_else(|e| panic!("the page script failed: {e}"))
}

fn ms(v: &Value, key: &str) -> Option<f64> {
    v.get(key).and_then(Value::as_f64).filter(|x| *x >= 0.0)
}

// ---------------------------------------------------------------- processes

fn epoch_ms() -> f64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("clock before 1970")
        .as_secs_f64()
        * 1000.0
}

/// The `kompis-app` process running on `catalogue`.
fn app_pid(catalogue: &Path) -> Option<u32> {
    app::processes_on(catalogue).into_iter().find(|pid| {
        std::fs::read_to_string(format!("/proc/{pid}/comm"))
            .map(|c| c.trim().starts_with("kompis-app"))
            .unwrap_or(false)
    })
}

/// Fields of `/proc/<pid>/stat` after the command name (field 3 on).
fn stat_fields(pid: u32) -> Option<Vec<String>> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let rest = &stat[stat.rfind(')')? + 2..];
    Some(rest.split_whitespace().map(str::to_string).collect())
}

/// When process `pid` started, in epoch milliseconds (10 ms resolution).
fn process_start_epoch_ms(pid: u32) -> Option<f64> {
    let ticks: f64 = stat_fields(pid)?.get(19)?.parse().ok()?; // field 22
    let hz: f64 = std::process::Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(100.0);
    let now = epoch_ms();
    let uptime: f64 = std::fs::read_to_string("/proc/uptime")
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()?;
    Some(now - (uptime - ticks / hz) * 1000.0)
}

/// `pid` and every process below it.
fn process_tree(pid: u32) -> Vec<u32> {
    let mut parents: Vec<(u32, u32)> = Vec::new();
    for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        let Some(p) = entry.file_name().to_str().and_then(|s| s.parse().ok()) else {
            continue;
        };
        if let Some(ppid) = stat_fields(p).and_then(|f| f.get(1)?.parse().ok()) {
            parents.push((p, ppid));
        }
    }
    let mut tree = vec![pid];
    let mut i = 0;
    while i < tree.len() {
        let parent = tree[i];
        tree.extend(
            parents
                .iter()
                .filter(|(_, pp)| *pp == parent)
                .map(|(p, _)| *p),
        );
        i += 1;
    }
    tree
}

/// A `kB` line of a `/proc` file, in MB.
fn proc_mb(path: &str, key: &str) -> f64 {
    std::fs::read_to_string(path)
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(key))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .unwrap_or(0.0)
        / 1024.0
}

/// `(name, pid, rss MB, pss MB, anonymous rss MB)` of each process in the
/// app's tree.
fn memory(pid: u32) -> Vec<(String, u32, f64, f64, f64)> {
    process_tree(pid)
        .into_iter()
        .map(|p| {
            let name = std::fs::read_to_string(format!("/proc/{p}/comm"))
                .unwrap_or_default()
                .trim()
                .to_string();
            let rss = proc_mb(&format!("/proc/{p}/status"), "VmRSS:");
            let pss = proc_mb(&format!("/proc/{p}/smaps_rollup"), "Pss:");
            let anon = proc_mb(&format!("/proc/{p}/status"), "RssAnon:");
            (name, p, rss, pss, anon)
        })
        .collect()
}

/// The resident memory of the app's whole process tree, each physical page
/// counted once: the union of the present pages' frame numbers in every
/// process's `/proc/<pid>/pagemap`, in MB. RSS counts a page once per
/// process that maps it (WebKitGTK's and GTK's libraries three times);
/// PSS shares a page out among every process that maps it, the bench's own
/// and the X server's too. `None` when the frame numbers are hidden (they
/// need CAP_SYS_ADMIN: run as root).
fn distinct_resident_mb(pids: &[u32]) -> Option<f64> {
    use std::os::unix::fs::FileExt;
    const PRESENT: u64 = 1 << 63;
    const PFN: u64 = (1 << 55) - 1;
    let page = 4096u64;
    let mut frames: HashSet<u64> = HashSet::new();
    let mut hidden = true;
    for pid in pids {
        let Ok(smaps) = std::fs::read_to_string(format!("/proc/{pid}/smaps")) else {
            continue;
        };
        let Ok(pagemap) = std::fs::File::open(format!("/proc/{pid}/pagemap")) else {
            continue;
        };
        let mut range: Option<(u64, u64)> = None;
        for line in smaps.lines() {
            let first = line.split_whitespace().next().unwrap_or("");
            if let Some((a, b)) = first.split_once('-') {
                if let (Ok(a), Ok(b)) = (u64::from_str_radix(a, 16), u64::from_str_radix(b, 16)) {
                    range = Some((a, b));
                    continue;
                }
            }
            let Some(kb) = line.strip_prefix("Rss:") else {
                continue;
            };
            let resident = kb
                .split_whitespace()
                .next()
                .and_then(|v| v.parse::<u64>().ok());
            let (Some((start, end)), Some(1..)) = (range, resident) else {
                continue;
            };
            let mut buf = vec![0u8; ((end - start) / page * 8) as usize];
            if pagemap.read_exact_at(&mut buf, start / page * 8).is_err() {
                continue;
            }
            for entry in buf.chunks_exact(8) {
                let e = u64::from_le_bytes(entry.try_into().expect("8 bytes"));
                if e & PRESENT != 0 {
                    if e & PFN != 0 {
                        hidden = false;
                    }
                    frames.insert(e & PFN);
                }
            }
        }
    }
    (!hidden).then(|| (frames.len() as u64 * page) as f64 / 1_048_576.0)
}

// ---------------------------------------------------------------- figures

#[derive(Default)]
struct Samples(Vec<f64>);

impl Samples {
    fn push(&mut self, v: Option<f64>) {
        if let Some(v) = v {
            self.0.push(v);
        }
    }
    fn sorted(&self) -> Vec<f64> {
        let mut s = self.0.clone();
        s.sort_by(f64::total_cmp);
        s
    }
    /// Nearest-rank percentile.
    fn pct(&self, p: f64) -> Option<f64> {
        let s = self.sorted();
        if s.is_empty() {
            return None;
        }
        let rank = ((p / 100.0) * s.len() as f64).ceil() as usize;
        Some(s[rank.clamp(1, s.len()) - 1])
    }
    fn max(&self) -> Option<f64> {
        self.sorted().last().copied()
    }
}

fn cell(v: Option<f64>) -> String {
    v.map_or("—".into(), |v| format!("{v:.0}"))
}

/// One table line: name, n, median, p95, max (and the median and p95 of
/// `frame`, the same events to the next animation frame), target, and the
/// verdict on `judged`.
fn line(
    name: &str,
    s: &Samples,
    frame: Option<&Samples>,
    target: Option<f64>,
    judged: Option<f64>,
) {
    let verdict = match (target, judged) {
        (Some(t), Some(v)) if v <= t => "met",
        (Some(_), Some(_)) => "NOT MET",
        (Some(_), None) => "no data",
        (None, _) => "",
    };
    println!(
        "{name:<46} {:>4} {:>7} {:>7} {:>7} {:>8} {:>8} {:>7}  {verdict}",
        s.0.len(),
        cell(s.pct(50.0)),
        cell(s.pct(95.0)),
        cell(s.max()),
        frame.map_or(String::new(), |f| cell(f.pct(50.0))),
        frame.map_or(String::new(), |f| cell(f.pct(95.0))),
        target.map_or(String::new(), |t| format!("≤ {t:.0}")),
    );
}

fn header(title: &str) {
    println!("\n{title}");
    println!(
        "{:<46} {:>4} {:>7} {:>7} {:>7} {:>8} {:>8} {:>7}",
        "", "n", "median", "p95", "max", "frame md", "frame 95", "target"
    );
}

/// An IPC call seen in the window.
struct Call {
    cmd: String,
    body: String,
    ms: f64,
}

// ---------------------------------------------------------------- scenario

/// The list screens the nav reaches, with what shows once each has loaded.
const SCREENS: [(&str, &str); 7] = [
    ("needs", "[data-testid=\"entry-row\"], .empty"),
    ("offers", "[data-testid=\"entry-row\"], .empty"),
    ("organisations", "[data-testid=\"entry-row\"], .empty"),
    ("people", "[data-testid=\"entry-row\"], .empty"),
    ("gaps", "[data-testid=\"gap-row\"], .empty"),
    ("trash", "[data-testid=\"entry-row\"], .empty"),
    ("thesaurus", "[data-testid=\"concept\"], .empty"),
];
const PREVIEW: &str = "[data-testid=\"sheet-preview\"]:not(.stale)";

async fn nav(client: &Client, screen: &str, want: &str) -> Value {
    let v = run_js(
        client,
        CLICK_AND_WAIT,
        vec![
            format!("[data-testid=\"nav-{screen}\"]").into(),
            0.into(),
            want.into(),
            WAIT_MS.into(),
        ],
    )
    .await;
    if let Some(e) = v.get("error") {
        panic!("opening {screen}: {e}");
    }
    if ms(&v, "dom").is_none() {
        eprintln!("bench: {screen} did not show {want} within {WAIT_MS} ms");
    }
    v
}

/// Ends the session and waits until the app has let go of the catalogue
/// (its lock: a process that is exiting may have no command line left
/// while it still holds it); ends the app with SIGTERM if it is still there
/// after 20 s, and says so.
async fn quit(client: &Client, catalogue: &Path) -> Option<String> {
    let closed = tokio::time::timeout(Duration::from_secs(20), client.clone().close()).await;
    let mut note = None;
    if !app::wait_for_exit(catalogue, Duration::from_secs(20)) {
        note = Some(format!(
            "the app was still running 20 s after the session ended ({}); stopped with SIGTERM",
            if closed.is_ok() {
                "session closed"
            } else {
                "closing the session hung"
            }
        ));
        app::stop_all_on(catalogue);
        app::wait_for_exit(catalogue, Duration::from_secs(20));
    }
    let start = Instant::now();
    loop {
        match kompis_core::api::open(catalogue) {
            Ok(cat) => {
                drop(cat);
                break;
            }
            Err(e) if start.elapsed() > Duration::from_secs(30) => {
                panic!("the catalogue is still not free 30 s after the app exited: {e}")
            }
            Err(_) => tokio::time::sleep(Duration::from_millis(50)).await,
        }
    }
    note
}

fn take_calls(log: &Value, into: &mut Vec<Call>) {
    for c in log.as_array().into_iter().flatten() {
        let end = c["end"].as_f64().unwrap_or(0.0);
        if end <= 0.0 {
            continue;
        }
        into.push(Call {
            cmd: c["cmd"].as_str().unwrap_or_default().to_string(),
            body: c["body"].as_str().unwrap_or_default().to_string(),
            ms: end - c["start"].as_f64().unwrap_or(end),
        });
    }
}

#[tokio::main(flavor = "multi_thread")]
async fn main() {
    let opts = options();
    let harness = Harness::start_with(opts.app.clone());
    let catalogue = harness.catalogue().to_path_buf();
    eprintln!("bench: making the catalogue in {}", catalogue.display());
    let made = make_catalogue(&catalogue);
    eprintln!(
        "bench: {} offers, {} needs, {} organisations, {} in the trash ({:.1} s)",
        made.offers, made.needs, made.organisations, made.trashed, made.seconds
    );

    // Starts.
    let mut start_total = Samples::default();
    let mut start_native = Samples::default();
    let mut start_page = Samples::default();
    let mut start_driver = Samples::default();
    let mut notes: Vec<String> = Vec::new();
    let mut client = None;
    for run in 0..opts.starts {
        let before = Instant::now();
        let c = harness.launch().await;
        c.update_timeouts(TimeoutConfiguration::new(
            Some(Duration::from_millis(WAIT_MS + 30_000)),
            None,
            None,
        ))
        .await
        .expect("cannot set the script timeout");
        let v = run_js(&c, FIRST_ROW, vec![]).await;
        let driver_ms = before.elapsed().as_secs_f64() * 1000.0;
        let spawned = app_pid(&catalogue).and_then(process_start_epoch_ms);
        let row = v["epoch"].as_f64();
        let origin = v["origin"].as_f64();
        if v["firstStart"].as_bool() == Some(true) {
            notes.push(format!(
                "start {}: the first-start dialog showed on a non-empty catalogue",
                run + 1
            ));
        }
        if v["already"].as_bool() == Some(true) {
            notes.push(format!(
                "start {}: the first row was already there when the session began; its time is an upper bound",
                run + 1
            ));
        }
        if let (Some(s), Some(r), Some(o)) = (spawned, row, origin) {
            start_total.push(Some(r - s));
            start_native.push(Some(o - s));
            start_page.push(Some(r - o));
        }
        start_driver.push(Some(driver_ms));
        eprintln!(
            "bench: start {} (app pids {:?}): {:.0} ms from the process start to the first row ({:.0} ms as WebDriver saw it; hash {})",
            run + 1,
            app::processes_on(&catalogue),
            row.zip(spawned).map_or(f64::NAN, |(r, s)| r - s),
            driver_ms,
            v["hash"]
        );
        if run + 1 < opts.starts {
            if let Some(note) = quit(&c, &catalogue).await {
                notes.push(format!("after start {}: {note}", run + 1));
            }
        } else {
            client = Some(c);
        }
    }
    let client = client.expect("at least one start");
    client
        .execute(INSTALL, vec![])
        .await
        .expect("cannot install the page's timers");

    // List screens, round after round; each is opened from another one.
    let mut screens: BTreeMap<&str, Samples> = BTreeMap::new();
    let mut screens_frame: BTreeMap<&str, Samples> = BTreeMap::new();
    let mut shown: BTreeMap<&str, String> = BTreeMap::new();
    // The app opened on the needs list; go elsewhere first.
    nav(&client, "offers", SCREENS[1].1).await;
    for _ in 0..opts.rounds {
        for (screen, want) in &SCREENS {
            let v = nav(&client, screen, want).await;
            screens.entry(screen).or_default().push(ms(&v, "dom"));
            screens_frame
                .entry(screen)
                .or_default()
                .push(ms(&v, "frame"));
            shown.insert(screen, format!("{} {:?}", v["what"], v["text"]));
        }
    }

    // Keystrokes in the offers list's filter box.
    nav(&client, "offers", SCREENS[1].1).await;
    let full: String = client
        .execute(
            "return document.querySelector('main.content .list-bar p').textContent;",
            vec![],
        )
        .await
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default();
    let mut keys_dom = Samples::default();
    let mut keys_frame = Samples::default();
    let mut keys_sent = Samples::default();
    let mut keys_ipc = Samples::default();
    let mut keys_after = Samples::default();
    let mut unchanged = 0;
    let mut keystrokes: Vec<(String, f64, String)> = Vec::new();
    for _ in 0..opts.rounds.min(3) {
        for word in WORDS {
            let letters: Vec<char> = word.chars().collect();
            for n in 1..=letters.len() {
                let text: String = letters[..n].iter().collect();
                let v = run_js(
                    &client,
                    TYPE_AND_WAIT,
                    vec![text.clone().into(), WAIT_MS.into()],
                )
                .await;
                if let Some(e) = v.get("error") {
                    panic!("typing {text:?}: {e}");
                }
                keys_dom.push(ms(&v, "dom"));
                keys_frame.push(ms(&v, "frame"));
                keys_sent.push(ms(&v, "sent"));
                keys_ipc.push(ms(&v, "ipc"));
                keys_after.push(ms(&v, "after"));
                if v["changed"].as_bool() == Some(false) {
                    unchanged += 1;
                }
                keystrokes.push((
                    text,
                    ms(&v, "dom").unwrap_or(f64::NAN),
                    v["count"].as_str().unwrap_or_default().to_string(),
                ));
                // A pause between keys, past the UI's typing debounce.
                tokio::time::sleep(Duration::from_millis(150)).await;
            }
            run_js(&client, CLEAR, vec![full.clone().into(), WAIT_MS.into()]).await;
        }
    }

    // Needs' pages: click a row of the needs list, wait for the ranked offers.
    let mut need_dom = Samples::default();
    let mut need_frame = Samples::default();
    let mut need_first: Option<f64> = None;
    let mut need_empty = 0;
    let mut need_broken: Vec<String> = Vec::new();
    for k in 0..opts.needs {
        nav(&client, "needs", SCREENS[0].1).await;
        let v = run_js(
            &client,
            CLICK_AND_WAIT,
            vec![
                "main.content [data-testid=\"entry-row\"]".into(),
                (k % 15).into(),
                "[data-testid=\"match-row\"], .empty".into(),
                10_000.into(),
            ],
        )
        .await;
        if let Some(e) = v.get("error") {
            panic!("opening need #{k}: {e}");
        }
        if v["what"].is_null() {
            need_broken.push(v["errors"].to_string());
        } else if v["what"].as_str() != Some("match-row") {
            need_empty += 1;
        }
        eprintln!(
            "bench: need row #{}: {:.0} ms, {} {}",
            k % 15,
            ms(&v, "dom").unwrap_or(f64::NAN),
            v["what"],
            v["text"]
        );
        if v["what"].is_null() {
            eprintln!(
                "bench: need row #{}: the window showed {}; calls {}; page errors {}",
                k % 15,
                v["main"],
                v["ipc"],
                v["errors"]
            );
        }
        if k == 0 {
            need_first = ms(&v, "dom");
        }
        need_dom.push(ms(&v, "dom"));
        need_frame.push(ms(&v, "frame"));
    }

    // The treffark (match sheet) screen, to its preview.
    let mut sheet_dom = Samples::default();
    let mut sheet_frame = Samples::default();
    let mut sheet_what = String::new();
    for _ in 0..opts.sheets {
        nav(&client, "needs", SCREENS[0].1).await;
        let v = nav(&client, "sheets", PREVIEW).await;
        sheet_dom.push(ms(&v, "dom"));
        sheet_frame.push(ms(&v, "frame"));
        let counts: String = client
            .execute(
                "const p = document.querySelector('.sheet-preview-wrap'); return p ? p.textContent.trim().slice(0, 160) : '';",
                vec![],
            )
            .await
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        sheet_what = counts.split_whitespace().collect::<Vec<_>>().join(" ");
    }

    // Memory, after every screen.
    let pid = app_pid(&catalogue).expect("the app's process is gone");
    let mem = memory(pid);
    let distinct = distinct_resident_mb(&mem.iter().map(|m| m.1).collect::<Vec<_>>());
    // And once more after the window has been idle a while (what an
    // allocator gives back late shows here; the target is judged on `mem`).
    tokio::time::sleep(Duration::from_secs(5)).await;
    let mem_idle = memory(pid);
    let distinct_idle = distinct_resident_mb(&mem_idle.iter().map(|m| m.1).collect::<Vec<_>>());

    let log = client
        .execute("return window.__bench.calls;", vec![])
        .await
        .unwrap_or(Value::Null);
    let mut calls = Vec::new();
    take_calls(&log, &mut calls);
    if let Some(note) = quit(&client, &catalogue).await {
        notes.push(format!("at the end: {note}"));
    }

    // The same commands in-process, in the same order, on the same catalogue.
    let cat = kompis_core::api::open(&catalogue).expect("cannot reopen the catalogue");
    let mut window_ms: BTreeMap<String, Samples> = BTreeMap::new();
    let mut core_ms: BTreeMap<String, Samples> = BTreeMap::new();
    for call in &calls {
        window_ms
            .entry(call.cmd.clone())
            .or_default()
            .push(Some(call.ms));
        let args: Value = serde_json::from_str(&call.body).unwrap_or(json!({}));
        let t = Instant::now();
        let ok = kompis_core::api::dispatch(&cat, &call.cmd, args).is_ok();
        let took = t.elapsed().as_secs_f64() * 1000.0;
        if ok {
            core_ms
                .entry(call.cmd.clone())
                .or_default()
                .push(Some(took));
        }
    }
    drop(cat);

    // ------------------------------------------------------------ report
    let binary = opts.app.display().to_string();
    println!("\nKompis real-window benchmark");
    println!("app binary: {binary}");
    println!(
        "catalogue: {} offers, {} needs, {} organisations (the generator made {}, folded onto {ORGANISATIONS}), 0 people, {} offers in the trash; seed {SEED}",
        made.offers, made.needs, made.organisations, made.generated_organisations, made.trashed
    );
    println!(
        "machine: {} cores; WebKitGTK under Xvfb; all times in ms, timed in the page unless said",
        std::thread::available_parallelism().map_or(0, |n| n.get())
    );

    header("targets");
    line(
        "start → first needs row (process start)",
        &start_total,
        None,
        Some(1500.0),
        start_total.pct(50.0),
    );
    for (screen, _) in SCREENS {
        let s = &screens[screen];
        line(
            &format!("open {screen} (click → first row/empty, DOM)"),
            s,
            Some(&screens_frame[screen]),
            Some(300.0),
            s.max(),
        );
    }
    line(
        "keystroke → filtered list (DOM)",
        &keys_dom,
        Some(&keys_frame),
        Some(100.0),
        keys_dom.pct(95.0),
    );
    line(
        "need page → first match-row (DOM)",
        &need_dom,
        Some(&need_frame),
        Some(150.0),
        need_dom.max(),
    );
    line(
        "treffark → preview shown (DOM)",
        &sheet_dom,
        Some(&sheet_frame),
        Some(1000.0),
        sheet_dom.max(),
    );
    let rss: f64 = mem.iter().map(|m| m.2).sum();
    let pss: f64 = mem.iter().map(|m| m.3).sum();
    // RSS counts the libraries the processes share (WebKitGTK, GTK) once
    // per process; PSS shares them out, also with processes outside the
    // app; "distinct" counts each resident page of the tree once.
    for (what, mb) in [
        ("RSS", Some(rss)),
        ("PSS", Some(pss)),
        ("distinct pages", distinct),
    ] {
        let mut one = Samples::default();
        one.push(mb);
        line(
            &format!("memory: {what} app + WebKit (MB)"),
            &one,
            None,
            Some(500.0),
            mb,
        );
    }
    println!("(DOM: the first row or state in the DOM; frame: the next animation frame after it, ~ painted.\n start is judged on its median, keystrokes on p95, the rest on their max, all on DOM)");

    header("details");
    line(
        "start: process start → page load",
        &start_native,
        None,
        None,
        None,
    );
    line(
        "start: page load → first needs row",
        &start_page,
        None,
        None,
        None,
    );
    line(
        "start: WebDriver session request → row seen",
        &start_driver,
        None,
        None,
        None,
    );
    line(
        "keystroke: until the request is sent",
        &keys_sent,
        None,
        None,
        None,
    );
    line(
        "keystroke: list_entries round trip",
        &keys_ipc,
        None,
        None,
        None,
    );
    line(
        "keystroke: reply → list in the DOM",
        &keys_after,
        None,
        None,
        None,
    );

    header(
        "IPC: round trip in the window vs the same call in-process (kompis_core::api::dispatch)",
    );
    for (cmd, w) in &window_ms {
        line(&format!("{cmd} (window)"), w, None, None, None);
        if let Some(c) = core_ms.get(cmd) {
            line(&format!("{cmd} (core, {})", profile()), c, None, None, None);
        }
    }

    println!("\nmemory after visiting every screen (MB):");
    for (name, pid, rss, pss, anon) in &mem {
        println!("  {name:<24} pid {pid:<8} RSS {rss:>7.1}  PSS {pss:>7.1}  of RSS anonymous {anon:>7.1}");
    }
    println!(
        "  {:<24} {:<12} RSS {rss:>7.1}  PSS {pss:>7.1}  distinct pages {}",
        "total",
        "",
        cell(distinct)
    );

    println!("\neach screen's opens in the order they were made (DOM ms; round 1 runs while the warm-up is building the caches):");
    for (screen, _) in SCREENS {
        let all: Vec<String> = screens[screen]
            .0
            .iter()
            .map(|v| format!("{v:.0}"))
            .collect();
        println!("  {screen:<14} {}", all.join(", "));
    }
    let pages: Vec<String> = need_dom.0.iter().map(|v| format!("{v:.0}")).collect();
    println!("  {:<14} {}", "need pages", pages.join(", "));

    println!("\nmemory after 5 s more without input (MB):");
    for (name, pid, rss, pss, anon) in &mem_idle {
        println!("  {name:<24} pid {pid:<8} RSS {rss:>7.1}  PSS {pss:>7.1}  of RSS anonymous {anon:>7.1}");
    }
    println!(
        "  {:<24} {:<12} RSS {:>7.1}  PSS {:>7.1}",
        "total",
        "",
        mem_idle.iter().map(|m| m.2).sum::<f64>(),
        mem_idle.iter().map(|m| m.3).sum::<f64>()
    );
    println!("  distinct pages {}", cell(distinct_idle));

    println!("\nwhat the screens showed:");
    for (screen, what) in &shown {
        println!("  {screen:<14} {what}");
    }
    println!("  treffark       {sheet_what}");
    if let Some(first) = need_first {
        println!("  first need page opened (offer index cold): {first:.0} ms");
    }
    if need_empty > 0 {
        println!("  {need_empty} need pages showed no ranked offer");
    }
    if !need_broken.is_empty() {
        println!(
            "  {} need pages never showed a match-row or an empty state within 10 s (not in the figures); page errors: {}",
            need_broken.len(),
            need_broken.join("; ")
        );
    }
    if unchanged > 0 {
        println!("  {unchanged} keystrokes gave the same rows as the one before (timed to the frame after the reply)");
    }
    println!("\nkeystrokes (text, DOM ms, count shown):");
    for (text, t, count) in keystrokes
        .iter()
        .take(WORDS.iter().map(|w| w.chars().count()).sum())
    {
        println!("  {text:<12} {t:>6.0}  {count}");
    }
    for note in &notes {
        println!("note: {note}");
    }
}

fn profile() -> &'static str {
    if cfg!(debug_assertions) {
        "debug build"
    } else {
        "release build"
    }
}
