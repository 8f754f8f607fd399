/**
 * Text helpers shared by the feed parsers: HTML → plain text (tags stripped, entities decoded, whitespace
 * collapsed), URL absolutisation, stable hashes.
 */
import { createHash } from "node:crypto";
import { Parser } from "htmlparser2";

const BLOCK = new Set(["br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"]);
const SKIP = new Set(["script", "style", "noscript", "template"]);

/**
 * Strips tags and decodes HTML entities (named ones too: &nbsp; &eacute; &mdash;…), collapsing whitespace.
 * A lone "<" that does not start a tag is kept ("EPS < estimates").
 *
 * @example
 * htmlToPlain("<b>Fed</b> &amp; ECB &mdash; rates") // "Fed & ECB — rates"
 */
export function htmlToPlain(html: string): string {
  let out = "";
  let skipping = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (SKIP.has(name)) skipping++;
        if (BLOCK.has(name)) out += " ";
      },
      onclosetag(name) {
        if (SKIP.has(name) && skipping > 0) skipping--;
        if (BLOCK.has(name)) out += " ";
      },
      ontext(t) {
        if (!skipping) out += t;
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return collapse(out);
}

/**
 * Collapses runs of whitespace (including no-break spaces) into one space and trims.
 *
 * @example
 * collapse("  a \n\u00a0 b ") // "a b"
 */
export function collapse(s: string): string {
  return s.replace(/[\s\u00a0\u200b]+/g, " ").trim();
}

/**
 * Resolves a possibly relative link against a base; null when empty or unusable. Only http(s) results
 * are kept (a `javascript:` link is dropped).
 *
 * @example
 * absolutise("/a/1", "https://x.test/feed.xml") // "https://x.test/a/1"
 */
export function absolutise(link: string | null | undefined, base: string | null): string | null {
  const raw = (link ?? "").trim();
  if (!raw) return null;
  try {
    const u = new URL(raw, base ?? undefined);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
  } catch {
    return null;
  }
}

const URL_ATTR = /(<[a-zA-Z][^<>]*?\s(?:href|src|poster|cite)\s*=\s*)(["'])([^"'<>]*)\2/g;

/**
 * Rewrites relative href/src/poster/cite attribute values of an HTML fragment to absolute URLs.
 * Absolute URLs, fragments (#x), and unparsable values are left as they are.
 *
 * @example
 * absolutiseHtml('<a href="/x">x</a>', "https://a.test/feed") // '<a href="https://a.test/x">x</a>'
 */
export function absolutiseHtml(html: string | null, base: string | null): string | null {
  if (html === null || !base) return html;
  return html.replace(URL_ATTR, (all, head: string, quote: string, value: string) => {
    const v = value.trim();
    if (!v || v.startsWith("#") || /^[a-z][a-z0-9+.-]*:/i.test(v)) return all;
    try {
      return `${head}${quote}${new URL(v.replace(/&amp;/g, "&"), base).href.replace(/&/g, "&amp;")}${quote}`;
    } catch {
      return all;
    }
  });
}

/**
 * Short stable hash (sha256, first 32 hex digits) of the parts joined by newlines.
 *
 * @example
 * stableHash(["title", "2026-01-01T00:00:00.000Z"]).length // 32
 */
export function stableHash(parts: (string | null)[]): string {
  return createHash("sha256").update(parts.map((p) => p ?? "").join("\n")).digest("hex").slice(0, 32);
}

/**
 * Empty string → null, otherwise the trimmed string.
 *
 * @example
 * orNull("  ") // null
 */
export function orNull(s: string | null | undefined): string | null {
  const t = (s ?? "").trim();
  return t ? t : null;
}
