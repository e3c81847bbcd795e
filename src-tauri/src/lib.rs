//! The Kompis desktop app: a Tauri 2 shell over `kompis-core`.
//!
//! [`run`] finds the catalogue folder, makes the app single-instance per
//! catalogue, opens the catalogue (running its migrations) before the main
//! window is created, and refuses with a native message dialog when the
//! catalogue cannot be opened (held by another process, or written by a
//! newer Kompis). [`with_commands`] is the part a test can build on the mock
//! runtime: the dialog plugin and our commands, each a one-line wrapper in
//! [`commands`].

pub mod commands;
pub mod launch;
pub mod picker;

use std::path::PathBuf;

use kompis_core::Catalogue;
use tauri::{App, DragDropEvent, Emitter, Manager, Runtime, Window, WindowEvent};
use tauri_plugin_dialog::{DialogExt, MessageDialogButtons, MessageDialogKind};

/// The label of the one window; `capabilities/main.json` grants to it alone.
pub const MAIN_WINDOW: &str = "main";

/// Adds the native dialogs and Kompis' commands to `builder`. The caller
/// manages the open [`Catalogue`] the commands use.
pub fn with_commands<R: Runtime>(builder: tauri::Builder<R>) -> tauri::Builder<R> {
    builder
        .plugin(tauri_plugin_dialog::init())
        .invoke_handler(commands::handler())
}

/// How long a restart on another catalogue waits, so the command choosing
/// it answers the page first.
const REOPEN_GRACE: std::time::Duration = std::time::Duration::from_millis(400);

/// How often the app looks for changes to back up.
const BACKUP_EVERY: std::time::Duration = std::time::Duration::from_secs(5 * 60);

/// Starts the app; returns when its last window has closed.
pub fn run() {
    software_compositing();
    let settings_file = kompis_core::api::default_app_settings_file();
    let launched = match launch::launch(std::env::args_os(), settings_file) {
        Ok(launched) => launched,
        Err(sentence) => {
            eprintln!("kompis-app: {sentence}");
            std::process::exit(2);
        }
    };
    let catalogue = launched.catalogue.clone();
    let cwd = std::env::current_dir().unwrap_or_default();
    let file = launch::opened_file(std::env::args_os(), &cwd);
    let context = tauri::generate_context!();
    let instance = launch::instance_id(&context.config().identifier, &catalogue);
    // The single-instance plugin must come first: a second launch on the
    // same catalogue hands over to the first before opening anything.
    let builder = tauri::Builder::default().plugin(
        tauri_plugin_single_instance::Builder::new()
            .dbus_id(instance)
            .callback(|app, args, cwd| {
                bring_forward(app);
                opened_again(app, args, &cwd);
            })
            .build(),
    );
    with_commands(builder)
        .on_window_event(|window, event| {
            file_dropped(window, event);
            close_requested(window, event);
        })
        .setup(move |app| {
            app.manage(launched);
            open_catalogue(app, catalogue, file)
        })
        .run(context)
        .expect("error while running the Kompis app");
}

/// Opens the catalogue (checked whole) and then the main window, or explains
/// in a dialog why it cannot. A damaged catalogue is never written to: when
/// a backup exists, the dialog offers to restore the newest into a new
/// folder beside it and opens that; otherwise it quits once closed.
fn open_catalogue<R: Runtime>(
    app: &mut App<R>,
    dir: PathBuf,
    file: Option<PathBuf>,
) -> Result<(), Box<dyn std::error::Error>> {
    match kompis_core::api::open_checked(&dir) {
        Ok(catalogue) => start(app.handle(), catalogue, file)?,
        Err(error) => {
            eprintln!("kompis-app: {error}");
            let handle = app.handle().clone();
            let backup = kompis_core::api::backup_can_mend(&error)
                .then(|| kompis_core::api::newest_backup(&dir).ok().flatten())
                .flatten();
            let Some(backup) = backup else {
                app.dialog()
                    .message(error.to_string())
                    .title("Kompis")
                    .kind(MessageDialogKind::Error)
                    .buttons(MessageDialogButtons::Ok)
                    .show(move |_| handle.exit(1));
                return Ok(());
            };
            let text = format!(
                "{error}\n\nKompis har en sikkerhetskopi fra {}. Gjenopprette den i en ny mappe? Den skadede katalogen blir liggende urørt.",
                backup.at.replace('T', " kl. ")
            );
            app.dialog()
                .message(text)
                .title("Kompis")
                .kind(MessageDialogKind::Error)
                .buttons(MessageDialogButtons::OkCancelCustom(
                    "Gjenopprett".into(),
                    "Avslutt".into(),
                ))
                .show(move |restore| {
                    let opened = restore
                        .then(|| kompis_core::api::restore_newest_backup(&dir))
                        .map(|restored| restored.and_then(|to| Catalogue::open(&to)));
                    match opened {
                        Some(Ok(catalogue)) => {
                            if let Err(e) = start(&handle, catalogue, file) {
                                eprintln!("kompis-app: {e}");
                                handle.exit(1);
                            }
                        }
                        Some(Err(e)) => {
                            eprintln!("kompis-app: restoring the backup: {e}");
                            handle.exit(1);
                        }
                        None => handle.exit(1),
                    }
                });
        }
    }
    Ok(())
}

/// With the catalogue open: hands it to the commands, opens the main
/// window (telling the page of the file the app was started with, if any),
/// and starts the warm-up and the backups.
fn start<R: Runtime>(
    app: &tauri::AppHandle<R>,
    catalogue: Catalogue,
    file: Option<PathBuf>,
) -> Result<(), Box<dyn std::error::Error>> {
    kompis_core::api::set_file_picker(
        &catalogue,
        std::sync::Arc::new(picker::DialogPicker(app.clone())),
    );
    let handle = app.clone();
    kompis_core::api::set_window_closer(
        &catalogue,
        std::sync::Arc::new(move || {
            if let Some(window) = handle.get_webview_window(MAIN_WINDOW) {
                if let Err(e) = window.destroy() {
                    eprintln!("kompis-app: could not close the window: {e}");
                }
            }
        }),
    );
    // The settings may choose another catalogue folder: Kompis then starts
    // again on it, a moment after the command has answered.
    if let Some(launched) = app.try_state::<kompis_core::api::Launch>() {
        let handle = app.clone();
        kompis_core::api::set_app_shell(
            &catalogue,
            launched.inner().clone(),
            std::sync::Arc::new(move || {
                let handle = handle.clone();
                std::thread::spawn(move || {
                    std::thread::sleep(REOPEN_GRACE);
                    handle.restart();
                });
            }),
        );
    }
    app.manage(catalogue);
    let config = app
        .config()
        .app
        .windows
        .iter()
        .find(|w| w.label == MAIN_WINDOW)
        .ok_or("tauri.conf.json has no main window")?
        .clone();
    let mut window = tauri::WebviewWindowBuilder::from_config(app, &config)?;
    if let Some(path) = file {
        // The page reads it once it listens for files (`ui/src/lib/tauri.ts`).
        let choice = kompis_core::api::grant_dropped_file(&app.state::<Catalogue>(), path);
        let script = format!(
            "window.{OPENED_FILE} = {};",
            serde_json::to_string(&choice)?
        );
        window = window.initialization_script(script);
    }
    window.build()?;
    // Build the lists and rankings the screens will ask for while
    // the window loads; a command that needs one waits for it.
    // Then a backup, as soon as the window and its caches are ready (so
    // writing it never slows the start), and again every few minutes when
    // the catalogue changed, without being asked.
    let handle = app.clone();
    std::thread::spawn(move || {
        let catalogue = handle.state::<Catalogue>();
        // The first screen's lists first, the rest at once after them. A
        // pause between the two, leaving the processor to the window while
        // it opens (0.4 s until 02.12.2026, then 0.15 s), made the gaps'
        // first visit, about 1.5 s after start in the window benchmark,
        // wait 434 ms in two runs of six, while the start median had 0.7 s
        // to spare.
        if let Err(e) = kompis_core::api::warm_up(&catalogue) {
            eprintln!("kompis-app: warming up: {e}");
        }
        loop {
            if let Err(e) = kompis_core::api::backup_if_changed(&catalogue) {
                eprintln!("kompis-app: backing up: {e}");
            }
            std::thread::sleep(BACKUP_EVERY);
        }
    });
    Ok(())
}

/// The event the page hears when a file is dropped on the window: a
/// [`kompis_core::api::wire::FileChoice`] (a one-time handle and the name) for
/// the intake review, never the path.
pub const FILE_DROPPED: &str = "kompis://file-dropped";

/// The global that holds the [`kompis_core::api::wire::FileChoice`] of the
/// file the app was started with (a double click on a `.kompis.json`).
pub const OPENED_FILE: &str = "__KOMPIS_OPENED_FILE__";

/// The event that asks the page about its unsaved changes when the window
/// is being closed (no payload).
pub const CLOSE_REQUESTED: &str = "kompis://close-requested";

/// A file dropped on the window goes to the intake review: Rust keeps the
/// path behind a handle and tells the page only the handle and the name.
fn file_dropped<R: Runtime>(window: &Window<R>, event: &WindowEvent) {
    let WindowEvent::DragDrop(DragDropEvent::Drop { paths, .. }) = event else {
        return;
    };
    let (Some(path), Some(catalogue)) = (paths.first(), window.try_state::<Catalogue>()) else {
        return;
    };
    let choice = kompis_core::api::grant_dropped_file(&catalogue, path.clone());
    if let Err(e) = window.emit_to(MAIN_WINDOW, FILE_DROPPED, choice) {
        eprintln!("kompis-app: could not tell the window of a dropped file: {e}");
    }
}

/// A file opened while Kompis already runs on this catalogue (the second
/// launch hands over its arguments) goes to the import review like a drop.
fn opened_again<R: Runtime>(app: &tauri::AppHandle<R>, args: Vec<String>, cwd: &str) {
    let args = args.into_iter().map(std::ffi::OsString::from);
    let (Some(path), Some(catalogue)) = (
        launch::opened_file(args, std::path::Path::new(cwd)),
        app.try_state::<Catalogue>(),
    ) else {
        return;
    };
    let choice = kompis_core::api::grant_dropped_file(&catalogue, path);
    if let Err(e) = app.emit_to(MAIN_WINDOW, FILE_DROPPED, choice) {
        eprintln!("kompis-app: could not tell the window of an opened file: {e}");
    }
}

/// Closing the window while the page holds typed changes asks first: the
/// close is held back and the page shows its "discard changes?" question;
/// choosing to discard calls `close_window`.
fn close_requested<R: Runtime>(window: &Window<R>, event: &WindowEvent) {
    let WindowEvent::CloseRequested { api, .. } = event else {
        return;
    };
    let Some(catalogue) = window.try_state::<Catalogue>() else {
        return;
    };
    if kompis_core::api::has_unsaved(&catalogue) {
        api.prevent_close();
        if let Err(e) = window.emit_to(MAIN_WINDOW, CLOSE_REQUESTED, ()) {
            eprintln!("kompis-app: could not ask the window about unsaved changes: {e}");
        }
    }
}

/// Shows, unminimises and focuses the main window (for a second launch).
fn bring_forward<R: Runtime>(app: &tauri::AppHandle<R>) {
    if let Some(window) = app.get_webview_window(MAIN_WINDOW) {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
}

/// Turns off WebKitGTK's accelerated compositing (unless the person set
/// `WEBKIT_DISABLE_COMPOSITING_MODE` themselves): lists and forms need no
/// GPU layers, and without them the web process holds about 100 MB less
/// (measured under Xvfb: 286 → 183 MB resident on an empty catalogue) and
/// the blank-window trouble some GPU drivers have with WebKitGTK is avoided.
fn software_compositing() {
    const VAR: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";
    if cfg!(target_os = "linux") && std::env::var_os(VAR).is_none() {
        // Set before any thread or WebKit starts.
        std::env::set_var(VAR, "1");
    }
}
