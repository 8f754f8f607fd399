/**
 * Turns accepted mentions into ticker links: relevance 0..1 (title and lead mentions, frequency,
 * subject position, explicit forms), role (subject, counterparty, mentioned, proxy) and a reason that
 * names the words that linked the ticker and why.
 */
import type { TickerLink, TickerRole } from "../../contract/enrichment.ts";
import type { Doc } from "../normalize/normalize.ts";
import type { Security } from "../../reference/securities/master.ts";
import type { Accepted } from "./evidence.ts";

export interface Group {
  security: Security;
  mentions: Accepted[];
}

/** Mention spans listed per ticker (the first ones; relevance and the reason count them all). */
export const MAX_MENTIONS = 100;

/** Relevance weights: they add up to 1 for a ticker named in the title, first in the lead, most often. */
export const WEIGHTS = { base: 0.1, title: 0.35, lead: 0.15, frequency: 0.25, subject: 0.1, explicit: 0.05 } as const;

const leadCache = new WeakMap<Doc, number>();

/** End of the lead: the first two sentences of the body. */
function leadEnd(doc: Doc): number {
  let end = leadCache.get(doc);
  if (end === undefined) {
    let seen = 0;
    end = doc.text.length;
    for (const s of doc.sentences) if (s.start >= doc.bodyStart && ++seen <= 2) end = s.end;
    leadCache.set(doc, end);
  }
  return end;
}

const BROKER_RE = /^(?:['’]s)?\s*(?:[Aa]nalysts?\s+|[Ss]trategists?\s+)?(?:(?:[Uu]pgrade|[Dd]owngrade|[Ii]nitiate|[Rr]eiterate|[Rr]ate|[Rr]esume)[sd]?\s+(?:[Cc]overage\s+[Oo]f\s+)?(?:\p{Lu}|its\b|the\b|shares\b)|(?:[Rr]aise|[Ll]ift|[Cc]ut|[Ll]ower|[Tt]rim|[Bb]oost)(?:s|ed)?\s+(?:[Ii]ts|[Tt]he)\s+[Pp]rice [Tt]arget)/u;

/**
 * "Morgan Stanley upgrades Tesla": the bank is the source of the news, not its subject.
 *
 * @example
 * isBrokerMention(doc, mentionOfMorganStanley) // true in "Morgan Stanley upgrades Tesla", false in "Tesla downgraded by…"
 */
export function isBrokerMention(doc: Doc, m: Accepted): boolean {
  return BROKER_RE.test(doc.text.slice(m.end, m.end + 60));
}

function isSubjectPosition(doc: Doc, m: Accepted): boolean {
  if (isBrokerMention(doc, m)) return false;
  const s = doc.sentences[m.sentence];
  if (!s) return false;
  if (m.start - s.start > 40) return false;
  const before = doc.text.slice(s.start, m.start).trim();
  return before === "" || /^(the|shares of|shares in|stock of)$/i.test(before);
}

/**
 * Relevance of one ticker in the document.
 *
 * @example
 * relevance(doc, group, 4) // 0.87
 */
export function relevance(doc: Doc, g: Group, maxCount: number): number {
  const titleEnd = doc.title.length;
  const lead = leadEnd(doc);
  const ms = g.mentions;
  let r = WEIGHTS.base;
  const inTitle = ms.filter((m) => m.start < titleEnd);
  if (inTitle.length) r += inTitle.every((m) => isBrokerMention(doc, m)) ? WEIGHTS.title / 3 : WEIGHTS.title;
  if (ms.some((m) => m.start >= doc.bodyStart && m.start < lead)) r += WEIGHTS.lead;
  r += WEIGHTS.frequency * Math.min(1, ms.length / Math.max(1, maxCount));
  if (ms.some((m) => m.start < lead && isSubjectPosition(doc, m))) r += WEIGHTS.subject;
  if (ms.some((m) => m.form === "cashtag" || m.form === "exchange" || m.form === "parenthesis")) r += WEIGHTS.explicit;
  return Math.round(Math.min(1, r) * 1000) / 1000;
}

function describe(doc: Doc, g: Group): string {
  const byText = new Map<string, { n: number; why: string; title: boolean }>();
  for (const m of g.mentions) {
    const e = byText.get(m.text) ?? { n: 0, why: m.why, title: false };
    e.n++;
    e.title ||= m.start < doc.title.length;
    byText.set(m.text, e);
  }
  return [...byText]
    .sort((a, b) => b[1].n - a[1].n)
    .slice(0, 5)
    .map(([text, e]) => `"${text}" (${e.why}${e.n > 1 ? `, ${e.n}×` : ""}${e.title ? ", in title" : ""})`)
    .join(" + ");
}

const isExplicit = (m: Accepted) => m.form !== "alias" && m.form !== "bare";

/**
 * Name mentions of a company whose share class is named explicitly ("Alphabet ($GOOG)") belong to that
 * class, not to the primary one.
 *
 * @example
 * mergeShareClasses(groups) // "Alphabet" joins GOOG when only $GOOG is explicit
 */
export function mergeShareClasses(groups: Map<string, Group>): void {
  const ciks = new Set<number>();
  let shared = false;
  for (const g of groups.values()) shared ||= ciks.size === ciks.add(g.security.cik).size;
  if (!shared) return;
  for (const [sym, g] of groups) {
    if (g.mentions.some(isExplicit)) continue;
    const sibling = [...groups.values()].find((o) => o !== g && o.security.cik === g.security.cik && o.mentions.some(isExplicit));
    if (!sibling) continue;
    sibling.mentions.push(...g.mentions);
    sibling.mentions.sort((a, b) => a.start - b.start);
    groups.delete(sym);
  }
}

/**
 * Builds the ticker links from accepted mentions, most relevant first.
 *
 * @example
 * const tickers = tickerLinks(doc, accepted, proxiesOf);
 * tickers[0] // { symbol: "AMZN", role: "subject", relevance: 0.9, reason: '"Amazon" (company name, 3×, in title) + …', … }
 */
export function tickerLinks(doc: Doc, accepted: Accepted[], proxyOf: (symbol: string, g: Group) => string | undefined): TickerLink[] {
  const groups = new Map<string, Group>();
  for (const a of accepted) {
    if (!a.security) continue;
    const g = groups.get(a.security.symbol) ?? { security: a.security, mentions: [] };
    g.mentions.push(a);
    groups.set(a.security.symbol, g);
  }
  for (const [sym, g] of groups) if (g.mentions.every((m) => m.pattern?.kind === "person")) groups.delete(sym);
  mergeShareClasses(groups);
  const maxCount = Math.max(0, ...[...groups.values()].map((g) => g.mentions.length));
  const scored = [...groups.values()].map((g) => ({ g, r: relevance(doc, g, maxCount) })).sort((a, b) => b.r - a.r || a.g.mentions[0]!.start - b.g.mentions[0]!.start);
  const lead = leadEnd(doc);
  const top = scored[0]?.r ?? 0;
  return scored.map(({ g, r }, i) => {
    const prominent = g.mentions.some((m) => m.start < lead && !isBrokerMention(doc, m));
    const proxyFor = proxyOf(g.security.symbol, g);
    let role: TickerRole = "mentioned";
    if (proxyFor) role = "proxy";
    else if (i === 0 && prominent) role = "subject";
    else if (prominent && r >= 0.6 * top) role = "counterparty";
    const reason = describe(doc, g) + (proxyFor ? `; listed proxy for ${proxyFor}, which the article is about` : "");
    return {
      symbol: g.security.symbol,
      name: g.security.name,
      exchange: g.security.exchange,
      relevance: r,
      role,
      sentiment: 0,
      mentions: g.mentions.slice(0, MAX_MENTIONS).map((m) => ({ text: m.text, start: m.start, end: m.end })),
      reason,
    };
  });
}
