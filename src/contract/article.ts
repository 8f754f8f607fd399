/**
 * What arrives to be enriched: one article as given by a caller, a feed, the API or an NDJSON line.
 * Only one of `text`, `html` is needed for `enrich`; `url` alone is resolved by the CLI/ingest (fetch + extract).
 */
import { z } from "zod";

export const ArticleInputSchema = z.object({
  id: z.string().min(1).max(512).optional(),
  title: z.string().max(2_000).default(""),
  text: z.string().optional(),
  html: z.string().optional(),
  url: z.string().max(8_192).optional(),
  publishedAt: z.string().optional(),
  source: z.string().max(512).optional(),
});

export type ArticleInput = z.input<typeof ArticleInputSchema>;
