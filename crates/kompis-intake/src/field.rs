//! The fields a column can fill, and the headers people give them in
//! bokmål, nynorsk and English.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::error::{IntakeError, Result};
use crate::words::key;

/// What a column holds. `name` is the row's own name: the person's in a
/// list of people or staff, the organisation's in a list of organisations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Id,
    Title,
    Kind,
    Description,
    Keywords,
    Deadline,
    Language,
    Active,
    Organisation,
    OrgNumber,
    Municipality,
    Website,
    Name,
    Contact,
    Email,
    Phone,
    Role,
    Consent,
    Notes,
    /// A column to leave out.
    Ignore,
}

impl Field {
    /// Every field, in the order they are listed to people.
    pub const ALL: [Field; 20] = [
        Field::Title,
        Field::Kind,
        Field::Description,
        Field::Keywords,
        Field::Deadline,
        Field::Organisation,
        Field::OrgNumber,
        Field::Municipality,
        Field::Website,
        Field::Name,
        Field::Contact,
        Field::Email,
        Field::Phone,
        Field::Role,
        Field::Consent,
        Field::Language,
        Field::Active,
        Field::Notes,
        Field::Id,
        Field::Ignore,
    ];

    /// The field's name as `--map` and the review write it.
    pub fn name(self) -> &'static str {
        match self {
            Field::Id => "id",
            Field::Title => "title",
            Field::Kind => "kind",
            Field::Description => "description",
            Field::Keywords => "keywords",
            Field::Deadline => "deadline",
            Field::Language => "language",
            Field::Active => "active",
            Field::Organisation => "organisation",
            Field::OrgNumber => "org_number",
            Field::Municipality => "municipality",
            Field::Website => "website",
            Field::Name => "name",
            Field::Contact => "contact",
            Field::Email => "email",
            Field::Phone => "phone",
            Field::Role => "role",
            Field::Consent => "consent",
            Field::Notes => "notes",
            Field::Ignore => "ignore",
        }
    }

    /// The field named `name` (as [`Field::name`] writes it).
    pub fn parse(name: &str) -> Option<Field> {
        let name = name.trim().to_ascii_lowercase().replace('-', "_");
        Field::ALL.into_iter().find(|f| f.name() == name)
    }

    /// Every field name, comma-separated, for sentences.
    pub fn list() -> String {
        Field::ALL.map(Field::name).join(", ")
    }
}

/// Headers as people write them, by [`key`] (folded, `æøå` as `a`/`o`,
/// letters and digits only).
const HEADERS: &[(Field, &[&str])] = &[
    (Field::Id, &["id", "kompisid", "kompis"]),
    (
        Field::Title,
        &[
            "tittel",
            "overskrift",
            "title",
            "heading",
            "behov",
            "tilbud",
            "need",
            "offer",
            "kompetansebehov",
            "namnpabehovet",
            "navnpabehovet",
        ],
    ),
    (
        Field::Kind,
        &[
            "type",
            "kategori",
            "kind",
            "category",
            "art",
            "slag",
            "typebehov",
            "typetilbud",
        ],
    ),
    (
        Field::Description,
        &[
            "beskrivelse",
            "skildring",
            "description",
            "detaljer",
            "details",
            "omtale",
            "utdyping",
            "tekst",
            "text",
            "mer",
            "om",
        ],
    ),
    (
        Field::Keywords,
        &[
            "stikkord",
            "nokkelord",
            "emneord",
            "keywords",
            "tags",
            "fagomrade",
            "fagomrader",
            "fagfelt",
            "kompetanseomrade",
            "kompetanseomrader",
            "fields",
            "fieldsofexpertise",
            "expertise",
            "kompetanse",
            "ekspertise",
            "forskningsfelt",
            "researchinterests",
            "research",
            "emner",
            "topics",
            "ord",
        ],
    ),
    (
        Field::Deadline,
        &[
            "frist",
            "deadline",
            "svarfrist",
            "innen",
            "due",
            "duedate",
            "soknadsfrist",
            "dato",
            "date",
            "sisteframist",
        ],
    ),
    (Field::Language, &["sprak", "mal", "language", "lang"]),
    (Field::Active, &["aktiv", "active", "open", "apen"]),
    (
        Field::Organisation,
        &[
            "bedrift",
            "verksemd",
            "virksomhet",
            "organisasjon",
            "organisation",
            "organization",
            "company",
            "firma",
            "foretak",
            "arbeidsgiver",
            "employer",
            "institusjon",
            "institution",
            "medlem",
            "member",
            "eier",
            "owner",
        ],
    ),
    (
        Field::OrgNumber,
        &[
            "orgnr",
            "orgnummer",
            "organisasjonsnummer",
            "orgno",
            "organisationnumber",
            "organizationnumber",
            "foretaksnummer",
            "orgnumber",
        ],
    ),
    (
        Field::Municipality,
        &["kommune", "municipality", "sted", "location", "place"],
    ),
    (
        Field::Website,
        &[
            "nettside",
            "nettstad",
            "website",
            "web",
            "hjemmeside",
            "heimeside",
            "url",
        ],
    ),
    (
        Field::Name,
        &[
            "navn",
            "namn",
            "name",
            "fulltnavn",
            "fulltnamn",
            "fullname",
            "personnavn",
        ],
    ),
    (
        Field::Contact,
        &[
            "kontaktperson",
            "kontakt",
            "contact",
            "contactperson",
            "ansvarlig",
            "responsible",
            "kontaktpersonnavn",
        ],
    ),
    (
        Field::Email,
        &[
            "epost",
            "email",
            "mail",
            "epostadresse",
            "emailaddress",
            "eposten",
        ],
    ),
    (
        Field::Phone,
        &[
            "telefon",
            "tlf",
            "mobil",
            "phone",
            "telephone",
            "mobile",
            "telefonnummer",
            "tlfnr",
        ],
    ),
    (
        Field::Role,
        &[
            "rolle",
            "role",
            "stilling",
            "jobtitle",
            "avdeling",
            "institutt",
            "department",
            "seksjon",
            "fakultet",
            "faculty",
            "section",
            "position",
        ],
    ),
    (
        Field::Consent,
        &[
            "samtykke",
            "samtykkje",
            "consent",
            "samtykkjer",
            "samtykker",
            "kanvisesmednavn",
        ],
    ),
    (
        Field::Notes,
        &[
            "notat",
            "notater",
            "merknad",
            "merknader",
            "notes",
            "note",
            "kommentar",
            "comment",
            "comments",
        ],
    ),
];

/// The field a header names, if Kompis knows it. Words in brackets are
/// hints and left out: "Frist (dd.mm.åååå)" is a deadline.
pub fn recognise(header: &str) -> Option<Field> {
    let bare = header.split(['(', '[']).next().unwrap_or(header);
    let k = key(bare);
    if k.is_empty() {
        return None;
    }
    HEADERS
        .iter()
        .find(|(_, names)| names.contains(&k.as_str()))
        .map(|(f, _)| *f)
}

/// A mapping `header -> field` given by a person (`--map`, the app's
/// mapping step, or remembered from last time), by header [`key`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Overrides(pub BTreeMap<String, Field>);

impl Overrides {
    /// Read `Header=field` pairs, refusing unknown fields.
    pub fn parse<'a>(pairs: impl IntoIterator<Item = &'a str>) -> Result<Overrides> {
        let mut out = BTreeMap::new();
        for pair in pairs {
            let (header, field) = pair
                .rsplit_once('=')
                .ok_or_else(|| IntakeError::BadMap(pair.to_string()))?;
            out.insert(key(header), parse_field(header, field)?);
        }
        Ok(Overrides(out))
    }

    /// Add `header -> field` (a field by name), refusing unknown fields.
    pub fn insert(&mut self, header: &str, field: &str) -> Result<()> {
        self.0.insert(key(header), parse_field(header, field)?);
        Ok(())
    }

    /// The field a person chose for a header.
    pub fn get(&self, header: &str) -> Option<Field> {
        self.0.get(&key(header)).copied()
    }

    /// These overrides, then `other`'s over them.
    pub fn then(mut self, other: &Overrides) -> Overrides {
        self.0.extend(other.0.iter().map(|(k, f)| (k.clone(), *f)));
        self
    }
}

fn parse_field(header: &str, field: &str) -> Result<Field> {
    Field::parse(field).ok_or_else(|| IntakeError::NoSuchField {
        header: header.trim().to_string(),
        field: field.trim().to_string(),
        fields: Field::list(),
    })
}

/// The field of each column: a person's choice first, then the header's
/// known name. Two columns of the same field keep the first (a second
/// becomes `None`), except that the second of `name` and `contact` is fine.
pub fn map_columns(headers: &[String], overrides: &Overrides) -> Vec<Option<Field>> {
    let mut seen = Vec::new();
    headers
        .iter()
        .map(|h| {
            let f = overrides.get(h).or_else(|| recognise(h))?;
            if f == Field::Ignore || seen.contains(&f) {
                return None;
            }
            seen.push(f);
            Some(f)
        })
        .collect()
}

/// A key for a set of headers, so a mapping is remembered per header set.
pub fn header_set_key(headers: &[String]) -> String {
    let mut keys: Vec<String> = headers
        .iter()
        .map(|h| key(h))
        .filter(|k| !k.is_empty())
        .collect();
    keys.sort();
    keys.dedup();
    keys.join("|")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_in_three_languages() {
        for (h, f) in [
            ("Tittel", Field::Title),
            ("Overskrift", Field::Title),
            ("Skildring", Field::Description),
            ("Nøkkelord", Field::Keywords),
            ("Verksemd", Field::Organisation),
            ("E-post", Field::Email),
            ("Epost", Field::Email),
            ("Org.nr.", Field::OrgNumber),
            ("Frist (dd.mm.åååå)", Field::Deadline),
            ("Kontaktperson", Field::Contact),
            ("Type", Field::Kind),
            ("Fields of expertise", Field::Keywords),
            ("Språk", Field::Language),
        ] {
            assert_eq!(recognise(h), Some(f), "{h}");
        }
        assert_eq!(recognise("Skonummer"), None);
    }

    #[test]
    fn a_person_overrides_the_guess() {
        let o = Overrides::parse(["Stilling=ignore", "Tekst=title"]).unwrap();
        let cols = map_columns(&["Stilling".into(), "Tekst".into()], &o);
        assert_eq!(cols, [None, Some(Field::Title)]);
        let err = Overrides::parse(["Tekst=tittel"]).unwrap_err().to_string();
        assert!(err.contains("there is no field tittel"), "{err}");
    }
}
