//! The Tauri commands, generated from the one registry
//! (`kompis_commands::for_each_command!`): each is one line over the
//! function of the same name in [`kompis_core::api`], with the open
//! catalogue from Tauri-managed state, its error turned into
//! `{code, message, field?}` here, at the app's edge.
//!
//! They are `async` so that a long import or ranking runs off the main
//! thread and the window stays responsive.

use kompis_core::api::wire::*;
use kompis_core::api::{self, Catalogue};
use tauri::State;

/// Writes one `#[tauri::command]` per registry entry, and [`handler`].
macro_rules! tauri_commands {
    ($( $(#[$doc:meta])* $name:ident ( $($arg:ident : $ty:ty),* ) -> $ret:ty ; )*) => {
        $(
            $(#[$doc])*
            #[tauri::command(async)]
            pub fn $name(cat: State<'_, Catalogue>, $($arg: $ty),*) -> Result<$ret, IpcError> {
                api::$name(&cat, $($arg),*).map_err(IpcError::from)
            }
        )*

        /// Builds the invoke handler with every command of the registry.
        pub fn handler<R: tauri::Runtime>(
        ) -> impl Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync + 'static {
            tauri::generate_handler![$($name),*]
        }
    };
}

kompis_commands::for_each_command!(tauri_commands);
