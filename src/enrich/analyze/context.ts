/**
 * What the analysis templates need, read from the findings: display names, the main event with its
 * words and figures (always as written in the source), winners and losers, and the size of the move.
 */
import type { Entity, EnrichEvent, Impact, TickerLink } from "../../contract/enrichment.ts";
import type { Findings } from "../findings.ts";
import type { Doc } from "../normalize/normalize.ts";
import { rankEvents, type Scored } from "../impact/impact.ts";
import { joinAnd, partySignals } from "../impact/parties.ts";

export interface Party {
  symbol: string;
  /** "Amazon (AMZN)". */
  label: string;
  signal: number;
  why: string;
}

export interface Ctx {
  /** Template family of the main event ("takeover", "earnings_beat"…), "none" without one. */
  family: string;
  main: EnrichEvent | undefined;
  /** Whether any ticker was linked. */
  listed: boolean;
  /** The main subject: "Amazon (AMZN)", a private company, or "the market" for macro news. */
  subject: string;
  actor: string;
  target: string;
  /** A price target stated in the article ("$250"), or "". */
  priceTarget: string;
  /** The main event's amount as written ("$50 billion"), or "". */
  amount: string;
  /** The main event's named figures as written, e.g. [{ name: "eps_actual", text: "$1.30" }]. */
  figures: Array<{ name: string; text: string }>;
  winners: Party[];
  losers: Party[];
  /** Regulators and governments named in the article, most salient first. */
  authorities: string[];
  /** Private companies with listed proxies, e.g. OpenAI. */
  privates: Entity[];
  magnitude: "negligible" | "small" | "moderate" | "large" | "extreme";
  direction: Impact["direction"];
  horizon: Impact["horizon"];
  topics: string[];
  eventCount: number;
}

/**
 * The possessive of a label: "Amazon (AMZN)" → "Amazon's (AMZN)", "the market" → "the market's".
 *
 * @example
 * poss("Amazon (AMZN)") // "Amazon's (AMZN)"
 */
export function poss(label: string): string {
  const m = /^(.*?)( \([A-Z0-9.-]+\))$/.exec(label);
  const base = m ? m[1]! : label;
  const suffix = base.endsWith("s") ? "'" : "'s";
  return `${base}${suffix}${m ? m[2] : ""}`;
}

/**
 * "Amazon" for AMZN: the most used mention that looks like the company's name, else a tidied legal name.
 *
 * @example
 * displayName({ symbol: "AMZN", name: "AMAZON COM INC", mentions: [{ text: "Amazon", … }], … }) // "Amazon"
 */
export function displayName(t: TickerLink): string {
  const counts = new Map<string, number>();
  for (const m of t.mentions) if (m.text !== t.symbol && m.text.length > 1) counts.set(m.text, (counts.get(m.text) ?? 0) + 1);
  const stem = t.name.slice(0, 4).toLowerCase();
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const named = ranked.find(([w]) => w.toLowerCase().startsWith(stem)) ?? ranked[0];
  if (named) return named[0].replace(/['’]s$/, "");
  return tidyName(t.name) || t.symbol;
}

/**
 * A legal name made readable.
 *
 * @example
 * tidyName("AMAZON COM INC") // "Amazon"; tidyName("Apple Inc.") // "Apple"
 */
export function tidyName(name: string): string {
  const words = name.replace(/[.,]/g, " ").split(/\s+/).filter((w) => w && !/^(inc|corp|corporation|co|com|ltd|plc|llc|holdings?|group|the|class|[a-z])$/i.test(w));
  return words.map((w) => (w === w.toUpperCase() && w.length > 3 ? w[0] + w.slice(1).toLowerCase() : w)).join(" ");
}

function labelOf(t: TickerLink): string {
  return `${displayName(t)} (${t.symbol})`;
}

/** `labelOf`, each ticker's label made once per context. */
function labeller(): (t: TickerLink) => string {
  const labels = new Map<TickerLink, string>();
  return (t) => {
    let l = labels.get(t);
    if (l === undefined) labels.set(t, (l = labelOf(t)));
    return l;
  };
}

function parties(f: Findings, label: (t: TickerLink) => string, doc?: Pick<Doc, "sentences" | "bodyStart">): { winners: Party[]; losers: Party[] } {
  const signals = partySignals(f, doc);
  const all = f.linked.tickers.map((t) => ({ symbol: t.symbol, label: label(t), signal: signals.get(t.symbol)!.signal, why: joinAnd(signals.get(t.symbol)!.why) }));
  return {
    winners: all.filter((p) => p.signal >= 0.15).sort((a, b) => b.signal - a.signal),
    losers: all.filter((p) => p.signal <= -0.15).sort((a, b) => a.signal - b.signal),
  };
}

function nameOf(id: string | null, f: Findings, label: (t: TickerLink) => string): string | null {
  if (!id) return null;
  const t = f.linked.tickers.find((x) => x.symbol === id);
  return t ? label(t) : id;
}

function magnitudeOf(score: number): Ctx["magnitude"] {
  return score < 0.1 ? "negligible" : score < 0.3 ? "small" : score < 0.6 ? "moderate" : score < 0.85 ? "large" : "extreme";
}

/**
 * Builds the template context.
 *
 * @example
 * const c = context(findings, impact); c.family // "investment"; c.winners[0].symbol // "AMZN"
 */
export function context(f: Findings, impact: Impact, doc?: Pick<Doc, "sentences" | "bodyStart">): Ctx {
  const ranked: Scored[] = rankEvents(f.events, f.linked.tickers, doc);
  const main = ranked[0];
  const top = f.linked.tickers[0];
  const privates = f.linked.entities.filter((e) => e.type === "private_company").sort((a, b) => b.salience - a.salience);
  const macro = main && (main.rule.family === "rates" || main.rule.family === "macro");
  const label = labeller();
  const subject = top ? label(top) : macro ? "the market" : privates[0]?.name ?? f.linked.entities[0]?.name ?? "the companies involved";
  const ev = main?.event;
  const actor = nameOf(ev?.actor ?? null, f, label) ?? subject;
  const target = nameOf(ev?.target ?? null, f, label) ?? (f.linked.tickers[1] ? label(f.linked.tickers[1]) : "its counterparties");
  return {
    family: !top && !macro ? (privates.length ? "private" : "none") : (main?.rule.family ?? "none"),
    main: ev,
    listed: f.linked.tickers.length > 0,
    subject,
    actor,
    target,
    amount: ev?.amount?.text ?? "",
    priceTarget: f.events.find((e) => e.type === "price_target" && e.amount)?.amount?.text ?? (ev?.type === "rating_change" ? (ev.amount?.text ?? "") : ""),
    figures: ev?.figures.map((x) => ({ name: x.name, text: x.text })) ?? [],
    ...parties(f, label, doc),
    privates,
    authorities: f.linked.entities.filter((e) => e.type === "regulator" || e.type === "government").sort((a, b) => b.salience - a.salience).map((e) => e.name),
    magnitude: magnitudeOf(impact.score),
    direction: impact.direction,
    horizon: impact.horizon,
    topics: f.topics.map((t) => t.label),
    eventCount: f.events.length,
  };
}
