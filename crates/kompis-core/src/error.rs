//! Typed errors of the core. Their IPC form `{code, message, field}` is
//! [`crate::wire::IpcError`], made once where a command answers.

use std::path::PathBuf;

pub use crate::model::{Problem, UsedBy};

/// Everything the core can refuse or fail at, each naming what was wrong.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Another process holds the catalogue's lock.
    #[error("The catalogue in {} is open in another Kompis window; close that window first.", .path.display())]
    Locked { path: PathBuf },
    /// The catalogue was written by a newer Kompis.
    #[error("The catalogue in {} was written by a newer Kompis (schema version {found}; this version reads up to {supported}); update Kompis to open it.", .path.display())]
    TooNew {
        path: PathBuf,
        found: u32,
        supported: u32,
    },
    /// An entity breaks a rule of the format; names entity, id and field.
    #[error("{}: field `{field}`: {problem}", named(entity, id))]
    Invalid {
        entity: String,
        id: String,
        field: String,
        problem: Box<Problem>,
    },
    /// A bundle's entities break rules: each named (the first 20), with how
    /// many more.
    #[error("{}", entries(problems, *more))]
    Entries {
        problems: Vec<EntryProblem>,
        more: usize,
    },
    /// No entity of that kind and id.
    #[error("{entity} {id} does not exist")]
    NotFound { entity: String, id: String },
    /// A file is not a Kompis bundle at all.
    #[error("{} is not a Kompis bundle: {reason}", .path.display())]
    BadBundle { path: PathBuf, reason: String },
    /// A file could not be read or written.
    #[error("Could not {action} {}: {source}", .path.display())]
    Io {
        action: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The store failed underneath.
    #[error("The catalogue store failed: {}.", store_reason(.0))]
    Store(#[from] sled::Error),
    /// A match sheet could not be made or written.
    #[error(transparent)]
    Sheet(#[from] kompis_sheet::SheetError),
    /// A command's arguments could not be read.
    #[error("The command {command} got arguments it cannot read: {reason}")]
    BadArguments { command: String, reason: String },
    /// No command of that name.
    #[error("There is no command {0}.")]
    UnknownCommand(String),
    /// A file handle that was never given out, or was used already.
    #[error("That file choice is no longer valid (each chosen file is used once); choose the file again.")]
    UnknownFile,
    /// A file handle chosen for another purpose.
    #[error("The file was chosen to {chosen}, not to {wanted}; choose the file again.")]
    WrongFile {
        chosen: &'static str,
        wanted: &'static str,
    },
    /// No file dialog here (the browser preview).
    #[error("Files are chosen in the desktop app only; the browser preview has no file dialog.")]
    NoFilePicker,
    /// No window to close here (the browser preview).
    #[error("Only the desktop app has a window to close; close the browser tab instead.")]
    NoWindow,
    /// A file intake cannot read as a table.
    #[error(transparent)]
    Intake(#[from] kompis_intake::IntakeError),
    /// An intake with rows in error: nothing was saved.
    #[error("{errors} row(s) of the file have errors, so nothing was saved; fix them and read the file again:\n{first}")]
    IntakeRefused { errors: usize, first: String },
    /// A stored record could not be decoded (a damaged catalogue).
    #[error("The catalogue in {} is damaged ({first}{}); it is left as it is.", .path.display(), more_problems(*problems))]
    Damaged {
        path: PathBuf,
        first: String,
        problems: usize,
    },

    #[error("{} is not empty; restore a backup into a new folder, so that nothing in it is overwritten.", .path.display())]
    NotEmpty { path: PathBuf },

    #[error("A record in the catalogue could not be read ({key}): {reason}")]
    Corrupt { key: String, reason: String },
    /// A folder chosen for the catalogue holds something else.
    #[error("{} holds files that are not a Kompis catalogue; choose a catalogue's folder or an empty one.", .path.display())]
    NotACatalogue { path: PathBuf },
    /// The catalogue folder is chosen in the desktop app only.
    #[error(
        "Only the desktop app chooses its catalogue folder; the command line takes `--db FOLDER`."
    )]
    NoAppSettings,
}

/// One entity of a bundle and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct EntryProblem {
    /// "need", "offer", "organisation", "person", "match" or "bundle".
    pub entity: String,
    pub id: String,
    /// Its title or name, as the file has it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub label: Option<String>,
    /// The field at fault ("" for the whole entity).
    pub field: String,
    pub problem: Problem,
}

/// One problem as the command line says it, several as a list.
fn entries(problems: &[EntryProblem], more: usize) -> String {
    let line = |p: &EntryProblem| {
        if p.field.is_empty() {
            format!("{}: {}", named(&p.entity, &p.id), p.problem)
        } else {
            format!(
                "{}: field `{}`: {}",
                named(&p.entity, &p.id),
                p.field,
                p.problem
            )
        }
    };
    if let ([one], 0) = (problems, more) {
        return line(one);
    }
    let mut text = format!(
        "{} entries of the file have problems, so nothing was read; fix them and read the file again:",
        problems.len() + more
    );
    for p in problems {
        text.push_str("\n  ");
        text.push_str(&line(p));
    }
    if more > 0 {
        text.push_str(&format!("\n  … and {more} more"));
    }
    text
}

/// "need n-3", or just "file request" when there is no id.
fn named(entity: &str, id: &str) -> String {
    if id.is_empty() {
        entity.to_string()
    } else {
        format!("{entity} {id}")
    }
}

/// Result with the core's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// A stable machine-readable code for the UI.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Locked { .. } => "locked",
            Error::TooNew { .. } => "too_new",
            Error::Invalid { .. } => "invalid",
            Error::Entries { .. } => "bad_entries",
            Error::NotFound { .. } => "not_found",
            Error::BadBundle { .. } => "bad_bundle",
            Error::Io { .. } => "io",
            Error::NotEmpty { .. } => "not_empty",
            Error::Damaged { .. } => "damaged",
            Error::Store(_) | Error::Corrupt { .. } => "store",
            Error::Sheet(e) => e.code(),
            Error::BadArguments { .. } => "bad_arguments",
            Error::UnknownCommand(_) => "unknown_command",
            Error::Intake(_) => "intake",
            Error::IntakeRefused { .. } => "intake_errors",
            Error::UnknownFile | Error::WrongFile { .. } => "file_choice",
            Error::NoFilePicker => "no_file_dialog",
            Error::NoWindow => "no_window",
            Error::NotACatalogue { .. } => "not_a_catalogue",
            Error::NoAppSettings => "no_app_settings",
        }
    }

    /// For validation errors: the field at fault.
    pub fn field(&self) -> Option<&str> {
        match self {
            Error::Invalid { field, .. } => Some(field),
            _ => None,
        }
    }

    /// Shorthand for a validation error.
    pub fn invalid(
        entity: impl Into<String>,
        id: impl Into<String>,
        field: impl Into<String>,
        problem: impl Into<Problem>,
    ) -> Self {
        Error::Invalid {
            entity: entity.into(),
            id: id.into(),
            field: field.into(),
            problem: Box::new(problem.into()),
        }
    }
}

/// What went wrong in sled, as a clause with no Rust debug text (sled's
/// own text for corruption is `Read corrupted data at file offset Some(…)
/// backtrace …`).
pub(crate) fn store_reason(e: &sled::Error) -> String {
    match e {
        sled::Error::Corruption { .. } => "its files hold data that does not read back".into(),
        sled::Error::Io(io) => format!("its files cannot be read or written ({})", io.kind()),
        sled::Error::Unsupported(text)
            if text.contains("sled version") || text.contains("restarts") =>
        {
            "sled does not accept its settings file".into()
        }
        sled::Error::Unsupported(text) => text.trim_end_matches('.').to_string(),
        sled::Error::CollectionNotFound(_) => "a part of the store is missing".into(),
        sled::Error::ReportableBug(_) => "sled failed on it".into(),
    }
}

/// ", and 3 more problems" after the first of several.
fn more_problems(problems: usize) -> String {
    match problems {
        0 | 1 => String::new(),
        2 => ", and one more problem".into(),
        n => format!(", and {} more problems", n - 1),
    }
}
