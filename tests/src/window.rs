//! Asks the app's window to close the way a window manager does when the
//! person clicks ✕ in the title bar: a `WM_DELETE_WINDOW` message, which
//! GTK turns into a close request the app may hold back.

use x11rb::connection::Connection;
use x11rb::protocol::xproto::{ClientMessageEvent, ConnectionExt, EventMask};

/// Sends `WM_DELETE_WINDOW` to every visible X window titled `title` on
/// `display`; returns how many there were.
pub fn ask_to_close(display: &str, title: &str) -> usize {
    let windows = crate::dialog::xdotool(
        display,
        &["search", "--onlyvisible", "--name", &format!("^{title}$")],
    );
    let (conn, _) = x11rb::connect(Some(display)).expect("could not reach the X display");
    let atom = |name: &[u8]| {
        conn.intern_atom(false, name)
            .expect("could not ask for an atom")
            .reply()
            .expect("no atom")
            .atom
    };
    let (protocols, delete) = (atom(b"WM_PROTOCOLS"), atom(b"WM_DELETE_WINDOW"));
    let mut sent = 0;
    for window in windows.lines().filter_map(|w| w.trim().parse::<u32>().ok()) {
        let message = ClientMessageEvent::new(32, window, protocols, [delete, 0, 0, 0, 0]);
        conn.send_event(false, window, EventMask::NO_EVENT, message)
            .expect("could not send the close request");
        sent += 1;
    }
    conn.flush().expect("could not flush the X connection");
    sent
}
