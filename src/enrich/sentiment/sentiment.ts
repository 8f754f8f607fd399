// PLACEHOLDER owned by the sentiment work.
import type { Doc } from "../normalize/normalize.ts";
import type { Reference } from "../../reference/reference.ts";
import type { Sentiment } from "../../contract/enrichment.ts";
import type { LinkResult } from "../link/link.ts";

export interface SentimentResult {
  article: Sentiment;
  /** Per linked ticker symbol, -1..1. */
  byTicker: Record<string, number>;
}

export function sentiment(_doc: Doc, _ref: Reference, _linked: LinkResult): SentimentResult {
  return { article: { score: 0, label: "neutral", coverage: 0 }, byTicker: {} };
}
