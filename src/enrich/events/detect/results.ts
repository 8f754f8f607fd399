/**
 * Earnings (beat / miss / in line, with EPS and revenue against estimates), guidance (raise / cut /
 * reaffirm / withdraw / initial) and analyst actions (rating changes, price targets).
 */
import type { Figure } from "../../figures/figures.ts";
import { absolute, isEstimate, near, speculative, type Detector, type Draft, type SentenceCtx } from "../context.ts";

const BEAT = /\b(?:beat|beats|beating|topped|tops|top|topping|exceeded|exceeds|exceeding|surpassed|surpasses|surpassing|outpaced|outpacing|outstripped|came in (?:well )?above|ahead of|above|better than|better-than-expected|stronger-than-expected|higher-than-expected|higher than expected)\b(?:[^.;]{0,60}?\b(?:estimates?|expectations?|consensus|forecasts?|projections?|views?|expected)\b)?/i;
const MISS = /\b(?:missed|misses|miss|missing|fell short of|falls short of|short of|came in (?:well )?below|trailed|trailing|lagged|lagging|below|worse than|worse-than-expected|weaker-than-expected|weaker than|lower-than-expected)\b(?:[^.;]{0,60}?\b(?:estimates?|expectations?|consensus|forecasts?|projections?|views?|expected)\b)?/i;
const INLINE = /\bin line with\b[^.;]{0,40}?\b(?:estimates?|expectations?|consensus|forecasts?)\b/i;
const EXPECTATION = /\b(?:estimates?|expectations?|consensus|forecasts?|projections?|expected|views?)\b/i;
const RESULT_WORD = /\b(?:earnings|earned|results|profit|revenue|sales|eps|per share|a share|quarter|quarterly|net income|loss|ebitda|bookings)\b/i;
const NEGATED = /\b(?:not|n't|failed to|fail to|fails to|no)\s+(?:\w+\s+)?$/i;
const LOSS_BEFORE = /\b(?:loss|losses)\s+(?:of\s+)?(?:about\s+|nearly\s+)?$/i;
const RESULT_VERB = /\b(?:reported|reports|posted|posts|earned|delivered|came in|recorded|generated|had)\b/i;
const REPORTED = /\b(?:reported|posted|announced|delivered|recorded)\b[^.;]{0,50}?\b(?:quarterly|first-quarter|second-quarter|third-quarter|fourth-quarter|full-year|annual|q[1-4])\b[^.;]{0,30}?\b(?:earnings|results|profit|revenue|sales|net income|loss)\b/i;

function earningsFigures(ctx: SentenceCtx): Draft["figures"] {
  const out: Draft["figures"] = [];
  const text = ctx.doc.text;
  const perShare = /\b(?:eps|per share|a share|per diluted share)\b/i.test(ctx.text);
  for (const raw of ctx.figures()) {
    const est = isEstimate(text, raw);
    // "a loss of 2 cents a share" is −0.02.
    const f = raw.kind === "money" && raw.value > 0 && LOSS_BEFORE.test(text.slice(Math.max(0, raw.start - 30), raw.start)) ? { ...raw, value: -raw.value } : raw;
    if (f.kind === "money" && (f.unit === "per_share" || (perShare && Math.abs(f.value) < 100))) out.push({ name: est ? "eps_estimate" : "eps_actual", figure: f.unit === "per_share" ? f : { ...f, unit: "per_share" } });
    else if (f.kind === "money" && Math.abs(f.value) >= 1e6) {
      const what = near(text, f, /\b(?:net income|profit|earnings|net loss|loss)\b/i, 40, 0) && !near(text, f, /\b(?:revenue|sales)\b/i, 30, 0) ? "net_income" : "revenue";
      out.push({ name: `${what}_${est ? "estimate" : "actual"}`, figure: f });
    } else if (f.kind === "percent" && near(text, f, /\b(?:revenue|sales|growth|grew|rose|increase)\b/i, 40, 20)) out.push({ name: "growth", figure: f });
  }
  return out;
}

function surpriseSubtype(figs: Draft["figures"]): "beat" | "miss" | "inline" | null {
  for (const k of ["eps", "revenue"]) {
    const a = figs.find((f) => f.name === `${k}_actual`)?.figure.value;
    const e = figs.find((f) => f.name === `${k}_estimate`)?.figure.value;
    if (a === undefined || e === undefined) continue;
    if (Math.abs(a - e) <= Math.abs(e) * 0.005) return "inline";
    return a > e ? "beat" : "miss";
  }
  return null;
}

/** An analyst revising an estimate, or a company forecasting: not results. */
const NOT_RESULTS = /\b(?:expected|expects|expect) to earn\b|\b(?:earnings|profit|revenue) (?:target|goal|forecast) of\b|\b(?:raised|lowered|cut|trimmed|boosted|lifted|reduced)\s+(?:his|her|their|its|the)?\s*(?:\w+\s+){0,2}?(?:estimates?|forecasts?)\b|\b(?:forecasts?|forecasted|expects?|projects?|projected|sees|guided|anticipates?)\s+(?:\w+\s+){0,3}?(?:revenue|sales|earnings|profit|eps)\b/i;

/**
 * Earnings against expectations.
 *
 * @example
 * earnings(ctx("Microsoft earned $3.30 a share, topping the $3.10 analysts expected.")) // [{ type: "earnings", subtype: "beat" }]
 */
export const earnings: Detector = (ctx) => {
  const t = ctx.text;
  if (!RESULT_WORD.test(t) && !/\b(?:beat|miss)/i.test(t)) return [];
  // Cheap matches first: most sentences stop here, before any figure is read.
  const inline = INLINE.exec(t);
  const b = inline ? null : BEAT.exec(t);
  const mi = inline ? null : MISS.exec(t);
  const verb = RESULT_VERB.exec(t);
  if (!inline && !b && !mi && !verb) return [];
  if (NOT_RESULTS.test(t) || FORECAST_VS.test(t)) return [];
  // "the labor market held up better than economists expected" is the economy, not a company's results.
  if (/\b(?:economists?|economy|labou?r market|payrolls|inflation|gdp)\b/i.test(t)) return [];
  // The figures are read only once the sentence can still give an event (most stop before).
  let figsRead: Draft["figures"] | undefined;
  const figsOf = () => (figsRead ??= earningsFigures(ctx));
  let subtype: string | null = null;
  let m: RegExpExecArray | null = null;
  if ((m = inline)) subtype = "inline";
  else {
    const hasExpect = EXPECTATION.test(t);
    const pick = b && mi ? (b.index <= mi.index ? b : mi) : (b ?? mi);
    if (pick && hasExpect) {
      m = pick;
      subtype = pick === b ? "beat" : "miss";
      if (NEGATED.test(t.slice(Math.max(0, pick.index - 20), pick.index))) subtype = subtype === "beat" ? "miss" : "beat";
    }
  }
  const fromFigures = verb && !GUIDANCE.test(t) ? surpriseSubtype(figsOf()) : null;
  if (!subtype && fromFigures) {
    subtype = fromFigures;
    m = verb;
  }
  // A guidance sentence ("cut its revenue forecast to $51 billion") is not a results sentence.
  if (subtype && subtype !== "inline" && GUIDANCE.test(t) && !RESULT_VERB.test(t)) return [];
  if (!subtype) {
    const r = REPORTED.exec(t);
    if (!r) return [];
    m = r;
    subtype = "reported";
  }
  const figs = figsOf();
  const at = m ? absolute(ctx, m) : ctx.span.start;
  const polarity = subtype === "beat" ? "positive" : subtype === "miss" ? "negative" : "neutral";
  let confidence = subtype === "reported" ? 0.45 : 0.7;
  if (figs.length > 0) confidence += 0.15;
  if (fromFigures && fromFigures === subtype) confidence += 0.1;
  const amount = figs.find((f) => f.name === "eps_actual")?.figure ?? figs.find((f) => f.name === "revenue_actual")?.figure;
  return [{ type: "earnings", subtype, at, figures: figs, ...(amount ? { amount } : {}), polarity, confidence: Math.min(0.95, confidence) }];
};

const GUIDANCE = /\b(raised|raises|raising|lifted|lifts|boosted|boosts|increased|increases|upped|hiked|cut|cuts|cutting|lowered|lowers|lowering|slashed|slashes|trimmed|trims|reduced|reduces|reaffirmed|reaffirms|reiterated|reiterates|maintained|maintains|affirmed|withdrew|withdraws|withdrawn|suspended|pulled|issued|gave|provided|initiated)\b((?:\s+[\w-]+){0,6}?)\s+(guidance|outlook|forecasts?|targets?|projections?|view)\b/i;
const FORECAST_VS = /\b(?:forecast|projected|expects?|sees|guided)\b[^.;]{0,60}?\b(above|below|ahead of|short of|in line with)\b[^.;]{0,30}?\b(?:estimates|expectations|consensus)/i;

function guidanceSubtype(verb: string): string {
  const v = verb.toLowerCase();
  if (/^(?:rais|lift|boost|increas|upp|hik)/.test(v)) return "raise";
  if (/^(?:cut|lower|slash|trim|reduc)/.test(v)) return "cut";
  if (/^(?:withdr|suspend|pull)/.test(v)) return "withdraw";
  if (/^(?:issu|gave|provid|initiat)/.test(v)) return "initial";
  return "reaffirm";
}

const GUIDANCE_FOLLOW = /\b(?:now\s+)?(?:expects?|sees|forecasts?|projects?|guidance|outlook)\b/i;
const PRIOR_BEFORE = /\bfrom\s+(?:its\s+|the\s+|an?\s+)?(?:earlier|prior|previous|initial|old)?\s*(?:forecast|guidance|outlook|view|range|target|estimate)?\s*(?:of\s+)?(?:about\s+|roughly\s+)?$/i;
const PRICE_MOVE_BEFORE = /\b(?:shares?|stock|slid|slide|slides|fell|falls|rose|rises|jumped|jumps|dropped|drops|gained|gains|climbed|plunged|plunges|tumbled|sank|soared|surged|down|up)\b[^.;$\d]{0,20}$/i;
const RANGE_GAP = /^\s*(?:to|-|–|and)\s*$/;

/** Names guidance figures: the new range, the prior one ("from …") and the market's ("analysts expected …"). */
function guidanceFigures(text: string, figs: readonly Figure[]): Draft["figures"] {
  const out: Draft["figures"] = [];
  let last: { name: string; end: number } | undefined;
  for (const f of figs) {
    // Only figures after the guidance words ("… costs rose $800 million, and it cut its forecast" has none).
    if (f.kind === "year" || f.kind === "number") continue;
    const before = text.slice(Math.max(0, f.start - 45), f.start);
    // "…; shares slide 8%" is the stock's move, not guidance.
    if (PRICE_MOVE_BEFORE.test(before)) continue;
    let name = isEstimate(text, f, true) ? "consensus" : PRIOR_BEFORE.test(before) ? "prior" : "new";
    // The high end of a range takes the name of its low end ("from $20 to $21").
    if (last && name === "new" && RANGE_GAP.test(text.slice(last.end, f.start))) name = last.name;
    out.push({ name: `guidance_${name}`, figure: f });
    last = { name, end: f.end };
  }
  return out;
}

/**
 * Company guidance changes.
 *
 * @example
 * guidance(ctx("Nike raised its revenue forecast to $52 billion from $50 billion.")) // [{ type: "guidance", subtype: "raise" }]
 */
export const guidance: Detector = (ctx) => {
  const t = ctx.text;
  // An analyst's own forecast ("cut his forecast for deliveries") is not company guidance.
  if (/\b(?:his|her|their)\s+(?:\w+\s+){0,2}?(?:forecasts?|estimates?|outlook|targets?)\b/i.test(t)) return [];
  const m = GUIDANCE.exec(t);
  let subtype: string;
  let at: number;
  if (m && !/price\s*$/i.test(m[2] ?? "") && !/\b(?:price|rate|emissions?|headcount)\b/i.test(m[2] ?? "")) {
    subtype = guidanceSubtype(m[1]!);
    at = absolute(ctx, m);
  } else {
    const v = FORECAST_VS.exec(t);
    if (!v) return [];
    subtype = /above|ahead/i.test(v[1]!) ? "raise" : /below|short/i.test(v[1]!) ? "cut" : "reaffirm";
    at = absolute(ctx, v);
  }
  let figures = guidanceFigures(ctx.doc.text, ctx.figures().filter((f) => f.start >= at));
  // "… lowered its forecast. It now expects $17.90 to $18.90 a share, down from $20 to $21.": the next sentence.
  if (figures.length === 0) {
    const next = ctx.doc.sentences[ctx.s + 1];
    const nextText = next ? ctx.doc.text.slice(next.start, next.end) : "";
    // Not a results sentence ("reported EPS of $1.06, beating…"): its figures are not guidance.
    if (next && GUIDANCE_FOLLOW.test(nextText) && !RESULT_VERB.test(nextText) && !BEAT.test(nextText)) figures = guidanceFigures(ctx.doc.text, ctx.nextFigures(1));
  }
  const polarity = subtype === "raise" ? "positive" : subtype === "cut" || subtype === "withdraw" ? "negative" : "neutral";
  const amount = figures.find((f) => f.name === "guidance_new")?.figure;
  return [{ type: "guidance", subtype, at, figures, ...(amount ? { amount } : {}), polarity, confidence: (figures.length ? 0.85 : 0.72) * (speculative(t) ? 0.8 : 1) }];
};

const RATINGS = String.raw`strong buy|buy|outperform|overweight|accumulate|add|positive|market perform|sector perform|peer perform|sector weight|equal[- ]weight|market weight|neutral|hold|in-line|in line|underperform|underweight|reduce|sell|negative|strong sell`;
const TO_RATING = new RegExp(String.raw`\bto\s+(?:an?\s+)?["“]?(${RATINGS})\b`, "i");
const FROM_RATING = new RegExp(String.raw`\bfrom\s+(?:an?\s+)?["“]?(${RATINGS})\b`, "i");
const WITH_RATING = new RegExp(String.raw`\b(?:with|at)\s+(?:an?\s+)?["“]?(${RATINGS})["”]?\s+rating`, "i");
const RATING_VERB = /\b(upgraded|upgrades(?! cycle)|upgrade(?! cycle)|upgrading|downgraded|downgrades|downgrade|downgrading|initiated|initiates|began|starts|started|resumed|reiterated|reiterates|maintained|maintains)\b/i;
const PRICE_TARGET = /\b(?:price target|price objective|target price|pt)\b/i;
const PT_VERB = /\b(raised|raises|lifted|lifts|boosted|increased|hiked|cut|cuts|lowered|lowers|slashed|trimmed|reduced|set|sets|maintained|reiterated)\b[^.;]{0,60}?\b(?:price target|price objective|target price)/i;
const RANK: Record<string, number> = { "strong buy": 5, buy: 4, outperform: 4, overweight: 4, accumulate: 4, add: 4, positive: 4, "market perform": 3, "sector perform": 3, "peer perform": 3, "sector weight": 3, "equal weight": 3, "equal-weight": 3, "market weight": 3, neutral: 3, hold: 3, "in-line": 3, "in line": 3, underperform: 2, underweight: 2, reduce: 2, sell: 1, negative: 2, "strong sell": 1 };

function priceTargets(ctx: SentenceCtx): Draft["figures"] {
  const out: Draft["figures"] = [];
  const text = ctx.doc.text;
  for (const f of ctx.figures()) {
    if (f.kind !== "money") continue;
    const before = text.slice(Math.max(ctx.span.start, f.start - 14), f.start);
    out.push({ name: /\bfrom\s+$/i.test(before) ? "price_target_prior" : "price_target", figure: f });
  }
  return out;
}

const RATING_CONTEXT = /\b(?:rating|analysts?|price target|coverage|brokerage|stock|shares|recommendation)\b/i;
const NOUN_TO_RATING = new RegExp(String.raw`^\w+\s+(?:\w+\s+){0,3}?to\s+(?:an?\s+)?["“]?(?:${RATINGS})\b`, "i");
const BROKER_BEFORE = /((?:[A-Z][\w&.'’-]*|&)(?:\s+(?:[A-Z][\w&.'’-]*|&|de|of))*)\s*(?:analysts?\s+)?(?:on\s+\w+\s+)?$/;
const AT_BROKER = /\bat\s+((?:[A-Z][\w&.'’-]*)(?:\s+(?:[A-Z][\w&.'’-]*|&))*)/;
const BY_BROKER = /\bby\s+((?:[A-Z][\w&.'’-]*)(?:\s+(?:[A-Z][\w&.'’-]*|&))*)/;

/** Whether a linked party is named within a few words after the verb ("upgraded AMD"). */
function partyNear(ctx: SentenceCtx, verb: RegExpExecArray): boolean {
  const from = ctx.span.start + verb.index + verb[0].length;
  return ctx.parties.all.some((p) => p.start >= from && p.start <= from + 25);
}

/**
 * The broker acts, the rated company is the target: "Needham & Co. downgraded Tesla", "AMD was upgraded
 * by Wedbush" (the broker, linked or not, is the capitalised name before the verb or after "by").
 */
function brokerRoles(ctx: SentenceCtx, verb: RegExpExecArray, d: Draft): void {
  const t = ctx.text;
  const vStart = ctx.span.start + verb.index;
  // "was upgraded … by Wedbush", and the headline form "AMD upgraded to outperform at Wedbush".
  const headline = /^\s+to\b[^.;]*?\b(?:by|at)\s+[A-Z]/.test(t.slice(verb.index + verb[0].length));
  const passive = headline || /\b(?:was|were|been|is|being)\s+$/i.test(t.slice(Math.max(0, verb.index - 10), verb.index));
  const nameAt = (name: string, offset: number) => ctx.parties.all.find((p) => p.start >= offset && p.start < offset + name.length)?.id ?? name.replace(/[.,]+$/, (m) => (/Co\.$|Inc\.$/.test(name) ? m : ""));
  if (passive) {
    const by = BY_BROKER.exec(t.slice(verb.index)) ?? AT_BROKER.exec(t.slice(verb.index));
    if (by) d.actor = nameAt(by[1]!, vStart + by.index + by[0].length - by[1]!.length);
    d.target = ctx.parties.all.filter((p) => p.end <= vStart && p.start >= ctx.span.start && p.type !== "person").at(-1)?.id ?? null;
    return;
  }
  const before = BROKER_BEFORE.exec(t.slice(0, verb.index));
  const name = before?.[1]?.trim();
  if (name && !/^(?:The|It|He|She|They|Analysts?)$/.test(name)) d.actor = nameAt(name, ctx.span.start + before!.index);
  const after = ctx.parties.all.find((p) => p.start >= vStart + verb[0].length && p.end <= ctx.span.end && p.type !== "person");
  if (after && after.id !== d.actor) d.target = after.id;
}

/**
 * Analyst rating changes and price-target moves.
 *
 * @example
 * analystAction(ctx("Goldman Sachs downgraded Boeing to sell from neutral.")) // [{ type: "rating_change", subtype: "downgrade", from: "neutral", to: "sell" }]
 */
export const analystAction: Detector = (ctx) => {
  const t = ctx.text;
  const verb = RATING_VERB.exec(t);
  const to = TO_RATING.exec(t) ?? WITH_RATING.exec(t);
  const hasPt = PRICE_TARGET.test(t);
  if (!verb && !hasPt) return [];
  const figures = hasPt ? priceTargets(ctx) : [];
  const amount = figures.find((f) => f.name === "price_target")?.figure;
  const from = FROM_RATING.exec(t)?.[1]?.toLowerCase();
  // "upgraded" / "downgrades" act on their own; the noun "an upgrade" needs a rating ("to buy") beside it.
  const context = to !== null || FROM_RATING.test(t) || RATING_CONTEXT.test(t);
  // "upgraded"/"downgrades" need some rating context ("the upgraded assistant" is a product); the noun
  // "a downgrade" needs its rating right after it ("a downgrade to sell").
  const graded = verb !== null && ((/grad(?:ed|es|ing)$/i.test(verb[1]!) && (context || partyNear(ctx, verb))) || (/grade$/i.test(verb[1]!) && NOUN_TO_RATING.test(t.slice(verb.index))));
  if (verb && (graded || (to && /\b(?:rating|coverage|analysts?|stance|recommendation)\b/i.test(t)))) {
    const v = verb[1]!.toLowerCase();
    let subtype = v.startsWith("up") ? "upgrade" : v.startsWith("down") ? "downgrade" : /^(?:init|began|start|resum)/.test(v) ? "initiate" : "reiterate";
    const toR = to?.[1]?.toLowerCase();
    if (subtype === "reiterate" && from && toR && RANK[from] !== RANK[toR]) subtype = RANK[toR]! > RANK[from]! ? "upgrade" : "downgrade";
    const polarity = subtype === "upgrade" ? "positive" : subtype === "downgrade" ? "negative" : toR && RANK[toR]! >= 4 ? "positive" : toR && RANK[toR]! <= 2 ? "negative" : "neutral";
    const d: Draft = { type: "rating_change", subtype, at: absolute(ctx, verb), figures, polarity, confidence: (to ? 0.88 : 0.75) * (speculative(t) ? 0.6 : 1) };
    brokerRoles(ctx, verb, d);
    if (from) d.from = from;
    if (toR) d.to = toR;
    if (amount) d.amount = amount;
    return [d];
  }
  const pv = PT_VERB.exec(t);
  if (!hasPt || (!pv && !amount)) return [];
  const v = pv?.[1]?.toLowerCase() ?? "set";
  const subtype = /^(?:rais|lift|boost|increas|hik)/.test(v) ? "raise" : /^(?:cut|lower|slash|trim|reduc)/.test(v) ? "cut" : "set";
  const prior = figures.find((f) => f.name === "price_target_prior")?.figure;
  const finalSub = subtype === "set" && amount && prior ? (amount.value > prior.value ? "raise" : "cut") : subtype;
  const polarity = finalSub === "raise" ? "positive" : finalSub === "cut" ? "negative" : "neutral";
  const d: Draft = { type: "price_target", subtype: finalSub, at: ctx.span.start + (pv?.index ?? t.search(PRICE_TARGET)), figures, polarity, confidence: amount ? 0.85 : 0.65 };
  if (pv) brokerRoles(ctx, pv, d);
  if (prior) d.from = prior.text;
  if (amount) {
    d.amount = amount;
    d.to = amount.text;
  }
  return [d];
};
