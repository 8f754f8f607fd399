/**
 * Merging the events that tell the same thing twice (the headline and the lead, a rating change told
 * as "AMD upgraded at Wedbush" and "Wedbush upgraded AMD"): the richer, surer one stays and takes
 * what only the other knew. An article's earnings figures (EPS in one sentence, revenue in the next)
 * become one earnings event.
 */
import type { EnrichEvent } from "../../contract/enrichment.ts";

const ONE_PER_ACTOR = new Set(["buyback", "dividend", "layoffs", "bankruptcy", "recall", "capital_raise"]);
const SUBTYPE_MATTERS = new Set(["merger_acquisition", "guidance", "rating_change", "price_target", "regulatory_decision", "investigation"]);
const round = (x: number) => Math.round(x * 1000) / 1000;

function key(e: EnrichEvent): string {
  return `${e.type}|${e.subtype ?? ""}|${e.actor ?? ""}|${e.target ?? ""}`;
}

/** Same party, or one unknown, or one name inside the other ("Texas" / "Texas Attorney General Ken Paxton"). */
const compatible = (a: string | null | undefined, b: string | null | undefined) => a === b || a === null || a === undefined || b === null || b === undefined || a.includes(b) || b.includes(a);
/** The person in "Jane Doe (chief executive)" or "Jane Doe"; undefined for a bare role ("ceo"). */
const personOf = (s: string | undefined) => {
  const name = s?.split(" (")[0];
  return name && /^[A-Z]/.test(name) ? name : undefined;
};

/** Whether `e` repeats `k` (the headline and the lead often tell the same event). */
function duplicates(k: EnrichEvent, e: EnrichEvent): boolean {
  if (k.type !== e.type) return false;
  // One earnings report: EPS in one sentence, revenue in the next (the same figure twice must agree).
  if (k.type === "earnings" && compatible(k.actor, e.actor)) return k.figures.every((f) => f.name === "growth" || e.figures.every((g) => g.name !== f.name || g.value === f.value));
  // One buyback, dividend, layoff round, bankruptcy or recall per company per article: later mentions
  // ("the remaining capacity is $21 billion", "returned $3.8 billion last quarter") add to the first.
  if (ONE_PER_ACTOR.has(k.type) && k.actor !== null && k.actor === e.actor) return true;
  if (k.amount && e.amount) return k.amount.value === e.amount.value && k.amount.unit === e.amount.unit;
  if (key(k) === key(e)) return true;
  if (k.figures.length > 0 && e.figures.length > 0) return false;
  if (k.type === "executive_change" && (!samePerson(k.to, e.to) || !samePerson(k.from, e.from))) return false;
  // "AMD upgraded to outperform at Wedbush" and "Wedbush upgraded AMD to outperform" are one rating change.
  if (k.type === "rating_change" && k.target !== null && k.target === e.target && k.to === e.to && k.subtype === e.subtype) return true;
  // A rumoured deal and a completed one, a raised and a cut forecast, are different events.
  const subtypes = k.type === "executive_change" || ((bare(k) || bare(e)) && !SUBTYPE_MATTERS.has(k.type)) || compatible(k.subtype, e.subtype);
  return subtypes && compatible(k.actor, e.actor) && compatible(k.target, e.target);
}

/** Same named person, or at least one side without a name. */
function samePerson(a: string | undefined, b: string | undefined): boolean {
  const x = personOf(a);
  const y = personOf(b);
  return x === undefined || y === undefined || x === y;
}

/** An event with no figure and no amount. */
function bare(x: EnrichEvent): boolean {
  return x.figures.length === 0 && !x.amount;
}

const richness = (e: EnrichEvent) => e.figures.length + (e.amount ? 1 : 0) + (e.from ? 1 : 0) + (e.to ? 1 : 0) + (e.actor ? 0.5 : 0) + (e.target ? 0.5 : 0) + e.confidence;

/** Merges duplicates; the richer, surer one stays and takes what only the other knew. */
/** Joins the figures of two earnings events; a beat on one measure and a miss on another is "mixed". */
function mergeResults(merged: EnrichEvent, other: EnrichEvent): void {
  const names = new Set(merged.figures.map((f) => f.name));
  merged.figures = [...merged.figures, ...other.figures.filter((f) => !names.has(f.name))];
  const kinds = new Set([merged.subtype, other.subtype].filter((x) => x === "beat" || x === "miss"));
  if (kinds.size === 2) {
    merged.subtype = "mixed";
    merged.polarity = "neutral";
  } else if (merged.subtype === "reported" && other.subtype && other.subtype !== "reported") {
    merged.subtype = other.subtype;
    merged.polarity = other.polarity;
  }
  const eps = merged.figures.find((f) => f.name === "eps_actual");
  if (eps) merged.amount = { value: eps.value, text: eps.text, ...(eps.currency ? { currency: eps.currency } : {}), ...(eps.unit ? { unit: eps.unit } : {}) };
}

/**
 * Merges duplicate events, keeping their order of first appearance.
 *
 * @example
 * dedupe([headlineLayoffs, leadLayoffsWithHeadcount]) // [one layoffs event with the headcount]
 */
export function dedupe(events: EnrichEvent[]): EnrichEvent[] {
  const kept: EnrichEvent[] = [];
  for (const e of events) {
    const same = kept.findIndex((k) => duplicates(k, e));
    if (same < 0) {
      kept.push(e);
      continue;
    }
    const k = kept[same]!;
    const better = richness(e) > richness(k) || (richness(e) === richness(k) && e.confidence > k.confidence) ? e : k;
    const other = better === e ? k : e;
    const merged: EnrichEvent = { ...better, confidence: round(Math.min(0.99, Math.max(better.confidence, other.confidence) + 0.05)) };
    if (merged.actor === null && other.actor !== null && other.actor !== merged.target) merged.actor = other.actor;
    if (merged.target === null && other.target !== null && other.target !== merged.actor) merged.target = other.target;
    // A named person ("Cathy Smith (chief financial officer)") says more than a bare role ("ceo").
    if (other.to && (!merged.to || (personOf(other.to) && !personOf(merged.to)))) merged.to = other.to;
    if (other.from && (!merged.from || (personOf(other.from) && !personOf(merged.from)))) merged.from = other.from;
    if (!merged.amount && other.amount) merged.amount = other.amount;
    if (merged.type === "earnings") mergeResults(merged, other);
    else if (ONE_PER_ACTOR.has(merged.type)) {
      const names = new Set(merged.figures.map((f) => f.name));
      merged.figures = [...merged.figures, ...other.figures.filter((f) => !names.has(f.name))];
    }
    kept[same] = merged;
  }
  return kept;
}

