/**
 * Escape-by-default HTML templates. `html\`…\`` escapes every interpolated value unless it is a
 * `Raw` produced by this module (another `html` template, or `raw()` called by our own trusted code).
 * Arrays are joined (each item escaped unless raw); `null`, `undefined` and `false` render nothing.
 * URLs destined for `href`/`src` go through `safeUrl`, which only lets http(s) and relative URLs through.
 */

const RAW = Symbol("impactwire.raw");

/** A piece of HTML that is already safe. Only `html` and `raw` make one. */
export interface Raw {
  readonly [RAW]: true;
  readonly value: string;
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;", "`": "&#96;" };

/**
 * Escapes text for HTML element content and quoted attribute values.
 *
 * @example
 * escapeHtml('<a href="x">') // "&lt;a href=&quot;x&quot;&gt;"
 */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"'`]/g, (c) => ESCAPES[c] ?? c);
}

/**
 * Marks a string produced by trusted code as safe HTML. Never call it on data from articles or users.
 *
 * @example
 * raw("<br>")
 */
export function raw(value: string): Raw {
  return { [RAW]: true, value };
}

function isRaw(v: unknown): v is Raw {
  return typeof v === "object" && v !== null && (v as Record<symbol, unknown>)[RAW] === true;
}

function render(v: unknown): string {
  if (v === null || v === undefined || v === false) return "";
  if (isRaw(v)) return v.value;
  if (Array.isArray(v)) return v.map(render).join("");
  return escapeHtml(String(v));
}

/**
 * The tagged template: every interpolation is escaped unless it is `Raw`.
 *
 * @example
 * const title = "<script>alert(1)</script>";
 * html`<h1>${title}</h1>`.value // "<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>"
 */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Raw {
  let out = strings[0] ?? "";
  for (let i = 0; i < values.length; i++) out += render(values[i]) + (strings[i + 1] ?? "");
  return raw(out);
}

/**
 * Returns the URL if it is http(s) or relative (path, query or fragment), else `null`. Control
 * characters and whitespace tricks ("java\tscript:") are refused, as is any other scheme.
 *
 * @example
 * safeUrl("https://example.com/a") // "https://example.com/a"
 * safeUrl("javascript:alert(1)")    // null
 * safeUrl("/ticker/AMZN")           // "/ticker/AMZN"
 */
export function safeUrl(url: string | null | undefined): string | null {
  if (typeof url !== "string") return null;
  const u = url.trim();
  if (u === "" || u.length > 8192) return null;
  if (/[\u0000-\u001f\u007f\s\\]/.test(u)) return null;
  if (u.startsWith("//")) return null;
  if (/^[a-z][a-z0-9+.-]*:/i.test(u)) {
    try {
      const parsed = new URL(u);
      return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
    } catch {
      return null;
    }
  }
  // Relative: a path, a query or a fragment; a colon before the first slash would be a scheme.
  const firstSlash = u.indexOf("/");
  const colon = u.indexOf(":");
  if (colon !== -1 && (firstSlash === -1 || colon < firstSlash)) return null;
  return u;
}

/**
 * Serialises data for a `<script type="application/json">` data island: `<`, `>`, `&` and the line
 * separators are escaped as `\u00XX` so the text can never close the script element.
 *
 * @example
 * html`<script type="application/json" id="d">${jsonIsland({ a: "</script>" })}</script>`
 */
export function jsonIsland(data: unknown): Raw {
  const text = JSON.stringify(data) ?? "null";
  return raw(text.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`));
}
