/**
 * Stage 5 — events: typed events with their parties, figures, evidence, polarity and confidence.
 * Each sentence that contains a trigger word goes through the detectors (earnings, guidance, analyst
 * actions, deals, legal, people, macro); drafts get their actor and target from the linked tickers and
 * entities around the trigger; duplicates (the title repeating the lead) merge, keeping the richer one.
 * Computed once per document (the classifier reads the events too).
 */
import type { Doc } from "../normalize/normalize.ts";
import type { Reference } from "../../reference/reference.ts";
import type { EnrichEvent, EventType } from "../../contract/enrichment.ts";
import type { LinkResult } from "../link/link.ts";
import { toAmount } from "../figures/figures.ts";
import { sentenceScores } from "../sentiment/score.ts";
import { tokensOf } from "../../reference/lexicon/phrases.ts";
import { DETECTORS, triggered } from "./triggers.ts";
import { nameAfter, nameBefore, partyIndex, previousParty, rolesAt, subjectParty, type PartyIndex } from "./actors.ts";
import { sentenceCtx, type Draft } from "./context.ts";
import { dedupe } from "./merge.ts";

const MAX_EVENTS = 25;
/** Below this confidence an event is left out (quotes, commentary, hedged mentions). */
const MIN_CONFIDENCE = 0.5;

const round = (x: number) => Math.round(x * 1000) / 1000;

/** Events a company does to itself: with no party named in the sentence, the party named before acts. */
const SELF_ACTS = new Set<EventType>(["earnings", "guidance", "dividend", "buyback", "layoffs", "capital_raise", "product_launch", "bankruptcy", "recall", "outage", "cyber_incident", "executive_change", "settlement", "contract"]);
/** Events with no counterpart: a party named after the trigger is a setting, not a target. */
const NO_TARGET = new Set<EventType>(["earnings", "guidance", "dividend", "buyback", "layoffs", "bankruptcy", "recall", "outage", "cyber_incident", "capital_raise", "product_launch", "macro_data", "rate_decision"]);
/** Commentary ("Analysts said state lawsuits rarely …") reports no event of its own. */
const COMMENTARY = /^(?:["“]|(?:Analysts|Experts|Economists|Investors|Critics|Some)\s+(?:said|say|noted|note|warned|argue|expect|have said))/;
/** Two-sided events: with no linked party after the trigger, a capitalised name there is the target. */
const NEEDS_TARGET = new Set<EventType>(["merger_acquisition", "investment", "partnership", "contract", "lawsuit"]);
/** Events done to a company: with no target named, the party named before is the target. */
const DONE_TO = new Set<EventType>(["rating_change", "price_target", "investigation", "regulatory_decision", "lawsuit"]);

function toEvent(doc: Doc, idx: PartyIndex, s: number, d: Draft, tone: number): EnrichEvent {
  const roles = rolesAt(doc, idx, s, d.at, d.passive ?? false);
  let actor = d.actor !== undefined ? d.actor : roles.actor;
  let target = d.target !== undefined ? d.target : roles.target;
  const span = doc.sentences[s]!;
  // "Spirit Airlines files for bankruptcy" (Spirit not linked): the name right before the trigger acts;
  // otherwise the article's subject does ("Revenue rose 10%…", "The company cut its forecast").
  if (actor === null && SELF_ACTS.has(d.type)) actor = nameBefore(doc, idx, span, d.at) ?? (idx.all.length > 0 ? subjectParty(idx, d.at) : null);
  if (NO_TARGET.has(d.type) && d.target === undefined) target = null;
  if (target === null && d.target === undefined && NEEDS_TARGET.has(d.type)) {
    const name = nameAfter(doc, span, d.at + 1);
    if (name && name !== actor && !idx.all.some((p) => p.id === name && p.type === "person")) target = name;
  }
  if (target === null && DONE_TO.has(d.type) && idx.all.length > 0) {
    const prev = d.type === "rating_change" || d.type === "price_target" ? previousParty(idx, span.end) : subjectParty(idx, d.at);
    if (prev !== actor) target = prev;
  }
  if (target !== null && target === actor) target = null;
  const polarity = d.polarity ?? (tone > 0.2 ? "positive" : tone < -0.2 ? "negative" : "neutral");
  let confidence = d.confidence;
  if (COMMENTARY.test(doc.text.slice(span.start, span.start + 40))) confidence *= 0.7;
  if (actor !== null && idx.all.some((p) => p.isTicker && p.id === actor)) confidence += 0.05;
  if (span.end <= doc.bodyStart) confidence -= 0.05; // headlines compress: body evidence is preferred
  const e: EnrichEvent = {
    type: d.type,
    actor,
    target,
    figures: d.figures.map((f) => ({ name: f.name, ...toAmount(f.figure) })),
    polarity,
    confidence: round(Math.max(0.05, Math.min(0.99, confidence))),
    evidence: { text: doc.text.slice(span.start, span.end), start: span.start, end: span.end },
  };
  if (d.subtype) e.subtype = d.subtype;
  if (d.amount) e.amount = toAmount(d.amount);
  if (d.from) e.from = d.from;
  if (d.to) e.to = d.to;
  return e;
}

/**
 * Finds the events of a document (no caching: see `extractEvents`).
 *
 * @example
 * findEvents(doc, ref, linked).map((e) => e.type) // ["earnings", "guidance"]
 */
export function findEvents(doc: Doc, ref: Reference, linked: LinkResult): EnrichEvent[] {
  const idx = partyIndex(linked);
  const scores = sentenceScores(doc, ref.lexicon);
  const tokens = tokensOf(doc);
  const found: EnrichEvent[] = [];
  const fired = new Uint8Array(DETECTORS.length);
  for (let s = 0; s < doc.sentences.length; s++) {
    if (!triggered(tokens, scores.tokenFrom[s]!, scores.tokenTo[s]!, fired)) continue;
    const ctx = sentenceCtx(doc, s, idx, scores.scores[s]!);
    for (let d = 0; d < DETECTORS.length; d++) if (fired[d]) for (const draft of DETECTORS[d]![0](ctx)) found.push(toEvent(doc, idx, s, draft, ctx.tone));
  }
  return dedupe(found)
    .filter((e) => e.confidence >= MIN_CONFIDENCE)
    .sort((a, b) => b.confidence - a.confidence)
    .slice(0, MAX_EVENTS)
    .sort((a, b) => a.evidence.start - b.evidence.start || b.confidence - a.confidence);
}

const cache = new WeakMap<Doc, { linked: LinkResult; events: EnrichEvent[] }>();

/**
 * Stage entry: the events of a document, computed once per document and link result.
 *
 * @example
 * extractEvents(doc, ref, linked)[0] // { type: "investment", actor: "AMZN", target: "OpenAI", amount: { value: 5e10, currency: "USD", … }, … }
 */
export function extractEvents(doc: Doc, ref: Reference, linked: LinkResult): EnrichEvent[] {
  return eventsOf(doc, ref, linked).map((e) => ({ ...e }));
}

/**
 * The events of a document as computed once per document and link result, not copied: for stages that
 * only read them (the classifier, sentiment). Do not change them; `extractEvents` gives copies.
 *
 * @example
 * for (const e of eventsOf(doc, ref, linked)) seen.add(e.type);
 */
export function eventsOf(doc: Doc, ref: Reference, linked: LinkResult): ReadonlyArray<Readonly<EnrichEvent>> {
  const hit = cache.get(doc);
  if (hit && hit.linked === linked) return hit.events;
  const events = findEvents(doc, ref, linked);
  cache.set(doc, { linked, events });
  return events;
}
