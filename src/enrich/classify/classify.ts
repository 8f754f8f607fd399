/**
 * Stage 3 — classify: multi-label topics from the taxonomy (data/taxonomy.json). Each topic's raw
 * evidence is the sum of its cue phrases found in the text (title and lead weigh more, repeats add
 * log-damped), plus the events extracted from the article and the kinds of entities linked. The raw
 * sum becomes a 0..1 score, `1 − exp(−raw / (scale × lengthFactor))`, so long articles need more
 * evidence; topics under the threshold are dropped, so a story with no finance in it gets none.
 */
import type { Doc } from "../normalize/normalize.ts";
import type { Reference } from "../../reference/reference.ts";
import type { Topic } from "../../contract/enrichment.ts";
import type { LinkResult } from "../link/link.ts";
import type { CueHit, Taxonomy } from "../../reference/taxonomy/taxonomy.ts";
import { tokensOf } from "../../reference/lexicon/phrases.ts";
import { extractEvents } from "../events/events.ts";

export interface TopicEvidence {
  id: string;
  raw: number;
  score: number;
  /** The cue phrases found, as written in the text, with their counts. */
  cues: Array<{ text: string; count: number; weight: number }>;
}

interface CueStat {
  count: number;
  boost: number;
  text: string;
}

function leadEnd(doc: Doc, leadSentences: number): number {
  const firstBody = doc.sentences.findIndex((s) => s.start >= doc.bodyStart);
  if (firstBody < 0) return doc.text.length;
  const last = doc.sentences[Math.min(doc.sentences.length - 1, firstBody + leadSentences - 1)];
  return last ? last.end : doc.text.length;
}

/** Counts every cue of every topic in the text: one pass over the tokens. */
function cueStats(doc: Doc, tax: Taxonomy): Map<CueHit, CueStat> {
  const tokens = tokensOf(doc);
  const { titleBoost, leadBoost, leadSentences } = tax.scoring;
  const titleEnd = doc.bodyStart > 0 ? doc.bodyStart : 0;
  const lead = leadEnd(doc, leadSentences);
  const stats = new Map<CueHit, CueStat>();
  const found: CueHit[][] = [];
  const bestOfTopic = new Map<number, CueHit>();
  const n = tokens.words.length;
  for (let i = 0; i < n; ) {
    found.length = 0;
    const next = tax.matcher.collectAt(tokens, i, n, found);
    if (next === i) {
      i++;
      continue;
    }
    const start = tokens.starts[i]!;
    const boost = start < titleEnd ? titleBoost : start < lead ? leadBoost : 1;
    bestOfTopic.clear();
    for (const list of found) {
      for (const h of list) {
        const b = bestOfTopic.get(h.topic);
        if (!b || h.weight > b.weight) bestOfTopic.set(h.topic, h);
      }
    }
    for (const h of bestOfTopic.values()) {
      const s = stats.get(h);
      if (s) {
        s.count++;
        if (boost > s.boost) s.boost = boost;
      } else stats.set(h, { count: 1, boost, text: doc.text.slice(start, tokens.ends[next - 1]!) });
    }
    i = next;
  }
  return stats;
}

/**
 * Every topic's evidence and score (also those under the threshold), best first: for explanations and tuning.
 *
 * @example
 * topicEvidence(doc, ref, linked)[0] // { id: "earnings-guidance", raw: 14.2, score: 0.9, cues: [...] }
 */
export function topicEvidence(doc: Doc, ref: Reference, linked: LinkResult): TopicEvidence[] {
  const tax = ref.taxonomy;
  const { scale, repeatFactor, lengthWords } = tax.scoring;
  const raw = new Float64Array(tax.topics.length);
  const cues: TopicEvidence["cues"][] = tax.topics.map(() => []);
  for (const [hit, s] of cueStats(doc, tax)) {
    const w = hit.weight * (s.boost + repeatFactor * Math.log(s.count));
    raw[hit.topic]! += w;
    cues[hit.topic]!.push({ text: s.text, count: s.count, weight: Math.round(w * 100) / 100 });
  }
  const bestConfidence = new Map<string, number>();
  for (const e of extractEvents(doc, ref, linked)) bestConfidence.set(e.type, Math.max(bestConfidence.get(e.type) ?? 0, e.confidence));
  for (const [type, conf] of bestConfidence) for (const [t, w] of tax.byEvent.get(type as never) ?? []) raw[t]! += w * conf;
  const perType = new Map<string, number>();
  for (const e of linked.entities) {
    const seen = perType.get(e.type) ?? 0;
    if (seen >= 2) continue;
    perType.set(e.type, seen + 1);
    for (const [t, w] of tax.byEntity.get(e.type) ?? []) raw[t]! += w * Math.max(0.5, e.salience);
  }
  const lengthFactor = Math.max(1, Math.sqrt(doc.wordCount / lengthWords));
  return tax.topics
    .map((t, i) => ({ id: t.id, raw: raw[i]!, score: 1 - Math.exp(-raw[i]! / (scale * lengthFactor)), cues: cues[i]!.sort((a, b) => b.weight - a.weight) }))
    .sort((a, b) => b.score - a.score);
}

/**
 * Stage entry: the article's topics with scores 0..1, best first, above the taxonomy's threshold.
 *
 * @example
 * classify(doc, ref, linked) // [{ id: "artificial-intelligence", label: "Artificial Intelligence", score: 0.97 }, …]
 */
export function classify(doc: Doc, ref: Reference, linked: LinkResult): Topic[] {
  const tax = ref.taxonomy;
  const labels = new Map(tax.topics.map((t) => [t.id, t.label]));
  const all = topicEvidence(doc, ref, linked);
  const floor = (all[0]?.raw ?? 0) * tax.scoring.relativeFloor;
  return all
    .filter((t) => t.score >= tax.scoring.threshold && t.raw >= floor)
    .slice(0, tax.scoring.maxTopics)
    .map((t) => ({ id: t.id, label: labels.get(t.id)!, score: Math.round(t.score * 1000) / 1000 }));
}
