//! What intake refuses for a whole file, each as a sentence saying what is
//! wrong and what to do. Problems of one cell are [`crate::Problem`]s on
//! their row instead, so the rest of the file can still be reviewed.

use std::path::PathBuf;

/// A file that cannot be read as a table at all.
#[derive(Debug, thiserror::Error)]
pub enum IntakeError {
    /// The file could not be opened or read.
    #[error("Could not read {}: {source}", .path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// Nothing in the file.
    #[error("{} is empty: there is no header row and no rows to read.", .path.display())]
    Empty { path: PathBuf },
    /// A header row and nothing under it.
    #[error("{} has a header row but no rows under it ({sheets}); fill in at least one row.", .path.display())]
    HeaderOnly { path: PathBuf, sheets: String },
    /// Bytes that are no text and no spreadsheet.
    #[error("{} is not a table: {reason}. Save it from Excel or LibreOffice as CSV, XLSX or ODS.", .path.display())]
    NotATable { path: PathBuf, reason: String },
    /// Larger than intake reads.
    #[error("{} is {size} MB; Kompis reads tables of at most {max} MB. Split it into smaller files.", .path.display())]
    TooLarge { path: PathBuf, size: u64, max: u64 },
    /// A ZIP whose parts would unpack to more than intake reads (a "zip bomb").
    #[error("{} would unpack to {what}; Kompis reads spreadsheets of at most {max} unpacked. Save the table again from Excel or LibreOffice, or split it.", .path.display())]
    Unpacked {
        path: PathBuf,
        what: String,
        max: String,
    },
    /// More cells than intake reads in one file.
    #[error("Sheet {sheet} holds more than {max} cells (rows × columns) in one file; Kompis reads at most that many. Split the file, or delete the empty columns at its right.")]
    TooManyCells { sheet: String, max: usize },
    /// A spreadsheet the reader could not open.
    #[error("Could not read the spreadsheet {}: {reason}", .path.display())]
    Spreadsheet { path: PathBuf, reason: String },
    /// A CSV line the parser could not take.
    #[error("{}, line {line}: {reason}", .path.display())]
    Csv {
        path: PathBuf,
        line: u64,
        reason: String,
    },
    /// A registration workbook from a newer Kompis.
    #[error("{} is a registration workbook of form version {found}; this Kompis reads up to version {supported}. Update Kompis to read it.", .path.display())]
    NewerForm {
        path: PathBuf,
        found: u32,
        supported: u32,
    },
    /// No column of a sheet is one Kompis knows.
    #[error("No column of sheet {sheet} is one Kompis knows (columns: {headers}). Name them with --map \"Header=field\"; the fields are {fields}.")]
    NoKnownColumn {
        sheet: String,
        headers: String,
        fields: String,
    },
    /// No column names the sheet's entities.
    #[error("Sheet {sheet}: no column gives the {entity} of each row a name or title. Name one with --map \"Header=field\" (title for needs and offers, name for people and organisations).")]
    NothingNames { sheet: String, entity: &'static str },
    /// The rows could be needs or offers.
    #[error("Sheet {sheet}: cannot tell whether its rows are needs or offers. Say which with --kind need or --kind offer, or name the sheet Behov or Tilbud.")]
    NeedOrOffer { sheet: String },
    /// A `--map` naming a column that is in no sheet.
    #[error("--map names the column \"{header}\", but no sheet has it (columns: {headers}).")]
    NoSuchColumn { header: String, headers: String },
    /// A `--map` naming an unknown field.
    #[error("--map \"{header}={field}\": there is no field {field}; the fields are {fields}.")]
    NoSuchField {
        header: String,
        field: String,
        fields: String,
    },
    /// A `--map` argument without `=`.
    #[error("--map expects \"Header=field\", got \"{0}\".")]
    BadMap(String),
    /// The registration workbook could not be written.
    #[error("Could not write the registration workbook {}: {reason}", .path.display())]
    Write { path: PathBuf, reason: String },
}

/// Result with [`IntakeError`].
pub type Result<T, E = IntakeError> = std::result::Result<T, E>;
