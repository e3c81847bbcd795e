//! Every word the sheets print, in bokmål and English.

use kompis_model::{
    DeclineReason, EntryKind, Language, MatchStatus, OrgKind, OutcomeKind, ThesisLevel,
};

use crate::SheetLang;

/// The fixed texts of one language.
pub(crate) struct Labels {
    pub lang: SheetLang,
    pub page_of: fn(u32, u32) -> String,
    pub need: &'static str,
    pub offer: &'static str,
    pub needs: &'static str,
    pub offers: &'static str,
    pub matches: &'static str,
    pub organisations: &'static str,
    pub people: &'static str,
    pub deadline: &'static str,
    pub organisation: &'static str,
    pub contact: &'static str,
    pub keywords: &'static str,
    pub suggestions: &'static str,
    pub no_suggestions: &'static str,
    pub why: &'static str,
    pub note: &'static str,
    pub meeting_notes: &'static str,
    pub more_matches: fn(usize) -> String,
    pub inactive: &'static str,
    pub your_matches: &'static str,
    pub our_needs: &'static str,
    pub our_offers: &'static str,
    pub continued: &'static str,
    pub summary_title: &'static str,
    pub by_kind: &'static str,
    pub by_municipality: &'static str,
    pub kind: &'static str,
    pub municipality: &'static str,
    pub unknown_municipality: &'static str,
    pub agreed_matches: &'static str,
    pub needs_without_match: &'static str,
    pub none: &'static str,
    pub total: &'static str,
    pub contact_in: fn(&str) -> String,
    pub not_named: &'static str,
    pub empty_sheet: &'static str,
    pub unknown: &'static str,
    pub untitled: &'static str,
    pub no_organisation: &'static str,
    // Table columns.
    pub col_id: &'static str,
    pub col_need_id: &'static str,
    pub col_offer_id: &'static str,
    pub col_title: &'static str,
    pub col_description: &'static str,
    pub col_language: &'static str,
    pub col_active: &'static str,
    pub col_created: &'static str,
    pub col_updated: &'static str,
    pub col_match_count: &'static str,
    pub col_need_org: &'static str,
    pub col_need_contact: &'static str,
    pub col_offer_org: &'static str,
    pub col_offer_contact: &'static str,
    pub col_score: &'static str,
    pub col_status: &'static str,
    pub col_name: &'static str,
    pub col_org_number: &'static str,
    pub col_website: &'static str,
    pub col_member: &'static str,
    pub col_notes: &'static str,
    pub col_role: &'static str,
    pub col_email: &'static str,
    pub col_phone: &'static str,
    pub col_consent: &'static str,
    /// When the match's status was reached.
    pub col_status_date: &'static str,
    /// The column and the PDF line with what came of a match.
    pub outcomes: &'static str,
    pub col_history: &'static str,
    /// A history step that took the one before back: "Kontaktet igjen".
    pub again: fn(&str) -> String,
    pub yes: &'static str,
    pub no: &'static str,
    /// The warning when the PDF shortened text the spreadsheet has whole.
    pub pdf_shortened: &'static str,
}

pub(crate) fn labels(lang: SheetLang) -> &'static Labels {
    match lang {
        SheetLang::Nb => &NB,
        SheetLang::En => &EN,
    }
}

static NB: Labels = Labels {
    lang: SheetLang::Nb,
    page_of: |p, n| format!("Side {p} av {n}"),
    need: "Behov",
    offer: "Tilbud",
    needs: "Behov",
    offers: "Tilbud",
    matches: "Treff",
    organisations: "Organisasjoner",
    people: "Personer",
    deadline: "Frist",
    organisation: "Organisasjon",
    contact: "Kontakt",
    keywords: "Nøkkelord",
    suggestions: "Forslag til samarbeid",
    no_suggestions: "Ingen forslag ennå.",
    why: "Hvorfor",
    note: "Notat",
    meeting_notes: "Notater fra møtet",
    more_matches: |n| format!("+ {n} flere treff i regnearket."),
    inactive: "inaktiv",
    your_matches: "Dine treff",
    our_needs: "Våre behov",
    our_offers: "Våre tilbud",
    continued: "forts.",
    summary_title: "Oversikt over nettverket",
    by_kind: "Etter type",
    by_municipality: "Etter kommune",
    kind: "Type",
    municipality: "Kommune",
    unknown_municipality: "(uten kommune)",
    agreed_matches: "Avtalte samarbeid",
    needs_without_match: "Behov uten treff",
    none: "Ingen.",
    total: "Sum",
    contact_in: |org| format!("Kontaktperson i {org}"),
    not_named: "(ikke oppført med navn)",
    empty_sheet: "Ingen behov i utvalget.",
    unknown: "(ukjent)",
    untitled: "(uten tittel)",
    no_organisation: "(uten organisasjon)",
    col_id: "ID",
    col_need_id: "Behov-ID",
    col_offer_id: "Tilbud-ID",
    col_title: "Tittel",
    col_description: "Beskrivelse",
    col_language: "Språk",
    col_active: "Aktiv",
    col_created: "Opprettet",
    col_updated: "Endret",
    col_match_count: "Antall treff",
    col_need_org: "Behovseier",
    col_need_contact: "Kontakt (behov)",
    col_offer_org: "Tilbyder",
    col_offer_contact: "Kontakt (tilbud)",
    col_score: "Poeng",
    col_status: "Status",
    col_name: "Navn",
    col_org_number: "Org.nr.",
    col_website: "Nettsted",
    col_member: "Medlem",
    col_notes: "Notater",
    col_role: "Rolle",
    col_email: "E-post",
    col_phone: "Telefon",
    col_consent: "Samtykke",
    col_status_date: "Statusdato",
    outcomes: "Utfall",
    col_history: "Historikk",
    again: |step| format!("{step} igjen"),
    yes: "ja",
    no: "nei",
    pdf_shortened: "Noen lange tekster er forkortet med «…» i PDF-en; regnearket har hele teksten.",
};

static EN: Labels = Labels {
    lang: SheetLang::En,
    page_of: |p, n| format!("Page {p} of {n}"),
    need: "Need",
    offer: "Offer",
    needs: "Needs",
    offers: "Offers",
    matches: "Matches",
    organisations: "Organisations",
    people: "People",
    deadline: "Deadline",
    organisation: "Organisation",
    contact: "Contact",
    keywords: "Keywords",
    suggestions: "Suggested partners",
    no_suggestions: "No suggestions yet.",
    why: "Why",
    note: "Note",
    meeting_notes: "Notes from the meeting",
    more_matches: |n| format!("+ {n} more matches in the spreadsheet."),
    inactive: "inactive",
    your_matches: "Your matches",
    our_needs: "Our needs",
    our_offers: "Our offers",
    continued: "cont.",
    summary_title: "Network overview",
    by_kind: "By kind",
    by_municipality: "By municipality",
    kind: "Kind",
    municipality: "Municipality",
    unknown_municipality: "(no municipality)",
    agreed_matches: "Agreed partnerships",
    needs_without_match: "Needs with no match",
    none: "None.",
    total: "Total",
    contact_in: |org| format!("Contact person at {org}"),
    not_named: "(not listed by name)",
    empty_sheet: "No needs in the selection.",
    unknown: "(unknown)",
    untitled: "(untitled)",
    no_organisation: "(no organisation)",
    col_id: "ID",
    col_need_id: "Need ID",
    col_offer_id: "Offer ID",
    col_title: "Title",
    col_description: "Description",
    col_language: "Language",
    col_active: "Active",
    col_created: "Created",
    col_updated: "Updated",
    col_match_count: "Matches",
    col_need_org: "Need owner",
    col_need_contact: "Contact (need)",
    col_offer_org: "Provider",
    col_offer_contact: "Contact (offer)",
    col_score: "Score",
    col_status: "Status",
    col_name: "Name",
    col_org_number: "Org. no.",
    col_website: "Website",
    col_member: "Member",
    col_notes: "Notes",
    col_role: "Role",
    col_email: "E-mail",
    col_phone: "Phone",
    col_consent: "Consent",
    col_status_date: "Status date",
    outcomes: "Outcomes",
    col_history: "History",
    again: |step| format!("{step} again"),
    yes: "yes",
    no: "no",
    pdf_shortened:
        "Some long texts are shortened with \"…\" in the PDF; the spreadsheet has the full text.",
};

impl Labels {
    pub fn status(&self, s: MatchStatus) -> &'static str {
        use MatchStatus::*;
        match (self.lang, s) {
            (SheetLang::Nb, Suggested) => "Foreslått",
            (SheetLang::Nb, Shortlisted) => "Kortliste",
            (SheetLang::Nb, Contacted) => "Kontaktet",
            (SheetLang::Nb, Agreed) => "Avtalt",
            (SheetLang::Nb, Declined) => "Avslått",
            (SheetLang::En, Suggested) => "Suggested",
            (SheetLang::En, Shortlisted) => "Shortlisted",
            (SheetLang::En, Contacted) => "Contacted",
            (SheetLang::En, Agreed) => "Agreed",
            (SheetLang::En, Declined) => "Declined",
        }
    }

    /// A status as a step in a match's history: "På kortliste", "Avtalt".
    pub fn status_step(&self, s: MatchStatus) -> &'static str {
        match (self.lang, s) {
            (SheetLang::Nb, MatchStatus::Shortlisted) => "På kortliste",
            _ => self.status(s),
        }
    }

    pub fn entry_kind(&self, k: EntryKind) -> &'static str {
        use EntryKind::*;
        match (self.lang, k) {
            (SheetLang::Nb, Expertise) => "Fagkompetanse",
            (SheetLang::Nb, Experience) => "Erfaringsdeling",
            (SheetLang::Nb, StudentProject) => "Studentsamarbeid",
            (SheetLang::Nb, Training) => "Kurs og opplæring",
            (SheetLang::Nb, Facility) => "Utstyr og lokaler",
            (SheetLang::Nb, Position) => "Stilling og rekruttering",
            (SheetLang::En, Expertise) => "Expertise",
            (SheetLang::En, Experience) => "Experience sharing",
            (SheetLang::En, StudentProject) => "Student project",
            (SheetLang::En, Training) => "Training",
            (SheetLang::En, Facility) => "Facilities",
            (SheetLang::En, Position) => "Position",
        }
    }

    pub fn decline_reason(&self, r: DeclineReason) -> &'static str {
        use DeclineReason::*;
        match (self.lang, r) {
            (SheetLang::Nb, NotRelevant) => "Ikke relevant",
            (SheetLang::Nb, BadTiming) => "Feil tidspunkt",
            (SheetLang::Nb, NoCapacity) => "Ikke kapasitet",
            (SheetLang::Nb, AlreadySolved) => "Allerede løst",
            (SheetLang::Nb, Other) => "Annet",
            (SheetLang::En, NotRelevant) => "Not relevant",
            (SheetLang::En, BadTiming) => "Bad timing",
            (SheetLang::En, NoCapacity) => "No capacity",
            (SheetLang::En, AlreadySolved) => "Already solved",
            (SheetLang::En, Other) => "Other",
        }
    }

    pub fn outcome_kind(&self, k: OutcomeKind) -> &'static str {
        use OutcomeKind::*;
        match (self.lang, k) {
            (SheetLang::Nb, MeetingHeld) => "Møte holdt",
            (SheetLang::Nb, ProjectStarted) => "Samarbeid eller prosjekt startet",
            (SheetLang::Nb, ThesisStarted) => "Studentoppgave startet",
            (SheetLang::Nb, ThesisDelivered) => "Studentoppgave levert",
            (SheetLang::Nb, Internship) => "Praksis eller trainee",
            (SheetLang::Nb, Hire) => "Ansettelse",
            (SheetLang::Nb, FundingApplication) => "Felles søknad om midler",
            (SheetLang::Nb, CourseHeld) => "Kurs holdt",
            (SheetLang::Nb, NoResult) => "Ingenting kom ut av det",
            (SheetLang::En, MeetingHeld) => "Meeting held",
            (SheetLang::En, ProjectStarted) => "Project started",
            (SheetLang::En, ThesisStarted) => "Thesis started",
            (SheetLang::En, ThesisDelivered) => "Thesis delivered",
            (SheetLang::En, Internship) => "Internship or trainee",
            (SheetLang::En, Hire) => "Hire",
            (SheetLang::En, FundingApplication) => "Joint funding application",
            (SheetLang::En, CourseHeld) => "Course held",
            (SheetLang::En, NoResult) => "Nothing came of it",
        }
    }

    /// A thesis level; `None` is "ikke oppgitt" / "not given".
    pub fn thesis_level(&self, level: Option<ThesisLevel>) -> &'static str {
        match (self.lang, level) {
            (_, Some(ThesisLevel::Bachelor)) => "Bachelor",
            (_, Some(ThesisLevel::Master)) => "Master",
            (_, Some(ThesisLevel::Phd)) => "PhD",
            (SheetLang::Nb, None) => "Nivå ikke oppgitt",
            (SheetLang::En, None) => "Level not given",
        }
    }

    /// A thesis level inside a sentence: "master" in "Studentoppgave startet (master)".
    pub fn thesis_level_in_text(&self, level: ThesisLevel) -> &'static str {
        match (self.lang, level) {
            (_, ThesisLevel::Bachelor) => "bachelor",
            (_, ThesisLevel::Master) => "master",
            (SheetLang::Nb, ThesisLevel::Phd) => "ph.d.",
            (SheetLang::En, ThesisLevel::Phd) => "PhD",
        }
    }

    pub fn org_kind(&self, k: OrgKind) -> &'static str {
        use OrgKind::*;
        match (self.lang, k) {
            (SheetLang::Nb, Company) => "Bedrift",
            (SheetLang::Nb, University) => "Universitet/høgskole",
            (SheetLang::Nb, Public) => "Offentlig",
            (SheetLang::Nb, Network) => "Nettverk",
            (SheetLang::Nb, Other) => "Annet",
            (SheetLang::En, Company) => "Company",
            (SheetLang::En, University) => "University",
            (SheetLang::En, Public) => "Public body",
            (SheetLang::En, Network) => "Network",
            (SheetLang::En, Other) => "Other",
        }
    }

    pub fn language(&self, l: Language) -> &'static str {
        match (self.lang, l) {
            (SheetLang::Nb, Language::Nb) => "bokmål",
            (SheetLang::Nb, Language::Nn) => "nynorsk",
            (SheetLang::Nb, Language::En) => "engelsk",
            (SheetLang::En, Language::Nb) => "Bokmål",
            (SheetLang::En, Language::Nn) => "Nynorsk",
            (SheetLang::En, Language::En) => "English",
        }
    }

    pub fn yes_no(&self, b: bool) -> &'static str {
        if b {
            self.yes
        } else {
            self.no
        }
    }
}
