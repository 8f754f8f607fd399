/**
 * Stage 1 — normalise: one article input becomes a `Doc`: NFC text with the title as its first
 * paragraph, paragraph and sentence spans, word count, language and content hash. Every later stage
 * reads the `Doc`; every offset in the enrichment points into `doc.text`.
 */
import * as crypto from "node:crypto";
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

/** Hex SHA-256 of a string: the one-shot `crypto.hash` where Node has it (20.12+), else a `Hash` object. */
const sha256Hex: (s: string) => string =
  typeof crypto.hash === "function" ? (s) => crypto.hash("sha256", s, "hex") : (s) => crypto.createHash("sha256").update(s).digest("hex");

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
  const nfc = NFC_MAY_CHANGE.test(raw) ? raw.normalize("NFC") : raw;
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

/**
 * A code unit from U+0300 up: below it no character decomposes and no two compose (checked for every
 * character and pair), so NFC gives such a text back unchanged and is not run on it.
 */
const NFC_MAY_CHANGE = /[^\u0000-\u02ff]/;

/** Something one of cleanText's replacements would change (most texts have none: then only `trim` is left). */
const NEEDS_CLEANING = /[\r\t\v\f\u00a0\u2000-\u200d\u202f\u205f\u3000\ufeff]|  | \n|\n |\n\n\n/;

function isClean(s: string): boolean {
  return !NEEDS_CLEANING.test(s);
}

/** The runs of `/[^\n]+/g`, found with `indexOf` (no match objects). */
function paragraphSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (let i = 0; i < text.length; ) {
    const nl = text.indexOf("\n", i);
    const end = nl < 0 ? text.length : nl;
    if (end > i) spans.push({ start: i, end });
    i = end + 1;
  }
  return spans;
}

const LANGUAGE_SAMPLE = 400;
const STOPWORD_MAX_LENGTH = Math.max(...[...ENGLISH_STOPWORDS].map((w) => w.length));

/** A word of up to 6 ASCII letters as a number (5 bits a letter, lower-cased), or -1 for any other word. */
function letterKey(text: string, start: number, end: number): number {
  if (end - start > 6) return -1;
  let key = 0;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    const c = code | 32; // A-Z → a-z
    if (code > 122 || c < 97 || c > 122) return -1;
    key = (key << 5) | (c - 96);
  }
  return key;
}

const STOPWORD_KEYS = new Set([...ENGLISH_STOPWORDS].filter((w) => w === w.toLowerCase()).map((w) => letterKey(w, 0, w.length)));

/** `ENGLISH_STOPWORDS.has(word.toLowerCase())`, without building the word when it is ASCII letters. */
function isStopword(text: string, start: number, end: number): boolean {
  if (end - start > STOPWORD_MAX_LENGTH) return false; // lower-casing never shortens a word
  const key = letterKey(text, start, end);
  return key >= 0 ? STOPWORD_KEYS.has(key) : ENGLISH_STOPWORDS.has(text.slice(start, end).toLowerCase());
}

/** Is the ASCII code `c` a letter or digit (`[\p{L}\p{N}]` for ASCII)? */
function asciiWord(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

/** Per ASCII code: 1 starts and continues a word (letter, digit), 2 only continues it (' . -), 0 neither. */
const ASCII_WORD = Uint8Array.from({ length: 128 }, (_, c) => (asciiWord(c) ? 1 : c === 39 || c === 46 || c === 45 ? 2 : 0));

/** End of the word of `/[\p{L}\p{N}][\p{L}\p{N}'’.-]*‌/u` whose first code point ends at `e`. */
function wordEnd(text: string, e: number): number {
  const n = text.length;
  while (e < n) {
    const d = text.charCodeAt(e);
    if (d < 128) {
      if (ASCII_WORD[d] === 0) break;
      e++;
    } else if (d === 0x2019) e++;
    else {
      const k = letterOrNumberAt(text, e);
      if (!k) break;
      e += k;
    }
  }
  return e;
}

/** Words (`/[\p{L}\p{N}][\p{L}\p{N}'’.-]*‌/gu`) and whether the first 400 have enough English stopwords. */
function detectLanguage(text: string): { language: string; words: number } {
  let words = 0;
  let hits = 0;
  const n = text.length;
  for (let i = 0; i < n; ) {
    const c = text.charCodeAt(i);
    const first = c < 128 ? ASCII_WORD[c]! & 1 : letterOrNumberAt(text, i);
    if (!first) {
      i++; // the half of a surrogate pair is not a word character either
      continue;
    }
    const e = wordEnd(text, i + first);
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
  const contentHash = sha256Hex(text).slice(0, 16);
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
