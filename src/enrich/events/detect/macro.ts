/**
 * Macro events: central-bank rate decisions (hike / cut / hold, with the move in basis points and the
 * new rate) and economic data releases (inflation, jobs, GDP…, with the reading).
 */
import { canonicalBody } from "../actors.ts";
import { absolute, near, type Detector, type Draft } from "../context.ts";

const BANKS = String.raw`Federal Reserve|Fed|FOMC|ECB|European Central Bank|Bank of England|BoE|Bank of Japan|BOJ|BoJ|Bank of Canada|Reserve Bank of (?:Australia|India|New Zealand)|RBA|RBI|Swiss National Bank|SNB|People's Bank of China|PBOC|PBoC|central bank|Riksbank|Norges Bank`;
const DECISION = new RegExp(String.raw`\b(${BANKS})\b[^.;]{0,100}?\b(raised|raises|hiked|hikes|increased|increases|cut|cuts|lowered|lowers|reduced|reduces|held|holds|kept|keeps|left|leaves|maintained|maintains|paused|pauses|unchanged)\b[^.;]{0,60}?\b(?:rates?|borrowing costs|benchmark|policy rate|federal funds|deposit rate|bank rate)\b`, "i");
const NOUN = new RegExp(String.raw`\b(${BANKS})(?:'s|’s)?\b[^.;]{0,60}?\b(rate (?:cut|hike|increase|reduction)|decision to (?:hold|cut|raise))\b`, "i");

function direction(word: string): "hike" | "cut" | "hold" {
  const w = word.toLowerCase();
  if (/^(?:rais|hik|increas|hike)/.test(w) || /hike|increase/.test(w)) return "hike";
  if (/^(?:cut|lower|reduc)/.test(w) || /cut|reduction/.test(w)) return "cut";
  return "hold";
}

/**
 * Central-bank rate decisions.
 *
 * @example
 * rateDecision(ctx("The ECB raised interest rates by 25 basis points.")) // [{ type: "rate_decision", subtype: "hike" }]
 */
export const rateDecision: Detector = (ctx) => {
  const t = ctx.text;
  const m = DECISION.exec(t);
  const n = m ? null : NOUN.exec(t);
  if (!m && !n) return [];
  // "expectations that the Fed will start cutting" is a forecast, not a decision.
  if (/\b(?:expect\w*|will|would|could|may|might|likely|bets?|traders|forecast\w*|if)\b/i.test(t.slice(0, (m ?? n)!.index + (m ?? n)![0].length)) && !/\b(?:on (?:Monday|Tuesday|Wednesday|Thursday|Friday)|today|yesterday)\b/i.test(t)) return [];
  const bank = canonicalBody((m ?? n)![1]!, ctx.parties, absolute(ctx, (m ?? n)!));
  const subtype = direction((m ?? n)![2]!);
  const figures: Draft["figures"] = [];
  const text = ctx.doc.text;
  for (const f of ctx.figures()) {
    if (f.kind === "bps" || (f.kind === "percent" && f.unit === "pp")) figures.push({ name: "change", figure: f });
    else if (f.kind === "percent" && near(text, f, /\b(?:range|to|at|of)\s*$/i, 12, 0)) figures.push({ name: "rate", figure: f });
    else if (f.kind === "percent") figures.push({ name: "rate", figure: f });
  }
  const amount = figures.find((f) => f.name === "change")?.figure;
  return [{ type: "rate_decision", subtype, at: absolute(ctx, (m ?? n)!), actor: bank, target: null, figures, ...(amount ? { amount } : {}), polarity: "neutral", confidence: m ? 0.88 : 0.72 }];
};

const INDICATOR = /\b(consumer price index|CPI|core inflation|inflation|producer price index|PPI|PCE|gross domestic product|GDP|nonfarm payrolls|payrolls|unemployment rate|jobless claims|retail sales|PMI|purchasing managers'? index|industrial production|housing starts|consumer confidence|consumer sentiment|trade deficit|durable goods orders)\b/i;
const MOVE = /\b(rose|rises|fell|falls|increased|decreased|climbed|dropped|accelerated|slowed|eased|cooled|jumped|grew|expanded|contracted|shrank|was|were|came in|added|unchanged|ticked (?:up|down)|edged (?:up|down)|surged|slumped|declined|held)\b/i;

/**
 * Economic data releases.
 *
 * @example
 * macroData(ctx("Nonfarm payrolls rose by 275,000 in February.")) // [{ type: "macro_data", subtype: "nonfarm payrolls:up" }]
 */
export const macroData: Detector = (ctx) => {
  const t = ctx.text;
  const ind = INDICATOR.exec(t);
  if (!ind) return [];
  const move = MOVE.exec(t.slice(ind.index));
  if (!move || move.index > 90) return [];
  const figs = ctx.figures().filter((f) => f.kind !== "year");
  if (figs.length === 0) return [];
  const w = move[1]!.toLowerCase();
  const subtype = /rose|rise|increas|climb|accelerat|jump|grew|expand|up|surg|added/.test(w) ? "up" : /fell|fall|decreas|drop|slow|eas|cool|contract|shrank|down|slump|declin/.test(w) ? "down" : "flat";
  const figures: Draft["figures"] = figs.map((f) => ({ name: ctx.doc.text.slice(Math.max(0, f.start - 30), f.start).match(/\b(?:expected|forecast|estimate|consensus|economists)\b/i) ? "consensus" : "reading", figure: f }));
  const amount = figures.find((f) => f.name === "reading")?.figure;
  return [{ type: "macro_data", subtype: `${ind[1]!.toLowerCase()}:${subtype}`, at: absolute(ctx, ind), actor: null, target: null, figures, ...(amount ? { amount } : {}), polarity: "neutral", confidence: 0.75 }];
};
