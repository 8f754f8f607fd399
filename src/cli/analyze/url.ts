/**
 * A URL given to `impactwire analyze` → an article input: fetched through the safe fetcher (SSRF guard,
 * deadlines, size limit from the config), refused unless it is an HTML page or text, decoded with the
 * charset of its Content-Type, <meta charset> or BOM, and its main text extracted.
 */
import type { ArticleInput } from "../../contract/article.ts";
import type { Config } from "../../core/config.ts";
import { ImpactwireError, EXIT } from "../../core/errors.ts";
import { assertPublicUrl, safeFetch } from "../../ingest/fetch/fetch.ts";
import { decodeHtml } from "../../ingest/extract/decode.ts";
import { articleFromHtml, articleFromText, binaryKind, looksLikeHtml } from "./input.ts";
import { fetchOptionsFrom } from "../../ingest/fetch/options.ts";

/**
 * Whether a command-line argument is meant as a URL (has a `scheme://`).
 *
 * @example
 * isUrlArgument("https://news.example/a") // true
 * isUrlArgument("articles/a.txt") // false
 */
export function isUrlArgument(arg: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(arg);
}

const ACCEPTED_TYPES = new Set(["text/html", "application/xhtml+xml", "text/plain", "text/markdown"]);

const unsupported = (url: string, what: string): ImpactwireError =>
  new ImpactwireError("analyze", "UNSUPPORTED_CONTENT", `${url} is ${what}, not an HTML page or text`, { exitCode: EXIT.fetch, status: 415 });

/**
 * Fetches one article page and extracts it.
 *
 * @example
 * const article = await articleFromUrl("https://news.example/markets/fed", loadConfig());
 */
export async function articleFromUrl(url: string, config: Config): Promise<ArticleInput> {
  if (!/^https?:\/\//i.test(url)) {
    throw new ImpactwireError("analyze", "UNSUPPORTED_URL", `only http and https URLs can be analysed, not ${url.split(":")[0]}:`, { exitCode: EXIT.input });
  }
  // Fail fast on a URL the guard refuses outright (scheme, credentials, private IP literal), before any request.
  assertPublicUrl(url, { allowPrivate: config.allowPrivateNetworks });
  const res = await safeFetch(url, {
    ...fetchOptionsFrom(config),
    headers: { accept: "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1" },
  });
  const type = (res.contentType ?? "").split(";")[0]!.trim().toLowerCase();
  const limits = { maxBytes: config.fetchMaxBytes, maxChars: config.maxArticleChars };
  const kind = binaryKind(res.body);
  if (type && !ACCEPTED_TYPES.has(type)) throw unsupported(res.url, type);
  if (kind) throw unsupported(res.url, kind);
  const decoded = decodeHtml(res.body, res.contentType).text;
  const html = type === "text/html" || type === "application/xhtml+xml" || (type !== "text/plain" && looksLikeHtml(decoded.slice(0, 4096)));
  const article = html ? articleFromHtml(decoded, res.url, limits, res.url) : { ...articleFromText(decoded, res.url, limits), url: res.url };
  return article;
}
