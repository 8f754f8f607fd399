/**
 * Stage 1 — normalise: one article input becomes a `Doc`: NFC text with the title as its first
 * paragraph, paragraph and sentence spans, word count, language and content hash. Every later stage
 * reads the `Doc`; every offset in the enrichment points into `doc.text`.
 */
import { createHash } from "node:crypto";
import { splitSentences } from "./sentences.ts";

export interface Span {
  start: number;
  end: number;
}

export interface Doc {
  id: string;
  title: string;
  /** `title + "\n\n" + body`, normalised. All offsets point here. */
  text: string;
  /** Offset where the body starts in `text` (equals `text.length` when there is no body). */
  bodyStart: number;
  paragraphs: Span[];
  sentences: Span[];
  url: string | null;
  source: string | null;
  publishedAt: string | null;
  language: string;
  wordCount: number;
  contentHash: string;
}

export interface NormalizeInput {
  id?: string | undefined;
  title?: string | undefined;
  body: string;
  url?: string | undefined;
  source?: string | undefined;
  publishedAt?: string | undefined;
}

const ENGLISH_STOPWORDS = new Set(
  "the of and to in a is that for on with as by at from it its was are be has have will said this an or which but not".split(" "),
);

/**
 * Normalises whitespace and Unicode of a block of text, keeping paragraph breaks (blank lines).
 *
 * @example
 * cleanText("A  b\r\n\r\n\r\nc") // "A b\n\nc"
 */
export function cleanText(raw: string): string {
  return raw
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000\t\f\v]/g, " ")
    .replace(/[\u200b\u200c\u200d\ufeff]/g, "")
    .replace(/ +/g, " ")
    .replace(/ *\n */g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

function paragraphSpans(text: string): Span[] {
  const spans: Span[] = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) spans.push({ start: m.index, end: m.index + m[0].length });
  return spans;
}

function detectLanguage(text: string): { language: string; words: number } {
  const words = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu) ?? [];
  let hits = 0;
  for (let i = 0; i < words.length && i < 400; i++) if (ENGLISH_STOPWORDS.has(words[i]!.toLowerCase())) hits++;
  const sample = Math.min(words.length, 400);
  const english = sample < 30 ? hits > 0 || sample < 12 : hits / sample >= 0.08;
  const language = sample === 0 ? "und" : english ? "en" : "und";
  return { language, words: words.length };
}

/**
 * Builds the `Doc` every stage reads.
 *
 * @example
 * const doc = normalize({ title: "Apple beats", body: "Apple Inc. reported..." });
 * doc.text.slice(doc.sentences[0].start, doc.sentences[0].end) // "Apple beats"
 */
export function normalize(input: NormalizeInput): Doc {
  const title = cleanText(input.title ?? "").replace(/\n+/g, " ");
  const body = cleanText(input.body);
  const text = title && body ? `${title}\n\n${body}` : title || body;
  const bodyStart = title && body ? title.length + 2 : title ? text.length : 0;
  const paragraphs = paragraphSpans(text);
  const sentences = paragraphs.flatMap((p) => splitSentences(text, p));
  const contentHash = createHash("sha256").update(text).digest("hex").slice(0, 16);
  const { language, words } = detectLanguage(text);
  return {
    id: input.id ?? `sha256:${contentHash}`,
    title,
    text,
    bodyStart,
    paragraphs,
    sentences,
    url: input.url ?? null,
    source: input.source ?? null,
    publishedAt: input.publishedAt ?? null,
    language,
    wordCount: words,
    contentHash,
  };
}
