/**
 * An in-memory backend for previewing the UI in a browser (`npm run dev`
 * outside Tauri). It follows the contract's behaviour closely enough to
 * exercise every screen: ids for new items, validation errors with `field`,
 * trash and restore, filters, a plain keyword matcher, bundle import and
 * export through browser file pickers. Nothing is stored.
 */
import type { Backend } from "./backend";
import type { CatalogueInfo } from "./bindings/CatalogueInfo";
import type { Entry } from "./bindings/Entry";
import type { EntityKind } from "./bindings/EntityKind";
import type { EntryFilter } from "./bindings/EntryFilter";
import type { EntryRow } from "./bindings/EntryRow";
import type { ImportSummary } from "./bindings/ImportSummary";
import type { IpcError } from "./bindings/IpcError";
import type { MatchRecord } from "./bindings/MatchRecord";
import type { MatchView } from "./bindings/MatchView";
import type { Organisation } from "./bindings/Organisation";
import type { Person } from "./bindings/Person";
import type { SearchHit } from "./bindings/SearchHit";
import type { Side } from "./bindings/Side";
import type { TrashItem } from "./bindings/TrashItem";
import { fold, matchesQuery } from "./format";
import { demoBundle, type WebBundle } from "./webdemo";

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

  function tokens(e: Entry): Set<string> {
    const words = `${e.title} ${e.description ?? ""}`
      .split(/[^\p{L}\p{N}]+/u)
      .map(fold)
      .filter((w) => w.length > 3);
    return new Set(words);
  }

  function match(need: Entry, offer: Entry): MatchView | null {
    const reasons: string[] = [];
    const nk = new Set(need.keywords.map(fold));
    const shared = offer.keywords.filter((k) => nk.has(fold(k)));
    let score = 0;
    if (shared.length) {
      score += Math.min(0.6, 0.25 * shared.length);
      reasons.push(`Felles nøkkelord: ${shared.join(", ")}`);
    }
    const nt = tokens(need);
    const words = [...tokens(offer)].filter((w) => nt.has(w));
    if (words.length) {
      score += Math.min(0.25, 0.08 * words.length);
      reasons.push(`Like ord i teksten: ${words.slice(0, 4).join(", ")}`);
    }
    if (score === 0) return null;
    if (need.kind === offer.kind) {
      score += 0.1;
      reasons.push("Samme type kompetanse");
    }
    const no = need.organisation ? orgs.get(need.organisation) : undefined;
    const oo = offer.organisation ? orgs.get(offer.organisation) : undefined;
    if (no?.municipality && no.municipality === oo?.municipality) {
      score += 0.05;
      reasons.push(`Samme kommune: ${no.municipality}`);
    }
    const view: MatchView = { offer: clone(offer), score: Math.min(1, score), reasons };
    if (oo) view.organisation_name = oo.name;
    const status = records.get(`${need.id}/${offer.id}`)?.status;
    if (status) view.status = status;
    return view;
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
      const need = needs.get(needId);
      if (!need) throw fail("not_found", `There is no need with id ${needId}.`);
      return [...offers.values()]
        .filter((o) => o.active !== false)
        .map((o) => match(need, o))
        .filter((m): m is MatchView => m !== null)
        .sort((a, b) => b.score - a.score)
        .slice(0, top);
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
      const url = URL.createObjectURL(new Blob([bundleText()], { type: "application/json" }));
      const a = document.createElement("a");
      a.href = url;
      a.download = path;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
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
      return add(demoBundle);
    },
    pickImportPath: () => pickFile(),
    async pickExportPath(texts) {
      return texts.defaultName ?? "kompis.json";
    },
  };
  return api;
}
