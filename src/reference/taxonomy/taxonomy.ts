/**
 * The topic taxonomy (DESIGN §3) as data: data/taxonomy.json holds every topic with its id, label,
 * one-line definition, examples and the features the classifier uses (weighted cue phrases, links to
 * event types and entity types) plus the scoring constants. Loaded and compiled once per process.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import { ImpactwireError, EXIT } from "../../core/errors.ts";
import { EntityTypeSchema, EventTypeSchema, type EventType } from "../../contract/enrichment.ts";
import { PhraseMatcher } from "../lexicon/phrases.ts";

const TopicFileSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "topic ids are kebab-case"),
  label: z.string().min(1),
  definition: z.string().min(1),
  examples: z.array(z.string()).min(1),
  /** Cue phrase → weight (a trailing * matches by prefix). */
  cues: z.record(z.string(), z.number().positive().max(5)),
  /** Event type → weight added (times the event's confidence) when such an event is found. */
  events: z.partialRecord(EventTypeSchema, z.number().positive()).default({}),
  /** Entity type → weight added per entity of that type (at most two). */
  entities: z.partialRecord(EntityTypeSchema, z.number().positive()).default({}),
});

const ScoringSchema = z.object({
  /** Topics scoring below this are dropped. */
  threshold: z.number().min(0).max(1),
  /** Topics whose raw evidence is under this share of the best topic's are dropped. */
  relativeFloor: z.number().min(0).max(1),
  /** The best topic's raw evidence counts at most this much for the floor (cue-dense articles keep their second topics). */
  relativeCap: z.number().positive(),
  maxTopics: z.number().int().positive(),
  /** score = 1 − exp(−raw / (scale × lengthFactor)). */
  scale: z.number().positive(),
  titleBoost: z.number().positive(),
  leadBoost: z.number().positive(),
  leadSentences: z.number().int().nonnegative(),
  /** lengthFactor = max(1, sqrt(words / lengthWords)). */
  lengthWords: z.number().positive(),
  /** Each repeat of a cue adds this share of its weight (log-damped). */
  repeatFactor: z.number().min(0),
});

/**
 * The shape of data/taxonomy.json.
 *
 * @example
 * TaxonomyFileSchema.parse(JSON.parse(readFileSync("data/taxonomy.json", "utf8"))).topics.length // 26
 */
export const TaxonomyFileSchema = z.object({
  version: z.string(),
  source: z.string(),
  scoring: ScoringSchema,
  topics: z.array(TopicFileSchema).min(1),
});

export type EntityEnum = z.infer<typeof EntityTypeSchema>;
export type TopicDef = z.infer<typeof TopicFileSchema>;
export type TaxonomyScoring = z.infer<typeof ScoringSchema>;

export interface CueHit {
  /** Index of the cue in `Taxonomy.cues`. */
  id: number;
  topic: number;
  weight: number;
}

export interface Taxonomy {
  topics: TopicDef[];
  scoring: TaxonomyScoring;
  /** Every cue phrase of every topic in one trie. */
  matcher: PhraseMatcher<CueHit>;
  /** Every cue, by id. */
  cues: CueHit[];
  /** Per event type: [topic index, weight]. */
  byEvent: Map<EventType, Array<[number, number]>>;
  /** Per entity type: [topic index, weight]. */
  byEntity: Map<EntityEnum, Array<[number, number]>>;
}

/**
 * Validates and compiles a taxonomy document.
 *
 * @example
 * const tax = compileTaxonomy(JSON.parse(readFileSync("data/taxonomy.json", "utf8")));
 * tax.topics.length // 26
 */
export function compileTaxonomy(raw: unknown): Taxonomy {
  const parsed = TaxonomyFileSchema.safeParse(raw);
  if (!parsed.success) {
    const why = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new ImpactwireError("taxonomy", "TAXONOMY_INVALID", `invalid taxonomy: ${why}`, { exitCode: EXIT.config });
  }
  const { topics, scoring } = parsed.data;
  const ids = new Set<string>();
  const matcher = new PhraseMatcher<CueHit>();
  const cues: CueHit[] = [];
  const byEvent = new Map<EventType, Array<[number, number]>>();
  const byEntity = new Map<EntityEnum, Array<[number, number]>>();
  topics.forEach((t, topic) => {
    if (ids.has(t.id)) throw new ImpactwireError("taxonomy", "TAXONOMY_INVALID", `duplicate topic id "${t.id}"`, { exitCode: EXIT.config });
    ids.add(t.id);
    for (const [phrase, weight] of Object.entries(t.cues)) {
      try {
        const cue = { id: cues.length, topic, weight };
        matcher.add(phrase, cue);
        cues.push(cue);
      } catch (cause) {
        throw new ImpactwireError("taxonomy", "TAXONOMY_INVALID", `topic "${t.id}": bad cue "${phrase}"`, { cause, exitCode: EXIT.config });
      }
    }
    for (const [type, w] of Object.entries(t.events)) push(byEvent, type as EventType, [topic, w]);
    for (const [type, w] of Object.entries(t.entities)) push(byEntity, type as EntityEnum, [topic, w]);
  });
  return { topics, scoring, matcher, cues, byEvent, byEntity };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

let cached: Taxonomy | undefined;

/**
 * Loads (once per process) the bundled taxonomy from data/taxonomy.json.
 *
 * @example
 * loadTaxonomy().topics.find((t) => t.id === "artificial-intelligence")?.label // "Artificial Intelligence"
 */
export function loadTaxonomy(): Taxonomy {
  if (cached) return cached;
  const url = new URL("../../../data/taxonomy.json", import.meta.url);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(url, "utf8"));
  } catch (cause) {
    throw new ImpactwireError("taxonomy", "TAXONOMY_MISSING", `cannot read the taxonomy at ${url.pathname}`, { cause, exitCode: EXIT.config });
  }
  cached = compileTaxonomy(raw);
  return cached;
}
