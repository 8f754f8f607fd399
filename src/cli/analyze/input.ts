/**
 * Raw input of `impactwire analyze` → an article input: bounded reading of files and stdin, binary and
 * encoding checks, HTML sniffing and main-text extraction, and the plain-text title convention
 * (the first line is the title when a blank line follows it).
 */
import { open, stat } from "node:fs/promises";
import type { ArticleInput } from "../../contract/article.ts";
import { ImpactwireError, EXIT } from "../../core/errors.ts";
import { decodeHtml, firstInvalidUtf8 } from "../../ingest/extract/decode.ts";
import { extractArticle } from "../../ingest/extract/extract.ts";

export interface InputLimits {
  /** Bytes read at most from a file or stdin. */
  maxBytes: number;
  /** Characters of article text accepted. */
  maxChars: number;
}

const fail = (code: string, message: string, exitCode: number = EXIT.input): never => {
  throw new ImpactwireError("analyze", code, message, { exitCode, status: 422 });
};

const mib = (n: number): string => `${(n / 1024 / 1024).toFixed(n % (1024 * 1024) === 0 ? 0 : 1)} MiB`;

function tooLarge(what: string, maxBytes: number): never {
  return fail("TOO_LARGE", `${what} is larger than ${mib(maxBytes)} (MAX_INPUT_BYTES); split it or raise the limit`);
}

/**
 * Reads a whole file, refusing (before reading) anything larger than `maxBytes`.
 *
 * @example
 * const bytes = await readFileLimited("article.html", 10 * 1024 * 1024);
 */
export async function readFileLimited(path: string, maxBytes: number): Promise<Buffer> {
  let info;
  try {
    info = await stat(path);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file" : code === "EACCES" ? "permission denied" : (cause as Error).message;
    throw new ImpactwireError("analyze", "CANNOT_READ", `cannot read ${path}: ${why}`, { cause, exitCode: EXIT.input });
  }
  if (info.isDirectory()) fail("CANNOT_READ", `${path} is a directory, not an article file`);
  if (info.isFile() && info.size > maxBytes) tooLarge(path, maxBytes);
  // Not a regular file (a FIFO, /dev/stdin…): read it as a stream with the same bound.
  const handle = await open(path, "r");
  try {
    return await readStreamLimited(handle.createReadStream({ autoClose: false }), maxBytes, path);
  } finally {
    await handle.close();
  }
}

/**
 * Reads a stream to its end, stopping with TOO_LARGE as soon as it passes `maxBytes`.
 *
 * @example
 * const bytes = await readStreamLimited(process.stdin, 10 * 1024 * 1024, "standard input");
 */
export async function readStreamLimited(stream: NodeJS.ReadableStream & { destroy?: () => void }, maxBytes: number, what: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buf = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
    size += buf.length;
    if (size > maxBytes) {
      stream.destroy?.();
      tooLarge(what, maxBytes);
    }
    chunks.push(buf);
  }
  return Buffer.concat(chunks, size);
}

const MAGIC: [string, number[]][] = [
  ["a PNG image", [0x89, 0x50, 0x4e, 0x47]],
  ["a JPEG image", [0xff, 0xd8, 0xff]],
  ["a GIF image", [0x47, 0x49, 0x46, 0x38]],
  ["a PDF document", [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ["a ZIP archive (or Office document)", [0x50, 0x4b, 0x03, 0x04]],
  ["gzip-compressed data", [0x1f, 0x8b]],
  ["an executable", [0x7f, 0x45, 0x4c, 0x46]],
];

/**
 * What a byte buffer is when it is binary rather than text ("a PNG image", "binary data"), or null for text.
 * Binary: a known file signature, a NUL byte, or more than 1% control characters in the first 64 KB.
 *
 * @example
 * binaryKind(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d])) // "a PNG image"
 * binaryKind(Buffer.from("plain text\n")) // null
 */
export function binaryKind(bytes: Uint8Array): string | null {
  for (const [name, sig] of MAGIC) if (sig.every((b, i) => bytes[i] === b)) return name;
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return null; // UTF-16 text
  const n = Math.min(bytes.length, 65_536);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return "binary data (it contains NUL bytes)";
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return n > 0 && control / n > 0.01 ? "binary data (too many control characters)" : null;
}

/**
 * Whether a text looks like HTML markup rather than plain prose.
 *
 * @example
 * looksLikeHtml("<!doctype html><html>…") // true
 * looksLikeHtml("Apple beats estimates\n\nApple Inc. said…") // false
 */
export function looksLikeHtml(head: string): boolean {
  const start = head.slice(0, 4096).replace(/^\ufeff/, "").trimStart();
  if (/^(<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<\?xml[^>]*>\s*<(!doctype\s+)?html)/i.test(start)) return true;
  const tags = start.match(/<\/?(p|div|br|span|a|article|section|h[1-6]|li|ul|table|meta|title|script|style|body|head)\b[^>]*>/gi);
  return (tags?.length ?? 0) >= 3;
}

/**
 * Splits plain text into title and body: the first line is the title when a blank line follows it.
 *
 * @example
 * splitTitle("Fed holds rates\n\nThe Federal Reserve…") // { title: "Fed holds rates", text: "The Federal Reserve…" }
 */
export function splitTitle(text: string): { title: string; text: string } {
  const m = /^[ \t]*([^\n]{1,300}?)[ \t]*\r?\n[ \t]*\r?\n([\s\S]*)$/.exec(text.replace(/^\ufeff/, "").replace(/^\s*\n/, ""));
  return m && m[2]!.trim() ? { title: m[1]!, text: m[2]! } : { title: "", text };
}

/**
 * Turns the bytes of one input (file, stdin or NDJSON-free single article) into an article input.
 * Plain text must be valid UTF-8 (or carry a UTF-16 BOM); HTML is decoded by its BOM or <meta charset>.
 *
 * @example
 * const article = articleFromBytes(await readFileLimited("a.txt", 1e7), "a.txt", { maxBytes: 1e7, maxChars: 2e6 });
 */
export function articleFromBytes(bytes: Buffer, what: string, limits: InputLimits, baseUrl?: string): ArticleInput {
  if (bytes.length > limits.maxBytes) tooLarge(what, limits.maxBytes);
  const kind = binaryKind(bytes);
  if (kind) fail("BINARY_INPUT", `${what} looks like ${kind}, not an article: give plain text or HTML`);
  const html = looksLikeHtml(bytes.subarray(0, 4096).toString("latin1"));
  let text: string;
  try {
    text = decodeHtml(bytes, null, { fatal: true }).text;
  } catch (cause) {
    throw new ImpactwireError(
      "analyze",
      "INVALID_UTF8",
      `${what} is not valid UTF-8 (first bad byte at offset ${firstInvalidUtf8(bytes)}); convert it, e.g. iconv -f WINDOWS-1252 -t UTF-8`,
      { cause, exitCode: EXIT.input, status: 422 },
    );
  }
  return html ? articleFromHtml(text, what, limits, baseUrl) : articleFromText(text, what, limits);
}

/**
 * A plain-text article (title convention applied), after the emptiness and size checks.
 *
 * @example
 * articleFromText("Title\n\nBody…", "stdin", { maxBytes: 1e7, maxChars: 2e6 })
 */
export function articleFromText(raw: string, what: string, limits: InputLimits): ArticleInput {
  if (!raw.trim()) fail("EMPTY_INPUT", `${what} is empty: there is no text to analyse`);
  if (raw.length > limits.maxChars) fail("TOO_LARGE", `${what} has ${raw.length} characters; the limit is ${limits.maxChars} (MAX_ARTICLE_CHARS)`);
  return splitTitle(raw);
}

/**
 * An HTML page → its main text, title, publication time and site name.
 *
 * @example
 * articleFromHtml("<html>…</html>", "https://news.example/a", limits, "https://news.example/a")
 */
export function articleFromHtml(html: string, what: string, limits: InputLimits, baseUrl?: string): ArticleInput {
  const page = extractArticle(html, { ...(baseUrl ? { baseUrl } : {}), withHtml: false });
  if (!page.text.trim() && !page.title) fail("EMPTY_INPUT", `${what} is an HTML page without article text`);
  if (page.text.length > limits.maxChars) fail("TOO_LARGE", `${what} has ${page.text.length} characters of text; the limit is ${limits.maxChars} (MAX_ARTICLE_CHARS)`);
  const source = page.siteName ?? (baseUrl ? new URL(baseUrl).hostname : undefined);
  return {
    title: page.title,
    text: page.text,
    ...(baseUrl ? { url: baseUrl } : {}),
    ...(page.publishedAt ? { publishedAt: page.publishedAt } : {}),
    ...(source ? { source } : {}),
  };
}
