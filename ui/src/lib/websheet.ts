/**
 * Match-sheet previews for the in-memory backend (`web.ts`): a plausible
 * first PDF page line by line, or the first rows of the match table, in the
 * sheet's own language. The desktop app gets the real thing from
 * `kompis-sheet`; this only lets the export screen be looked at in a browser.
 */
import type { Entry } from "./bindings/Entry";
import type { EntryKind } from "./bindings/EntryKind";
import type { MatchStatus } from "./bindings/MatchStatus";
import type { Organisation } from "./bindings/Organisation";
import type { Person } from "./bindings/Person";
import type { Preview as SheetPreview } from "./bindings/Preview";
import type { SheetRequest } from "./bindings/SheetRequest";
import { formatDate, todayIso } from "./format";

/** What the sheet reads: the catalogue and the pairs worth printing. */
export interface SheetData {
  orgs: Map<string, Organisation>;
  people: Map<string, Person>;
  offers: Map<string, Entry>;
  needs: Map<string, Entry>;
  pairs: { need: string; offer: string; score: number; reasons: string[]; status?: MatchStatus }[];
}

type Line = SheetPreview["lines"][number];

const WORDS = {
  nb: {
    sheet: "Treffark",
    need: "BEHOV",
    yours: "DINE TREFF",
    summary: "Nettverksoversikt",
    suggestions: "Forslag",
    none: "Ingen forslag over terskelen.",
    why: "Hvorfor",
    contact: "Kontakt",
    deadline: "Frist",
    page: (p: number, n: number) => `Side ${p} av ${n}`,
    ourNeeds: "Våre behov",
    ourOffers: "Våre tilbud",
    byKind: "Etter type",
    byMunicipality: "Etter kommune",
    agreed: "Avtalte treff",
    noMatch: "Behov uten treff",
    counts: (o: number, n: number) => `${o} tilbud, ${n} behov`,
    unknown: "ukjent",
    table: "Treff",
    cols: ["Behov-id", "Behov", "Behovseier", "Tilbud-id", "Tilbud", "Tilbyder", "Score", "Status", "Hvorfor"],
    status: {
      suggested: "Foreslått",
      shortlisted: "Aktuell",
      contacted: "Kontaktet",
      agreed: "Avtalt",
      declined: "Avslått",
    },
    kind: {
      expertise: "Fagkompetanse",
      experience: "Erfaringsdeling",
      student_project: "Studentsamarbeid",
      training: "Kurs og opplæring",
      facility: "Utstyr og lokaler",
      position: "Stilling og rekruttering",
    },
    noNeed: (id: string) => `Det finnes ikke noe behov med id ${id}.`,
    noOrg: (id: string) => `Det finnes ingen organisasjon med id ${id}.`,
  },
  en: {
    sheet: "Match sheet",
    need: "NEED",
    yours: "YOUR MATCHES",
    summary: "Network summary",
    suggestions: "Suggestions",
    none: "No suggestion above the threshold.",
    why: "Why",
    contact: "Contact",
    deadline: "Deadline",
    page: (p: number, n: number) => `Page ${p} of ${n}`,
    ourNeeds: "Our needs",
    ourOffers: "Our offers",
    byKind: "By kind",
    byMunicipality: "By municipality",
    agreed: "Agreed matches",
    noMatch: "Needs with no match",
    counts: (o: number, n: number) => `${o} offers, ${n} needs`,
    unknown: "unknown",
    table: "Matches",
    cols: ["Need id", "Need", "Need owner", "Offer id", "Offer", "Offered by", "Score", "Status", "Why"],
    status: {
      suggested: "Suggested",
      shortlisted: "Shortlisted",
      contacted: "Contacted",
      agreed: "Agreed",
      declined: "Declined",
    },
    kind: {
      expertise: "Expertise",
      experience: "Experience exchange",
      student_project: "Student project",
      training: "Training",
      facility: "Equipment and premises",
      position: "Position and recruitment",
    },
    noNeed: (id: string) => `There is no need with id ${id}.`,
    noOrg: (id: string) => `There is no organisation with id ${id}.`,
  },
} as const;

type Words = (typeof WORDS)["nb"] | (typeof WORDS)["en"];

interface Selection {
  needs: Entry[];
  offers: Entry[];
  pairs: SheetData["pairs"];
  org?: Organisation;
}

function select(d: SheetData, r: SheetRequest, w: Words): Selection | string {
  const s = r.scope;
  const active = [...d.needs.values()].filter((n) => n.active !== false);
  let needs: Entry[];
  let pairs: SheetData["pairs"];
  let org: Organisation | undefined;
  switch (s.kind) {
    case "all":
      needs = active;
      pairs = d.pairs;
      break;
    case "needs": {
      const missing = s.ids.find((id) => !d.needs.has(id));
      if (missing) return w.noNeed(missing);
      needs = s.ids.map((id) => d.needs.get(id) as Entry);
      pairs = d.pairs.filter((p) => s.ids.includes(p.need));
      break;
    }
    case "organisation": {
      org = d.orgs.get(s.id);
      if (!org) return w.noOrg(s.id);
      needs = active.filter((n) => n.organisation === s.id);
      pairs = d.pairs.filter(
        (p) => p.need && (d.needs.get(p.need)?.organisation === s.id || d.offers.get(p.offer)?.organisation === s.id),
      );
      break;
    }
    case "status":
      pairs = d.pairs.filter((p) => (p.status ?? "suggested") === s.status);
      needs = active.filter((n) => pairs.some((p) => p.need === n.id));
      break;
  }
  const offerIds = new Set(pairs.map((p) => p.offer));
  const offers =
    s.kind === "organisation"
      ? [...d.offers.values()].filter((o) => o.organisation === s.id || offerIds.has(o.id))
      : [...d.offers.values()].filter((o) => offerIds.has(o.id));
  return { needs, offers, pairs, org };
}

/** "Kari Nordmann, IT-sjef" with consent; otherwise the role and organisation only. */
function contactText(d: SheetData, e: Entry, w: Words): string | null {
  const p = e.contact ? d.people.get(e.contact) : undefined;
  if (!p) return null;
  const org = p.organisation ? d.orgs.get(p.organisation)?.name : undefined;
  if (p.consent !== true) return `${w.contact}: ${[p.role, org].filter(Boolean).join(", ") || w.unknown}`;
  return `${w.contact}: ${p.name}${p.role ? `, ${p.role}` : ""}${p.email ? ` · ${p.email}` : ""}`;
}

const orgName = (d: SheetData, e: Entry | undefined, w: Words) =>
  (e?.organisation ? d.orgs.get(e.organisation)?.name : undefined) ?? w.unknown;

const pct = (score: number) => `${Math.round(score * 100)} %`;

function networkName(d: SheetData): string {
  return [...d.orgs.values()].find((o) => o.kind === "network")?.name ?? "Kompis";
}

function perNeed(d: SheetData, sel: Selection, w: Words): Line[] {
  const n = sel.needs[0];
  if (!n) return [{ style: "muted", text: w.none }];
  const lines: Line[] = [
    { style: "label", text: w.need },
    { style: "title", text: n.title },
    {
      style: "muted",
      text: [orgName(d, n, w), n.deadline ? `${w.deadline} ${formatDate(n.deadline)}` : ""].filter(Boolean).join(" · "),
    },
  ];
  const c = contactText(d, n, w);
  if (c) lines.push({ style: "muted", text: c });
  if (n.description) lines.push({ style: "body", text: n.description });
  lines.push({ style: "heading", text: w.suggestions });
  const mine = sel.pairs.filter((p) => p.need === n.id);
  if (mine.length === 0) lines.push({ style: "muted", text: w.none });
  mine.forEach((p, i) => {
    const o = d.offers.get(p.offer);
    lines.push({
      style: "body",
      text: `${i + 1}. ${o?.title ?? p.offer} — ${pct(p.score)} · ${w.status[p.status ?? "suggested"]}`,
    });
    lines.push({
      style: "muted",
      text: [orgName(d, o, w), o ? contactText(d, o, w) : null].filter(Boolean).join(" · "),
    });
    if (p.reasons.length) lines.push({ style: "muted", text: `${w.why}: ${p.reasons.join("; ")}` });
  });
  return lines;
}

function perOrganisation(d: SheetData, sel: Selection, w: Words): Line[] {
  const org =
    sel.org ?? d.orgs.get(sel.needs[0]?.organisation ?? sel.offers[0]?.organisation ?? "") ?? [...d.orgs.values()][0];
  if (!org) return [{ style: "muted", text: w.none }];
  const lines: Line[] = [
    { style: "label", text: w.yours },
    { style: "title", text: org.name },
  ];
  if (org.municipality) lines.push({ style: "muted", text: org.municipality });
  lines.push({ style: "heading", text: w.ourNeeds });
  for (const n of sel.needs.filter((x) => x.organisation === org.id)) {
    lines.push({ style: "body", text: n.title });
    for (const p of sel.pairs.filter((x) => x.need === n.id))
      lines.push({
        style: "muted",
        text: `→ ${d.offers.get(p.offer)?.title ?? p.offer} (${orgName(d, d.offers.get(p.offer), w)}) — ${pct(p.score)}`,
      });
  }
  lines.push({ style: "heading", text: w.ourOffers });
  for (const o of sel.offers.filter((x) => x.organisation === org.id)) {
    lines.push({ style: "body", text: o.title });
    for (const p of sel.pairs.filter((x) => x.offer === o.id))
      lines.push({
        style: "muted",
        text: `→ ${d.needs.get(p.need)?.title ?? p.need} (${orgName(d, d.needs.get(p.need), w)}) — ${pct(p.score)}`,
      });
  }
  return lines;
}

function summary(d: SheetData, sel: Selection, w: Words): Line[] {
  const lines: Line[] = [
    { style: "title", text: w.summary },
    { style: "heading", text: w.byKind },
  ];
  const kinds = Object.keys(w.kind) as EntryKind[];
  for (const k of kinds) {
    const o = sel.offers.filter((x) => x.kind === k).length;
    const n = sel.needs.filter((x) => x.kind === k).length;
    if (o + n) lines.push({ style: "body", text: `${w.kind[k]}: ${w.counts(o, n)}` });
  }
  lines.push({ style: "heading", text: w.byMunicipality });
  const muni = new Map<string, [number, number]>();
  const bump = (e: Entry, i: 0 | 1) => {
    const m = (e.organisation ? d.orgs.get(e.organisation)?.municipality : undefined) ?? w.unknown;
    const c = muni.get(m) ?? [0, 0];
    c[i]++;
    muni.set(m, c);
  };
  sel.offers.forEach((o) => bump(o, 0));
  sel.needs.forEach((n) => bump(n, 1));
  for (const [m, [o, n]] of [...muni].sort((a, b) => a[0].localeCompare(b[0], "nb")))
    lines.push({ style: "body", text: `${m}: ${w.counts(o, n)}` });
  lines.push({ style: "heading", text: w.agreed });
  const agreed = sel.pairs.filter((p) => p.status === "agreed");
  if (!agreed.length) lines.push({ style: "muted", text: "—" });
  for (const p of agreed)
    lines.push({ style: "body", text: `${d.needs.get(p.need)?.title} ← ${d.offers.get(p.offer)?.title}` });
  lines.push({ style: "heading", text: w.noMatch });
  const lonely = sel.needs.filter((n) => !sel.pairs.some((p) => p.need === n.id));
  if (!lonely.length) lines.push({ style: "muted", text: "—" });
  for (const n of lonely) lines.push({ style: "body", text: `${n.title} (${orgName(d, n, w)})` });
  return lines;
}

function tableRows(d: SheetData, sel: Selection, w: Words): string[][] {
  return sel.pairs.map((p) => {
    const n = d.needs.get(p.need);
    const o = d.offers.get(p.offer);
    return [
      p.need,
      n?.title ?? "",
      orgName(d, n, w),
      p.offer,
      o?.title ?? "",
      orgName(d, o, w),
      p.score.toFixed(2),
      w.status[p.status ?? "suggested"],
      p.reasons.join("; "),
    ];
  });
}

/** The preview the export screen shows for `r`. */
export function previewSheet(d: SheetData, r: SheetRequest): SheetPreview {
  const w = WORDS[r.lang];
  const title = `${w.sheet} – ${networkName(d)} – ${formatDate(todayIso())}`;
  const sel = select(d, r, w);
  if (typeof sel === "string")
    return { title, lines: [], table: null, pages: null, needs: 0, offers: 0, matches: 0, error: sel };
  const counts = { needs: sel.needs.length, offers: sel.offers.length, matches: sel.pairs.length };
  if (r.format !== "pdf") {
    const rows = tableRows(d, sel, w);
    return {
      title,
      lines: [],
      table: { name: w.table, columns: [...w.cols], rows: rows.slice(0, 20), total_rows: rows.length },
      pages: null,
      ...counts,
      error: null,
    };
  }
  const layout = r.layout ?? "per_need";
  const orgCount = new Set([...sel.needs, ...sel.offers].map((e) => e.organisation)).size;
  const pages =
    layout === "per_need" ? Math.max(1, sel.needs.length) : layout === "per_organisation" ? Math.max(1, orgCount) : 1;
  const body =
    layout === "per_need"
      ? perNeed(d, sel, w)
      : layout === "per_organisation"
        ? perOrganisation(d, sel, w)
        : summary(d, sel, w);
  const lines: Line[] = [
    { style: "header", text: `${networkName(d)} · ${w.sheet} · ${formatDate(todayIso())}` },
    ...body,
    { style: "footer", text: w.page(1, pages) },
  ];
  return { title, lines, table: null, pages, ...counts, error: null };
}

/** Neutralises a cell a spreadsheet would read as a formula (OWASP). */
const safe = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

/** The match table as CSV with a byte-order mark, `;` unless asked for `,`. */
export function sheetCsv(d: SheetData, r: SheetRequest): string {
  const w = WORDS[r.lang];
  const sel = select(d, r, w);
  if (typeof sel === "string") return "";
  const sep = r.separator === "comma" ? "," : ";";
  const cell = (v: string) => {
    const s = safe(v);
    return /[";,\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [[...w.cols], ...tableRows(d, sel, w)].map((row) => row.map(cell).join(sep));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
