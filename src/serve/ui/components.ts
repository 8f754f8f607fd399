/** Reusable pieces of the pages: impact badge, ticker chips, topic tags, feed rows. All escape by default. */
import type { ArticleRecord } from "../../store/store.ts";
import type { TickerLink, Topic } from "../../contract/enrichment.ts";
import { html, type Raw } from "./html.ts";
import { fmtScore, fmtSigned, fmtTime, impactBand, relTime, sentimentClass } from "./format.ts";

/** The host used by the demo corpus' invented links; articles from it (or "Demo …" sources) are demo data. */
export const DEMO_HOST = "demo.impactwire.example";

/**
 * Whether an article belongs to the bundled demo corpus.
 *
 * @example
 * isDemo({ source: "Demo Wire", url: null }) // true
 */
export function isDemo(a: Pick<ArticleRecord, "source" | "url">): boolean {
  if (a.source?.startsWith("Demo ")) return true;
  try {
    return a.url !== null && new URL(a.url).hostname === DEMO_HOST;
  } catch {
    return false;
  }
}

/**
 * The coloured impact badge ("0.44", band as class and in the accessible label).
 *
 * @example
 * impactBadge(0.44)
 */
export function impactBadge(score: number | null | undefined): Raw {
  if (score === null || score === undefined) return html`<span class="badge badge-none" title="Not enriched yet">–</span>`;
  const band = impactBand(score);
  return html`<span class="badge badge-${band}" title="Market impact ${fmtScore(score)} (${band})"><span class="visually-hidden">Market impact </span>${fmtScore(score)}</span>`;
}

/**
 * A ticker chip linking to its page; `detailed` adds the role and the per-ticker sentiment.
 *
 * @example
 * tickerChip({ symbol: "AMZN", role: "subject", sentiment: 0.4, … }, true)
 */
export function tickerChip(t: Pick<TickerLink, "symbol" | "role" | "sentiment" | "name">, detailed = false): Raw {
  const href = `/ticker/${encodeURIComponent(t.symbol)}`;
  if (!detailed) return html`<a class="chip" href="${href}" title="${t.name}">${t.symbol}</a>`;
  const cls = sentimentClass(t.sentiment);
  return html`<a class="chip chip-detailed" href="${href}" title="${t.name}: ${t.role}, sentiment ${fmtSigned(t.sentiment)}"><span class="chip-sym">${t.symbol}</span> <span class="chip-role">${t.role}</span> <span class="sent sent-${cls}">${fmtSigned(t.sentiment)}</span></a>`;
}

/**
 * A topic tag linking to the topic page.
 *
 * @example
 * topicTag({ id: "ai", label: "Artificial Intelligence", score: 0.9 })
 */
export function topicTag(t: Pick<Topic, "id" | "label">): Raw {
  return html`<a class="tag" href="/topic/${encodeURIComponent(t.id)}">${t.label}</a>`;
}

/**
 * A `<time>` element with the relative time as text and the absolute time as title.
 *
 * @example
 * timeTag("2026-11-28T14:05:00Z")
 */
export function timeTag(iso: string | null | undefined, now: Date = new Date()): Raw {
  if (!iso) return html``;
  return html`<time datetime="${iso}" title="${fmtTime(iso)}">${relTime(iso, now)}</time>`;
}

/**
 * One row of a news list (feed, ticker, topic, search).
 *
 * @example
 * html`<ol class="feed">${articles.map((a) => feedRow(a))}</ol>`
 */
export function feedRow(a: ArticleRecord, now: Date = new Date()): Raw {
  const e = a.enrichment;
  const when = a.publishedAt ?? a.firstSeenAt;
  const tickers = (e?.tickers ?? []).filter((t) => t.role !== "mentioned" || t.relevance >= 0.5).slice(0, 6);
  const topics = (e?.topics ?? []).slice(0, 4);
  return html`<li class="row" data-id="${a.id}" data-seq="${a.seq}">
  ${impactBadge(e?.impact.score)}
  <div class="row-main">
    <a class="row-title" href="/news/${encodeURIComponent(a.id)}">${a.title || "(untitled)"}</a>
    <div class="row-meta">${timeTag(when, now)}${a.source ? html` · <span class="source">${a.source}</span>` : ""}${isDemo(a) ? html` <span class="demo-mark">demo</span>` : ""}${e && e.story.size > 1 ? html` · <span class="story-size">${e.story.size} sources</span>` : ""}</div>
    ${tickers.length || topics.length ? html`<div class="row-chips">${tickers.map((t) => tickerChip(t))}${topics.map(topicTag)}</div>` : ""}
  </div>
</li>`;
}

/**
 * A news list with its empty state.
 *
 * @example
 * newsList(page.items, "No news yet.")
 */
export function newsList(items: ArticleRecord[], empty: string, id?: string): Raw {
  const now = new Date();
  if (items.length === 0) return html`<ol class="feed" ${id ? html`id="${id}"` : ""}></ol><p class="empty">${empty}</p>`;
  return html`<ol class="feed" ${id ? html`id="${id}"` : ""}>${items.map((a) => feedRow(a, now))}</ol>`;
}
