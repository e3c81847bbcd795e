//! What a screen reader reads: the real window's accessibility tree over
//! AT-SPI (WebKit's page as assistive technology sees it), on every
//! screen of the example network. Every control a person can operate
//! (buttons, fields, selects, check boxes, links) has a name, and every
//! enabled one can be reached with the keyboard (is focusable).
//!
//! Runs on a private session bus with the AT-SPI bus behind it; the tree
//! is walked by `tests/a11y_tree.py` (python3-gi, gir1.2-atspi-2.0).

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use kompis_e2e::harness::{within, Harness};
use kompis_e2e::ui;
use serde_json::Value;

/// A D-Bus session bus of the test's own, stopped when dropped.
struct SessionBus {
    child: Child,
    address: String,
}

impl SessionBus {
    fn start() -> SessionBus {
        let mut child = Command::new("dbus-daemon")
            .args(["--session", "--nofork", "--print-address=1"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("dbus-daemon is missing: run `bash scripts/setup.sh` (Debian package dbus)");
        let mut address = String::new();
        BufReader::new(child.stdout.take().expect("no output"))
            .read_line(&mut address)
            .expect("the session bus said no address");
        SessionBus {
            child,
            address: address.trim().to_string(),
        }
    }
}

impl Drop for SessionBus {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The system's python, which has the GObject bindings.
fn python() -> &'static str {
    if std::path::Path::new("/usr/bin/python3").exists() {
        "/usr/bin/python3"
    } else {
        "python3"
    }
}

fn tree(bus: &str, display: &str) -> Value {
    let script = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("a11y_tree.py");
    let out = Command::new(python())
        .arg(&script)
        .arg("kompis-app")
        .env("DBUS_SESSION_BUS_ADDRESS", bus)
        .env("DISPLAY", display)
        .output()
        .expect("could not run a11y_tree.py");
    let text = String::from_utf8_lossy(&out.stdout);
    serde_json::from_str(text.trim()).unwrap_or_else(|e| {
        panic!(
            "a11y_tree.py said no JSON ({e}): {text} {}",
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

/// The tree once the page has settled, walked off the test's runtime.
async fn settled_tree(harness: &Harness, bus: &SessionBus) -> Value {
    tokio::time::sleep(Duration::from_millis(600)).await;
    let display = harness.display().to_string();
    let address = bus.address.clone();
    tokio::task::spawn_blocking(move || tree(&address, &display))
        .await
        .expect("the tree walk failed")
}

#[tokio::test(flavor = "multi_thread")]
async fn every_control_on_every_screen_has_a_name_a_screen_reader_can_say() {
    within(Duration::from_secs(400), async {
        let bus = SessionBus::start();
        let harness = Harness::start_accessible(&bus.address);
        let client = harness.launch().await;
        ui::click(&client, "demo-load").await;
        ui::element(&client, "entry-row").await;
        let mut unnamed = Vec::new();
        let mut unreachable = Vec::new();
        for (_, hash, ready) in ui::SCREENS {
            ui::visit(&client, hash, ready).await;
            let t = settled_tree(&harness, &bus).await;
            let controls = t["controls"].as_u64().unwrap_or(0);
            assert!(
                controls >= 10,
                "{hash}: the accessibility tree shows only {controls} controls: {t}"
            );
            for u in t["unnamed"].as_array().into_iter().flatten() {
                unnamed.push(format!("{hash}: {} at {}", u["role"], u["path"]));
            }
            for u in t["unreachable"].as_array().into_iter().flatten() {
                unreachable.push(format!(
                    "{hash}: {} {} at {}",
                    u["role"], u["name"], u["path"]
                ));
            }
            println!("{hash}: {controls} controls");
        }
        assert!(unnamed.is_empty(), "controls without a name: {unnamed:#?}");
        assert!(
            unreachable.is_empty(),
            "controls the keyboard cannot reach: {unreachable:#?}"
        );

        // The walk does see a control with no name: a bare button put on the page.
        client
            .execute(
                "const b = document.createElement('button'); b.id = 'bare';\
                 document.querySelector('main, body').prepend(b);",
                vec![],
            )
            .await
            .expect("could not add a button");
        let t = settled_tree(&harness, &bus).await;
        assert!(
            t["unnamed"]
                .as_array()
                .is_some_and(|u| u.iter().any(|c| c["role"] == "push button")),
            "a button with no name went unseen: {t}"
        );
        harness.quit(client).await;
    })
    .await;
}
