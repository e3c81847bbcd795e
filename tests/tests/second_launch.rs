//! A second Kompis on a catalogue that one already has open: it hands over
//! to the first window (single instance, over the D-Bus session bus) or,
//! without a session bus, refuses with the lock sentence in a dialog and
//! on stderr. Never a raw OS error, never two writers.

use std::io::Read;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use kompis_e2e::harness::{within, Harness};
use kompis_e2e::{send_signal, ui, wait_until};

#[tokio::test(flavor = "multi_thread")]
async fn a_second_launch_on_an_open_catalogue_hands_over_or_says_why_not() {
    within(Duration::from_secs(120), async {
        let harness = Harness::start();
        let first = harness.launch().await;
        ui::element(&first, "demo-skip").await;

        let mut second = Command::new(kompis_e2e::app::binary())
            .arg("--db")
            .arg(harness.catalogue())
            .envs(harness.env())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("could not start a second app");
        let stderr = Arc::new(Mutex::new(String::new()));
        let mut pipe = second.stderr.take().expect("piped stderr");
        let sink = Arc::clone(&stderr);
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = pipe.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock()
                    .unwrap()
                    .push_str(&String::from_utf8_lossy(&buf[..n]));
            }
        });

        const SENTENCE: &str = "is open in another Kompis window";
        let settled = wait_until(Duration::from_secs(30), || {
            stderr.lock().unwrap().contains(SENTENCE) || second.try_wait().ok().flatten().is_some()
        });
        let exit = second.try_wait().ok().flatten();
        if exit.is_none() {
            // Waiting on its dialog: end it.
            send_signal(second.id(), "TERM");
            let _ = second.wait();
        }
        let said = stderr.lock().unwrap().clone();
        assert!(
            settled,
            "the second app neither handed over nor refused within 30 s; stderr: {said}"
        );
        match exit {
            Some(status) => assert!(
                status.success() || said.contains(SENTENCE),
                "the second app failed without the lock sentence ({status}); stderr: {said}"
            ),
            None => assert!(said.contains(SENTENCE), "stderr: {said}"),
        }
        // The first window is unharmed.
        ui::click(&first, "demo-skip").await;
        ui::element(&first, "nav-needs").await;
        harness.quit(first).await;
    })
    .await;
}
