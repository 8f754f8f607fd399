/**
 * `impactwire feeds inspect URL`: fetches a feed through the safe fetcher and prints what it yields —
 * format, title, items, warnings — without storing anything (no database needed).
 */
import type { Config } from "../../core/config.ts";
import { safeFetch } from "../../ingest/fetch/fetch.ts";
import { parseFeed, type ParsedFeed } from "../../ingest/feeds/parse.ts";
import { fetchOptionsFrom } from "../../ingest/fetch/options.ts";


/**
 * Fetches and parses a feed (nothing stored).
 *
 * @example
 * const { feed, finalUrl } = await inspectFeed("https://example.com/feed.xml", loadConfig());
 */
export async function inspectFeed(url: string, config: Config): Promise<{ feed: ParsedFeed; finalUrl: string; bytes: number }> {
  const res = await safeFetch(url, {
    ...fetchOptionsFrom(config),
    headers: { accept: "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.5" },
  });
  return { feed: parseFeed(res.body, { url: res.url, contentType: res.contentType }), finalUrl: res.url, bytes: res.body.length };
}

function clip(s: string | null, n: number): string {
  if (!s) return "";
  const one = s.replace(/\s+/g, " ").trim();
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
}

/**
 * The human-readable report of `feeds inspect`.
 *
 * @example
 * process.stdout.write(renderInspect(feed, url, 10));
 */
export function renderInspect(feed: ParsedFeed, finalUrl: string, limit: number): string {
  const lines = [
    `${feed.title ?? "(untitled feed)"}`,
    `  format   ${feed.kind}${feed.version ? ` ${feed.version}` : ""}`,
    `  url      ${finalUrl}`,
    ...(feed.siteUrl ? [`  site     ${feed.siteUrl}`] : []),
    `  items    ${feed.items.length}`,
    "",
  ];
  for (const item of feed.items.slice(0, limit)) {
    lines.push(`• ${clip(item.title, 100) || "(no title)"}`);
    lines.push(`    ${item.publishedAt ?? "undated"}${item.author ? ` · ${clip(item.author, 40)}` : ""}${item.categories.length ? ` · ${item.categories.slice(0, 4).join(", ")}` : ""}`);
    if (item.url) lines.push(`    ${item.url}`);
    lines.push(`    guid ${clip(item.guid, 90)}`);
  }
  if (feed.items.length > limit) lines.push(`… and ${feed.items.length - limit} more (--limit N, or --json for everything)`);
  if (feed.warnings.length) lines.push("", "warnings:", ...feed.warnings.map((w) => `  - ${w}`));
  return `${lines.join("\n")}\n`;
}
