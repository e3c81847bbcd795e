//! The registration workbook: written for one organisation (or blank),
//! filled in Excel or LibreOffice by a member, and read back like any
//! table. A hidden sheet carries the form's version and organisation; a
//! hidden first column on each sheet carries the ids, so edited rows come
//! back as edits.

use kompis_model::{EntityKind, Entry, EntryKind, Organisation, Person};
use rust_xlsxwriter::{
    Color, DataValidation, DataValidationErrorStyle, DataValidationRule, ExcelDateTime, Format,
    FormatBorder, Formula, Note, Workbook, Worksheet, XlsxError,
};

use crate::values::kind_word;
use crate::words::key;

/// The form version this build writes and reads.
pub const VERSION: u32 = 1;
/// The hidden sheet holding the marker.
pub const META_SHEET: &str = "_kompis";
/// The marker in its first cell.
pub const MARKER: &str = "kompis-registration-form";
/// Rows a form offers dropdowns and date cells for.
const FORM_ROWS: u32 = 500;

/// What a registration workbook's marker says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormInfo {
    pub version: u32,
    /// The organisation's id, or `None` for a blank form.
    pub organisation: Option<String>,
}

/// Read the marker sheet's rows, if they are a form's.
pub fn read_marker(rows: impl Iterator<Item = (u32, Vec<String>)>) -> Option<FormInfo> {
    let mut info = None;
    for (_, cells) in rows {
        let cell = |i: usize| {
            cells
                .get(i)
                .map(|c| c.trim().to_string())
                .unwrap_or_default()
        };
        match cell(0).as_str() {
            MARKER => {
                info = Some(FormInfo {
                    version: cell(1).parse().unwrap_or(u32::MAX),
                    organisation: None,
                })
            }
            "organisation" => {
                if let Some(i) = info.as_mut() {
                    i.organisation = Some(cell(1)).filter(|c| !c.is_empty());
                }
            }
            _ => {}
        }
    }
    info
}

/// The language of a form's labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FormLang {
    #[default]
    Nb,
    En,
}

/// An offer or need with its contact person's name, for the form.
#[derive(Debug, Clone, PartialEq)]
pub struct FormEntry {
    pub entry: Entry,
    pub contact_name: Option<String>,
}

/// What a form is pre-filled with.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FormContent {
    pub lang: FormLang,
    /// `None` for a blank form for a new member.
    pub organisation: Option<Organisation>,
    pub people: Vec<Person>,
    pub needs: Vec<FormEntry>,
    pub offers: Vec<FormEntry>,
    /// The municipalities of the dropdown.
    pub municipalities: Vec<String>,
}

/// Sheet names in both languages, by entity.
const SHEETS: [(EntityKind, &str, &str); 4] = [
    (EntityKind::Organisation, "Organisasjon", "Organisation"),
    (EntityKind::Person, "Kontaktpersoner", "Contact people"),
    (EntityKind::Need, "Behov", "Needs"),
    (EntityKind::Offer, "Tilbud", "Offers"),
];

/// The entity of a form's sheet, by its name in either language.
pub fn sheet_target(sheet: &str) -> Option<EntityKind> {
    let k = key(sheet);
    SHEETS
        .iter()
        .find(|(_, nb, en)| key(nb) == k || key(en) == k)
        .map(|(kind, _, _)| *kind)
}

/// One column of a form sheet: header (nb, en), note (nb, en), width.
struct Col {
    nb: &'static str,
    en: &'static str,
    note_nb: &'static str,
    note_en: &'static str,
    width: f64,
}

const fn col(
    nb: &'static str,
    en: &'static str,
    note_nb: &'static str,
    note_en: &'static str,
    width: f64,
) -> Col {
    Col {
        nb,
        en,
        note_nb,
        note_en,
        width,
    }
}

const ID: Col = col("ID", "ID", "", "", 8.0);
const ORG_COLS: [Col; 5] = [
    ID,
    col(
        "Navn",
        "Name",
        "Organisasjonens navn.",
        "The organisation's name.",
        36.0,
    ),
    col(
        "Org.nr.",
        "Org. no.",
        "Ni siffer, f.eks. 912 345 672.",
        "Nine digits, e.g. 912 345 672.",
        16.0,
    ),
    col(
        "Kommune",
        "Municipality",
        "Velg fra lista.",
        "Pick from the list.",
        18.0,
    ),
    col("Nettside", "Website", "", "", 30.0),
];
const PERSON_COLS: [Col; 6] = [
    ID,
    col("Navn", "Name", "Fullt navn.", "Full name.", 28.0),
    col("E-post", "Email", "", "", 30.0),
    col("Telefon", "Phone", "", "", 16.0),
    col(
        "Rolle",
        "Role",
        "Stilling eller avdeling.",
        "Position or department.",
        24.0,
    ),
    col(
        "Samtykke",
        "Consent",
        "Ja: navnet kan vises i nettverkets oversikter. Nei: bare koordinatoren ser det.",
        "Yes: the name may be shown in the network's lists. No: only the coordinator sees it.",
        12.0,
    ),
];
const NEED_COLS: [Col; 7] = [
    ID,
    col(
        "Tittel",
        "Title",
        "Kort og konkret, f.eks. «Hjelp med CNC-programmering».",
        "Short and concrete, e.g. \"Help with CNC programming\".",
        40.0,
    ),
    col(
        "Type",
        "Kind",
        "Velg fra lista.",
        "Pick from the list.",
        20.0,
    ),
    col(
        "Beskrivelse",
        "Description",
        "Hva dere trenger eller kan tilby, med noen setninger.",
        "What you need or offer, in a few sentences.",
        60.0,
    ),
    col(
        "Stikkord",
        "Keywords",
        "Skill med komma.",
        "Separate with commas.",
        30.0,
    ),
    col(
        "Frist",
        "Deadline",
        "Dato, f.eks. 31.12.2027. Kan stå tom.",
        "A date, e.g. 31.12.2027. May be left empty.",
        14.0,
    ),
    col(
        "Kontaktperson",
        "Contact person",
        "Navnet på en person på arket Kontaktpersoner.",
        "The name of a person on the Contact people sheet.",
        26.0,
    ),
];

/// The columns of offers: a need's without the deadline.
fn offer_cols() -> Vec<&'static Col> {
    NEED_COLS.iter().filter(|c| c.nb != "Frist").collect()
}

struct Styles {
    header: Format,
    text: Format,
    wrap: Format,
    date: Format,
}

/// Write the workbook for `content` into bytes.
pub fn workbook(content: &FormContent) -> Result<Vec<u8>, XlsxError> {
    let en = content.lang == FormLang::En;
    let styles = Styles {
        header: Format::new()
            .set_bold()
            .set_background_color(Color::RGB(0xDDEBF7))
            .set_border_bottom(FormatBorder::Thin),
        text: Format::new()
            .set_text_wrap()
            .set_align(rust_xlsxwriter::FormatAlign::Top),
        wrap: Format::new()
            .set_text_wrap()
            .set_align(rust_xlsxwriter::FormatAlign::Top),
        date: Format::new()
            .set_num_format("dd.mm.yyyy")
            .set_align(rust_xlsxwriter::FormatAlign::Top),
    };
    let mut book = Workbook::new();
    instructions(book.add_worksheet(), content, en)?;

    let org_sheet = book.add_worksheet();
    header(
        org_sheet,
        sheet_name(EntityKind::Organisation, en),
        &ORG_COLS.iter().collect::<Vec<_>>(),
        en,
        &styles,
    )?;
    if let Some(o) = &content.organisation {
        let cells = [
            Some(o.id.clone()),
            Some(o.name.clone()),
            o.org_number.clone(),
            o.municipality.clone(),
            o.website.clone(),
        ];
        write_row(org_sheet, 1, &cells, &styles.text)?;
    }
    let municipalities = DataValidation::new()
        .allow_list_strings(&content.municipalities)?
        .ignore_blank(true);
    org_sheet.add_data_validation(1, 3, 1, 3, &municipalities)?;

    let people = book.add_worksheet();
    header(
        people,
        sheet_name(EntityKind::Person, en),
        &PERSON_COLS.iter().collect::<Vec<_>>(),
        en,
        &styles,
    )?;
    for (i, p) in content.people.iter().enumerate() {
        let consent = p.consent.map(|c| yes_no(c, en).to_string());
        let cells = [
            Some(p.id.clone()),
            Some(p.name.clone()),
            p.email.clone(),
            p.phone.clone(),
            p.role.clone(),
            consent,
        ];
        write_row(people, i as u32 + 1, &cells, &styles.text)?;
    }
    let consent = DataValidation::new()
        .allow_list_strings(&[yes_no(true, en), yes_no(false, en)])?
        .ignore_blank(true);
    people.add_data_validation(1, 5, FORM_ROWS, 5, &consent)?;

    for (kind, entries) in [
        (EntityKind::Need, &content.needs),
        (EntityKind::Offer, &content.offers),
    ] {
        let sheet = book.add_worksheet();
        let cols: Vec<&Col> = if kind == EntityKind::Need {
            NEED_COLS.iter().collect()
        } else {
            offer_cols()
        };
        header(sheet, sheet_name(kind, en), &cols, en, &styles)?;
        entry_sheet(sheet, kind, entries, en, &styles)?;
    }

    let meta = book.add_worksheet();
    meta.set_name(META_SHEET)?;
    meta.write(0, 0, MARKER)?;
    meta.write(0, 1, VERSION)?;
    meta.write(1, 0, "organisation")?;
    if let Some(o) = &content.organisation {
        meta.write(1, 1, &o.id)?;
    }
    meta.write(2, 0, "lang")?;
    meta.write(2, 1, if en { "en" } else { "nb" })?;
    meta.set_hidden(true);
    book.save_to_buffer()
}

fn sheet_name(kind: EntityKind, en: bool) -> &'static str {
    let (_, nb, e) = SHEETS
        .iter()
        .find(|(k, _, _)| *k == kind)
        .expect("every kind has a sheet");
    if en {
        e
    } else {
        nb
    }
}

fn yes_no(b: bool, en: bool) -> &'static str {
    match (b, en) {
        (true, false) => "Ja",
        (false, false) => "Nei",
        (true, true) => "Yes",
        (false, true) => "No",
    }
}

fn instructions(sheet: &mut Worksheet, content: &FormContent, en: bool) -> Result<(), XlsxError> {
    sheet.set_name(if en { "Instructions" } else { "Veiledning" })?;
    let org = content.organisation.as_ref().map(|o| o.name.as_str());
    let title = match (org, en) {
        (Some(o), false) => format!("Registrering i Kompis: {o}"),
        (Some(o), true) => format!("Registration in Kompis: {o}"),
        (None, false) => "Registrering i Kompis: nytt medlem".to_string(),
        (None, true) => "Registration in Kompis: new member".to_string(),
    };
    let lines: &[&str] = if en {
        &[
            "This workbook comes from the coordinator of the industry network. Fill it in and e-mail it back.",
            "Organisation: check the name, organisation number, municipality and website.",
            "Contact people: one row per person. Consent Yes means the name may be shown in the network's lists.",
            "Needs: what your organisation needs help with. Offers: what it can offer others.",
            "Kind: pick from the list. Keywords: separate with commas. Deadline: a date like 31.12.2027.",
            "Change what is wrong right in the rows; add new rows under the last one. Do not copy rows you already have.",
            "Rows you delete are not deleted in Kompis; tell the coordinator instead.",
            "Nothing is saved until the coordinator has looked through what you sent.",
        ]
    } else {
        &[
            "Denne arbeidsboka kommer fra koordinatoren i industrinettverket. Fyll den ut og send den tilbake på e-post.",
            "Organisasjon: sjekk navn, organisasjonsnummer, kommune og nettside.",
            "Kontaktpersoner: én rad per person. Samtykke Ja betyr at navnet kan vises i nettverkets oversikter.",
            "Behov: hva organisasjonen trenger hjelp med. Tilbud: hva den kan tilby andre.",
            "Type: velg fra lista. Stikkord: skill med komma. Frist: en dato som 31.12.2027.",
            "Rett det som er feil direkte i radene; legg nye rader under den siste. Ikke kopier rader dere allerede har.",
            "Rader dere sletter, blir ikke slettet i Kompis; si fra til koordinatoren i stedet.",
            "Ingenting lagres før koordinatoren har sett gjennom det dere sendte.",
        ]
    };
    sheet.set_column_width(0, 110)?;
    sheet.write_with_format(0, 0, title, &Format::new().set_bold().set_font_size(14))?;
    let wrap = Format::new().set_text_wrap();
    for (i, l) in lines.iter().enumerate() {
        sheet.write_with_format(i as u32 + 2, 0, *l, &wrap)?;
    }
    Ok(())
}

fn header(
    sheet: &mut Worksheet,
    name: &str,
    cols: &[&Col],
    en: bool,
    styles: &Styles,
) -> Result<(), XlsxError> {
    sheet.set_name(name)?;
    for (i, c) in cols.iter().enumerate() {
        let i = i as u16;
        sheet.write_with_format(0, i, if en { c.en } else { c.nb }, &styles.header)?;
        sheet.set_column_width(i, c.width)?;
        let note = if en { c.note_en } else { c.note_nb };
        if !note.is_empty() {
            sheet.insert_note(
                0,
                i,
                &Note::new(note)
                    .set_author("Kompis")
                    .add_author_prefix(false),
            )?;
        }
    }
    sheet.set_column_hidden(0)?;
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

fn write_row(
    sheet: &mut Worksheet,
    row: u32,
    cells: &[Option<String>],
    format: &Format,
) -> Result<(), XlsxError> {
    for (i, c) in cells.iter().enumerate() {
        if let Some(c) = c {
            sheet.write_with_format(row, i as u16, c, format)?;
        }
    }
    Ok(())
}

fn entry_sheet(
    sheet: &mut Worksheet,
    kind: EntityKind,
    entries: &[FormEntry],
    en: bool,
    styles: &Styles,
) -> Result<(), XlsxError> {
    let need = kind == EntityKind::Need;
    let contact_col = if need { 6 } else { 5 };
    for (i, fe) in entries.iter().enumerate() {
        let e = &fe.entry;
        let row = i as u32 + 1;
        let cells = [
            Some(e.id.clone()),
            Some(e.title.clone()),
            Some(kind_word(e.kind, en).to_string()),
            e.description.clone(),
            Some(e.keywords.join(", ")).filter(|k| !k.is_empty()),
        ];
        write_row(sheet, row, &cells, &styles.text)?;
        if let Some(d) = e.deadline.filter(|_| need) {
            sheet.write_date_with_format(row, 5, d, &styles.date)?;
        }
        if let Some(c) = &fe.contact_name {
            sheet.write_with_format(row, contact_col, c, &styles.text)?;
        }
    }
    let kinds: Vec<&str> = EntryKind::ALL.iter().map(|k| kind_word(*k, en)).collect();
    let kind_list = DataValidation::new()
        .allow_list_strings(&kinds)?
        .ignore_blank(true)
        .set_error_title(if en { "Kind" } else { "Type" })?
        .set_error_message(if en {
            "Pick a kind from the list."
        } else {
            "Velg en type fra lista."
        })?;
    sheet.add_data_validation(1, 2, FORM_ROWS, 2, &kind_list)?;
    sheet.set_column_format(3, &styles.wrap)?;
    if need {
        let from = ExcelDateTime::from_ymd(2000, 1, 1)?;
        let dates = DataValidation::new()
            .allow_date(DataValidationRule::GreaterThan(from))
            .ignore_blank(true)
            .set_error_message(if en {
                "Write a date, e.g. 31.12.2027."
            } else {
                "Skriv en dato, f.eks. 31.12.2027."
            })?;
        sheet.add_data_validation(1, 5, FORM_ROWS, 5, &dates)?;
        sheet.set_column_format(5, &styles.date)?;
    }
    // The contact: a name from the contact people sheet, or a new one
    // (added there too, or not: the review finds or makes the person).
    let people = sheet_name(EntityKind::Person, en);
    let contacts = DataValidation::new()
        .allow_list_formula(Formula::new(format!(
            "='{people}'!$B$2:$B${}",
            FORM_ROWS + 1
        )))
        .ignore_blank(true)
        .set_error_style(DataValidationErrorStyle::Information);
    sheet.add_data_validation(1, contact_col, FORM_ROWS, contact_col, &contacts)?;
    Ok(())
}
