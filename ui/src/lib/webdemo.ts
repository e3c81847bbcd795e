/**
 * A small invented example network for the browser preview (`web.ts`). The
 * desktop app loads the core's own, larger example through `load_demo`.
 */
import type { Concept } from "./bindings/Concept";
import type { Entry } from "./bindings/Entry";
import type { MatchRecord } from "./bindings/MatchRecord";
import type { Organisation } from "./bindings/Organisation";
import type { Person } from "./bindings/Person";

/** The same shape as a bundle v1 minus its header. */
export interface WebBundle {
  organisations: Organisation[];
  people: Person[];
  offers: Entry[];
  needs: Entry[];
  matches: MatchRecord[];
}

const at = "2026-09-01T08:00:00Z";

export const demoBundle: WebBundle = {
  organisations: [
    {
      id: "org-hinn",
      name: "Høgskolen i Innlandet – campus Elverum",
      kind: "university",
      municipality: "Elverum",
      member: true,
    },
    {
      id: "org-hinn-it",
      name: "Høgskolen i Innlandet – Institutt for informatikk",
      kind: "university",
      municipality: "Hamar",
      member: true,
    },
    {
      id: "org-nortommer",
      name: "Nortømmer AS",
      kind: "company",
      municipality: "Elverum",
      org_number: "912345678",
      website: "https://nortommer.example.no",
      member: true,
    },
    { id: "org-forestia", name: "Forestia AS", kind: "company", municipality: "Våler", member: true },
    {
      id: "org-elverum",
      name: "Elverum kommune",
      kind: "public",
      municipality: "Elverum",
      org_number: "964948054",
      member: true,
    },
    { id: "org-amot", name: "Åmot kommune", kind: "public", municipality: "Åmot", member: true },
    {
      id: "org-nettverk",
      name: "Industrinettverket Sør-Østerdal",
      kind: "network",
      municipality: "Elverum",
      member: true,
    },
    {
      id: "org-trysilmek",
      name: "Trysil Mekaniske Verksted AS",
      kind: "company",
      municipality: "Trysil",
      member: true,
    },
    { id: "org-renaauto", name: "Rena Automasjon AS", kind: "company", municipality: "Åmot", member: true },
    { id: "org-energi", name: "Østerdal Energirådgivning AS", kind: "company", municipality: "Elverum", member: false },
  ],
  people: [
    {
      id: "p-kari",
      name: "Kari Nordmann",
      email: "kari@nortommer.example.no",
      phone: "+47 900 00 001",
      organisation: "org-nortommer",
      role: "IT-sjef",
      consent: true,
    },
    {
      id: "p-ola",
      name: "Ola Haugen",
      email: "ola.haugen@inn.example.no",
      organisation: "org-hinn",
      role: "Førsteamanuensis",
      consent: true,
    },
    {
      id: "p-ingrid",
      name: "Ingrid Østby",
      email: "ingrid@elverum.example.kommune.no",
      organisation: "org-elverum",
      role: "Næringssjef",
      consent: true,
    },
    { id: "p-aslak", name: "Aslak Bø", organisation: "org-trysilmek", role: "Verkstedleder", consent: false },
    {
      id: "p-sigrid",
      name: "Sigrid Ærø",
      email: "sigrid@renaauto.example.no",
      organisation: "org-renaauto",
      role: "Daglig leder",
      consent: true,
    },
    {
      id: "p-jon",
      name: "Jon Åsen",
      email: "jon@nettverk.example.no",
      phone: "+47 911 22 333",
      organisation: "org-nettverk",
      role: "Koordinator",
      consent: true,
    },
  ],
  offers: [
    {
      id: "o-1",
      title: "Metodikk for bærekraftsrapportering",
      kind: "expertise",
      description: "Veiledning i CSRD/ESRS og dobbel vesentlighetsanalyse for små og mellomstore bedrifter.",
      keywords: ["bærekraft", "CSRD", "ESG", "rapportering"],
      organisation: "org-hinn",
      contact: "p-ola",
      language: "nb",
      created_at: at,
      updated_at: at,
    },
    {
      id: "o-2",
      title: "Masterstudenter i informatikk til bedriftsprosjekter",
      kind: "student_project",
      description:
        "Studenter kan ta praksisnære oppgaver innen dataanalyse, maskinlæring og systemutvikling i vårsemesteret.",
      keywords: ["masteroppgave", "dataanalyse", "maskinlæring"],
      organisation: "org-hinn-it",
      language: "nb",
      created_at: at,
    },
    {
      id: "o-3",
      title: "Erfaringsdeling: innføring av ERP i en mellomstor bedrift",
      kind: "experience",
      description:
        "Vi deler gjerne hva som gikk bra og hva vi ville gjort annerledes da vi bytte forretningssystem i 2024.",
      keywords: ["ERP", "digitalisering", "endringsledelse"],
      organisation: "org-nortommer",
      contact: "p-kari",
      language: "nb",
      created_at: at,
    },
    {
      id: "o-4",
      title: "Kurs i lean produksjon",
      kind: "training",
      description: "Todagers kurs med øvingar på eige verkstadgolv. Passar for operatørar og arbeidsleiarar.",
      keywords: ["lean", "produksjon", "forbetring"],
      organisation: "org-trysilmek",
      contact: "p-aslak",
      language: "nn",
      created_at: at,
    },
    {
      id: "o-5",
      title: "Testlab for automatisering og robotcelle",
      kind: "facility",
      description: "Robotcelle med kollaborativ robot og PLS som kan leies for utprøving.",
      keywords: ["robot", "automatisering", "PLS"],
      organisation: "org-renaauto",
      contact: "p-sigrid",
      language: "nb",
      created_at: at,
    },
    {
      id: "o-6",
      title: "Energy mapping of industrial buildings",
      kind: "expertise",
      description: "Energy audits, heat recovery and solar assessments for industrial sites.",
      keywords: ["energi", "energy", "varmegjenvinning", "solceller"],
      organisation: "org-energi",
      language: "en",
      created_at: at,
    },
    {
      id: "o-7",
      title: "Lærlingplasser innen industrimekanikk",
      kind: "position",
      description: "Vi tar inn to lærlinger fra høsten.",
      keywords: ["lærling", "rekruttering", "industrimekaniker"],
      organisation: "org-trysilmek",
      language: "nb",
      created_at: at,
      active: false,
    },
    {
      id: "o-8",
      title: "Innovasjonsveiledning for offentlige anskaffelser",
      kind: "expertise",
      description: "Kommunen deler erfaring med innovative anskaffelser og leverandørdialog.",
      keywords: ["anskaffelser", "innovasjon", "offentlig"],
      organisation: "org-elverum",
      contact: "p-ingrid",
      language: "nb",
      created_at: at,
    },
  ],
  needs: [
    {
      id: "n-1",
      title: "Hjelp med første bærekraftsrapport",
      kind: "expertise",
      description:
        "Vi må rapportere etter ESRS fra 2026 og mangler metode for vesentlighetsanalysen.\nHelst noen som kan komme på besøk i Elverum.",
      keywords: ["rapportering", "bærekraft", "ESRS"],
      organisation: "org-nortommer",
      contact: "p-kari",
      deadline: "2027-03-01",
      language: "nb",
      created_at: at,
      updated_at: "2026-10-14T09:30:00Z",
    },
    {
      id: "n-2",
      title: "Student til analyse av tømmerstrøm",
      kind: "student_project",
      description: "Bachelor- eller masteroppgave om logistikk og dataanalyse av tømmerleveranser.",
      keywords: ["logistikk", "dataanalyse", "masteroppgave"],
      organisation: "org-forestia",
      deadline: "2026-12-15",
      language: "nb",
      created_at: at,
    },
    {
      id: "n-3",
      title: "Opplæring i lean for skiftledere",
      kind: "training",
      description: "Tolv skiftledere trenger felles grunnopplæring i lean.",
      keywords: ["lean", "opplæring", "produksjon"],
      organisation: "org-renaauto",
      contact: "p-sigrid",
      deadline: "2027-01-31",
      language: "nb",
      created_at: at,
    },
    {
      id: "n-4",
      title: "Reduce energy costs in the sawmill dryer",
      kind: "expertise",
      description: "Looking for advice on heat recovery from the drying kilns.",
      keywords: ["energi", "varmegjenvinning"],
      organisation: "org-nortommer",
      language: "en",
      created_at: at,
    },
    {
      id: "n-5",
      title: "Utprøving av robot i pakkelinja",
      kind: "facility",
      description: "Me vil prøve ein samarbeidsrobot før me investerer.",
      keywords: ["robot", "automatisering"],
      organisation: "org-trysilmek",
      contact: "p-aslak",
      deadline: "2027-05-01",
      language: "nn",
      created_at: at,
    },
    {
      id: "n-6",
      title: "Sertifisert sveiseinspektør til kvalitetskontroll",
      kind: "position",
      description: "Vi trenger en inspektør med NS-EN ISO 9712 til kontroll av bærende konstruksjoner.",
      keywords: ["sveising", "inspeksjon", "NDT"],
      organisation: "org-trysilmek",
      deadline: "2027-02-15",
      language: "nb",
      created_at: at,
    },
  ],
  matches: [
    { need: "n-1", offer: "o-1", status: "contacted", note: "Møte avtalt uke 3" },
    {
      need: "n-3",
      offer: "o-8",
      status: "declined",
      decline_reason: "not_relevant",
      note: "Gjelder anskaffelser, ikke lean.",
    },
  ],
};

/** A few concept groups, so the preview's matcher and thesaurus screen have something to show. */
export const demoConcepts: Concept[] = [
  { id: "baerekraft", terms: ["bærekraft", "berekraft", "sustainability", "ESG", "CSRD", "ESRS", "klimaregnskap"] },
  { id: "rapportering", terms: ["rapportering", "rapport", "reporting", "vesentlighetsanalyse"] },
  { id: "lean", terms: ["lean", "kontinuerlig forbedring", "kaizen", "forbetring", "5S"] },
  { id: "opplaering", terms: ["opplæring", "opplæringa", "kurs", "training", "grunnopplæring", "skolering"] },
  { id: "automatisering", terms: ["automatisering", "robot", "samarbeidsrobot", "cobot", "PLS", "automation"] },
  { id: "energi", terms: ["energi", "energy", "varmegjenvinning", "heat recovery", "energisparing"] },
  { id: "dataanalyse", terms: ["dataanalyse", "data analysis", "maskinlæring", "KI", "AI", "kunstig intelligens"] },
  { id: "hms", terms: ["HMS", "helse, miljø og sikkerhet", "HSE", "internkontroll", "verneombud"] },
  { id: "rekruttering", terms: ["rekruttering", "recruitment", "lærling", "ansette", "vi trenger folk"] },
];
