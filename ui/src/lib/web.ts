/**
 * An in-memory backend for previewing the UI in a browser (`npm run dev`
 * outside Tauri). It follows the contract's behaviour closely enough to
 * exercise every screen: ids for new items, validation errors with `field`,
 * trash and restore, filters, a plain keyword-and-concept matcher with the
 * match workflow, an editable thesaurus, sheet previews, bundle import and
 * export through browser file pickers. Nothing is stored.
 */
import type { Backend } from "./backend";
import type { CatalogueInfo } from "./bindings/CatalogueInfo";
import type { Concept } from "./bindings/Concept";
import type { Entry } from "./bindings/Entry";
import type { EntityKind } from "./bindings/EntityKind";
import type { EntryFilter } from "./bindings/EntryFilter";
import type { EntryRow } from "./bindings/EntryRow";
import type { ImportSummary } from "./bindings/ImportSummary";
import type { IpcError } from "./bindings/IpcError";
import type { MatchRecord } from "./bindings/MatchRecord";
import type { MatchView } from "./bindings/MatchView";
import type { NeedMatchView } from "./bindings/NeedMatchView";
import type { Organisation } from "./bindings/Organisation";
import type { Person } from "./bindings/Person";
import type { SearchHit } from "./bindings/SearchHit";
import type { SheetSummary } from "./bindings/SheetSummary";
import type { Side } from "./bindings/Side";
import type { TrashItem } from "./bindings/TrashItem";
import { fold, matchesQuery } from "./format";
import { demoBundle, demoConcepts, type WebBundle } from "./webdemo";
import { previewSheet, sheetCsv, type SheetData } from "./websheet";

export interface WebOptions {
  /** Start with the example network instead of an empty catalogue. */
  seed?: boolean;
  /** Milliseconds every call waits, to see busy states. */
  slow?: number;
}

type Stored = Organisation | Person | Entry;

interface Trashed {
  kind: EntityKind;
  value: Stored;
  deleted_at: string;
}

const fail = (code: string, message: string, field?: string): IpcError =>
  field ? { code, message, field } : { code, message };

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** Creates a fresh in-memory catalogue. */
export function createWebBackend(opts: WebOptions = {}): Backend {
  const orgs = new Map<string, Organisation>();
  const people = new Map<string, Person>();
  const offers = new Map<string, Entry>();
  const needs = new Map<string, Entry>();
  const trash = new Map<string, Trashed>();
  const files = new Map<string, string>();
  const records = new Map<string, MatchRecord>();
  let serial = 100;
  let concepts: Concept[] = opts.seed ? clone(demoConcepts) : [];

  const entries = (side: Side) => (side === "need" ? needs : offers);
  const mapOf = (kind: EntityKind): Map<string, Stored> =>
    ({ organisation: orgs, person: people, offer: offers, need: needs })[kind] as Map<string, Stored>;
  /** Every call waits here; it also counts calls (`globalThis.__kompisWebCalls`) so a preview can spot reload loops. */
  const delay = () => {
    const g = globalThis as { __kompisWebCalls?: number };
    g.__kompisWebCalls = (g.__kompisWebCalls ?? 0) + 1;
    return new Promise((r) => setTimeout(r, opts.slow ?? 0));
  };

  function add(bundle: WebBundle): ImportSummary {
    bundle.organisations.forEach((o) => orgs.set(o.id, clone(o)));
    bundle.people.forEach((p) => people.set(p.id, clone(p)));
    bundle.offers.forEach((o) => offers.set(o.id, clone(o)));
    bundle.needs.forEach((n) => needs.set(n.id, clone(n)));
    bundle.matches.forEach((m) => records.set(`${m.need}/${m.offer}`, clone(m)));
    return {
      organisations: bundle.organisations.length,
      people: bundle.people.length,
      offers: bundle.offers.length,
      needs: bundle.needs.length,
      matches: bundle.matches.length,
    };
  }
  if (opts.seed) add(demoBundle);

  const newId = (prefix: string) => `${prefix}-${++serial}`;

  function row(e: Entry): EntryRow {
    const org = e.organisation ? orgs.get(e.organisation) : undefined;
    const r: EntryRow = { entry: clone(e) };
    if (org) r.organisation_name = org.name;
    if (org?.municipality) r.municipality = org.municipality;
    return r;
  }

  function checkEntry(side: Side, e: Entry): void {
    const who = `${side} ${e.id || "(ny)"}`;
    if (!e.title?.trim()) throw fail("invalid", `${who}: field \`title\`: must not be empty.`, "title");
    if (e.organisation && !orgs.has(e.organisation))
      throw fail(
        "invalid",
        `${who}: field \`organisation\`: no organisation with id ${e.organisation}.`,
        "organisation",
      );
    if (e.contact && !people.has(e.contact))
      throw fail("invalid", `${who}: field \`contact\`: no person with id ${e.contact}.`, "contact");
    if (side === "offer" && e.deadline)
      throw fail("invalid", `${who}: field \`deadline\`: only needs have a deadline.`, "deadline");
  }

  /** Folded words of an entry's title, description and keywords. */
  function words(e: Entry): Set<string> {
    const text = `${e.title} ${e.description ?? ""} ${e.keywords.join(" ")}`;
    return new Set(
      text
        .split(/[^\p{L}\p{N}]+/u)
        .map(fold)
        .filter((w) => w.length > 1),
    );
  }

  /** Whether a folded term (maybe several words) occurs among `ws` or in the keywords. */
  const has = (ws: Set<string>, e: Entry, term: string) =>
    term.split(/\s+/).every((w) => ws.has(w)) || e.keywords.some((k) => fold(k) === term);

  const THRESHOLD = 0.15;

  interface Scored {
    score: number;
    reasons: string[];
    need_terms: string[];
    offer_terms: string[];
  }

  /**
   * A plain matcher for the preview: shared keywords, shared concepts from the
   * thesaurus, shared words, the kind and the municipality. Never an
   * organisation's own offer; nothing below the threshold.
   */
  function score(need: Entry, offer: Entry): Scored | null {
    if (need.organisation && need.organisation === offer.organisation) return null;
    const reasons: string[] = [];
    const nw = words(need);
    const ow = words(offer);
    const needTerms = new Set<string>();
    const offerTerms = new Set<string>();
    let s = 0;

    const nk = new Set(need.keywords.map(fold));
    const shared = offer.keywords.filter((k) => nk.has(fold(k)));
    if (shared.length) {
      s += Math.min(0.5, 0.22 * shared.length);
      reasons.push(`Felles nøkkelord: ${shared.join(", ")}`);
      shared.forEach((k) => (needTerms.add(fold(k)), offerTerms.add(fold(k))));
    }
    for (const c of concepts) {
      const terms = c.terms.map(fold);
      const inNeed = terms.filter((t) => has(nw, need, t));
      const inOffer = terms.filter((t) => has(ow, offer, t));
      if (!inNeed.length || !inOffer.length || inNeed.every((t) => shared.some((k) => fold(k) === t))) continue;
      s += 0.15;
      const isShared = (t: string) => shared.some((k) => fold(k) === t);
      const a = inNeed.find((t) => !isShared(t)) ?? inNeed[0];
      const b = inOffer.find((t) => t !== a && !isShared(t)) ?? inOffer[0];
      reasons.push(`Samme begrep (${c.id}): ${a} ↔ ${b}`);
      inNeed.forEach((t) => needTerms.add(t));
      inOffer.forEach((t) => offerTerms.add(t));
    }
    const common = [...ow].filter((w) => w.length > 3 && nw.has(w) && !needTerms.has(w));
    if (common.length) {
      s += Math.min(0.2, 0.07 * common.length);
      reasons.push(`Like ord i teksten: ${common.slice(0, 4).join(", ")}`);
      common.forEach((w) => (needTerms.add(w), offerTerms.add(w)));
    }
    if (s === 0) return null;
    if (need.kind === offer.kind) {
      s += 0.1;
      reasons.push("Samme type kompetanse");
    }
    const no = need.organisation ? orgs.get(need.organisation) : undefined;
    const oo = offer.organisation ? orgs.get(offer.organisation) : undefined;
    if (no?.municipality && no.municipality === oo?.municipality) {
      s += 0.05;
      reasons.push(`Samme kommune: ${no.municipality}`);
    }
    if (s < THRESHOLD) return null;
    return { score: Math.min(1, s), reasons, need_terms: [...needTerms], offer_terms: [...offerTerms] };
  }

  const recordOf = (needId: string, offerId: string) => records.get(`${needId}/${offerId}`);

  function matchView(need: Entry, offer: Entry, scored: Scored | null): MatchView {
    const view: MatchView = {
      offer: clone(offer),
      score: scored?.score ?? 0,
      reasons: scored?.reasons ?? [],
      need_terms: scored?.need_terms ?? [],
      offer_terms: scored?.offer_terms ?? [],
    };
    const oo = offer.organisation ? orgs.get(offer.organisation) : undefined;
    if (oo) view.organisation_name = oo.name;
    const r = recordOf(need.id, offer.id);
    if (r?.status) view.status = r.status;
    if (r?.note) view.note = r.note;
    if (r?.decline_reason) view.decline_reason = r.decline_reason;
    return view;
  }

  /** Ranked offers for a need, declined ones left out. */
  function ranked(need: Entry, top: number): MatchView[] {
    return [...offers.values()]
      .filter((o) => o.active !== false && recordOf(need.id, o.id)?.status !== "declined")
      .map((o) => ({ o, s: score(need, o) }))
      .filter((x): x is { o: Entry; s: Scored } => x.s !== null)
      .sort((a, b) => b.s.score - a.s.score || a.o.id.localeCompare(b.o.id))
      .slice(0, top)
      .map((x) => matchView(need, x.o, x.s));
  }

  function needOf(id: string): Entry {
    const n = needs.get(id);
    if (!n) throw fail("not_found", `There is no need with id ${id}.`);
    return n;
  }

  function bundleText(): string {
    return JSON.stringify(
      {
        format: "kompis-bundle",
        version: 1,
        exported_at: new Date().toISOString(),
        organisations: [...orgs.values()],
        people: [...people.values()],
        offers: [...offers.values()],
        needs: [...needs.values()],
        matches: [...records.values()],
      },
      null,
      1,
    );
  }

  /** What the sheet preview reads: the catalogue and every pair worth printing. */
  function sheetData(): SheetData {
    const pairs: SheetData["pairs"] = [];
    for (const n of needs.values())
      for (const m of ranked(n, 5))
        pairs.push({ need: n.id, offer: m.offer.id, score: m.score, reasons: m.reasons, status: m.status });
    return { orgs, people, offers, needs, pairs };
  }

  function download(blob: Blob, name: string): void {
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = name.split(/[\\/]/).pop() ?? name;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  function pickFile(): Promise<string | null> {
    return new Promise((resolve) => {
      const input = document.createElement("input");
      input.type = "file";
      input.accept = ".json,application/json";
      input.addEventListener("change", async () => {
        const file = input.files?.[0];
        if (!file) return resolve(null);
        const key = `browser:${file.name}`;
        files.set(key, await file.text());
        resolve(key);
      });
      input.addEventListener("cancel", () => resolve(null));
      input.click();
    });
  }

  const api: Backend = {
    kind: "web",
    async catalogueInfo(): Promise<CatalogueInfo> {
      await delay();
      return {
        path: "memory://kompis-preview",
        schema_version: 1,
        counts: {
          organisations: orgs.size,
          people: people.size,
          offers: offers.size,
          needs: needs.size,
          trash: trash.size,
        },
      };
    },
    async listOrganisations() {
      await delay();
      return [...orgs.values()].map(clone);
    },
    async listPeople() {
      await delay();
      return [...people.values()].map(clone);
    },
    async listEntries(side: Side, f: EntryFilter) {
      await delay();
      return [...entries(side).values()]
        .map(row)
        .filter(
          (r) =>
            (!f.kind || r.entry.kind === f.kind) &&
            (!f.organisation || r.entry.organisation === f.organisation) &&
            (!f.municipality || r.municipality === f.municipality) &&
            (f.active === undefined || (r.entry.active !== false) === f.active) &&
            matchesQuery(f.text ?? "", [r.entry.title, r.entry.description, r.organisation_name, ...r.entry.keywords]),
        );
    },
    async getEntry(side, id) {
      await delay();
      const e = entries(side).get(id);
      if (!e) throw fail("not_found", `There is no ${side} with id ${id}.`);
      return clone(e);
    },
    async saveOrganisation(o) {
      await delay();
      if (!o.name.trim()) throw fail("invalid", `organisation ${o.id}: field \`name\`: must not be empty.`, "name");
      const dup = [...orgs.values()].find((x) => o.org_number && x.org_number === o.org_number && x.id !== o.id);
      if (dup)
        throw fail(
          "invalid",
          `organisation ${o.id || "(ny)"}: field \`org_number\`: ${o.org_number} is already used by ${dup.name}.`,
          "org_number",
        );
      const saved = { ...clone(o), id: o.id || newId("org") };
      orgs.set(saved.id, saved);
      return clone(saved);
    },
    async savePerson(p) {
      await delay();
      if (!p.name.trim()) throw fail("invalid", `person ${p.id}: field \`name\`: must not be empty.`, "name");
      if (p.organisation && !orgs.has(p.organisation))
        throw fail(
          "invalid",
          `person ${p.id}: field \`organisation\`: no organisation with id ${p.organisation}.`,
          "organisation",
        );
      const saved = { ...clone(p), id: p.id || newId("p") };
      people.set(saved.id, saved);
      return clone(saved);
    },
    async saveEntry(side, e) {
      await delay();
      checkEntry(side, e);
      const now = new Date().toISOString();
      const old = e.id ? entries(side).get(e.id) : undefined;
      const saved: Entry = {
        ...clone(e),
        id: e.id || newId(side === "need" ? "n" : "o"),
        created_at: old?.created_at ?? now,
        updated_at: now,
      };
      entries(side).set(saved.id, saved);
      return clone(saved);
    },
    async deleteEntity(kind, id) {
      await delay();
      const map = mapOf(kind);
      const value = map.get(id);
      if (!value) throw fail("not_found", `There is no ${kind} with id ${id}.`);
      map.delete(id);
      trash.set(`${kind}/${id}`, { kind, value, deleted_at: new Date().toISOString() });
    },
    async listTrash(): Promise<TrashItem[]> {
      await delay();
      return [...trash.values()].map((t) => ({
        kind: t.kind,
        id: t.value.id,
        label: "title" in t.value ? t.value.title : t.value.name,
        deleted_at: t.deleted_at,
      }));
    },
    async restoreEntity(kind, id) {
      await delay();
      const t = trash.get(`${kind}/${id}`);
      if (!t) throw fail("not_found", `There is no ${kind} with id ${id} in the trash.`);
      trash.delete(`${kind}/${id}`);
      mapOf(kind).set(id, t.value);
    },
    async search(text): Promise<SearchHit[]> {
      await delay();
      const hits: SearchHit[] = [];
      const orgName = (id?: string) => (id ? orgs.get(id)?.name : undefined);
      const hit = (kind: SearchHit["kind"], id: string, title: string, subtitle?: string): SearchHit =>
        subtitle ? { kind, id, title, subtitle, score: 1 } : { kind, id, title, score: 1 };
      for (const [kind, map] of [
        ["need", needs],
        ["offer", offers],
      ] as const)
        for (const e of map.values())
          if (matchesQuery(text, [e.title, e.description, ...e.keywords]))
            hits.push(hit(kind, e.id, e.title, orgName(e.organisation)));
      for (const o of orgs.values())
        if (matchesQuery(text, [o.name, o.municipality])) hits.push(hit("organisation", o.id, o.name, o.municipality));
      for (const p of people.values())
        if (matchesQuery(text, [p.name, p.role, p.email]))
          hits.push(hit("person", p.id, p.name, orgName(p.organisation)));
      return hits;
    },
    async matchesForNeed(needId, top = 10) {
      await delay();
      return ranked(needOf(needId), top);
    },
    async declinedForNeed(needId) {
      await delay();
      const need = needOf(needId);
      return [...records.values()]
        .filter((r) => r.need === needId && r.status === "declined" && offers.has(r.offer))
        .map((r) => {
          const offer = offers.get(r.offer) as Entry;
          return matchView(need, offer, score(need, offer));
        });
    },
    async needsForOffer(offerId, top = 10): Promise<NeedMatchView[]> {
      await delay();
      const offer = offers.get(offerId);
      if (!offer) throw fail("not_found", `There is no offer with id ${offerId}.`);
      return [...needs.values()]
        .filter((n) => n.active !== false && recordOf(n.id, offerId)?.status !== "declined")
        .map((n) => ({ n, s: score(n, offer) }))
        .filter((x): x is { n: Entry; s: Scored } => x.s !== null)
        .sort((a, b) => b.s.score - a.s.score || a.n.id.localeCompare(b.n.id))
        .slice(0, top)
        .map(({ n, s: sc }) => {
          const v: NeedMatchView = {
            need: clone(n),
            score: sc.score,
            reasons: sc.reasons,
            need_terms: sc.need_terms,
            offer_terms: sc.offer_terms,
          };
          const org = n.organisation ? orgs.get(n.organisation) : undefined;
          if (org) v.organisation_name = org.name;
          const st = recordOf(n.id, offerId)?.status;
          if (st) v.status = st;
          return v;
        });
    },
    async setMatchStatus(change): Promise<MatchRecord> {
      await delay();
      const id = `${change.need}→${change.offer}`;
      if (change.status === "declined" && !change.reason)
        throw fail(
          "invalid",
          `match ${id}: field \`decline_reason\`: say why the match is declined (not relevant, bad timing, no capacity, already solved or other).`,
          "decline_reason",
        );
      needOf(change.need);
      if (!offers.has(change.offer)) throw fail("not_found", `There is no offer with id ${change.offer}.`);
      const old = recordOf(change.need, change.offer);
      const note = change.note?.trim() || old?.note;
      const rec: MatchRecord = {
        need: change.need,
        offer: change.offer,
        status: change.status,
        updated_at: new Date().toISOString(),
      };
      if (note) rec.note = note;
      if (change.status === "declined" && change.reason) rec.decline_reason = change.reason;
      records.set(`${change.need}/${change.offer}`, rec);
      return clone(rec);
    },
    async competenceGaps() {
      await delay();
      return [...needs.values()].filter((n) => n.active !== false && ranked(n, 1).length === 0).map(row);
    },
    async listConcepts() {
      await delay();
      return clone(concepts);
    },
    async editThesaurus(edit) {
      await delay();
      const group = (id: string) => {
        const g = concepts.find((c) => c.id === id);
        if (!g) throw fail("not_found", `There is no concept group ${id}.`);
        return g;
      };
      switch (edit.op) {
        case "add_term": {
          const [gid, term] = [edit.group.trim(), edit.term.trim()];
          if (!gid || !term)
            throw fail("invalid", `concept group ${gid}: field \`term\`: group and term must not be empty.`, "term");
          const g = concepts.find((c) => c.id === gid);
          if (!g) concepts.push({ id: gid, terms: [term] });
          else if (!g.terms.some((t) => fold(t) === fold(term))) g.terms.push(term);
          break;
        }
        case "remove_term": {
          const g = group(edit.group);
          const before = g.terms.length;
          g.terms = g.terms.filter((t) => t !== edit.term);
          if (g.terms.length === before)
            throw fail("not_found", `Concept group ${edit.group} has no term ${edit.term}.`);
          break;
        }
        case "merge": {
          const from = group(edit.from);
          const into = group(edit.into);
          for (const t of from.terms) if (!into.terms.some((x) => fold(x) === fold(t))) into.terms.push(t);
          concepts.splice(concepts.indexOf(from), 1);
          break;
        }
        case "remove_group":
          concepts.splice(concepts.indexOf(group(edit.group)), 1);
          break;
      }
      return clone(concepts);
    },
    async sheetPreview(request) {
      await delay();
      return previewSheet(sheetData(), request);
    },
    async exportSheet(request, path) {
      await delay();
      const data = sheetData();
      const preview = previewSheet(data, request);
      if (preview.error) throw fail("invalid", preview.error, "scope");
      const warnings: string[] = [];
      let bytes = 0;
      if (request.format === "csv") {
        const text = sheetCsv(data, request);
        bytes = new TextEncoder().encode(text).length;
        download(new Blob([text], { type: "text/csv" }), path);
      } else {
        warnings.push(`The browser preview writes no ${request.format.toUpperCase()} file; the desktop app does.`);
      }
      const summary: SheetSummary = {
        path,
        bytes,
        needs: preview.needs,
        offers: preview.offers,
        matches: preview.matches,
        warnings,
      };
      if (preview.pages != null) summary.pages = preview.pages;
      return summary;
    },
    async importBundle(path) {
      await delay();
      const text = files.get(path);
      if (text === undefined) throw fail("io", `Could not read ${path}.`);
      let b: Partial<WebBundle> & { format?: string; version?: number };
      try {
        b = JSON.parse(text);
      } catch (e) {
        throw fail("bad_bundle", `${path} is not JSON: ${(e as Error).message}`);
      }
      if (b.format !== "kompis-bundle" || b.version !== 1)
        throw fail("bad_bundle", `${path} is not a Kompis bundle of version 1.`);
      // As serde's defaults do in the core: absent keywords are an empty list.
      const withKeywords = (list: Entry[] = []) => list.map((e) => ({ ...e, keywords: e.keywords ?? [] }));
      return add({
        organisations: b.organisations ?? [],
        people: b.people ?? [],
        offers: withKeywords(b.offers),
        needs: withKeywords(b.needs),
        matches: b.matches ?? [],
      });
    },
    async exportBundle(path) {
      await delay();
      download(new Blob([bundleText()], { type: "application/json" }), path);
      return {
        organisations: orgs.size,
        people: people.size,
        offers: offers.size,
        needs: needs.size,
        matches: records.size,
      };
    },
    async loadDemo() {
      await delay();
      if (concepts.length === 0) concepts = clone(demoConcepts);
      return add(demoBundle);
    },
    pickImportPath: () => pickFile(),
    async pickExportPath(texts) {
      return texts.defaultName ?? "kompis.json";
    },
    async pickSheetPath(d) {
      return d.defaultPath;
    },
  };
  return api;
}
