/**
 * The enrichment engine: one pure function from an article to its enrichment document.
 *
 *   normalize → link → classify → sentiment → events → impact → summarize → analyze
 *
 * No server, database or network: the same input and reference data give the same output.
 */
import { ArticleInputSchema, type ArticleInput } from "../contract/article.ts";
import type { Enrichment, Story } from "../contract/enrichment.ts";
import { ImpactwireError, EXIT } from "../core/errors.ts";
import { ENGINE_VERSION, SCHEMA_VERSION } from "../core/version.ts";
import type { Reference } from "../reference/reference.ts";
import { htmlToText } from "../ingest/extract/extract.ts";
import { normalize, type Doc } from "./normalize/normalize.ts";
import { link } from "./link/link.ts";
import { classify } from "./classify/classify.ts";
import { sentiment } from "./sentiment/sentiment.ts";
import { extractEvents } from "./events/events.ts";
import { scoreImpact } from "./impact/impact.ts";
import { summarize } from "./summarize/summarize.ts";
import { analyze } from "./analyze/analyze.ts";
import type { Findings } from "./findings.ts";
import { fastParse } from "./normalize/input.ts";

export interface EnrichOptions {
  /** Story context from the store (dedupe); without it the article is its own one-article story. */
  story?: Story;
  /** Largest accepted text, in characters (default 2,000,000). */
  maxChars?: number;
}

const DEFAULT_MAX_CHARS = 2_000_000;

function fail(code: string, message: string): never {
  throw new ImpactwireError("enrich", code, message, { exitCode: EXIT.input, status: 422 });
}

function parseInput(input: ArticleInput): ReturnType<typeof ArticleInputSchema.parse> {
  const parsed = ArticleInputSchema.safeParse(input);
  if (!parsed.success) fail("INVALID_INPUT", `invalid article: ${parsed.error.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("; ")}`);
  return parsed.data;
}

/**
 * Turns an input into the normalised `Doc`, extracting text from HTML when needed.
 *
 * @example
 * const doc = prepare({ title: "Fed holds rates", text: "The Federal Reserve…" });
 */
export function prepare(input: ArticleInput, options: EnrichOptions = {}): Doc {
  const a = fastParse(input) ?? parseInput(input);
  const max = options.maxChars ?? DEFAULT_MAX_CHARS;
  const raw = a.text ?? a.html ?? "";
  if (raw.length > max) fail("TOO_LARGE", `article is ${raw.length} characters; the limit is ${max}`);
  let title = a.title;
  let body = a.text ?? "";
  if (a.text === undefined && a.html !== undefined) {
    const extracted = htmlToText(a.html);
    body = extracted.text;
    if (!title) title = extracted.title;
  }
  if (/[\u0000-\u0008\u000e-\u001f]/.test(body.slice(0, 65_536))) fail("BINARY_INPUT", "article text contains control characters: is it a binary file?");
  const doc = normalize({ id: a.id, title, body, url: a.url, source: a.source, publishedAt: a.publishedAt });
  if (doc.wordCount === 0) fail("EMPTY_INPUT", "article has no text: give a title, text or html with words in it");
  return doc;
}

/**
 * Enriches one article: tickers, entities, topics, sentiment, events, impact, summary and analysis.
 *
 * @example
 * const ref = loadReference();
 * const e = enrich({ title: "Amazon to invest $50 billion in OpenAI", text: "…" }, ref);
 * e.impact.score; e.tickers.map((t) => t.symbol);
 */
export function enrich(input: ArticleInput, ref: Reference, options: EnrichOptions = {}): Enrichment {
  return enrichDoc(prepare(input, options), ref, options);
}

/**
 * Enriches an already normalised `Doc` (used by ingest, which normalises once for dedupe and enrichment).
 *
 * @example
 * const e = enrichDoc(prepare(input), loadReference());
 */
export function enrichDoc(doc: Doc, ref: Reference, options: EnrichOptions = {}): Enrichment {
  const linked = link(doc, ref);
  const topics = classify(doc, ref, linked);
  const sent = sentiment(doc, ref, linked);
  for (const t of linked.tickers) t.sentiment = sent.byTicker[t.symbol] ?? 0;
  const events = extractEvents(doc, ref, linked);
  const story = options.story ?? { id: `story:${doc.contentHash}`, size: 1, firstSeenAt: doc.publishedAt, novelty: 1 };
  const findings: Findings = { linked, topics, sentiment: sent, events, story };
  const impact = scoreImpact(doc, ref, findings);
  const summary = summarize(doc, ref, findings);
  const analysis = analyze(doc, ref, { ...findings, impact, summary });
  return {
    schemaVersion: SCHEMA_VERSION,
    engine: { name: "impactwire", version: ENGINE_VERSION },
    id: doc.id,
    article: {
      title: doc.title,
      url: doc.url,
      source: doc.source,
      publishedAt: doc.publishedAt,
      language: doc.language,
      wordCount: doc.wordCount,
      contentHash: doc.contentHash,
    },
    impact,
    tickers: linked.tickers,
    entities: linked.entities,
    topics,
    events,
    sentiment: sent.article,
    summary,
    analysis,
    story,
  };
}
