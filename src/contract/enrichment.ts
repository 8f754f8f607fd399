/**
 * The enrichment contract (DESIGN §2): one JSON document per article. This zod schema is the single
 * source of truth; `impactwire schema` prints it as JSON Schema and every test validates against it.
 *
 * Offsets (`start`, `end`) are UTF-16 code-unit offsets into the article's normalised text:
 * `title + "\n\n" + body` after normalisation (see `src/enrich/normalize`). `end` is exclusive.
 */
import { z } from "zod";

const unit = z.number().min(0).max(1);
const signed = z.number().min(-1).max(1);

export const MentionSchema = z.object({
  text: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});

export const TickerRoleSchema = z.enum(["subject", "counterparty", "mentioned", "proxy"]);

export const TickerLinkSchema = z.object({
  symbol: z.string().min(1),
  name: z.string(),
  exchange: z.string().nullable(),
  relevance: unit,
  role: TickerRoleSchema,
  sentiment: signed,
  mentions: z.array(MentionSchema),
  /** Human-readable reason this ticker was linked, e.g. `"Amazon" (company name, 4×, in title) + "AWS" (subsidiary)`. */
  reason: z.string().min(1),
});

export const EntityTypeSchema = z.enum([
  "person",
  "private_company",
  "public_company",
  "regulator",
  "government",
  "country",
  "organization",
]);

export const EntitySchema = z.object({
  name: z.string().min(1),
  type: EntityTypeSchema,
  mentions: z.array(MentionSchema),
  salience: unit,
  /** Listed proxies of a private company (OpenAI → MSFT, AMZN), when the article is about that relationship. */
  proxies: z.array(z.string()).optional(),
});

export const TopicSchema = z.object({ id: z.string().min(1), label: z.string().min(1), score: unit });

export const AmountSchema = z.object({
  value: z.number(),
  /** ISO 4217 code for money; absent for counts and percentages. */
  currency: z.string().optional(),
  /** "percent", "shares", "people", "per_share", "bps"… when the figure is not plain money. */
  unit: z.string().optional(),
  /** The words in the text the figure was read from. */
  text: z.string(),
});

export const EventTypeSchema = z.enum([
  "earnings",
  "guidance",
  "rating_change",
  "price_target",
  "merger_acquisition",
  "investment",
  "partnership",
  "product_launch",
  "regulatory_decision",
  "lawsuit",
  "settlement",
  "investigation",
  "layoffs",
  "executive_change",
  "dividend",
  "buyback",
  "bankruptcy",
  "capital_raise",
  "rate_decision",
  "macro_data",
  "contract",
  "recall",
  "cyber_incident",
  "outage",
]);

export const EventSchema = z.object({
  type: EventTypeSchema,
  /** Finer kind: "beat" | "miss" | "inline" for earnings, "raise" | "cut" for guidance, "upgrade" | "downgrade"… */
  subtype: z.string().optional(),
  /** Ticker symbol or entity name that acts. */
  actor: z.string().nullable(),
  /** Ticker symbol or entity name acted upon. */
  target: z.string().nullable(),
  amount: AmountSchema.optional(),
  /** Named figures: `{ name: "eps_actual", value: 1.23, currency: "USD" }`, `{ name: "premium", value: 32, unit: "percent" }`. */
  figures: z.array(AmountSchema.extend({ name: z.string() })),
  from: z.string().optional(),
  to: z.string().optional(),
  polarity: z.enum(["positive", "negative", "neutral"]),
  confidence: unit,
  evidence: MentionSchema,
});

export const SentimentLabelSchema = z.enum(["positive", "negative", "neutral", "mixed"]);

export const SentimentSchema = z.object({
  score: signed,
  label: SentimentLabelSchema,
  /** Share of the text's sentences that carried any sentiment (0..1). */
  coverage: unit,
});

export const ImpactDriverSchema = z.object({
  factor: z.string().min(1),
  contribution: z.number(),
  detail: z.string(),
});

export const ImpactSchema = z
  .object({
    score: unit,
    direction: z.enum(["positive", "negative", "mixed", "neutral"]),
    horizon: z.enum(["intraday", "1d", "1w", "1m"]),
    /** Drivers add up to `score` (within 0.001), so the UI can say why. */
    drivers: z.array(ImpactDriverSchema).min(1),
    /** When a calibration was applied: its id; absent for the uncalibrated prior. */
    calibration: z.string().optional(),
  })
  .refine((i) => Math.abs(i.drivers.reduce((s, d) => s + d.contribution, 0) - i.score) <= 0.001, {
    message: "impact drivers must add up to the score",
    path: ["drivers"],
  });

export const AnalysisSchema = z.object({
  takeaway: z.string().min(1),
  sections: z.array(z.object({ heading: z.string().min(1), text: z.string().min(1) })),
  winners: z.array(z.string()),
  losers: z.array(z.string()),
  risks: z.array(z.string()),
  contrarian: z.string(),
  outlook: z.string(),
  /** `heuristic@<version>` or `llm:<model>`. */
  generator: z.string().min(1),
});

export const StorySchema = z.object({
  id: z.string().min(1),
  size: z.number().int().positive(),
  firstSeenAt: z.string().nullable(),
  novelty: unit,
});

export const EnrichmentSchema = z.object({
  schemaVersion: z.literal("1"),
  engine: z.object({ name: z.literal("impactwire"), version: z.string() }),
  /** The input's id (or a content hash when it had none). */
  id: z.string().min(1),
  article: z.object({
    title: z.string(),
    url: z.string().nullable(),
    source: z.string().nullable(),
    publishedAt: z.string().nullable(),
    language: z.string(),
    wordCount: z.number().int().nonnegative(),
    contentHash: z.string(),
  }),
  impact: ImpactSchema,
  tickers: z.array(TickerLinkSchema),
  entities: z.array(EntitySchema),
  topics: z.array(TopicSchema),
  events: z.array(EventSchema),
  sentiment: SentimentSchema,
  summary: z.string(),
  analysis: AnalysisSchema,
  story: StorySchema,
});

export type Mention = z.infer<typeof MentionSchema>;
export type TickerLink = z.infer<typeof TickerLinkSchema>;
export type TickerRole = z.infer<typeof TickerRoleSchema>;
export type Entity = z.infer<typeof EntitySchema>;
export type Topic = z.infer<typeof TopicSchema>;
export type Amount = z.infer<typeof AmountSchema>;
export type EnrichEvent = z.infer<typeof EventSchema>;
export type EventType = z.infer<typeof EventTypeSchema>;
export type Sentiment = z.infer<typeof SentimentSchema>;
export type Impact = z.infer<typeof ImpactSchema>;
export type ImpactDriver = z.infer<typeof ImpactDriverSchema>;
export type Analysis = z.infer<typeof AnalysisSchema>;
export type Story = z.infer<typeof StorySchema>;
export type Enrichment = z.infer<typeof EnrichmentSchema>;

/**
 * The contract as JSON Schema (draft 2020-12), for `impactwire schema` and the OpenAPI document.
 *
 * @example
 * console.log(JSON.stringify(enrichmentJsonSchema(), null, 2));
 */
export function enrichmentJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(EnrichmentSchema, { target: "draft-2020-12" }) as Record<string, unknown>;
}
