/**
 * Stage 6 — impact (DESIGN §4): how strongly the news should move the prices of the securities it is about,
 * beyond the market, over the next trading day.
 *
 * The prior is built in "normal days" (multiples of the stock's typical daily abnormal move): the main
 * event's typical move (severity table), scaled by how central the company is, the surprise in the figures,
 * the strength of the sentiment, the novelty of the story and the source. The move maps to the score with
 * `score = 1 − exp(−k·days)`, `k = ln 2 / 2`, so 2 normal days = 0.5. Each driver's contribution is the
 * change in the score when its factor is applied, in a fixed order, so the drivers add up to the score
 * exactly (in thousandths) and no clamping is needed: the map already lies in [0, 1).
 */
import type { Doc } from "../normalize/normalize.ts";
import type { Reference } from "../../reference/reference.ts";
import type { EnrichEvent, Impact, ImpactDriver, TickerLink } from "../../contract/enrichment.ts";
import type { Findings } from "../findings.ts";
import { MARKET_WIDE, NOTHING_DAYS, NO_EVENT_DAYS, SEVERITY_RULES, type SeverityRule } from "./severity.ts";
import { surprise } from "./surprise.ts";
import { partySignals } from "./parties.ts";
import { prominence } from "./prominence.ts";

export { prominence };

/** 2 normal days ↦ 0.5. */
export const K = Math.LN2 / 2;

interface Step {
  factor: string;
  /** Multiplier on the move (for the first step: the move itself, in normal days). */
  value: number;
  detail: string;
}

export interface Scored {
  event: EnrichEvent;
  rule: SeverityRule;
  days: number;
}

/**
 * Maps a move in normal days to the 0..1 score.
 *
 * @example
 * daysToScore(2) // 0.5
 */
export function daysToScore(days: number): number {
  return 1 - Math.exp(-K * Math.max(0, days));
}

function ruleFor(e: EnrichEvent, listed: ReadonlySet<string>): SeverityRule | undefined {
  const subtype = e.subtype ?? "";
  return SEVERITY_RULES.find((r) => {
    if (r.type !== e.type) return false;
    if (r.targetIsSubject === true && !listed.has(e.target ?? "")) return false;
    if (r.subtype && !r.subtype.test(subtype)) return false;
    if (r.words && !r.words.test(e.evidence.text)) return false;
    return !r.polarity || r.polarity === e.polarity;
  });
}

/**
 * The events ranked by their typical move (severity × whether they are about a linked ticker ×
 * confidence × prominence), one per event type (the strongest).
 *
 * @example
 * rankEvents(findings.events, findings.linked.tickers, doc)[0]?.rule.label // "takeover at a premium"
 */
export function rankEvents(events: EnrichEvent[], tickers: TickerLink[], doc?: Pick<Doc, "sentences" | "bodyStart">): Scored[] {
  const symbols = new Set(tickers.map((t) => t.symbol));
  const central = new Set(tickers.filter((t) => t.relevance >= 0.3).map((t) => t.symbol));
  const best = new Map<string, Scored>();
  for (const event of events) {
    const rule = ruleFor(event, central);
    if (!rule) continue;
    const about = MARKET_WIDE.has(event.type) || symbols.has(event.actor ?? "") || symbols.has(event.target ?? "");
    const days = rule.days * (about ? 1 : 0.5) * (0.5 + 0.5 * event.confidence) * prominence(doc, event);
    const cur = best.get(event.type);
    if (!cur || days > cur.days) best.set(event.type, { event, rule, days });
  }
  return [...best.values()].sort((a, b) => b.days - a.days);
}

function severityStep(scored: Scored[], tickers: TickerLink[]): Step {
  const [first, second, third] = scored;
  if (!first) {
    return tickers.length > 0
      ? { factor: "event severity", value: NO_EVENT_DAYS, detail: "no market-moving event found: ordinary company news" }
      : { factor: "event severity", value: NOTHING_DAYS, detail: "no market-moving event and no listed company" };
  }
  const days = first.days + 0.25 * (second?.days ?? 0) + 0.1 * (third?.days ?? 0);
  const more = [...new Set(scored.slice(1, 3).map((s) => s.rule.label))];
  const others = more.length ? ` plus ${more.join(", ")}` : "";
  return { factor: "event severity", value: days, detail: `${first.rule.label} (typically ~${first.rule.days}× a normal day's move)${others}` };
}

/** The linked tickers the main event is about (its actor or target), else the most relevant one. */
function focus(main: Scored | undefined, tickers: TickerLink[]): TickerLink | undefined {
  const parties = main ? tickers.filter((t) => t.symbol === main.event.actor || t.symbol === main.event.target) : [];
  return parties.sort((a, b) => b.relevance - a.relevance)[0] ?? tickers[0];
}

function centralityStep(main: Scored | undefined, tickers: TickerLink[]): Step {
  if (main && MARKET_WIDE.has(main.event.type)) return { factor: "centrality", value: 1, detail: "market-wide event: moves every listed stock" };
  const top = focus(main, tickers);
  if (!top) return { factor: "centrality", value: 0.3, detail: "no listed company linked" };
  const r = top.relevance;
  return { factor: "centrality", value: 0.4 + 0.6 * r, detail: `${top.symbol} is the ${top.role} (relevance ${r.toFixed(2)})` };
}

/** The strongest tone about a central ticker (relevance ≥ 0.5), else the article's. */
function sentimentStep(main: Scored | undefined, f: Findings): Step {
  const central = f.linked.tickers.filter((t) => t.relevance >= 0.5);
  const strongest = central.sort((a, b) => Math.abs(b.sentiment) - Math.abs(a.sentiment))[0];
  const top = strongest && strongest.sentiment !== 0 ? strongest : focus(main, f.linked.tickers);
  const s = top ? top.sentiment : f.sentiment.article.score;
  const who = top ? `${top.symbol} sentiment` : "article sentiment";
  const a = Math.abs(s);
  const why = a < 0.1 ? "neutral tone damps the move" : a < 0.3 ? "moderate tone" : "strong tone amplifies the move";
  return { factor: "sentiment strength", value: Math.min(1.35, 0.85 + 0.5 * a), detail: `${who} ${s >= 0 ? "+" : ""}${s.toFixed(2)}: ${why}` };
}

function noveltyStep(f: Findings): Step {
  const n = f.story.novelty;
  const detail = n >= 0.99 ? "first report of this story" : `story seen ${f.story.size}× already (novelty ${n.toFixed(2)})`;
  return { factor: "novelty", value: 0.2 + 0.8 * n, detail };
}

const WIRE = /businesswire|prnewswire|globenewswire|accesswire|press release/i;

function sourceStep(doc: Doc): Step | null {
  if (!doc.source || !WIRE.test(doc.source)) return null;
  return { factor: "source", value: 0.9, detail: `${doc.source}: company press release, usually priced in faster` };
}

function direction(main: Scored | undefined, f: Findings, doc: Doc): Impact["direction"] {
  if (f.linked.tickers.length === 0 && !(main && MARKET_WIDE.has(main.event.type))) return "neutral";
  const signals = partySignals(f, doc);
  const strong = f.linked.tickers.filter((t) => t.relevance >= 0.3).map((t) => signals.get(t.symbol)!.signal);
  const up = strong.some((s) => s >= 0.15);
  const down = strong.some((s) => s <= -0.15);
  if (up && down) return "mixed";
  const e = main ? ({ positive: 1, negative: -1, neutral: 0 } as const)[main.event.polarity] : 0;
  const sv = strong.length ? strong.reduce((a, b) => (Math.abs(b) > Math.abs(a) ? b : a), 0) : f.sentiment.article.score;
  const s = sv >= 0.15 ? 1 : sv <= -0.15 ? -1 : 0;
  if (e !== 0 && s !== 0 && e !== s) return "mixed";
  const sign = e || s;
  return sign > 0 ? "positive" : sign < 0 ? "negative" : "neutral";
}

/** Applies the steps in order and turns each into an additive driver, in thousandths. */
function attribute(steps: Step[]): { score: number; drivers: ImpactDriver[] } {
  let days = 0;
  let prev = 0;
  const drivers: ImpactDriver[] = [];
  steps.forEach((step, i) => {
    days = i === 0 ? step.value : days * step.value;
    const milli = Math.round(daysToScore(days) * 1000);
    drivers.push({ factor: step.factor, contribution: (milli - prev) / 1000, detail: step.detail });
    prev = milli;
  });
  return { score: prev / 1000, drivers };
}

/**
 * Scores the market impact of an article from what the earlier stages found.
 *
 * @example
 * const impact = scoreImpact(doc, ref, findings);
 * impact.drivers.reduce((s, d) => s + d.contribution, 0) // ≈ impact.score (±0.001)
 */
export function scoreImpact(doc: Doc, _ref: Reference, f: Findings): Impact {
  const tickers = f.linked.tickers;
  const scored = rankEvents(f.events, tickers, doc);
  const main = scored[0];
  const steps: Step[] = [severityStep(scored, tickers), centralityStep(main, tickers)];
  const s = main ? surprise(main.event, doc.text) : null;
  if (s) steps.push({ factor: "surprise", value: s.factor, detail: s.detail });
  steps.push(sentimentStep(main, f), noveltyStep(f));
  const src = sourceStep(doc);
  if (src) steps.push(src);
  const { score, drivers } = attribute(steps);
  return { score, direction: direction(main, f, doc), horizon: main?.rule.horizon ?? "1d", drivers };
}
