/**
 * Entities that matter to the story but have no ticker of their own: private companies (with their
 * listed proxies), unlisted foreign companies, regulators, governments, countries and people (from the
 * gazetteers, executives of linked companies, and "CEO Jane Doe"-style titles).
 */
import type { Entity } from "../../contract/enrichment.ts";
import type { Doc } from "../normalize/normalize.ts";
import type { EntityInfo } from "../../reference/securities/master.ts";
import type { Accepted } from "./evidence.ts";
import { MAX_MENTIONS } from "./score.ts";

const TITLE_WORD_RE = /\b(?:CEO|CFO|COO|CTO|[Cc]hief [Ee]xecutive(?: [Oo]fficer)?|[Cc]hief [Ff]inancial [Oo]fficer|[Cc]hair(?:man|woman)?|[Cc]o-founder|[Ff]ounder|[Pp]resident|[Aa]nalyst|[Ss]pokes(?:person|man|woman))\s+(?=\p{Lu})/gu;
const NAME_AFTER_TITLE_RE = /(?:\p{Lu}[\p{Ll}'’-]+(?:\p{Lu}\p{Ll}+)?|\p{Lu}\.)(?:\s+(?:\p{Lu}[\p{Ll}'’-]+(?:\p{Lu}\p{Ll}+)?|\p{Lu}\.)){1,2}/uy;
const TITLE_HINT = /CEO|CFO|COO|CTO|hief|hair|ounder|resident|nalyst|pokes/;
const NOT_PERSON = /^(?:Donald Trump|Joe Biden)$|\b(?:Inc|Corp|Group|Bank|Fund|Capital|Partners|Says|Said)\b/;

function salience(doc: Doc, mentions: { start: number }[], max: number): number {
  const inTitle = mentions.some((m) => m.start < doc.title.length) ? 0.4 : 0;
  return Math.round(Math.min(1, 0.2 + inTitle + 0.4 * (mentions.length / Math.max(1, max))) * 1000) / 1000;
}

/**
 * Collects entities from accepted mentions plus title patterns ("CEO Satya Nadella").
 *
 * @example
 * entities(doc, accepted).find((e) => e.name === "OpenAI") // { type: "private_company", proxies: ["MSFT"], … }
 */
export function collectEntities(doc: Doc, accepted: Accepted[], linkedSymbols: Set<string>): Entity[] {
  const byName = new Map<string, { info: EntityInfo; mentions: { text: string; start: number; end: number }[] }>();
  const add = (info: EntityInfo, m: { text: string; start: number; end: number }) => {
    const e = byName.get(info.name) ?? { info, mentions: [] };
    if (!e.mentions.some((x) => x.start === m.start)) e.mentions.push(m);
    byName.set(info.name, e);
  };
  for (const a of accepted) {
    const m = { text: a.text, start: a.start, end: a.end };
    if (a.pattern?.entity) add(a.pattern.entity, m);
    else if (a.pattern?.kind === "person") add({ name: a.pattern.text, type: "person", proxies: [] }, m);
  }
  for (const m of TITLE_HINT.test(doc.text) ? doc.text.matchAll(TITLE_WORD_RE) : []) {
    NAME_AFTER_TITLE_RE.lastIndex = m.index + m[0].length;
    const found = NAME_AFTER_TITLE_RE.exec(doc.text);
    if (!found) continue;
    const name = found[0];
    if (NOT_PERSON.test(name)) continue;
    const start = found.index;
    if ([...byName.values()].some((e) => e.mentions.some((x) => x.start <= start && x.end >= start))) continue;
    add({ name, type: "person", proxies: [] }, { text: name, start, end: start + name.length });
  }
  const max = Math.max(0, ...[...byName.values()].map((e) => e.mentions.length));
  return [...byName.values()]
    .map(({ info, mentions }) => {
      const e: Entity = { name: info.name, type: info.type, mentions: mentions.slice(0, MAX_MENTIONS), salience: salience(doc, mentions, max) };
      if (info.type === "private_company" && info.proxies.some((p) => linkedSymbols.has(p))) e.proxies = info.proxies.filter((p) => linkedSymbols.has(p));
      return e;
    })
    .sort((a, b) => b.salience - a.salience || a.mentions[0]!.start - b.mentions[0]!.start);
}
