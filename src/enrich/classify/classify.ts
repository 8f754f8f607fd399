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
import { eventsOf } from "../events/events.ts";

export interface TopicEvidence {
  id: string;
  raw: number;
  score: number;
  /** The cue phrases found, as written in the text, with their counts. */
  cues: Array<{ text: string; count: number; weight: number }>;
}

function leadEnd(doc: Doc, leadSentences: number): number {
  const firstBody = doc.sentences.findIndex((s) => s.start >= doc.bodyStart);
  if (firstBody < 0) return doc.text.length;
  const last = doc.sentences[Math.min(doc.sentences.length - 1, firstBody + leadSentences - 1)];
  return last ? last.end : doc.text.length;
}

/**
 * The cues found, in order of first occurrence: per found cue, how often, its best position boost, where
 * first. Module scratch, reused by every call (`n` entries valid until the next `cueStats`).
 */
interface CueStats {
  n: number;
  /** Cue ids. */
  seen: Int32Array;
  count: Int32Array;
  boost: Float64Array;
  /** Token index of the first occurrence. */
  first: Int32Array;
  /** Token index after the (longest) phrase at the first occurrence. */
  firstEnd: Int32Array;
}

/** Per cue id: its index in `CueStats.seen` + 1 while `cueStats` runs (0 = not seen); reset before it returns. */
let slotOf = new Int32Array(0);
/** The scratch `cueStats` fills (sized for every cue of the taxonomy). */
const stats: CueStats = { n: 0, seen: new Int32Array(0), count: new Int32Array(0), boost: new Float64Array(0), first: new Int32Array(0), firstEnd: new Int32Array(0) };
const found: CueHit[][] = [];
const best: CueHit[] = [];

/** Counts every cue of every topic in the text: one pass over the tokens. */
function cueStats(doc: Doc, tax: Taxonomy): CueStats {
  const tokens = tokensOf(doc);
  const { titleBoost, leadBoost, leadSentences } = tax.scoring;
  const titleEnd = doc.bodyStart > 0 ? doc.bodyStart : 0;
  const lead = leadEnd(doc, leadSentences);
  const st = stats;
  if (slotOf.length < tax.cues.length) {
    const m = tax.cues.length;
    slotOf = new Int32Array(m);
    st.seen = new Int32Array(m);
    st.count = new Int32Array(m);
    st.boost = new Float64Array(m);
    st.first = new Int32Array(m);
    st.firstEnd = new Int32Array(m);
  }
  const { seen, count, boost: boosts, first, firstEnd } = st;
  let n = 0;
  const words = tokens.count;
  try {
    for (let i = 0; i < words; ) {
      if (!tax.matcher.canStart(tokens, i)) {
        i++;
        continue;
      }
      const next = tax.matcher.collectAt(tokens, i, words, found);
      if (next === i) {
        i++;
        continue;
      }
      const start = tokens.starts[i]!;
      const boost = start < titleEnd ? titleBoost : start < lead ? leadBoost : 1;
      // One cue per topic per position: "ai infrastructure" and "ai" do not both count.
      let nb = 0;
      for (let f = 0; f < tax.matcher.collected; f++) {
        const hits = found[f]!;
        for (let x = 0; x < hits.length; x++) {
          const h = hits[x]!;
          let k = nb - 1;
          while (k >= 0 && best[k]!.topic !== h.topic) k--;
          if (k < 0) best[nb++] = h;
          else if (h.weight > best[k]!.weight) best[k] = h;
        }
      }
      for (let b = 0; b < nb; b++) {
        const id = best[b]!.id;
        let k = slotOf[id]! - 1;
        if (k < 0) {
          k = n++;
          slotOf[id] = k + 1;
          seen[k] = id;
          count[k] = 0;
          boosts[k] = 0;
          first[k] = i;
          firstEnd[k] = next;
        }
        count[k]!++;
        if (boost > boosts[k]!) boosts[k] = boost;
      }
      i = next;
    }
  } finally {
    for (let k = 0; k < n; k++) slotOf[seen[k]!] = 0;
  }
  st.n = n;
  return st;
}

/** Raw evidence per topic (cues, events, entities). */
function rawScores(doc: Doc, ref: Reference, linked: LinkResult, st: CueStats): number[] {
  const tax = ref.taxonomy;
  const { repeatFactor } = tax.scoring;
  // A plain array of doubles: a typed array this small costs more to make than it saves.
  const raw: number[] = [];
  for (let t = 0; t < tax.topics.length; t++) raw.push(0);
  for (let k = 0; k < st.n; k++) {
    const cue = tax.cues[st.seen[k]!]!;
    raw[cue.topic]! += cue.weight * (st.boost[k]! + repeatFactor * Math.log(st.count[k]!));
  }
  const bestConfidence = new Map<string, number>();
  for (const e of eventsOf(doc, ref, linked)) bestConfidence.set(e.type, Math.max(bestConfidence.get(e.type) ?? 0, e.confidence));
  for (const [type, conf] of bestConfidence) for (const [t, w] of tax.byEvent.get(type as never) ?? []) raw[t]! += w * conf;
  const perType = new Map<string, number>();
  for (const e of linked.entities) {
    // Central banks are typed as regulators by the linker; their topic comes from their own cues.
    if (CENTRAL_BANK.test(e.name)) continue;
    const seen = perType.get(e.type) ?? 0;
    if (seen >= 2) continue;
    perType.set(e.type, seen + 1);
    for (const [t, w] of tax.byEntity.get(e.type) ?? []) raw[t]! += w * Math.max(0.5, e.salience);
  }
  return raw;
}

const CENTRAL_BANK = /\b(?:Reserve|Central Bank|Bank of|Federal Open Market|Riksbank|Norges Bank|National Bank)\b/;

const toScore = (raw: number, scale: number, lengthFactor: number) => 1 - Math.exp(-raw / (scale * lengthFactor));

/**
 * Every topic's evidence and score (also those under the threshold), best first: for explanations and tuning.
 *
 * @example
 * topicEvidence(doc, ref, linked)[0] // { id: "earnings-guidance", raw: 14.2, score: 0.9, cues: [...] }
 */
export function topicEvidence(doc: Doc, ref: Reference, linked: LinkResult): TopicEvidence[] {
  const tax = ref.taxonomy;
  const st = cueStats(doc, tax);
  const raw = rawScores(doc, ref, linked, st);
  const tokens = tokensOf(doc);
  const cues: TopicEvidence["cues"][] = tax.topics.map(() => []);
  for (let k = 0; k < st.n; k++) {
    const cue = tax.cues[st.seen[k]!]!;
    const w = cue.weight * (st.boost[k]! + tax.scoring.repeatFactor * Math.log(st.count[k]!));
    const at = st.first[k]!;
    cues[cue.topic]!.push({ text: doc.text.slice(tokens.starts[at]!, tokens.ends[st.firstEnd[k]! - 1]!), count: st.count[k]!, weight: Math.round(w * 100) / 100 });
  }
  const lengthFactor = Math.max(1, Math.sqrt(doc.wordCount / tax.scoring.lengthWords));
  return tax.topics
    .map((t, i) => ({ id: t.id, raw: raw[i]!, score: toScore(raw[i]!, tax.scoring.scale, lengthFactor), cues: cues[i]!.sort((a, b) => b.weight - a.weight) }))
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
  const { threshold, relativeFloor, relativeCap, maxTopics, scale, lengthWords } = tax.scoring;
  const raw = rawScores(doc, ref, linked, cueStats(doc, tax));
  const top = Math.min(relativeCap, raw.reduce((m, x) => Math.max(m, x), 0));
  const lengthFactor = Math.max(1, Math.sqrt(doc.wordCount / lengthWords));
  const out: Topic[] = [];
  for (let i = 0; i < raw.length; i++) {
    const score = toScore(raw[i]!, scale, lengthFactor);
    if (score >= threshold && raw[i]! >= top * relativeFloor) out.push({ id: tax.topics[i]!.id, label: tax.topics[i]!.label, score: Math.round(score * 1000) / 1000 });
  }
  return out.sort((a, b) => b.score - a.score).slice(0, maxTopics);
}
