/**
 * Allow-list HTML sanitiser for article content shown by the UI and stored by ingest. Only safe
 * structural and inline tags survive with a few safe attributes; scripts, styles, embeds and forms are
 * dropped with their content; every other tag is unwrapped (its text kept). Links keep only http(s)
 * and mailto URLs, images only http(s) (never `javascript:`, `data:`, `vbscript:`…); with a base URL,
 * relative links are made absolute; every link gets `rel="noopener noreferrer"`.
 */
import { Parser } from "htmlparser2";

const GLOBAL_ATTRS: readonly string[] = [];
/** Allowed tags → their allowed attributes (a Map: tag names such as "constructor" must not match). */
const ALLOWED = new Map<string, readonly string[]>([
  ["a", ["href", "title"]],
  ["img", ["src", "alt", "title", "width", "height"]],
  ["td", ["colspan", "rowspan"]],
  ["th", ["colspan", "rowspan", "scope"]],
  ["ol", ["start", "reversed"]],
  ["blockquote", ["cite"]],
  ["q", ["cite"]],
  ["time", ["datetime"]],
  ["abbr", ["title"]],
]);
for (const tag of (
  "p br hr h1 h2 h3 h4 h5 h6 pre code kbd samp ul li dl dt dd strong b em i u s del ins sub sup small mark cite " +
  "figure figcaption table thead tbody tfoot tr caption div span section article"
).split(" ")) {
  if (!ALLOWED.has(tag)) ALLOWED.set(tag, GLOBAL_ATTRS);
}

/** Removed together with everything inside them. */
const DROP = new Set(
  ("script style noscript template iframe frame frameset object embed applet svg math head title textarea select " +
    "option button canvas audio video map xmp plaintext noembed noframes").split(" "),
);
const VOID = new Set(["br", "hr", "img"]);
const URL_ATTRS = new Set(["href", "src", "cite"]);
const LINK_SCHEMES = new Set(["http:", "https:", "mailto:"]);
const MEDIA_SCHEMES = new Set(["http:", "https:"]);

const escapeText = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const escapeAttr = (s: string): string => escapeText(s).replace(/"/g, "&quot;").replace(/'/g, "&#39;");

/**
 * A URL safe to put in `href`/`src`, made absolute against `baseUrl` when given; null when unsafe.
 *
 * @example
 * safeUrl("/markets/fed", "https://news.example.com/a/1") // "https://news.example.com/markets/fed"
 * safeUrl(" java\tscript:alert(1)") // null
 */
export function safeUrl(value: string, baseUrl?: string, schemes: ReadonlySet<string> = LINK_SCHEMES): string | null {
  const trimmed = value.replace(/^[\s\u0000-\u001f]+|[\s\u0000-\u001f]+$/g, "");
  if (!trimmed) return null;
  // Browsers ignore tabs, newlines and control characters inside a scheme: check the URL as they read it.
  const probe = trimmed.replace(/[\s\u0000-\u001f\u007f]/g, "").toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*:)/.exec(probe)?.[1];
  if (scheme && !schemes.has(scheme)) return null;
  if (/^[^/?#]*:/.test(probe) && !scheme) return null; // "1:foo" and other odd scheme-like prefixes
  if (!baseUrl) return trimmed;
  try {
    const url = new URL(trimmed, baseUrl);
    return schemes.has(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

function attributes(tag: string, attribs: Record<string, string>, baseUrl: string | undefined): string {
  const allowed = ALLOWED.get(tag) ?? GLOBAL_ATTRS;
  let out = "";
  for (const name of allowed) {
    const raw = attribs[name];
    if (raw === undefined) continue;
    let value: string | null = raw;
    if (URL_ATTRS.has(name)) value = safeUrl(raw, baseUrl, tag === "img" ? MEDIA_SCHEMES : LINK_SCHEMES);
    else if (["width", "height", "colspan", "rowspan", "start"].includes(name) && !/^\d{1,5}$/.test(raw.trim())) value = null;
    if (value === null) continue;
    out += ` ${name}="${escapeAttr(value)}"`;
  }
  if (tag === "a") out += ' rel="noopener noreferrer"';
  return out;
}

/**
 * Sanitises an HTML fragment or page to the allow-list (see module doc).
 *
 * @example
 * sanitizeHtml('<p onclick="x()">Hi <a href="/q">quote</a><script>evil()</script></p>', "https://ex.com/a")
 * // '<p>Hi <a href="https://ex.com/q" rel="noopener noreferrer">quote</a></p>'
 */
export function sanitizeHtml(html: string, baseUrl?: string): string {
  const out: string[] = [];
  let dropDepth = 0;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (DROP.has(name)) dropDepth++;
        if (dropDepth > 0 || !ALLOWED.has(name)) return;
        const attrs = attributes(name, attribs, baseUrl);
        if (name === "img" && !attrs.includes(" src=")) return;
        out.push(`<${name}${attrs}>`);
      },
      onclosetag(name) {
        if (DROP.has(name)) {
          dropDepth = Math.max(0, dropDepth - 1);
          return;
        }
        if (dropDepth === 0 && ALLOWED.has(name) && !VOID.has(name)) out.push(`</${name}>`);
      },
      ontext(text) {
        if (dropDepth === 0) out.push(escapeText(text));
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: false },
  );
  parser.write(html);
  parser.end();
  return out.join("");
}
