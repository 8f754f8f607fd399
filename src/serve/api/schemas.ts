/**
 * The zod schemas of the HTTP API: requests are parsed with them, responses checked against them,
 * and the OpenAPI document is generated from them (one source of truth).
 */
import { z } from "zod";
import { EnrichmentSchema, SentimentLabelSchema } from "../../contract/enrichment.ts";

/** A comma-separated (or repeated) query parameter as a list. */
function csvList(max: number, item: z.ZodString, what: string) {
  return z
    .preprocess((v) => (typeof v === "string" ? v.split(",") : Array.isArray(v) ? v.flatMap((x) => String(x).split(",")) : v), z.array(item).max(max))
    .transform((a) => a.map((s) => s.trim()).filter(Boolean))
    .meta({ description: `${what}, comma-separated or repeated (at most ${max})` });
}

const isoTime = z
  .string()
  .max(40)
  .refine((s) => /^\d{4}-\d{2}-\d{2}/.test(s) && !Number.isNaN(Date.parse(s)), { message: "must be an ISO 8601 date or time" })
  .transform((s) => new Date(s).toISOString());

const symbol = z.string().trim().min(1).max(24).regex(/^[A-Za-z0-9.\-:^=]+$/, "must be a ticker symbol").transform((s) => s.toUpperCase());
const topicId = z.string().trim().min(1).max(64);

/** Filters shared by the article list and the stream. */
export const ArticleFilterSchema = z.object({
  tickers: csvList(50, z.string().max(24), "ticker symbols (any of)").optional(),
  topics: csvList(50, z.string().max(64), "topic ids (any of)").optional(),
  minImpact: z.coerce.number().min(0).max(1).optional().meta({ description: "lowest impact score, 0..1" }),
  sentiment: SentimentLabelSchema.optional(),
  source: z.string().min(1).max(512).optional(),
  story: z.string().min(1).max(128).optional(),
  since: isoTime.optional().meta({ description: "published (or first seen) at or after, ISO 8601" }),
  until: isoTime.optional().meta({ description: "published (or first seen) before, ISO 8601" }),
  q: z.string().trim().min(1).max(500).optional().meta({ description: "full-text query (words; quotes for phrases)" }),
});
export type ArticleFilter = z.infer<typeof ArticleFilterSchema>;

export const ArticleListQuerySchema = ArticleFilterSchema.extend({
  sort: z.enum(["time", "impact"]).default("time"),
  cursor: z.string().min(1).max(512).optional().meta({ description: "nextCursor of the previous page" }),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  asOf: isoTime.optional().meta({ description: "answer as the store knew it at this time (point in time)" }),
});

export const IdParamsSchema = z.object({ id: z.string().min(1).max(256) });
export const SymbolParamsSchema = z.object({ symbol });

const TickerBriefSchema = z.object({
  symbol: z.string(),
  name: z.string(),
  relevance: z.number(),
  role: z.string(),
  sentiment: z.number(),
});

export const ArticleSummarySchema = z.object({
  id: z.string(),
  seq: z.number().int(),
  title: z.string(),
  url: z.string().nullable(),
  source: z.string().nullable(),
  publishedAt: z.string().nullable(),
  firstSeenAt: z.string(),
  updatedAt: z.string(),
  storyId: z.string(),
  revision: z.number().int(),
  impact: z.object({ score: z.number(), direction: z.string() }).nullable(),
  sentiment: z.object({ score: z.number(), label: z.string() }).nullable(),
  tickers: z.array(TickerBriefSchema),
  topics: z.array(z.object({ id: z.string(), label: z.string(), score: z.number() })),
  summary: z.string(),
});
export type ArticleSummary = z.infer<typeof ArticleSummarySchema>;

export const ArticlePageSchema = z.object({ items: z.array(ArticleSummarySchema), nextCursor: z.string().nullable() });

export const RevisionSchema = z.object({
  revision: z.number().int(),
  title: z.string(),
  contentHash: z.string(),
  seenAt: z.string(),
});

export const ArticleDetailSchema = ArticleSummarySchema.extend({
  canonicalUrl: z.string().nullable(),
  language: z.string(),
  contentHash: z.string(),
  text: z.string(),
  html: z.string().nullable(),
  enrichment: EnrichmentSchema.nullable(),
  revisions: z.array(RevisionSchema),
});

export const StorySchema = z.object({
  id: z.string(),
  title: z.string(),
  firstSeenAt: z.string(),
  size: z.number().int(),
  articles: z.array(ArticleSummarySchema),
});

export const TickerSummarySchema = z.object({
  symbol: z.string(),
  articles: z.number().int(),
  avgImpact: z.number(),
  avgSentiment: z.number(),
  lastSeenAt: z.string().nullable(),
});
export const TickerListSchema = z.object({ items: z.array(TickerSummarySchema) });
export const TickerListQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100) });

export const SeriesPointSchema = z.object({ day: z.string(), articles: z.number().int(), maxImpact: z.number(), avgSentiment: z.number() });
export const TickerDetailSchema = z.object({
  symbol: z.string(),
  name: z.string().nullable(),
  exchange: z.string().nullable(),
  articles: z.number().int(),
  series: z.array(SeriesPointSchema),
  recent: z.array(ArticleSummarySchema),
});
export const TickerDetailQuerySchema = z.object({ days: z.coerce.number().int().min(1).max(3650).default(90) });

export const TopicListSchema = z.object({ items: z.array(z.object({ id: z.string(), label: z.string(), articles: z.number().int() })) });

export const SourceKindSchema = z.enum(["rss", "atom", "rdf", "jsonfeed", "feed"]);
export const SourceSchema = z.object({
  id: z.string(),
  kind: SourceKindSchema,
  url: z.string(),
  title: z.string().nullable(),
  intervalSec: z.number().int(),
  lastPolledAt: z.string().nullable(),
  nextPollAt: z.string().nullable(),
  lastError: z.string().nullable(),
  errorCount: z.number().int(),
  itemsSeen: z.number().int(),
  enabled: z.boolean(),
});
export const SourceListSchema = z.object({ items: z.array(SourceSchema) });
export const SourceCreateSchema = z.object({
  url: z.string().trim().min(1).max(2048),
  kind: SourceKindSchema.default("feed"),
  title: z.string().max(512).optional(),
  intervalSec: z.number().int().min(60).max(86_400).optional(),
});
export const SourceHealthSchema = SourceSchema.extend({
  healthy: z.boolean(),
  status: z.enum(["ok", "failing", "never_polled", "disabled"]),
});

const alertFields = {
  name: z.string().trim().min(1).max(200),
  tickers: z.array(symbol).max(200).default([]),
  topics: z.array(topicId).max(100).default([]),
  minImpact: z.number().min(0).max(1).default(0),
  sentiment: z.enum(["positive", "negative", "any"]).default("any"),
  webhookUrl: z.string().trim().min(1).max(2048),
  enabled: z.boolean().default(true),
};
export const AlertCreateSchema = z.object(alertFields);
export const AlertPatchSchema = z.object({
  name: alertFields.name.optional(),
  tickers: z.array(symbol).max(200).optional(),
  topics: z.array(topicId).max(100).optional(),
  minImpact: z.number().min(0).max(1).optional(),
  sentiment: z.enum(["positive", "negative", "any"]).optional(),
  webhookUrl: alertFields.webhookUrl.optional(),
  enabled: z.boolean().optional(),
});
export const AlertSchema = z.object({
  id: z.string(),
  name: z.string(),
  tickers: z.array(z.string()),
  topics: z.array(z.string()),
  minImpact: z.number(),
  sentiment: z.enum(["positive", "negative", "any"]),
  webhookUrl: z.string(),
  enabled: z.boolean(),
  createdAt: z.string(),
});
export const AlertCreatedSchema = AlertSchema.extend({
  secret: z.string().meta({ description: "HMAC secret for X-Impactwire-Signature; shown only in this answer" }),
});
export const AlertListSchema = z.object({ items: z.array(AlertSchema) });

export const DeliverySchema = z.object({
  id: z.string(),
  ruleId: z.string(),
  articleId: z.string(),
  status: z.enum(["pending", "delivered", "failed", "dead"]).meta({ description: "pending: queued or waiting for a retry; delivered; failed: every attempt failed; dead: rule deleted or disabled, or article gone" }),
  attempts: z.number().int(),
  lastStatus: z.number().int().nullable(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  createdAt: z.string(),
  deliveredAt: z.string().nullable(),
});
export const DeliveryListSchema = z.object({ items: z.array(DeliverySchema) });
export const DeliveryQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100) });

export const IngestArticleSchema = z.object({
  id: z.string().min(1).max(512).optional(),
  title: z.string().max(2_000).default(""),
  text: z.string().max(2_000_000).optional(),
  html: z.string().max(5_000_000).optional(),
  url: z.string().max(8_192).optional(),
  publishedAt: z.string().max(40).optional(),
  source: z.string().max(512).optional(),
});
export const IngestBodySchema = z.union([IngestArticleSchema, z.array(IngestArticleSchema).min(1).max(500)]);
export const IngestResultSchema = z.object({
  items: z.array(
    z.object({
      index: z.number().int(),
      status: z.enum(["created", "revised", "unchanged", "duplicate", "error"]),
      id: z.string().nullable(),
      seq: z.number().int().nullable(),
      revision: z.number().int().nullable(),
      error: z.object({ code: z.string(), message: z.string() }).optional(),
    }),
  ),
});

export const HealthSchema = z.object({
  status: z.enum(["ok", "degraded"]),
  version: z.string(),
  uptimeSec: z.number(),
  articles: z.number().int().nullable(),
  streamClients: z.number().int(),
  pendingDeliveries: z.number().int(),
  store: z.enum(["ok", "error"]),
});

/** The body of an alert webhook (POSTed, signed with X-Impactwire-Signature). */
export const WebhookPayloadSchema = z.object({
  type: z.literal("alert.matched"),
  deliveryId: z.string().meta({ description: "same as the X-Impactwire-Delivery header; retries keep it, so receivers can deduplicate" }),
  alert: z.object({ id: z.string(), name: z.string() }),
  article: ArticleSummarySchema,
  sentAt: z.string(),
});
export type WebhookPayload = z.infer<typeof WebhookPayloadSchema>;

export const EmptySchema = z.null();
