//! Files the person chose, kept on the Rust side: the webview never names a
//! path. A command asks the shell's [`FilePicker`] (the native dialog in the
//! app) for a file, keeps the answer behind a random one-time handle, and
//! hands the webview only that handle and the file's name. The command that
//! reads or writes the file takes the handle back, checks that it was chosen
//! for that purpose, and forgets it.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};

/// What a file is chosen for; decides the dialog (open or save) and its
/// file types, and which command may use the answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum FilePurpose {
    /// Where to write the whole catalogue as a bundle.
    ExportBundle,
    /// Where to write a match sheet as PDF.
    SheetPdf,
    /// Where to write a match sheet as XLSX.
    SheetXlsx,
    /// Where to write a match sheet as CSV.
    SheetCsv,
    /// A spreadsheet, registration workbook or bundle to read in through
    /// the intake review.
    IntakeTable,
    /// Where to write a registration workbook.
    IntakeForm,
    /// Where to write what the catalogue holds about one person, as JSON.
    PersonJson,
    /// A folder to open (or make) the catalogue in.
    CatalogueFolder,
    /// A second folder to write the backups to (a USB stick, a synced folder).
    BackupFolder,
}

impl FilePurpose {
    /// Whether the dialog opens an existing file (else it asks where to save).
    pub fn opens(self) -> bool {
        matches!(self, FilePurpose::IntakeTable) || self.is_folder()
    }

    /// Whether the dialog chooses a folder (else a file).
    pub fn is_folder(self) -> bool {
        matches!(
            self,
            FilePurpose::CatalogueFolder | FilePurpose::BackupFolder
        )
    }

    /// The file extensions the dialog offers.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            FilePurpose::ExportBundle | FilePurpose::PersonJson => &["json"],
            FilePurpose::SheetPdf => &["pdf"],
            FilePurpose::SheetXlsx => &["xlsx"],
            FilePurpose::SheetCsv => &["csv"],
            FilePurpose::IntakeTable => {
                &["xlsx", "xlsm", "xls", "ods", "csv", "tsv", "txt", "json"]
            }
            FilePurpose::IntakeForm => &["xlsx"],
            FilePurpose::CatalogueFolder | FilePurpose::BackupFolder => &[],
        }
    }

    /// What the purpose is, for a sentence ("import a bundle").
    fn doing(self) -> &'static str {
        match self {
            FilePurpose::ExportBundle => "export the catalogue",
            FilePurpose::SheetPdf => "save a PDF match sheet",
            FilePurpose::SheetXlsx => "save an XLSX match sheet",
            FilePurpose::SheetCsv => "save a CSV match sheet",
            FilePurpose::IntakeTable => "read a table in",
            FilePurpose::IntakeForm => "save a registration workbook",
            FilePurpose::PersonJson => "save a person's data as JSON",
            FilePurpose::CatalogueFolder => "choose the catalogue's folder",
            FilePurpose::BackupFolder => "choose a folder for the backups",
        }
    }
}

/// What the webview asks for: a purpose, the dialog's title and type name
/// in the person's language, and for a save a suggested file name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct FileRequest {
    pub purpose: FilePurpose,
    /// The dialog's title ("Importer katalog").
    pub title: String,
    /// The file type's name in the filter ("Kompis-katalog").
    pub filter_name: String,
    /// A file name (no folder) the save dialog starts with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub suggested_name: Option<String>,
}

/// The answer the webview gets: a one-time handle and the file's name (no
/// folder), to show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FileChoice {
    pub handle: String,
    pub name: String,
}

/// What the shell's dialog is asked to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PickRequest {
    /// Open an existing file (else: ask where to save).
    pub open: bool,
    /// Choose a folder, not a file (`extensions` is then empty).
    pub pick_folder: bool,
    pub title: String,
    pub filter_name: String,
    pub extensions: Vec<String>,
    /// The folder to start in (the last one used for this purpose).
    pub folder: Option<PathBuf>,
    pub suggested_name: Option<String>,
}

/// The shell's way of letting the person choose a file: the native dialog
/// in the app. `None` when the person cancels.
pub trait FilePicker: Send + Sync {
    fn pick(&self, request: &PickRequest) -> Option<PathBuf>;
}

/// The longest dialog title or type name taken from the webview.
const MAX_LABEL: usize = 200;

struct Grant {
    path: PathBuf,
    purpose: FilePurpose,
}

/// The picker and the handles given out and not yet used.
#[derive(Default)]
pub(crate) struct FileGrants {
    picker: RwLock<Option<Arc<dyn FilePicker>>>,
    grants: Mutex<HashMap<String, Grant>>,
    /// The last folder used, per purpose, to start the next dialog in.
    folders: Mutex<HashMap<FilePurpose, PathBuf>>,
    /// Files written through a used handle, which the person may open.
    written: Mutex<HashMap<String, PathBuf>>,
}

impl FileGrants {
    /// Installs the shell's picker.
    pub(crate) fn set_picker(&self, picker: Arc<dyn FilePicker>) {
        *self.picker.write().unwrap_or_else(|e| e.into_inner()) = Some(picker);
    }

    /// Asks the picker for a file and keeps the answer behind a new handle;
    /// the dialog starts in the folder last used for the purpose, else in
    /// `start`.
    pub(crate) fn choose_from(
        &self,
        request: &FileRequest,
        start: Option<PathBuf>,
    ) -> Result<Option<FileChoice>> {
        check_label("title", &request.title)?;
        check_label("filterName", &request.filter_name)?;
        let suggested = match &request.suggested_name {
            Some(name) => Some(plain_file_name(name)?),
            None => None,
        };
        let picker = self
            .picker
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
            .ok_or(Error::NoFilePicker)?;
        let purpose = request.purpose;
        let folder = lock(&self.folders).get(&purpose).cloned().or(start);
        let pick = PickRequest {
            open: purpose.opens(),
            pick_folder: purpose.is_folder(),
            title: request.title.clone(),
            filter_name: request.filter_name.clone(),
            extensions: purpose.extensions().iter().map(|e| e.to_string()).collect(),
            folder,
            suggested_name: suggested,
        };
        let Some(mut path) = picker.pick(&pick) else {
            return Ok(None);
        };
        if !purpose.opens() && path.extension().is_none() {
            path.set_extension(purpose.extensions()[0]);
        }
        if purpose.is_folder() {
            lock(&self.folders).insert(purpose, path.clone());
        } else if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            lock(&self.folders).insert(purpose, parent.to_path_buf());
        }
        Ok(Some(self.grant(path, purpose)))
    }

    /// Takes back a handle given out for one of `purposes`: the path it
    /// stands for. The handle is gone afterwards.
    pub(crate) fn take(&self, handle: &str, purposes: &[FilePurpose]) -> Result<PathBuf> {
        let path = self.peek(handle, purposes)?;
        if let Some(grant) = lock(&self.grants).remove(handle) {
            if !grant.purpose.opens() {
                lock(&self.written).insert(handle.to_string(), grant.path);
            }
        }
        Ok(path)
    }

    /// Opens a file written through `handle` with the desktop's application
    /// for it, or (with `folder`) the folder it is in.
    pub(crate) fn open_written(&self, handle: &str, folder: bool) -> Result<()> {
        let path = lock(&self.written)
            .get(handle)
            .cloned()
            .ok_or(Error::UnknownFile)?;
        let target = if folder {
            path.parent()
                .map(Path::to_path_buf)
                .unwrap_or_else(|| path.clone())
        } else {
            path
        };
        if !target.exists() {
            return Err(Error::Io {
                action: "open",
                path: target,
                source: std::io::ErrorKind::NotFound.into(),
            });
        }
        open::that_detached(&target).map_err(|source| Error::Io {
            action: "open",
            path: target,
            source,
        })
    }

    /// The path behind a handle given out for one of `purposes`, keeping
    /// the handle (the steps before an intake is applied read the file
    /// again; applying it takes the handle).
    pub(crate) fn peek(&self, handle: &str, purposes: &[FilePurpose]) -> Result<PathBuf> {
        let grants = lock(&self.grants);
        let grant = grants.get(handle).ok_or(Error::UnknownFile)?;
        if !purposes.contains(&grant.purpose) {
            return Err(Error::WrongFile {
                chosen: grant.purpose.doing(),
                wanted: purposes.first().map_or("do this", |p| p.doing()),
            });
        }
        Ok(grant.path.clone())
    }

    /// Gives out a handle for a file the person chose outside a dialog (a
    /// file dropped on the window), for `purpose`.
    pub(crate) fn grant(&self, path: PathBuf, purpose: FilePurpose) -> FileChoice {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let handle = new_handle();
        lock(&self.grants).insert(handle.clone(), Grant { path, purpose });
        FileChoice { handle, name }
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// A random handle of 128 bits, as hex.
fn new_handle() -> String {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).expect("the system has a source of randomness");
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn check_label(field: &str, text: &str) -> Result<()> {
    if text.chars().count() > MAX_LABEL {
        return Err(Error::invalid(
            "file request",
            "",
            field,
            format!("is longer than {MAX_LABEL} characters"),
        ));
    }
    Ok(())
}

/// A suggested name must be a bare file name: no folder, no `..`.
fn plain_file_name(name: &str) -> Result<String> {
    check_label("suggestedName", name)?;
    let bare = Path::new(name).file_name().map(|n| n.to_string_lossy());
    if name.is_empty() || bare.as_deref() != Some(name) || name.contains(['/', '\\']) {
        return Err(Error::invalid(
            "file request",
            "",
            "suggestedName",
            "must be a file name without a folder",
        ));
    }
    Ok(name.to_string())
}
