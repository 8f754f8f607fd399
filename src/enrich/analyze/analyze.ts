/**
 * Stage 8 — analyze: a heuristic analyst note built from the findings (events, figures, tickers,
 * sentiment, topics, impact), worded with templates per event family. It re-uses only names and
 * figures read from the article, and is deterministic: the same findings give the same note.
 */
import type { Doc } from "../normalize/normalize.ts";
import type { Reference } from "../../reference/reference.ts";
import type { Analysis, Impact } from "../../contract/enrichment.ts";
import type { Findings } from "../findings.ts";
import { ENGINE_VERSION } from "../../core/version.ts";
import { context, type Ctx, type Party } from "./context.ts";
import { CORPORATE, type Template } from "./templates.ts";
import { MORE } from "./templates-more.ts";
import { MARKET, TOPIC_LINES } from "./templates-market.ts";

const TEMPLATES: Record<string, Template> = { ...CORPORATE, ...MORE, ...MARKET };

const HORIZON_WORDS: Record<Impact["horizon"], string> = {
  intraday: "Within the session",
  "1d": "Into the next trading day",
  "1w": "Over the coming week",
  "1m": "Over the coming month",
};

function list(parties: Party[]): string {
  const names = parties.map((p) => p.label);
  return names.length <= 1 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

function gainsAndLosses(c: Ctx, t: Template): string {
  const parts: string[] = [];
  const proxyOf = (p: Party) => c.privates.find((e) => e.proxies?.includes(p.symbol));
  const line = (p: Party, side: "gains" | "loses") => {
    const proxy = proxyOf(p);
    const via = proxy ? ` as a listed proxy for ${proxy.name}` : "";
    return `${p.label} ${side}${via}${p.why ? `: ${p.why}` : ""}.`;
  };
  for (const p of c.winners.slice(0, 3)) parts.push(line(p, "gains"));
  for (const p of c.losers.slice(0, 3)) parts.push(line(p, "loses"));
  if (parts.length === 0 && t.sides) parts.push(t.sides(c));
  if (parts.length === 0) parts.push(`No listed company stands out as a clear winner or loser: the article's tone is balanced and its events do not favour one side.`);
  const parties = [c.main?.actor, c.main?.target];
  const privates = c.privates.filter((e) => (e.proxies?.length ?? 0) > 0 || parties.includes(e.name));
  if (privates[0] && c.family !== "private") parts.push(`${privates[0].name} is private, so its gains or losses reach public markets only through its listed partners.`);
  return parts.join(" ");
}

function nearTerm(c: Ctx, t: Template): string {
  const dir = c.direction === "mixed" ? "two-sided" : c.direction === "neutral" ? "directionless" : c.direction;
  const lead = c.magnitude === "negligible" ? "The expected abnormal move is negligible." : `The expected abnormal move is ${c.magnitude} and ${dir}.`;
  return `${lead} ${t.near(c)}`;
}

function secondOrder(c: Ctx, t: Template): string {
  if (c.family === "none" && !c.listed) return t.second(c);
  const topical = c.topics.map((l) => TOPIC_LINES[l]).filter((x): x is string => x !== undefined).slice(0, 2);
  return [t.second(c), ...topical].join(" ");
}

function risks(c: Ctx, f: Findings, t: Template): string[] {
  const out = t.risks(c);
  if (f.story.novelty < 0.5) out.push(`Already reported: the story has been seen ${f.story.size} times, so much of it may be priced in.`);
  if (f.sentiment.article.coverage < 0.1 && c.family !== "none") out.push(`Thin tone: the article carries little explicit sentiment, so the reaction can go either way.`);
  return out;
}

function outlook(c: Ctx, t: Template): string {
  const watch = t.watch(c);
  return watch ? `${HORIZON_WORDS[c.horizon]}, watch ${watch}.` : "No market catalyst to watch.";
}

/**
 * Writes the heuristic analysis of an article from what the earlier stages found.
 *
 * @example
 * const a = analyze(doc, ref, { ...findings, impact, summary });
 * a.takeaway; a.sections.map((s) => s.heading); a.winners // ["AMZN"]
 */
export function analyze(doc: Doc, _ref: Reference, f: Findings & { impact: Impact; summary: string }): Analysis {
  const c = context(f, f.impact, doc);
  const t = TEMPLATES[c.family] ?? MARKET.none!;
  return {
    takeaway: t.takeaway(c),
    sections: [
      { heading: "Near-term effects", text: nearTerm(c, t) },
      { heading: "Medium-term effects", text: t.medium(c) },
      { heading: "Who gains and who loses", text: gainsAndLosses(c, t) },
      { heading: "Second-order effects", text: secondOrder(c, t) },
    ],
    winners: c.winners.map((p) => p.symbol),
    losers: c.losers.map((p) => p.symbol),
    risks: risks(c, f, t),
    contrarian: t.contrarian(c),
    outlook: outlook(c, t),
    generator: `heuristic@${ENGINE_VERSION}`,
  };
}
