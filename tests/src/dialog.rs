//! Answers the app's native GTK file dialogs the way a person does, with
//! the keyboard, through `xdotool` (XTEST) on the test's X display:
//! WebDriver reaches only the webview, not the dialogs Rust opens.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

/// How long a dialog may take to appear.
const APPEAR: Duration = Duration::from_secs(20);

pub(crate) fn xdotool(display: &str, args: &[&str]) -> String {
    let program = crate::find_program("xdotool")
        .expect("xdotool is missing: run `bash scripts/setup.sh` (Debian package xdotool)");
    let out = Command::new(program)
        .args(args)
        .env("DISPLAY", display)
        .output()
        .expect("could not run xdotool");
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

/// Waits for the dialog titled `title` and answers it with `path`: in an
/// open dialog through the location field (Ctrl+L), in a save dialog by
/// replacing the suggested name with the whole path; then Enter.
pub fn answer(display: &str, title: &str, path: &Path) {
    location_field(display, title);
    let text = path.to_str().expect("the test's path is UTF-8");
    xdotool(display, &["type", "--delay", "15", text]);
    std::thread::sleep(Duration::from_millis(300));
    xdotool(display, &["key", "Return"]);
    let closed = crate::wait_until(APPEAR, || crate::window::titled(display, title).is_empty());
    assert!(
        closed,
        "the file dialog {title:?} did not close after Enter"
    );
}

/// Waits for the folder dialog titled `title` and chooses `folder`: its
/// path in the location field (Ctrl+L) takes the dialog into it, and Enter
/// on the empty field then chooses the folder it is in.
pub fn answer_folder(display: &str, title: &str, folder: &Path) {
    let window = location_field(display, title);
    let text = format!("{}/", folder.to_str().expect("the test's path is UTF-8"));
    xdotool(display, &["type", "--delay", "15", &text]);
    std::thread::sleep(Duration::from_millis(300));
    xdotool(display, &["key", "Return"]);
    let gone = || crate::window::titled(display, title).is_empty();
    for _ in 0..3 {
        if crate::wait_until(Duration::from_millis(1500), gone) {
            return;
        }
        xdotool(display, &["windowfocus", "--sync", &window]);
        xdotool(display, &["key", "Return"]);
    }
    if !crate::wait_until(APPEAR, gone) {
        let shot = Path::new(env!("CARGO_MANIFEST_DIR")).join("artifacts/folder-dialog-failed.png");
        crate::window::capture(display, title, &shot);
        panic!(
            "the folder dialog {title:?} did not close after Enter (photographed in {})",
            shot.display()
        );
    }
}

/// Waits for the dialog titled `title`, focuses it and selects all of its
/// location field (Ctrl+L, Ctrl+A); answers its X window.
fn location_field(display: &str, title: &str) -> String {
    let mut windows = Vec::new();
    let found = crate::wait_until(APPEAR, || {
        windows = crate::window::titled(display, title);
        !windows.is_empty()
    });
    assert!(
        found,
        "no file dialog titled {title:?} appeared within {APPEAR:?}"
    );
    let window = windows.last().map(u32::to_string).unwrap_or_default();
    // Let GTK finish mapping the dialog and focusing its first field.
    std::thread::sleep(Duration::from_millis(800));
    xdotool(display, &["windowfocus", "--sync", &window]);
    xdotool(display, &["key", "--clearmodifiers", "ctrl+l"]);
    std::thread::sleep(Duration::from_millis(300));
    xdotool(display, &["key", "--clearmodifiers", "ctrl+a"]);
    window
}
