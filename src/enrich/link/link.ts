/**
 * Stage 2 — link: finds the securities an article is about (with relevance, role, mention spans and
 * the reason for each) and the entities without a ticker (private companies, regulators, countries,
 * people). Pure: the same document and master give the same result.
 */
import type { Doc } from "../normalize/normalize.ts";
import type { Reference } from "../../reference/reference.ts";
import type { Entity, TickerLink } from "../../contract/enrichment.ts";
import type { SecurityMaster } from "../../reference/securities/master.ts";
import { scan } from "./candidates.ts";
import { decide, type Accepted } from "./evidence.ts";
import { tickerLinks, type Group } from "./score.ts";
import { collectEntities } from "./entities.ts";

export interface LinkResult {
  /** Linked tickers, most relevant first; `sentiment` is 0 here and filled by the sentiment stage. */
  tickers: TickerLink[];
  entities: Entity[];
}

function proxyRule(doc: Doc, accepted: Accepted[]): (symbol: string, g: Group) => string | undefined {
  const privates = new Map<string, Accepted[]>();
  for (const a of accepted) {
    const e = a.pattern?.entity;
    if (e?.type !== "private_company") continue;
    const list = privates.get(e.name);
    if (list) list.push(a);
    else privates.set(e.name, [a]);
  }
  return (symbol, g) => {
    for (const [name, ms] of privates) {
      const info = ms[0]!.pattern!.entity!;
      if (!info.proxies.includes(symbol)) continue;
      const entityInTitle = ms.some((m) => m.start < doc.title.length);
      const tickerInTitle = g.mentions.some((m) => m.start < doc.title.length);
      const sentences = new Set(ms.map((m) => m.sentence));
      const attached = g.mentions.every((m) => sentences.has(m.sentence));
      if (entityInTitle && !tickerInTitle && ms.length >= g.mentions.length && attached) return name;
    }
    return undefined;
  };
}

/**
 * Links a document against a securities master (used directly by tests and the bench).
 *
 * @example
 * const r = linkWith(doc, loadSecurityMaster());
 * r.tickers.map((t) => t.symbol) // ["AMZN", "MSFT"]
 */
export function linkWith(doc: Doc, master: SecurityMaster): LinkResult {
  const accepted = decide(scan(doc, master), master, doc.text);
  const tickers = tickerLinks(doc, accepted, proxyRule(doc, accepted));
  const entities = collectEntities(doc, accepted, new Set(tickers.map((t) => t.symbol)), master.firstNames);
  return { tickers, entities };
}

/**
 * The pipeline stage: links `doc` with the reference data's securities master.
 *
 * @example
 * const { tickers, entities } = link(doc, loadReference());
 */
export function link(doc: Doc, ref: Reference): LinkResult {
  return linkWith(doc, ref.securities);
}
