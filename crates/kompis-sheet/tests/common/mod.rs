//! Catalogues for tests, the example and the benches: a small network in and
//! around Elverum, a hostile one, and a large generated one.
#![allow(dead_code)]

use chrono::{NaiveDate, TimeZone, Utc};
use kompis_model::{
    Entry, EntryKind, Language, MatchStatus, OrgKind, Organisation, Outcome, OutcomeKind, Person,
    StatusEvent, ThesisLevel,
};
use kompis_sheet::{SheetInput, SheetMatch};

pub fn org(id: &str, name: &str, kind: OrgKind, municipality: Option<&str>) -> Organisation {
    Organisation {
        id: id.into(),
        name: name.into(),
        kind,
        municipality: municipality.map(Into::into),
        org_number: Some("912345678".into()),
        website: None,
        member: Some(true),
        in_report: None,
        notes: None,
    }
}

pub fn person(
    id: &str,
    name: &str,
    org: &str,
    role: Option<&str>,
    consent: Option<bool>,
) -> Person {
    Person {
        id: id.into(),
        name: name.into(),
        email: Some(format!("{id}@example.no")),
        phone: Some("+47 900 00 000".into()),
        organisation: Some(org.into()),
        role: role.map(Into::into),
        consent,
        notes: Some(format!("Privat notat om {name}")),
        ..Default::default()
    }
}

pub fn entry(id: &str, title: &str, kind: EntryKind, org: &str, contact: Option<&str>) -> Entry {
    Entry {
        id: id.into(),
        title: title.into(),
        kind,
        description: None,
        keywords: Vec::new(),
        organisation: Some(org.into()),
        contact: contact.map(Into::into),
        language: Some(Language::Nb),
        created_at: Some(Utc.with_ymd_and_hms(2026, 9, 1, 8, 30, 0).unwrap()),
        updated_at: None,
        active: None,
        deadline: None,
        vacancy: None,
    }
}

pub fn m(need: &str, offer: &str, score: f64, reasons: &[&str], status: MatchStatus) -> SheetMatch {
    SheetMatch {
        need: need.into(),
        offer: offer.into(),
        score,
        reasons: reasons.iter().map(|s| s.to_string()).collect(),
        reasons_en: Vec::new().into(),
        status,
        note: None,
        history: Vec::new(),
        outcomes: Vec::new(),
    }
}

/// A status change at midday UTC (the same day in every Norwegian clock).
pub fn event(status: MatchStatus, y: i32, m: u32, d: u32) -> StatusEvent {
    StatusEvent {
        status,
        at: Utc.with_ymd_and_hms(y, m, d, 12, 0, 0).unwrap(),
        reason: None,
        note: None,
        undo: false,
    }
}

/// An outcome recorded the day after it happened.
pub fn outcome(kind: OutcomeKind, date: NaiveDate, level: Option<ThesisLevel>) -> Outcome {
    Outcome {
        kind,
        date,
        note: Some("Notat som ikke står på arket".into()),
        level,
        recorded_at: Utc.from_utc_datetime(&date.succ_opt().unwrap().and_hms_opt(9, 0, 0).unwrap()),
    }
}

/// The example network: eight members, six needs, seven offers.
pub fn demo() -> SheetInput {
    use EntryKind::*;
    use MatchStatus::*;
    use OrgKind::*;
    let organisations = vec![
        org("o-1", "Elverum Tre AS", Company, Some("Elverum")),
        org("o-2", "Høgskolen i Innlandet", University, Some("Elverum")),
        org(
            "o-3",
            "Løiten Mekaniske Verksted AS",
            Company,
            Some("Løten"),
        ),
        org("o-4", "Åmot Bioenergi AS", Company, Some("Åmot")),
        org(
            "o-5",
            "Stor-Elvdal Skogeierlag SA",
            Other,
            Some("Stor-Elvdal"),
        ),
        org("o-6", "Elverum kommune", Public, Some("Elverum")),
        org("o-7", "Hamar Sveis & Stål AS", Company, Some("Hamar")),
        org("o-8", "Industrinettverket Sør-Østerdal", Network, None),
    ];
    let people = vec![
        person("p-1", "Kari Østby", "o-1", Some("Daglig leder"), Some(true)),
        person(
            "p-2",
            "Ola Nærø",
            "o-2",
            Some("Førsteamanuensis, skog og utmark"),
            Some(true),
        ),
        person(
            "p-3",
            "Siri Hågensen",
            "o-3",
            Some("Produksjonssjef"),
            Some(false),
        ),
        person("p-4", "Jørn Ødegård", "o-4", None, None),
        person("p-5", "Åse Bræin", "o-5", Some("Rådgiver"), Some(true)),
        person("p-6", "Per Sæther", "o-6", Some("Næringssjef"), Some(true)),
        person("p-7", "Bjørg Løvås", "o-7", Some("Sveiseingeniør"), None),
    ];
    let mut needs = vec![
        entry(
            "n-1",
            "Sveising av høyfast stål til tømmerhengere",
            Expertise,
            "o-1",
            Some("p-1"),
        ),
        entry(
            "n-2",
            "Økt kompetanse på bærekraftig trebearbeiding og limtre",
            Training,
            "o-1",
            Some("p-1"),
        ),
        entry(
            "n-3",
            "Masteroppgave: måling av fuktighet i flis før forbrenning",
            StudentProject,
            "o-4",
            Some("p-4"),
        ),
        entry(
            "n-4",
            "Lån av klimarom for å teste limtrebjelker i frost",
            Facility,
            "o-3",
            Some("p-3"),
        ),
        entry(
            "n-5",
            "Rekruttering av ingeniør til produksjonsplanlegging",
            Position,
            "o-3",
            None,
        ),
        entry(
            "n-6",
            "Erfaringer med å søke Innovasjon Norge om støtte til grønn omstilling",
            Experience,
            "o-5",
            Some("p-5"),
        ),
    ];
    needs[0].description = Some("Vi bygger tømmerhengere og trenger hjelp til å kvalifisere sveiseprosedyrer for høyfast stål (S700). Gjerne befaring i verkstedet på Hanstad i løpet av høsten.".into());
    needs[0].keywords = vec![
        "sveising".into(),
        "høyfast stål".into(),
        "NS-EN 1090".into(),
    ];
    needs[0].deadline = NaiveDate::from_ymd_opt(2027, 1, 15);
    needs[1].description = Some("Ansatte i produksjonen skal lære mer om limtre, fukt og bærekraftig bruk av råstoff fra Østerdalen.".into());
    needs[1].deadline = NaiveDate::from_ymd_opt(2027, 3, 1);
    needs[2].description = Some("Vi har data fra 2019–2026 og et ønske om en modell som varsler for våt flis. Passer for én eller to studenter.".into());
    needs[2].keywords = vec!["fukt".into(), "flis".into(), "maskinlæring".into()];
    needs[3].description = Some("Klimarom ned til −30 °C i to uker.".into());
    needs[5].active = Some(false);
    let offers = vec![
        entry(
            "t-1",
            "Sveiseteknisk rådgivning og prosedyrekvalifisering (NS-EN ISO 15614)",
            Expertise,
            "o-7",
            Some("p-7"),
        ),
        entry(
            "t-2",
            "Kurs i treteknologi: fra tømmer til limtre",
            Training,
            "o-2",
            Some("p-2"),
        ),
        entry(
            "t-3",
            "Studentprosjekter i skog og utmark (bachelor og master)",
            StudentProject,
            "o-2",
            Some("p-2"),
        ),
        entry(
            "t-4",
            "Klimalaboratorium med fryserom ned til −40 °C",
            Facility,
            "o-2",
            None,
        ),
        entry(
            "t-5",
            "Erfaringsdeling: søknader om grønn omstilling",
            Experience,
            "o-6",
            Some("p-6"),
        ),
        entry(
            "t-6",
            "Mekanisk bearbeiding og sveising av stålkonstruksjoner",
            Expertise,
            "o-3",
            Some("p-3"),
        ),
        entry(
            "t-7",
            "Praksisplasser for ingeniørstudenter",
            Position,
            "o-2",
            Some("p-2"),
        ),
    ];
    let mut matches = vec![
        m(
            "n-1",
            "t-1",
            0.91,
            &[
                "begge nevner sveising og høyfast stål",
                "samme type: fagkompetanse",
                "Hamar er nær Elverum",
            ],
            Agreed,
        ),
        m(
            "n-1",
            "t-6",
            0.74,
            &["sveising av stålkonstruksjoner", "medlem i samme nettverk"],
            Contacted,
        ),
        m(
            "n-2",
            "t-2",
            0.88,
            &[
                "kurs i limtre og treteknologi",
                "høgskolen ligger i Elverum",
            ],
            Shortlisted,
        ),
        m(
            "n-3",
            "t-3",
            0.83,
            &["studentprosjekt innen skog og bioenergi"],
            Suggested,
        ),
        m(
            "n-4",
            "t-4",
            0.79,
            &["klimarom med frost", "utstyr og lokaler"],
            Agreed,
        ),
        m(
            "n-5",
            "t-7",
            0.52,
            &["ingeniørstudenter kan bli ansatte"],
            Suggested,
        ),
        m("n-1", "t-2", 0.21, &["trebearbeiding"], Declined),
    ];
    matches[0].note = Some("Møte avtalt på Terningen Arena 4. desember.".into());
    // The agreed pair with a history and two outcomes; the other agreed
    // pair (n-4 · t-4) has neither.
    matches[0].history = vec![
        event(Shortlisted, 2026, 2, 10),
        event(Contacted, 2026, 2, 20),
        event(Agreed, 2026, 3, 5),
    ];
    matches[2].history = vec![event(Shortlisted, 2026, 11, 2)];
    matches[0].outcomes = vec![
        outcome(
            OutcomeKind::Hire,
            NaiveDate::from_ymd_opt(2026, 10, 1).unwrap(),
            None,
        ),
        outcome(
            OutcomeKind::ThesisStarted,
            NaiveDate::from_ymd_opt(2026, 4, 15).unwrap(),
            Some(ThesisLevel::Master),
        ),
    ];
    SheetInput {
        network_name: "Industrinettverket Sør-Østerdal".into(),
        date: NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
        organisations,
        people,
        needs,
        offers,
        matches,
    }
}

/// The example network with 30 suggestions for need n-1.
pub fn many_matches() -> SheetInput {
    let mut input = demo();
    input.matches.retain(|m| m.need != "n-1");
    let offers = input.offers.clone();
    for (i, offer) in offers.iter().cycle().take(30).enumerate() {
        let mut m = m(
            "n-1",
            &offer.id,
            0.9 - i as f64 * 0.01,
            &["begge nevner sveising og høyfast stål i Innlandet"],
            MatchStatus::Suggested,
        );
        m.note = Some(format!("forslag {i}"));
        input.matches.push(m);
    }
    input
}

/// A 10,000-character title (no spaces for long stretches, then words).
pub fn long_title() -> String {
    let mut s = "Ærlig talt: ".to_string();
    s.push_str(&"ø".repeat(3000));
    while s.chars().count() < 10_000 {
        s.push_str(" langt behov for åpen kompetanse");
    }
    s.chars().take(10_000).collect()
}

/// Formulas, markup, very long text, emoji, right-to-left text, empty fields.
pub fn hostile() -> SheetInput {
    use EntryKind::*;
    use MatchStatus::*;
    let mut input = demo();
    input.network_name = "=cmd|' /C calc'!A0 <b>Nettverk</b>".into();
    input.organisations.push(org(
        "o-9",
        "@SUM(1+1) <script>alert('x')</script>",
        OrgKind::Company,
        Some("+Trysil"),
    ));
    input.organisations.push(Organisation {
        id: "o-10".into(),
        name: "".into(),
        kind: OrgKind::Other,
        municipality: Some("".into()),
        org_number: None,
        website: None,
        member: None,
        in_report: None,
        notes: None,
    });
    input.people.push(person(
        "p-9",
        "-Mallory =HYPERLINK(\"http://x\")",
        "o-9",
        Some("=1+2"),
        Some(true),
    ));
    input
        .people
        .push(person("p-10", "Hemmelig Navn", "o-10", None, Some(false)));
    let mut n1 = entry(
        "n-9",
        "=HYPERLINK(\"http://evil.example\";\"Klikk\")",
        Expertise,
        "o-9",
        Some("p-9"),
    );
    n1.description = Some("<img src=x onerror=alert(1)>\n\tTabulator og «sitat» \"dobbelt\"; semikolon, komma\r\nny linje".into());
    n1.keywords = vec!["+47".into(), "-1".into(), "@x".into()];
    let mut n2 = entry("n-10", &long_title(), Training, "o-10", Some("p-10"));
    n2.description = Some(long_title());
    let n3 = entry(
        "n-11",
        "Trenger hjelp 🚀🌲 med emoji 👩‍🔧 og æøå",
        Facility,
        "o-9",
        None,
    );
    let n4 = entry(
        "n-12",
        "שלום עולם – מחפשים ריתוך and مرحبا بالعالم",
        Experience,
        "o-9",
        None,
    );
    let mut n5 = entry("n-13", "", Position, "o-10", None);
    n5.organisation = None;
    n5.language = None;
    n5.created_at = None;
    let n6 = entry("n-14", "\tTab først og \rCR", Expertise, "o-9", None);
    let n7 = entry(
        "n-15",
        "- minus først\u{202E}snudd tekst",
        Expertise,
        "o-9",
        None,
    );
    input.needs.extend([n1, n2, n3, n4, n5, n6, n7]);
    let mut t1 = entry(
        "t-9",
        "+SUM(A1:A9) <iframe>",
        Expertise,
        "o-9",
        Some("p-10"),
    );
    t1.description = Some("=2+3".into());
    input.offers.push(t1);
    let mut hm = m(
        "n-9",
        "t-9",
        0.66,
        &["=1+1", "<b>fet</b>", "@kilde", &long_title()],
        Contacted,
    );
    hm.note = Some("-notat med 🚀".into());
    input.matches.push(hm);
    input.matches.push(m("n-10", "t-9", 0.5, &[], Suggested));
    input
        .matches
        .push(m("n-12", "t-1", 0.4, &["שלום"], Suggested));
    input
        .matches
        .push(m("n-13", "t-404", f64::NAN, &[""], Declined));
    input
}

/// A generated catalogue: `needs` needs, as many offers, `per_need` matches each.
pub fn big(needs: usize, per_need: usize) -> SheetInput {
    let kinds = [
        EntryKind::Expertise,
        EntryKind::Experience,
        EntryKind::StudentProject,
        EntryKind::Training,
        EntryKind::Facility,
        EntryKind::Position,
    ];
    let statuses = [
        MatchStatus::Suggested,
        MatchStatus::Shortlisted,
        MatchStatus::Contacted,
        MatchStatus::Agreed,
        MatchStatus::Declined,
    ];
    let munis = [
        "Elverum",
        "Hamar",
        "Løten",
        "Åmot",
        "Trysil",
        "Våler",
        "Stor-Elvdal",
    ];
    let n_orgs = (needs / 10).max(5);
    let organisations: Vec<Organisation> = (0..n_orgs)
        .map(|i| {
            org(
                &format!("o-{i}"),
                &format!("Bedrift nr. {i} på Østlandet AS"),
                OrgKind::Company,
                Some(munis[i % munis.len()]),
            )
        })
        .collect();
    let people: Vec<Person> = (0..n_orgs)
        .map(|i| {
            person(
                &format!("p-{i}"),
                &format!("Åsmund Ødegård {i}"),
                &format!("o-{i}"),
                Some("Daglig leder"),
                Some(i % 2 == 0),
            )
        })
        .collect();
    let mk = |prefix: &str, i: usize| {
        let mut e = entry(
            &format!("{prefix}-{i}"),
            &format!(
                "Behov {i}: kompetanse på sveising, tre og bærekraftig produksjon i Innlandet"
            ),
            kinds[i % kinds.len()],
            &format!("o-{}", i % n_orgs),
            Some(&format!("p-{}", i % n_orgs)),
        );
        e.description = Some(
            "Vi søker en partner med erfaring fra lignende prosjekter, gjerne i Elverum-regionen. "
                .repeat(3),
        );
        e.keywords = vec!["sveising".into(), "tre".into(), "bærekraft".into()];
        e.deadline = NaiveDate::from_ymd_opt(2027, 1 + (i % 12) as u32, 1 + (i % 28) as u32);
        e
    };
    let needs_v: Vec<Entry> = (0..needs).map(|i| mk("n", i)).collect();
    let offers: Vec<Entry> = (0..needs).map(|i| mk("t", i)).collect();
    let mut matches = Vec::with_capacity(needs * per_need);
    for i in 0..needs {
        for j in 0..per_need {
            matches.push(m(
                &format!("n-{i}"),
                &format!("t-{}", (i * 7 + j * 13) % needs),
                1.0 - j as f64 * 0.07,
                &["begge nevner sveising", "samme kommune", "lignende type"],
                statuses[(i + j) % statuses.len()],
            ));
        }
    }
    SheetInput {
        network_name: "Industrinettverket Sør-Østerdal".into(),
        date: NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
        organisations,
        people,
        needs: needs_v,
        offers,
        matches,
    }
}
