/**
 * Entities that matter to the story but have no ticker of their own: private companies (with their
 * listed proxies), unlisted foreign companies, regulators, governments, countries and people (from the
 * gazetteers, executives of linked companies, and people found by `people.ts`).
 */
import type { Entity } from "../../contract/enrichment.ts";
import type { Doc } from "../normalize/normalize.ts";
import type { EntityInfo } from "../../reference/securities/master.ts";
import type { Accepted } from "./evidence.ts";
import { MAX_MENTIONS } from "./score.ts";
import { findPeople } from "./people.ts";

/** "Dimon" alone is the "Jamie Dimon" named elsewhere in the story. */
function mergeSurnames(byName: Map<string, { info: EntityInfo; mentions: { text: string; start: number; end: number }[]; starts: Set<number> }>): void {
  for (const [name, e] of byName) {
    if (e.info.type !== "person" || name.includes(" ")) continue;
    const full = [...byName.values()].find((o) => o.info.type === "person" && o.info.name.endsWith(` ${name}`));
    if (!full) continue;
    for (const m of e.mentions) if (!full.starts.has(m.start)) full.mentions.push(m), full.starts.add(m.start);
    full.mentions.sort((a, b) => a.start - b.start);
    byName.delete(name);
  }
}

/** Does [start, end) overlap one of the (sorted) accepted mentions? Binary search: large texts stay linear. */
function overlaps(sorted: readonly { start: number; end: number }[]): (start: number, end: number) => boolean {
  return (start, end) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]!.end <= start) lo = mid + 1;
      else hi = mid;
    }
    const m = sorted[lo];
    return !!m && m.start < end;
  };
}

function salience(doc: Doc, mentions: { start: number }[], max: number): number {
  const inTitle = mentions.some((m) => m.start < doc.title.length) ? 0.4 : 0;
  return Math.round(Math.min(1, 0.2 + inTitle + 0.4 * (mentions.length / Math.max(1, max))) * 1000) / 1000;
}

/**
 * Collects entities from accepted mentions plus the people found in the text.
 *
 * @example
 * collectEntities(doc, accepted, linked, master.firstNames).find((e) => e.name === "OpenAI") // { type: "private_company", proxies: ["MSFT"], … }
 */
export function collectEntities(doc: Doc, accepted: Accepted[], linkedSymbols: Set<string>, firstNames: Set<string>): Entity[] {
  const byName = new Map<string, { info: EntityInfo; mentions: { text: string; start: number; end: number }[]; starts: Set<number> }>();
  const add = (info: EntityInfo, m: { text: string; start: number; end: number }) => {
    const e = byName.get(info.name) ?? { info, mentions: [], starts: new Set<number>() };
    if (!e.starts.has(m.start)) e.mentions.push(m), e.starts.add(m.start);
    byName.set(info.name, e);
  };
  for (const a of accepted) {
    const m = { text: a.text, start: a.start, end: a.end };
    if (a.pattern?.entity) add(a.pattern.entity, m);
    else if (a.pattern?.kind === "person") add({ name: a.pattern.text, type: "person", proxies: [] }, m);
  }
  const taken = overlaps(accepted);
  for (const p of findPeople(doc.text, firstNames, taken)) add({ name: p.name, type: "person", proxies: [] }, { text: doc.text.slice(p.start, p.end), start: p.start, end: p.end });
  mergeSurnames(byName);
  const max = Math.max(0, ...[...byName.values()].map((e) => e.mentions.length));
  return [...byName.values()]
    .map(({ info, mentions }) => {
      const e: Entity = { name: info.name, type: info.type, mentions: mentions.slice(0, MAX_MENTIONS), salience: salience(doc, mentions, max) };
      if (info.type === "private_company" && info.proxies.some((p) => linkedSymbols.has(p))) e.proxies = info.proxies.filter((p) => linkedSymbols.has(p));
      return e;
    })
    .sort((a, b) => b.salience - a.salience || a.mentions[0]!.start - b.mentions[0]!.start);
}
