//! Every word the job sheet prints, in bokmål and English, with the
//! occupation fields' names, the education levels and the ranking's
//! reasons.

use kompis_model::jobs::{job_field, JobReason};
use kompis_model::EducationLevel;

use crate::SheetLang;

/// The job sheet's fixed texts in one language.
pub(crate) struct JobLabels {
    pub lang: SheetLang,
    pub title: &'static str,
    pub kicker: &'static str,
    /// "Jobbpakke for Kari Nordmann".
    pub package_for: fn(&str) -> String,
    /// A job seeker shown without their name: "jobbsøker js-01".
    pub seeker_id: fn(&str) -> String,
    pub package_kicker: &'static str,
    /// "Stillingene i nettverket som passer best …".
    pub package_intro: &'static str,
    /// A package's section of ranked positions.
    pub ranked: &'static str,
    pub about_region: &'static str,
    pub open_count: fn(usize) -> String,
    pub selection: &'static str,
    pub nothing_open: &'static str,
    pub nothing_fits: &'static str,
    pub other_field: &'static str,
    pub full_time: &'static str,
    pub part_time: fn(u8) -> String,
    pub permanent: &'static str,
    pub temporary: &'static str,
    pub apprenticeship: &'static str,
    pub trainee: &'static str,
    pub student_project: &'static str,
    pub apply_by: &'static str,
    pub until_filled: &'static str,
    pub contact: &'static str,
    pub link: &'static str,
    pub why: &'static str,
    pub lives: &'static str,
    pub commute: &'static str,
    pub up_to: fn(&str) -> String,
    pub fields: &'static str,
    pub available_from: &'static str,
    pub hours: &'static str,
    /// What the minutes on a package's card are: "kjøring".
    pub drive: &'static str,
    // Spreadsheet.
    pub sheet_positions: &'static str,
    pub sheet_about: &'static str,
    pub col_rank: &'static str,
    pub col_id: &'static str,
    pub col_title: &'static str,
    pub col_field: &'static str,
    pub col_organisation: &'static str,
    pub col_municipality: &'static str,
    pub col_percent: &'static str,
    pub col_type: &'static str,
    pub col_apply_by: &'static str,
    pub col_contact: &'static str,
    pub col_link: &'static str,
    pub col_description: &'static str,
    pub col_score: &'static str,
    pub col_minutes: &'static str,
    pub col_why: &'static str,
    pub col_what: &'static str,
    pub col_value: &'static str,
    pub network: &'static str,
    pub date: &'static str,
    pub seeker: &'static str,
    pub shortened: &'static str,
}

pub(crate) fn job_labels(lang: SheetLang) -> &'static JobLabels {
    match lang {
        SheetLang::Nb => &NB,
        SheetLang::En => &EN,
    }
}

static NB: JobLabels = JobLabels {
    lang: SheetLang::Nb,
    title: "Ledige stillinger i nettverket",
    kicker: "JOBBMARKEDET",
    package_for: |name| format!("Jobbpakke for {name}"),
    seeker_id: |id| format!("jobbsøker {id}"),
    package_kicker: "JOBBPAKKE",
    package_intro:
        "Stillingene i nettverket som passer best, med hvorfor og kjøretid fra der du skal bo.",
    ranked: "Stillingene som passer best",
    about_region: "Om regionen",
    open_count: |n| match n {
        1 => "1 ledig stilling".to_string(),
        n => format!("{n} ledige stillinger"),
    },
    selection: "Utvalg",
    nothing_open: "Ingen ledige stillinger akkurat nå.",
    nothing_fits: "Ingen ledige stillinger passer ennå; koordinatoren sier fra når det kommer nye.",
    other_field: "Andre stillinger",
    full_time: "Heltid",
    part_time: |p| format!("Deltid {p} %"),
    permanent: "Fast",
    temporary: "Midlertidig",
    apprenticeship: "Læreplass",
    trainee: "Trainee",
    student_project: "Studentoppgave",
    apply_by: "Søknadsfrist",
    until_filled: "løpende",
    contact: "Kontakt",
    link: "Les mer",
    why: "Hvorfor",
    lives: "Skal bo i",
    commute: "Pendler inntil",
    up_to: |d| format!("{d} hver vei"),
    fields: "Fagfelt",
    available_from: "Kan begynne",
    hours: "t",
    drive: "kjøring",
    sheet_positions: "Stillinger",
    sheet_about: "Om",
    col_rank: "Rang",
    col_id: "ID",
    col_title: "Tittel",
    col_field: "Fagfelt",
    col_organisation: "Organisasjon",
    col_municipality: "Kommune",
    col_percent: "Stillingsprosent",
    col_type: "Type",
    col_apply_by: "Søknadsfrist",
    col_contact: "Kontakt",
    col_link: "Lenke",
    col_description: "Beskrivelse",
    col_score: "Treff",
    col_minutes: "Kjøretid (min)",
    col_why: "Hvorfor",
    col_what: "Hva",
    col_value: "Verdi",
    network: "Nettverk",
    date: "Dato",
    seeker: "Jobbsøker",
    shortened: "Noen tekster er forkortet i PDF-en; regnearket har dem i sin helhet.",
};

static EN: JobLabels = JobLabels {
    lang: SheetLang::En,
    title: "Open positions in the network",
    kicker: "THE JOB MARKET",
    package_for: |name| format!("Job package for {name}"),
    seeker_id: |id| format!("job seeker {id}"),
    package_kicker: "JOB PACKAGE",
    package_intro: "The network's positions that fit best, with why and the driving time from where you will live.",
    ranked: "The positions that fit best",
    about_region: "About the region",
    open_count: |n| match n {
        1 => "1 open position".to_string(),
        n => format!("{n} open positions"),
    },
    selection: "Selection",
    nothing_open: "No open positions right now.",
    nothing_fits: "No open position fits yet; the coordinator will tell you when new ones come.",
    other_field: "Other positions",
    full_time: "Full time",
    part_time: |p| format!("Part time {p} %"),
    permanent: "Permanent",
    temporary: "Temporary",
    apprenticeship: "Apprenticeship",
    trainee: "Trainee",
    student_project: "Student project",
    apply_by: "Apply by",
    until_filled: "until filled",
    contact: "Contact",
    link: "Read more",
    why: "Why",
    lives: "Will live in",
    commute: "Commutes up to",
    up_to: |d| format!("{d} each way"),
    fields: "Fields",
    available_from: "Can start",
    hours: "h",
    drive: "drive",
    sheet_positions: "Positions",
    sheet_about: "About",
    col_rank: "Rank",
    col_id: "ID",
    col_title: "Title",
    col_field: "Field",
    col_organisation: "Organisation",
    col_municipality: "Municipality",
    col_percent: "Percent",
    col_type: "Type",
    col_apply_by: "Apply by",
    col_contact: "Contact",
    col_link: "Link",
    col_description: "Description",
    col_score: "Match",
    col_minutes: "Driving (min)",
    col_why: "Why",
    col_what: "What",
    col_value: "Value",
    network: "Network",
    date: "Date",
    seeker: "Job seeker",
    shortened: "Some texts are shortened in the PDF; the spreadsheet has them whole.",
};

impl JobLabels {
    /// "7 Håndverkere", or the other-positions heading for no field.
    pub fn field(&self, code: Option<&str>) -> String {
        match code.and_then(job_field) {
            Some(f) => match self.lang {
                SheetLang::Nb => f.nb,
                SheetLang::En => f.en,
            },
            None => self.other_field.to_string(),
        }
    }

    fn level(&self, level: EducationLevel) -> &'static str {
        use EducationLevel::*;
        match (self.lang, level) {
            (SheetLang::Nb, None) => "ingen formell utdanning",
            (SheetLang::Nb, UpperSecondary) => "videregående skole",
            (SheetLang::Nb, TradeCertificate) => "fagbrev",
            (SheetLang::Nb, VocationalCollege) => "fagskole",
            (SheetLang::Nb, Bachelor) => "bachelorgrad",
            (SheetLang::Nb, Master) => "mastergrad",
            (SheetLang::Nb, Phd) => "doktorgrad",
            (SheetLang::En, l) => l.english(),
        }
    }

    /// "35 min", "1 t 50 min" / "1 h 50 min".
    pub fn duration(&self, minutes: u32) -> String {
        match (minutes / 60, minutes % 60) {
            (0, m) => format!("{m} min"),
            (h, 0) => format!("{h} {}", self.hours),
            (h, m) => format!("{h} {} {m} min", self.hours),
        }
    }

    /// A reason as a sentence in this language, addressed to the job
    /// seeker the package is for.
    pub fn reason(&self, r: &JobReason) -> String {
        let field = |code: &str| self.field(Some(code)).to_lowercase();
        let nb = self.lang == SheetLang::Nb;
        let pick = |nb_text: String, en_text: String| if nb { nb_text } else { en_text };
        match r {
            JobReason::Words { terms } => pick(
                format!("Felles ord: {terms}"),
                format!("Shared words: {terms}"),
            ),
            JobReason::FieldFits { code } => pick(
                format!("I et fagfelt du ønsker: {}", field(code)),
                format!("In a field you want: {}", field(code)),
            ),
            JobReason::FieldDiffers { code } => pick(
                format!("Et annet fagfelt: {}", field(code)),
                format!("Another field: {}", field(code)),
            ),
            JobReason::EducationFits { asked } => pick(
                format!("Du har utdanningen som kreves ({})", self.level(*asked)),
                format!("You have the education asked for ({})", self.level(*asked)),
            ),
            JobReason::EducationBelow { asked, has } => pick(
                format!("Krever {}; du har {}", self.level(*asked), self.level(*has)),
                format!(
                    "Asks for {}; you have {}",
                    self.level(*asked),
                    self.level(*has)
                ),
            ),
            JobReason::LanguagesFit { languages } => pick(
                format!("Du snakker språkene som kreves: {}", languages.join(", ")),
                format!(
                    "You speak the languages asked for: {}",
                    languages.join(", ")
                ),
            ),
            JobReason::LanguagesMissing { missing } => pick(
                format!("Krever språk du ikke har oppgitt: {}", missing.join(", ")),
                format!(
                    "Asks for languages you did not name: {}",
                    missing.join(", ")
                ),
            ),
            JobReason::CommuteWithin {
                from, to, minutes, ..
            } if from == to || *minutes == 0 => pick(
                format!("Jobb der du skal bo: {to}"),
                format!("Work where you will live: {to}"),
            ),
            JobReason::CommuteWithin {
                from, to, minutes, ..
            } => {
                let d = self.duration(*minutes);
                pick(
                    format!("Innenfor pendleavstand: {d} fra {from} til {to}"),
                    format!("Within commuting distance: {d} from {from} to {to}"),
                )
            }
            JobReason::CommuteTooFar {
                from,
                to,
                minutes,
                max,
            } => {
                let (d, m) = (self.duration(*minutes), self.duration(*max));
                pick(
                    format!(
                        "Utenfor pendleavstand: {d} fra {from} til {to} (du ønsker inntil {m})"
                    ),
                    format!(
                        "Beyond commuting distance: {d} from {from} to {to} (you want at most {m})"
                    ),
                )
            }
            JobReason::WantedMunicipality { municipality } => pick(
                format!("I en kommune du ønsker: {municipality}"),
                format!("In a municipality you want: {municipality}"),
            ),
            JobReason::CommuteUnknown { from, to } => pick(
                format!("Kjøretid ukjent fra {from} til {to}"),
                format!("No driving time known from {from} to {to}"),
            ),
            JobReason::ForStudents => pick("For studenter".into(), "For students".into()),
            JobReason::Trainee => pick("Traineestilling".into(), "A trainee position".into()),
            JobReason::Apprenticeship => {
                pick("Læreplass".into(), "A place for an apprentice".into())
            }
        }
    }
}
