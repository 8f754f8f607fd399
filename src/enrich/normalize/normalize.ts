/**
 * Stage 1 — normalise: one article input becomes a `Doc`: NFC text with the title as its first
 * paragraph, paragraph and sentence spans, word count, language and content hash. Every later stage
 * reads the `Doc`; every offset in the enrichment points into `doc.text`.
 */
import { createHash } from "node:crypto";
import { splitSentences } from "./sentences.ts";
import { letterOrNumberAt } from "./chars.ts";

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
  const nfc = raw.normalize("NFC");
  if (isClean(nfc)) return nfc.trim();
  return nfc
    .replace(/\r\n?/g, "\n")
    .replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000\t\f\v]/g, " ")
    .replace(/[\u200b\u200c\u200d\ufeff]/g, "")
    .replace(/ +/g, " ")
    .replace(/ *\n */g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** Whether none of cleanText's replacements would change `s` (most texts: then only `trim` is left). */
function isClean(s: string): boolean {
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 32) {
      const next = s.charCodeAt(i + 1);
      if (next === 32 || next === 10 || (i > 0 && s.charCodeAt(i - 1) === 10)) return false;
    } else if (c === 10) {
      if (s.charCodeAt(i + 1) === 10 && s.charCodeAt(i + 2) === 10) return false;
    } else if (c < 32) {
      if (c === 13 || c === 9 || c === 11 || c === 12) return false;
    } else if (c >= 0xa0) {
      if (c === 0xa0 || (c >= 0x2000 && c <= 0x200d) || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff) return false;
    }
  }
  return true;
}

function paragraphSpans(text: string): Span[] {
  const spans: Span[] = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) spans.push({ start: m.index, end: m.index + m[0].length });
  return spans;
}

const LANGUAGE_SAMPLE = 400;

/** An ASCII word of up to 6 characters as a number (7 bits a character, lower-cased), or -1. */
function asciiKey(text: string, start: number, end: number): number {
  if (end - start > 6) return -1;
  let key = 0;
  for (let i = end - 1; i >= start; i--) {
    let c = text.charCodeAt(i);
    if (c >= 128) return -1;
    if (c >= 65 && c <= 90) c += 32;
    key = key * 128 + c;
  }
  return key;
}

const STOPWORD_KEYS = new Set([...ENGLISH_STOPWORDS].map((w) => asciiKey(w, 0, w.length)));

function isStopword(text: string, start: number, end: number): boolean {
  const key = asciiKey(text, start, end);
  if (key >= 0) return STOPWORD_KEYS.has(key);
  return ENGLISH_STOPWORDS.has(text.slice(start, end).toLowerCase());
}

/** Is the ASCII code `c` a letter or digit (`[\p{L}\p{N}]` for ASCII)? */
function asciiWord(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

/** Continues a word of `/[\p{L}\p{N}][\p{L}\p{N}'’.-]*‌/u`: length of the code point at `i`, or 0. */
function wordPartAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return asciiWord(c) || c === 39 || c === 46 || c === 45 ? 1 : 0;
  return c === 0x2019 ? 1 : letterOrNumberAt(text, i);
}

/** Words (`/[\p{L}\p{N}][\p{L}\p{N}'’.-]*‌/gu`) and whether the first 400 have enough English stopwords. */
function detectLanguage(text: string): { language: string; words: number } {
  let words = 0;
  let hits = 0;
  const n = text.length;
  for (let i = 0; i < n; ) {
    const c = text.charCodeAt(i);
    const first = c < 128 ? (asciiWord(c) ? 1 : 0) : letterOrNumberAt(text, i);
    if (!first) {
      i++; // the half of a surrogate pair is not a word character either
      continue;
    }
    let e = i + first;
    for (let k = wordPartAt(text, e); e < n && k; k = wordPartAt(text, e)) e += k;
    if (words < LANGUAGE_SAMPLE && isStopword(text, i, e)) hits++;
    words++;
    i = e;
  }
  const sample = Math.min(words, LANGUAGE_SAMPLE);
  const english = sample < 30 ? hits > 0 || sample < 12 : hits / sample >= 0.08;
  const language = sample === 0 ? "und" : english ? "en" : "und";
  return { language, words };
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
