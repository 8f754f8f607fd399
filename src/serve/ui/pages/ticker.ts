/** The ticker page: company, price chart with news markers, impact and sentiment over time, news list. */
import type { ArticleRecord, PriceBar, SeriesPoint } from "../../../store/store.ts";
import { html, jsonIsland, type Raw } from "../html.ts";
import { page } from "../layout.ts";
import { isDemo, newsList } from "../components.ts";
import { fmtScore } from "../format.ts";

export interface CompanyInfo {
  symbol: string;
  name: string | null;
  exchange: string | null;
  sector: string | null;
}

export interface TickerView {
  company: CompanyInfo;
  items: ArticleRecord[];
  series: SeriesPoint[];
  prices: PriceBar[];
  nextCursor: string | null;
}

/** The chart data island read by /static/charts.js. */
export interface ChartData {
  symbol: string;
  prices: { time: string; open: number; high: number; low: number; close: number }[];
  markers: { time: string; impact: number; direction: string; title: string; id: string }[];
  series: { time: string; maxImpact: number; avgSentiment: number; articles: number }[];
}

/**
 * Builds the chart data: OHLC bars, one marker per news day (the highest-impact article of that day
 * with prices), and the daily impact/sentiment series.
 *
 * @example
 * chartData(view)
 */
export function chartData(view: TickerView): ChartData {
  const prices = view.prices.map((b) => ({ time: b.day, open: b.open, high: b.high, low: b.low, close: b.close }));
  const days = new Set(prices.map((p) => p.time));
  const byDay = new Map<string, ChartData["markers"][number]>();
  for (const a of view.items) {
    const e = a.enrichment;
    const day = (a.publishedAt ?? a.firstSeenAt).slice(0, 10);
    if (!e || !days.has(day)) continue;
    const prev = byDay.get(day);
    if (!prev || e.impact.score > prev.impact) byDay.set(day, { time: day, impact: e.impact.score, direction: e.impact.direction, title: a.title.slice(0, 80), id: a.id });
  }
  const markers = [...byDay.values()].sort((x, y) => (x.time < y.time ? -1 : 1));
  const series = view.series.map((s) => ({ time: s.day, maxImpact: s.maxImpact, avgSentiment: s.avgSentiment, articles: s.articles }));
  return { symbol: view.company.symbol, prices, markers, series };
}

/**
 * Renders the ticker page.
 *
 * @example
 * reply.send(tickerPage(view).value)
 */
export function tickerPage(view: TickerView): Raw {
  const c = view.company;
  const data = chartData(view);
  const avg = view.items.length ? view.items.reduce((s, a) => s + (a.enrichment?.impact.score ?? 0), 0) / view.items.length : 0;
  const content = html`<p><a class="back" href="/">← Back to News</a></p>
<header class="ticker-head card">
  <h1><span class="sym">${c.symbol}</span> ${c.name ? html`<span class="company">${c.name}</span>` : ""}</h1>
  <dl class="facts">
    <div><dt>Exchange</dt><dd>${c.exchange ?? "—"}</dd></div>
    <div><dt>Sector</dt><dd>${c.sector ?? "—"}</dd></div>
    <div><dt>Articles shown</dt><dd>${view.items.length}</dd></div>
    <div><dt>Average impact</dt><dd>${fmtScore(avg)}</dd></div>
  </dl>
</header>
<script type="application/json" id="chart-data">${jsonIsland(data)}</script>
${data.prices.length > 1
  ? html`<section class="card" aria-labelledby="price-h"><h2 id="price-h">Price with news</h2>
  <div class="chart" id="price-chart" role="img" aria-label="Daily price of ${c.symbol} with markers on days with news (marker colour: direction, size: impact)"></div>
  <p class="attribution">Charts by <a href="https://www.tradingview.com/" rel="noopener noreferrer" target="_blank">TradingView Lightweight Charts™</a>, Copyright © TradingView, Inc.</p></section>`
  : html`<section class="card" aria-labelledby="price-h"><h2 id="price-h">Price</h2><p class="muted">No price history stored for ${c.symbol}. Import daily bars with <code>impactwire prices import</code> to see the price chart with news markers.</p></section>`}
<section class="card" aria-labelledby="series-h"><h2 id="series-h">Impact and sentiment over time</h2>
${data.series.length
  ? html`<div class="chart chart-small" id="series-chart" role="img" aria-label="Daily highest impact (bars) and average sentiment (line) of ${c.symbol} news"></div>
  <p class="legend"><span class="key key-impact"></span> highest impact of the day (0–1) · <span class="key key-sent"></span> average sentiment (−1…1)</p>
  <p class="attribution">Charts by <a href="https://www.tradingview.com/" rel="noopener noreferrer" target="_blank">TradingView Lightweight Charts™</a>, Copyright © TradingView, Inc.</p>
  <table class="visually-hidden"><caption>Daily impact and sentiment</caption><thead><tr><th>Day</th><th>Articles</th><th>Highest impact</th><th>Average sentiment</th></tr></thead>
  <tbody>${data.series.map((s) => html`<tr><td>${s.time}</td><td>${s.articles}</td><td>${fmtScore(s.maxImpact)}</td><td>${s.avgSentiment.toFixed(2)}</td></tr>`)}</tbody></table>`
  : html`<p class="muted">No news about ${c.symbol} yet.</p>`}
</section>
<section aria-labelledby="news-h"><h2 id="news-h">News about ${c.symbol}</h2>
${newsList(view.items, `No article linked to ${c.symbol} yet.`)}
${view.nextCursor ? html`<nav class="pager" aria-label="Pages"><a rel="next" href="/ticker/${encodeURIComponent(c.symbol)}?cursor=${encodeURIComponent(view.nextCursor)}">Older news →</a></nav>` : ""}
</section>`;
  const scripts = data.series.length || data.prices.length > 1 ? ["vendor/lightweight-charts.standalone.production.js", "charts.js"] : [];
  return page({ title: c.name ? `${c.symbol} · ${c.name}` : c.symbol, nav: "ticker", scripts, demo: view.items.some(isDemo) }, content);
}
