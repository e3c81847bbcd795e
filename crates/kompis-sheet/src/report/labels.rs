//! Every word the network report prints, in bokmål and English. Kinds,
//! statuses, outcomes, levels and decline reasons come from the crate's
//! [`crate::labels`].

use crate::SheetLang;

/// The report's fixed texts in one language.
pub(crate) struct ReportLabels {
    pub title: &'static str,
    pub subtitle: &'static str,
    pub period: &'static str,
    pub period_unknown: &'static str,
    pub date: &'static str,
    pub nothing_yet: &'static str,
    /// "3. kvartal 2026" from (3, 2026).
    pub quarter: fn(u32, i32) -> String,
    pub number: &'static str,
    pub field: &'static str,
    pub value: &'static str,

    // Key figures.
    pub key_figures: &'static str,
    pub members: &'static str,
    pub all_organisations: &'static str,
    pub active_offers: &'static str,
    pub active_needs: &'static str,
    pub agreed: &'static str,
    pub outcomes_recorded: &'static str,
    pub student_projects: &'static str,
    pub open_vacancies: &'static str,

    // Sections.
    pub results: &'static str,
    pub supply_and_demand: &'static str,
    pub gaps: &'static str,
    pub workflow: &'static str,
    pub balance: &'static str,
    pub collaborations: &'static str,
    pub methods: &'static str,

    // Charts: title, axis, empty state.
    pub outcomes_by_kind: &'static str,
    pub theses_by_level: &'static str,
    pub outcomes_by_quarter: &'static str,
    pub by_kind: &'static str,
    pub by_municipality: &'static str,
    pub themes: &'static str,
    pub funnel: &'static str,
    pub declines: &'static str,
    pub givers_and_askers: &'static str,
    pub axis_outcomes: &'static str,
    pub axis_theses: &'static str,
    pub axis_entries: &'static str,
    pub axis_places: &'static str,
    pub axis_themes: &'static str,
    pub axis_pairs: &'static str,
    pub axis_declines: &'static str,
    pub axis_organisations: &'static str,
    pub empty_outcomes: &'static str,
    pub empty_theses: &'static str,
    pub empty_entries: &'static str,
    pub empty_themes: &'static str,
    pub empty_funnel: &'static str,
    pub empty_declines: &'static str,
    pub empty_balance: &'static str,
    pub stack_order: &'static str,
    pub offer_something: &'static str,
    pub only_ask: &'static str,

    // Gaps and collaborations.
    /// "7 medlemmer trenger «X»; ingen i nettverket tilbyr det."
    pub gap_line: fn(&str, &str) -> String,
    /// The same for needs with no organisation behind them.
    pub gap_line_needs: fn(&str, &str) -> String,
    pub no_gaps: &'static str,
    pub no_themes: &'static str,
    pub more_in_spreadsheet: fn(usize) -> String,
    pub collaborations_intro: &'static str,
    pub no_collaborations: &'static str,
    pub agreed_on: fn(&str) -> String,
    pub no_outcome_yet: &'static str,
    /// A warning: the PDF lists `shown` of `all` (collaborations or gaps).
    pub list_shortened: fn(&str, usize, usize) -> String,
    pub collaborations_word: &'static str,
    pub gaps_word: &'static str,

    // Methods note.
    /// Paragraphs, given the period and, when filtered, the municipality.
    pub method_notes: fn(&str, Option<&str>) -> Vec<String>,

    // Spreadsheet sheets and columns (sheet names: 31 characters at most).
    pub sheet_about: &'static str,
    pub sheet_outcomes: &'static str,
    pub sheet_theses: &'static str,
    pub sheet_funnel: &'static str,
    pub sheet_quarters: &'static str,
    pub sheet_declines: &'static str,
    pub sheet_balance: &'static str,
    pub sheet_gaps: &'static str,
    pub sheet_collaborations: &'static str,
    pub sheet_themes: &'static str,
    pub col_outcome: &'static str,
    pub col_level: &'static str,
    pub col_theme: &'static str,
    pub col_askers: &'static str,
    pub col_quarter: &'static str,
    pub col_reason: &'static str,
    pub col_group: &'static str,
    pub col_agreed: &'static str,
    pub col_outcomes: &'static str,
    pub col_pairs: &'static str,
    pub network: &'static str,
    pub methods_row: &'static str,
}

pub(crate) fn report_labels(lang: SheetLang) -> &'static ReportLabels {
    match lang {
        SheetLang::Nb => &NB,
        SheetLang::En => &EN,
    }
}

static NB: ReportLabels = ReportLabels {
    title: "Nettverksrapport",
    subtitle: "Hva nettverket tilbyr, hva det mangler, og hva som kom ut av treffene",
    period: "Periode",
    period_unknown: "(ikke oppgitt)",
    date: "Dato",
    nothing_yet: "Ingen tall ennå: i perioden har nettverket ingen aktive behov eller tilbud, \
        ingen treff og ingen registrerte utfall.",
    quarter: |q, y| format!("{q}. kvartal {y}"),
    number: "Antall",
    field: "Felt",
    value: "Verdi",

    key_figures: "Nøkkeltall",
    members: "Medlemmer",
    all_organisations: "Organisasjoner i katalogen",
    active_offers: "Aktive tilbud",
    active_needs: "Aktive behov",
    agreed: "Avtalte treff i perioden",
    outcomes_recorded: "Utfall registrert i perioden",
    student_projects: "Studentoppgaver startet i perioden",
    open_vacancies: "Ledige stillinger",

    results: "Hva treffene ga",
    supply_and_demand: "Hva nettverket tilbyr og trenger",
    gaps: "Det nettverket mangler",
    workflow: "Fra forslag til avtale",
    balance: "Hvem gir, og hvem bare spør",
    collaborations: "Utvalgte samarbeid",
    methods: "Om tallene",

    outcomes_by_kind: "Utfall etter type",
    theses_by_level: "Studentoppgaver startet eller levert, etter nivå",
    outcomes_by_quarter: "Utfall per kvartal",
    by_kind: "Behov og tilbud etter type",
    by_municipality: "Organisasjoner, behov og tilbud etter kommune",
    themes: "Temaene behovene spør om, mot tilbudene som dekker dem",
    funnel: "Treffløpet: hvor langt parene kom",
    declines: "Hvorfor treff ble avslått",
    givers_and_askers: "Organisasjoner som tilbyr noe, og de som bare spør",
    axis_outcomes: "Antall utfall",
    axis_theses: "Antall oppgaver startet eller levert",
    axis_entries: "Antall aktive behov og tilbud",
    axis_places: "Antall organisasjoner og aktive behov og tilbud",
    axis_themes: "Antall aktive behov og tilbud som berører temaet",
    axis_pairs: "Antall behov–tilbud-par",
    axis_declines: "Antall avslag",
    axis_organisations: "Antall organisasjoner",
    empty_outcomes: "Ingen utfall registrert i perioden.",
    empty_theses: "Ingen studentoppgaver registrert i perioden.",
    empty_entries: "Ingen aktive behov eller tilbud.",
    empty_themes: "Ingen behov med kjente temaer ennå.",
    empty_funnel: "Ingen treff behandlet i perioden.",
    empty_declines: "Ingen treff avslått i perioden.",
    empty_balance: "Ingen organisasjoner med behov eller tilbud ennå.",
    stack_order: "Tallene ved hver søyle står i samme rekkefølge som forklaringen.",
    offer_something: "Tilbyr noe",
    only_ask: "Bare spør",

    gap_line: |who, theme| {
        format!("{who} medlemmer trenger «{theme}»; ingen i nettverket tilbyr det.")
    },
    gap_line_needs: |n, theme| {
        format!("{n} behov spør etter «{theme}»; ingen i nettverket tilbyr det.")
    },
    no_gaps: "Ingen kompetansegap: hvert tema behovene spør om, har minst ett tilbud.",
    no_themes: "Ingen behov med kjente temaer ennå, så ingen gap å vise.",
    more_in_spreadsheet: |n| format!("+ {n} flere i regnearket."),
    collaborations_intro:
        "Avtalte samarbeid der begge organisasjonene har sagt ja til å bli nevnt, \
        nyeste først.",
    no_collaborations: "Ingen avtalte samarbeid som kan nevnes i perioden.",
    agreed_on: |d| format!("avtalt {d}"),
    no_outcome_yet: "ingen utfall registrert ennå",
    list_shortened: |what, shown, all| {
        format!("PDF-en viser {shown} av {all} {what}; regnearket har alle.")
    },
    collaborations_word: "samarbeid",
    gaps_word: "kompetansegap",

    method_notes: |period, place| {
        let mut notes = vec![
            format!(
                "Periode: {period}. Treffløpet, avtaler, avslag og utfall telles når hendelsen \
                 er datert i perioden; et utfall telles i kvartalet det skjedde."
            ),
            "Behov og tilbud telles når de er aktive. Ledige stillinger er aktive \
             stillingstilbud med frist som ikke er passert. Medlemmer er organisasjoner \
             merket som medlem."
                .to_string(),
            "Temaer er begrepsgruppene i nettverkets tesaurus (de 15 behovene spør mest om); \
             et behov eller tilbud kan berøre flere temaer. Et kompetansegap er et tema \
             behovene spør om som ingen aktive tilbud dekker."
                .to_string(),
            "Små tall: et antall under 3 (men over 0) står som «< 3», og søylen har da en \
             fast, kort lengde, slik at ingen enkelt medlem kan pekes ut. Rapporten viser \
             ingen egne summer av slike tall."
                .to_string(),
            "Samarbeid nevnes bare når begge organisasjonene har sagt ja til det.".to_string(),
        ];
        if let Some(m) = place {
            notes.insert(
                1,
                format!("Kommune: bare organisasjoner i {m}, med deres behov og tilbud."),
            );
        }
        notes
    },

    sheet_about: "Om rapporten",
    sheet_outcomes: "Utfall",
    sheet_theses: "Studentoppgaver",
    sheet_funnel: "Treffløpet",
    sheet_quarters: "Utfall per kvartal",
    sheet_declines: "Avslagsgrunner",
    sheet_balance: "Gir og spør",
    sheet_gaps: "Kompetansegap",
    sheet_collaborations: "Samarbeid",
    sheet_themes: "Temaer",
    col_outcome: "Utfall",
    col_level: "Nivå",
    col_theme: "Tema",
    col_askers: "Organisasjoner som spør",
    col_quarter: "Kvartal",
    col_reason: "Grunn",
    col_group: "Gruppe",
    col_agreed: "Avtalt",
    col_outcomes: "Utfall",
    col_pairs: "Par",
    network: "Nettverk",
    methods_row: "Om tallene",
};

static EN: ReportLabels = ReportLabels {
    title: "Network report",
    subtitle: "What the network offers, what it lacks, and what came of the matches",
    period: "Period",
    period_unknown: "(not given)",
    date: "Date",
    nothing_yet: "Nothing to show yet: in the period the network has no active needs or \
        offers, no matches and no recorded outcomes.",
    quarter: |q, y| format!("Q{q} {y}"),
    number: "Number",
    field: "Field",
    value: "Value",

    key_figures: "Key figures",
    members: "Members",
    all_organisations: "Organisations in the catalogue",
    active_offers: "Active offers",
    active_needs: "Active needs",
    agreed: "Matches agreed in the period",
    outcomes_recorded: "Outcomes recorded in the period",
    student_projects: "Student theses started in the period",
    open_vacancies: "Open vacancies",

    results: "What the matches achieved",
    supply_and_demand: "What the network offers and needs",
    gaps: "What the network lacks",
    workflow: "From suggestion to agreement",
    balance: "Who gives, and who only asks",
    collaborations: "Selected collaborations",
    methods: "About the figures",

    outcomes_by_kind: "Outcomes by kind",
    theses_by_level: "Student theses started or delivered, by level",
    outcomes_by_quarter: "Outcomes by quarter",
    by_kind: "Needs and offers by kind",
    by_municipality: "Organisations, needs and offers by municipality",
    themes: "The themes the needs ask about, against the offers that serve them",
    funnel: "The match funnel: how far the pairs got",
    declines: "Why matches were declined",
    givers_and_askers: "Organisations that offer something, and those that only ask",
    axis_outcomes: "Number of outcomes",
    axis_theses: "Number of theses started or delivered",
    axis_entries: "Number of active needs and offers",
    axis_places: "Number of organisations and of active needs and offers",
    axis_themes: "Number of active needs and offers touching the theme",
    axis_pairs: "Number of need–offer pairs",
    axis_declines: "Number of declines",
    axis_organisations: "Number of organisations",
    empty_outcomes: "No outcomes recorded in the period.",
    empty_theses: "No student theses recorded in the period.",
    empty_entries: "No active needs or offers.",
    empty_themes: "No needs with known themes yet.",
    empty_funnel: "No matches handled in the period.",
    empty_declines: "No matches declined in the period.",
    empty_balance: "No organisations with needs or offers yet.",
    stack_order: "The numbers beside each bar follow the order of the legend.",
    offer_something: "Offer something",
    only_ask: "Only ask",

    gap_line: |who, theme| {
        format!("{who} members need “{theme}”; no one in the network offers it.")
    },
    gap_line_needs: |n, theme| {
        format!("{n} needs ask for “{theme}”; no one in the network offers it.")
    },
    no_gaps: "No competence gaps: every theme the needs ask about has at least one offer.",
    no_themes: "No needs with known themes yet, so no gaps to show.",
    more_in_spreadsheet: |n| format!("+ {n} more in the spreadsheet."),
    collaborations_intro: "Agreed collaborations whose organisations both allow being named, \
        newest first.",
    no_collaborations: "No agreed collaborations that may be named in the period.",
    agreed_on: |d| format!("agreed {d}"),
    no_outcome_yet: "no outcome recorded yet",
    list_shortened: |what, shown, all| {
        format!("The PDF lists {shown} of {all} {what}; the spreadsheet has them all.")
    },
    collaborations_word: "collaborations",
    gaps_word: "competence gaps",

    method_notes: |period, place| {
        let mut notes = vec![
            format!(
                "Period: {period}. The funnel, agreements, declines and outcomes are counted \
                 when the event is dated in the period; an outcome counts in the quarter it \
                 happened."
            ),
            "Needs and offers are counted while active. Open vacancies are active position \
             offers whose deadline has not passed. Members are organisations marked as \
             members."
                .to_string(),
            "Themes are the concept groups of the network's thesaurus (the 15 the needs ask \
             about most); a need or offer can touch several themes. A competence gap is a \
             theme the needs ask about that no active offer serves."
                .to_string(),
            "Small counts: a count below 3 (but above 0) is shown as \"< 3\", and its bar has \
             a fixed, short length, so that no single member can be singled out. The report \
             adds no totals of its own over such counts."
                .to_string(),
            "Collaborations are named only when both organisations allow it.".to_string(),
        ];
        if let Some(m) = place {
            notes.insert(
                1,
                format!("Municipality: only organisations in {m}, with their needs and offers."),
            );
        }
        notes
    },

    sheet_about: "About",
    sheet_outcomes: "Outcomes",
    sheet_theses: "Theses",
    sheet_funnel: "Funnel",
    sheet_quarters: "Outcomes by quarter",
    sheet_declines: "Decline reasons",
    sheet_balance: "Give and ask",
    sheet_gaps: "Gaps",
    sheet_collaborations: "Collaborations",
    sheet_themes: "Themes",
    col_outcome: "Outcome",
    col_level: "Level",
    col_theme: "Theme",
    col_askers: "Asking organisations",
    col_quarter: "Quarter",
    col_reason: "Reason",
    col_group: "Group",
    col_agreed: "Agreed",
    col_outcomes: "Outcomes",
    col_pairs: "Pairs",
    network: "Network",
    methods_row: "About the figures",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_fit_excel() {
        for l in [&NB, &EN] {
            for name in [
                l.sheet_about,
                l.key_figures,
                l.sheet_outcomes,
                l.sheet_theses,
                l.sheet_funnel,
                l.sheet_quarters,
                l.sheet_declines,
                l.sheet_balance,
                l.sheet_gaps,
                l.sheet_collaborations,
                l.sheet_themes,
            ] {
                assert!(name.chars().count() <= 31, "{name}");
                assert!(
                    !name.contains(['[', ']', ':', '*', '?', '/', '\\']),
                    "{name}"
                );
            }
        }
    }
}
