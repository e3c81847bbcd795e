//! Asks the app's window to close the way a window manager does when the
//! person clicks ✕ in the title bar: a `WM_DELETE_WINDOW` message, which
//! GTK turns into a close request the app may hold back.

use x11rb::connection::Connection;
use x11rb::protocol::xproto::{ClientMessageEvent, ConnectionExt, EventMask};

/// The visible X windows titled exactly `title` on `display`.
pub fn titled(display: &str, title: &str) -> Vec<u32> {
    crate::dialog::xdotool(
        display,
        &["search", "--onlyvisible", "--name", &format!("^{title}$")],
    )
    .lines()
    .filter_map(|w| w.trim().parse().ok())
    .collect()
}

/// The first visible window titled `title`, which the test needs for `what`.
fn the_window(display: &str, title: &str, what: &str) -> u32 {
    titled(display, title)
        .first()
        .copied()
        .unwrap_or_else(|| panic!("no window titled {title:?} to {what}"))
}

/// Sends `WM_DELETE_WINDOW` to every visible X window titled `title` on
/// `display`; returns how many there were.
pub fn ask_to_close(display: &str, title: &str) -> usize {
    let windows = titled(display, title);
    let (conn, _) = x11rb::connect(Some(display)).expect("could not reach the X display");
    let atom = |name: &[u8]| {
        conn.intern_atom(false, name)
            .expect("could not ask for an atom")
            .reply()
            .expect("no atom")
            .atom
    };
    let (protocols, delete) = (atom(b"WM_PROTOCOLS"), atom(b"WM_DELETE_WINDOW"));
    for &window in &windows {
        let message = ClientMessageEvent::new(32, window, protocols, [delete, 0, 0, 0, 0]);
        conn.send_event(false, window, EventMask::NO_EVENT, message)
            .expect("could not send the close request");
    }
    conn.flush().expect("could not flush the X connection");
    windows.len()
}

/// Drops the file at `path` on the middle of the window titled `title`, as
/// a file manager does: the XDND protocol, with this test as the drag
/// source (it owns `XdndSelection` and hands over `text/uri-list`).
pub fn drop_file(display: &str, title: &str, path: &std::path::Path) {
    use std::time::{Duration, Instant};
    use x11rb::protocol::xproto::{
        CreateWindowAux, PropMode, SelectionNotifyEvent, WindowClass, SELECTION_NOTIFY_EVENT,
    };
    use x11rb::protocol::Event;
    use x11rb::wrapper::ConnectionExt as _;
    use x11rb::{COPY_DEPTH_FROM_PARENT, CURRENT_TIME, NONE};

    let target = the_window(display, title, "drop on");
    let (conn, screen) = x11rb::connect(Some(display)).expect("could not reach the X display");
    let root = conn.setup().roots[screen].root;
    let atom = |name: &str| {
        conn.intern_atom(false, name.as_bytes())
            .expect("could not ask for an atom")
            .reply()
            .expect("no atom")
            .atom
    };
    let [enter, position, status, drop, finished, selection, copy, uri_list] = [
        "XdndEnter",
        "XdndPosition",
        "XdndStatus",
        "XdndDrop",
        "XdndFinished",
        "XdndSelection",
        "XdndActionCopy",
        "text/uri-list",
    ]
    .map(atom);

    let source = conn.generate_id().expect("no window id");
    conn.create_window(
        COPY_DEPTH_FROM_PARENT,
        source,
        root,
        0,
        0,
        1,
        1,
        0,
        WindowClass::INPUT_ONLY,
        0,
        &CreateWindowAux::new(),
    )
    .expect("could not make the drag source");
    conn.set_selection_owner(source, selection, CURRENT_TIME)
        .expect("could not own the drag selection");
    let geometry = conn
        .get_geometry(target)
        .expect("no geometry")
        .reply()
        .expect("no geometry");
    let middle = conn
        .translate_coordinates(
            target,
            root,
            (geometry.width / 2) as i16,
            (geometry.height / 2) as i16,
        )
        .expect("no coordinates")
        .reply()
        .expect("no coordinates");
    let at = ((middle.dst_x as u32) << 16) | (middle.dst_y as u32 & 0xffff);
    let send = |kind: u32, data: [u32; 5]| {
        let message = ClientMessageEvent::new(32, target, kind, data);
        conn.send_event(false, target, EventMask::NO_EVENT, message)
            .expect("could not send to the window");
        conn.flush().expect("could not flush");
    };
    let uri = format!("file://{}\r\n", path.display()).replace(' ', "%20");

    send(enter, [source, 5 << 24, uri_list, 0, 0]);
    send(position, [source, 0, at, CURRENT_TIME, copy]);
    let start = Instant::now();
    let mut dropped = false;
    let mut last_position = Instant::now();
    loop {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "the window did not take the dropped file (accepted: {dropped})"
        );
        match conn.poll_for_event().expect("the X connection failed") {
            Some(Event::ClientMessage(m)) if m.type_ == status && !dropped => {
                if m.data.as_data32()[1] & 1 == 1 {
                    send(drop, [source, 0, CURRENT_TIME, 0, 0]);
                    dropped = true;
                }
            }
            Some(Event::ClientMessage(m)) if m.type_ == finished => break,
            Some(Event::SelectionRequest(r)) => {
                let property = if r.target == uri_list {
                    conn.change_property8(
                        PropMode::REPLACE,
                        r.requestor,
                        r.property,
                        uri_list,
                        uri.as_bytes(),
                    )
                    .expect("could not hand over the file");
                    r.property
                } else {
                    NONE
                };
                let notify = SelectionNotifyEvent {
                    response_type: SELECTION_NOTIFY_EVENT,
                    sequence: 0,
                    time: r.time,
                    requestor: r.requestor,
                    selection: r.selection,
                    target: r.target,
                    property,
                };
                conn.send_event(false, r.requestor, EventMask::NO_EVENT, notify)
                    .expect("could not answer the window");
                conn.flush().expect("could not flush");
            }
            Some(_) => {}
            None => {
                if !dropped && last_position.elapsed() > Duration::from_millis(500) {
                    send(position, [source, 0, at, CURRENT_TIME, copy]);
                    last_position = Instant::now();
                }
                std::thread::sleep(Duration::from_millis(20));
            }
        }
    }
    conn.destroy_window(source)
        .expect("could not remove the drag source");
    conn.flush().expect("could not flush");
}

/// Photographs the window titled `title` (with any dialog over it) to the
/// PNG file at `path`, read from the X server, not through WebDriver, whose
/// screenshots can stall while the page is busy.
pub fn capture(display: &str, title: &str, path: &std::path::Path) {
    use x11rb::protocol::xproto::ImageFormat;
    let window = the_window(display, title, "photograph");
    let (conn, screen) = x11rb::connect(Some(display)).expect("could not reach the X display");
    let root = conn.setup().roots[screen].root;
    let geometry = conn
        .get_geometry(window)
        .expect("no geometry")
        .reply()
        .expect("no geometry");
    let at = conn
        .translate_coordinates(window, root, 0, 0)
        .expect("no position")
        .reply()
        .expect("no position");
    // The screen's pixels where the window is (dialogs over it included),
    // within the screen.
    let (screen_w, screen_h) = {
        let r = &conn.setup().roots[screen];
        (i32::from(r.width_in_pixels), i32::from(r.height_in_pixels))
    };
    let (x, y) = (i32::from(at.dst_x).max(0), i32::from(at.dst_y).max(0));
    let width = (i32::from(geometry.width)).min(screen_w - x).max(1) as u16;
    let height = (i32::from(geometry.height)).min(screen_h - y).max(1) as u16;
    let image = conn
        .get_image(
            ImageFormat::Z_PIXMAP,
            root,
            x as i16,
            y as i16,
            width,
            height,
            !0,
        )
        .expect("could not ask for the window's pixels")
        .reply()
        .unwrap_or_else(|e| {
            panic!(
                "no image of the window at {x},{y} {width}×{height} on {screen_w}×{screen_h}: {e}"
            )
        });
    // 24-bit depth comes as 4 bytes a pixel, blue, green, red, unused.
    let rgb: Vec<u8> = image
        .data
        .chunks_exact(4)
        .flat_map(|p| [p[2], p[1], p[0]])
        .collect();
    if let Some(folder) = path.parent() {
        std::fs::create_dir_all(folder).expect("cannot create the picture's folder");
    }
    let file = std::fs::File::create(path).expect("cannot write the picture");
    let mut encoder = png::Encoder::new(std::io::BufWriter::new(file), width.into(), height.into());
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder
        .write_header()
        .and_then(|mut w| w.write_image_data(&rgb))
        .expect("cannot encode the picture");
}
