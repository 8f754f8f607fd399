/**
 * Which linked tickers the news is good or bad for: each ticker's own sentiment plus the effect of the
 * events that name it, weighted by how prominent each event is in the article (a takeover target is bid up, a defendant is hurt, an incumbent whose partnership
 * is restructured gives up terms…). Used by the impact direction and by the analysis' winners/losers.
 */
import type { EnrichEvent } from "../../contract/enrichment.ts";
import type { Findings } from "../findings.ts";
import type { Doc } from "../normalize/normalize.ts";
import { prominence } from "./prominence.ts";

export interface PartySignal {
  /** Sentiment + event effects; ≥ 0.15 gains, ≤ −0.15 loses. */
  signal: number;
  /** Human-readable reasons, e.g. "it is the takeover target, usually bid up toward the offer". */
  why: string[];
}

/**
 * "a, b and c".
 *
 * @example
 * joinAnd(["a", "b", "c"]) // "a, b and c"
 */
export function joinAnd(items: string[]): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/** What the actor of each event type does, in words. */
const ACTOR_PHRASE: Partial<Record<EnrichEvent["type"], string>> = {
  earnings: "it reported the results",
  guidance: "it changed its guidance",
  investment: "it is making the investment",
  partnership: "it is entering the partnership",
  contract: "it is party to the contract",
  product_launch: "it launched the product",
  settlement: "it is paying the settlement",
  layoffs: "it is cutting jobs",
  executive_change: "its leadership is changing",
  dividend: "it changed its dividend",
  buyback: "it is buying back stock",
  bankruptcy: "it filed for bankruptcy protection",
  capital_raise: "it is raising capital",
  recall: "it is recalling products",
  cyber_incident: "it suffered the cyber incident",
  outage: "it suffered the outage",
};

/** Losing an exclusive position ("ends X's exclusive license", "no longer the sole provider"). */
const EXCLUSIVITY_LOST = /\b(?:ends?|ended|ending|removes?|removed|loses?|lost|no longer)\b[^.;]{0,60}\b(?:exclusiv\w*|sole)\b/i;

/** How one event moves the parties it names: [symbol, effect, reason]. */
function eventEffects(e: EnrichEvent, symbols: Set<string>): Array<[string, number, string]> {
  const p = e.polarity === "positive" ? 1 : e.polarity === "negative" ? -1 : 0;
  const out: Array<[string, number, string]> = [];
  const add = (s: string | null, v: number, why: string) => {
    if (s && symbols.has(s) && v !== 0) out.push([s, v, why]);
  };
  const kind = e.type.replace(/_/g, " ");
  if (e.type === "merger_acquisition") add(e.target, 0.4, "it is the takeover target, usually bid up toward the offer");
  else if (e.type === "lawsuit" || e.type === "investigation") add(e.target ?? e.actor, e.target ? -0.3 : 0.3 * p, `it is on the receiving end of the ${kind}`);
  else if (e.type === "regulatory_decision") add(e.target ?? e.actor, 0.3 * p, "the regulator ruled on it");
  else if (e.type === "rating_change" || e.type === "price_target") add(symbols.has(e.target ?? "") ? e.target : e.actor, 0.3 * p, `it is the subject of the ${kind}`);
  else if (e.type === "partnership" && /ended|restructur/.test(e.subtype ?? "")) {
    const ended = /ended/.test(e.subtype ?? "");
    const exclusive = EXCLUSIVITY_LOST.test(e.evidence.text);
    add(e.actor, exclusive ? -0.4 : ended ? -0.3 : -0.2, exclusive ? `it loses an exclusive position as its ${kind} is reworked` : `its existing ${kind} is being ${ended ? "ended" : "restructured"}, usually on worse terms for the incumbent`);
  } else {
    add(e.actor, 0.3 * p, ACTOR_PHRASE[e.type] ?? `it is the actor of the ${kind}`);
    if (["investment", "partnership", "contract"].includes(e.type)) add(e.target, 0.3 * p, `it is on the other side of the ${kind}`);
  }
  return out;
}

/**
 * The signal of every linked ticker, by symbol.
 *
 * @example
 * partySignals(findings).get("AMZN") // { signal: 0.97, why: ["the article's tone around it is positive", …] }
 */
export function partySignals(f: Findings, doc?: Pick<Doc, "sentences" | "bodyStart">): Map<string, PartySignal> {
  const symbols = new Set(f.linked.tickers.map((t) => t.symbol));
  const out = new Map<string, PartySignal>();
  for (const t of f.linked.tickers) {
    const why = t.sentiment >= 0.15 ? ["the article's tone around it is positive"] : t.sentiment <= -0.15 ? ["the article's tone around it is negative"] : [];
    out.set(t.symbol, { signal: t.sentiment, why });
  }
  for (const e of f.events) {
    // background events (history, asides) barely count: prominence² is 1 in the lead, 0.36 next, 0.04 after
    const weight = prominence(doc, e) ** 2;
    for (const [s, v, why] of eventEffects(e, symbols)) {
      const cur = out.get(s)!;
      cur.signal += v * weight;
      if (weight >= 0.3 && !cur.why.includes(why)) cur.why.push(why);
    }
  }
  return out;
}
