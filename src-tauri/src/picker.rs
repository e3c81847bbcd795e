//! The native file dialog behind `kompis_core::api::choose_file`: the core
//! asks, the person chooses, and the path stays on the Rust side.

use std::path::PathBuf;

use kompis_core::api::wire::{FilePicker, PickRequest};
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_dialog::DialogExt;

use crate::MAIN_WINDOW;

/// Opens tauri-plugin-dialog's native dialog over the main window. It
/// blocks its caller, so it is used only from the (async) commands, off the
/// main thread.
pub struct DialogPicker<R: Runtime>(pub AppHandle<R>);

impl<R: Runtime> FilePicker for DialogPicker<R> {
    fn pick(&self, request: &PickRequest) -> Option<PathBuf> {
        let extensions: Vec<&str> = request.extensions.iter().map(String::as_str).collect();
        let mut dialog = self.0.dialog().file().set_title(&request.title);
        if !extensions.is_empty() {
            dialog = dialog.add_filter(&request.filter_name, &extensions);
        }
        if let Some(window) = self.0.get_webview_window(MAIN_WINDOW) {
            dialog = dialog.set_parent(&window);
        }
        if let Some(folder) = &request.folder {
            dialog = dialog.set_directory(folder);
        }
        if let Some(name) = &request.suggested_name {
            dialog = dialog.set_file_name(name);
        }
        let chosen = if request.pick_folder {
            dialog.blocking_pick_folder()
        } else if request.open {
            dialog.blocking_pick_file()
        } else {
            dialog.blocking_save_file()
        };
        chosen.and_then(|path| path.into_path().ok())
    }
}
