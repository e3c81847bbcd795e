//! Cell values as people type them: kinds in words, Norwegian and ISO
//! dates, organisation numbers with spaces (MOD11), keyword lists, yes/no.
//! Each parser answers the value or a sentence saying what was expected.

use chrono::{Datelike, NaiveDate};
use kompis_model::{EntryKind, Language, OrgKind, Problem};

use crate::words::key;

/// Words for each kind of offer or need, by [`key`].
const KINDS: &[(EntryKind, &[&str])] = &[
    (
        EntryKind::Expertise,
        &[
            "expertise",
            "fagkompetanse",
            "kompetanse",
            "ekspertise",
            "fag",
            "faglig",
            "fagleg",
            "forskning",
            "research",
            "radgivning",
            "radgiving",
            "konsulent",
            "consulting",
        ],
    ),
    (
        EntryKind::Experience,
        &[
            "experience",
            "erfaringsdeling",
            "erfaring",
            "experiencesharing",
            "mentor",
            "mentoring",
            "nettverk",
            "network",
        ],
    ),
    (
        EntryKind::StudentProject,
        &[
            "studentproject",
            "studentoppgave",
            "student",
            "studentprosjekt",
            "bacheloroppgave",
            "masteroppgave",
            "oppgave",
            "thesis",
            "bachelor",
            "master",
            "phd",
            "praksis",
            "internship",
            "studentsamarbeid",
            "bachelormasterogphdsamarbeid",
        ],
    ),
    (
        EntryKind::Training,
        &[
            "training",
            "kurs",
            "opplaring",
            "course",
            "kursogopplaring",
            "etterutdanning",
            "videreutdanning",
            "vidareutdanning",
            "undervisning",
            "teaching",
        ],
    ),
    (
        EntryKind::Facility,
        &[
            "facility",
            "utstyr",
            "lab",
            "laboratorium",
            "lokaler",
            "lokale",
            "equipment",
            "utstyroglokaler",
            "utstyrlablokaler",
            "maskiner",
            "facilities",
        ],
    ),
    (
        EntryKind::Position,
        &[
            "position",
            "stilling",
            "rekruttering",
            "jobb",
            "job",
            "recruitment",
            "ledigstilling",
            "stillingogrekruttering",
            "ansettelse",
            "tilsetjing",
        ],
    ),
];

/// The kind a word names ("Studentoppgave", "Erfaringsdeling", "expertise").
pub fn entry_kind(text: &str) -> Result<EntryKind, Problem> {
    let k = key(text);
    KINDS
        .iter()
        .find(|(_, words)| words.contains(&k.as_str()))
        .map(|(kind, _)| *kind)
        .ok_or_else(|| Problem::NotAKind { text: short(text) })
}

/// The word a form shows for a kind, in bokmål or English.
pub fn kind_word(kind: EntryKind, english: bool) -> &'static str {
    match (kind, english) {
        (EntryKind::Expertise, false) => "Fagkompetanse",
        (EntryKind::Experience, false) => "Erfaringsdeling",
        (EntryKind::StudentProject, false) => "Studentoppgave",
        (EntryKind::Training, false) => "Kurs og opplæring",
        (EntryKind::Facility, false) => "Utstyr og lokaler",
        (EntryKind::Position, false) => "Stilling",
        (EntryKind::Expertise, true) => "Expertise",
        (EntryKind::Experience, true) => "Experience sharing",
        (EntryKind::StudentProject, true) => "Student project",
        (EntryKind::Training, true) => "Training",
        (EntryKind::Facility, true) => "Facility",
        (EntryKind::Position, true) => "Position",
    }
}

/// A date as dd.mm.åååå, d.m.åå, åååå-mm-dd or dd/mm/åååå.
pub fn date(text: &str) -> Result<NaiveDate, Problem> {
    let t = text.trim();
    // A date-time from a spreadsheet cell: its date.
    let t = t.split(['T', ' ']).next().unwrap_or(t);
    for f in ["%d.%m.%Y", "%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"] {
        if let Ok(d) = NaiveDate::parse_from_str(t, f) {
            // "%d.%m.%Y" also takes a two-digit year as the year 27.
            if d.year() >= 1000 {
                return Ok(d);
            }
        }
    }
    for f in ["%d.%m.%y", "%d/%m/%y"] {
        if let Ok(d) = NaiveDate::parse_from_str(t, f) {
            return Ok(d);
        }
    }
    Err(Problem::NotADate { text: short(text) })
}

/// An organisation number: nine digits, spaces and "NO"/"MVA" allowed,
/// whose last digit is the MOD11 check digit of the first eight.
pub fn org_number(text: &str) -> Result<String, Problem> {
    let upper = text.trim().to_uppercase();
    let bare = upper.trim_start_matches("NO").trim_end_matches("MVA");
    let digits: String = bare
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '.')
        .collect();
    if digits.len() != 9 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Problem::OrgNumberDigits { text: short(text) });
    }
    if !mod11_ok(&digits) {
        return Err(Problem::OrgNumberCheck { text: short(text) });
    }
    Ok(digits)
}

/// Whether nine digits end in their MOD11 check digit (weights 3 2 7 6 5 4 3 2).
pub fn mod11_ok(digits: &str) -> bool {
    let d: Vec<u32> = digits.chars().filter_map(|c| c.to_digit(10)).collect();
    if d.len() != 9 {
        return false;
    }
    let sum: u32 = [3, 2, 7, 6, 5, 4, 3, 2]
        .iter()
        .zip(&d)
        .map(|(w, x)| w * x)
        .sum();
    match 11 - sum % 11 {
        11 => d[8] == 0,
        10 => false,
        c => d[8] == c,
    }
}

/// Keywords split on `,` `;` `/` and new lines, trimmed, each once.
pub fn keywords(text: &str) -> Vec<String> {
    split_keywords(text, &[',', ';', '/', '\n', '\r'])
}

/// Keywords as a registration workbook writes them: split on `,` `;` and
/// new lines, so "CAD/CAM" comes back whole.
pub fn form_keywords(text: &str) -> Vec<String> {
    split_keywords(text, &[',', ';', '\n', '\r'])
}

fn split_keywords(text: &str, separators: &[char]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for k in text.split(separators) {
        let k = k.trim();
        if !k.is_empty() && !out.iter().any(|o| o == k) {
            out.push(k.to_string());
        }
    }
    out
}

/// Yes or no in the words people use ("Ja", "x", "yes", "nei").
pub fn yes_no(text: &str) -> Result<bool, Problem> {
    match key(text).as_str() {
        "ja" | "j" | "yes" | "y" | "x" | "true" | "sant" | "1" | "ok" => Ok(true),
        "nei" | "n" | "no" | "false" | "usant" | "0" => Ok(false),
        _ => Err(Problem::NotYesNo { text: short(text) }),
    }
}

/// A language in words or as a code.
pub fn language(text: &str) -> Result<Language, Problem> {
    match key(text).as_str() {
        "nb" | "bokmal" | "norsk" | "no" | "norwegian" => Ok(Language::Nb),
        "nn" | "nynorsk" => Ok(Language::Nn),
        "en" | "engelsk" | "english" => Ok(Language::En),
        _ => Err(Problem::NotALanguage { text: short(text) }),
    }
}

/// The kind of a new organisation, guessed from its name.
pub fn org_kind_from_name(name: &str) -> OrgKind {
    let k = key(name);
    if k.contains("kommune") || k.contains("fylke") || k.contains("nav") && k.len() < 12 {
        OrgKind::Public
    } else if k.contains("hogskole") || k.contains("universitet") || k.contains("university") {
        OrgKind::University
    } else if k.contains("nettverk") || k.contains("network") || k.contains("naringsforening") {
        OrgKind::Network
    } else {
        OrgKind::Company
    }
}

/// A cell's text cut for a sentence.
fn short(text: &str) -> String {
    const MAX: usize = 60;
    let t = text.trim();
    if t.chars().count() <= MAX {
        t.to_string()
    } else {
        format!("{}…", t.chars().take(MAX).collect::<String>())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_in_words() {
        assert_eq!(entry_kind("Studentoppgave"), Ok(EntryKind::StudentProject));
        assert_eq!(entry_kind("Erfaringsdeling"), Ok(EntryKind::Experience));
        assert_eq!(entry_kind("Stilling"), Ok(EntryKind::Position));
        assert_eq!(entry_kind("expertise"), Ok(EntryKind::Expertise));
        assert_eq!(entry_kind(" Kurs og opplæring "), Ok(EntryKind::Training));
        assert_eq!(entry_kind("student_project"), Ok(EntryKind::StudentProject));
        assert!(entry_kind("Bilvask")
            .unwrap_err()
            .to_string()
            .contains("Fagkompetanse"));
    }

    #[test]
    fn dates_as_typed() {
        let d = NaiveDate::from_ymd_opt(2027, 3, 1).unwrap();
        assert_eq!(date("01.03.2027"), Ok(d));
        assert_eq!(date("1.3.27"), Ok(d));
        assert_eq!(date("2027-03-01"), Ok(d));
        assert_eq!(date("2027-03-01T00:00:00"), Ok(d));
        assert!(date("31.02.2027")
            .unwrap_err()
            .to_string()
            .contains("31.02.2027"));
    }

    #[test]
    fn org_numbers_with_spaces_and_mod11() {
        assert_eq!(org_number("974 760 673"), Ok("974760673".into()));
        assert_eq!(org_number("NO 974760673 MVA"), Ok("974760673".into()));
        assert!(org_number("974 760 674")
            .unwrap_err()
            .to_string()
            .contains("check digit"));
        assert!(org_number("12345")
            .unwrap_err()
            .to_string()
            .contains("9 digits"));
    }

    #[test]
    fn keywords_split_on_separators() {
        assert_eq!(
            keywords("tre, bærekraft;CNC / lean\nlogistikk, tre"),
            ["tre", "bærekraft", "CNC", "lean", "logistikk"]
        );
    }
}
