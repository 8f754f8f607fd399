/** The feed (`/`) and the search results page (`/search`): filters as a GET form, rows, live updates. */
import type { ArticleRecord } from "../../../store/store.ts";
import { html, type Raw } from "../html.ts";
import { page } from "../layout.ts";
import { isDemo, newsList } from "../components.ts";
import { filtersToSearch, type FeedFilters } from "../filters.ts";

export interface FeedView {
  filters: FeedFilters;
  items: ArticleRecord[];
  nextCursor: string | null;
  topics: { id: string; label: string; articles: number }[];
  total: number;
}

const IMPACT_STEPS = [0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.8];

/**
 * The filter form (GET), shared by the feed and the search page.
 *
 * @example
 * filterForm("/", view.filters, view.topics)
 */
export function filterForm(action: string, f: FeedFilters, topics: FeedView["topics"], label: string): Raw {
  return html`<form class="filters card" method="get" action="${action}" aria-label="${label}">
  <div class="field"><label for="f-q">Search</label><input id="f-q" type="search" name="q" value="${f.q}" maxlength="200" placeholder="words, &quot;phrases&quot;"></div>
  <div class="field"><label for="f-tickers">Tickers</label><input id="f-tickers" name="tickers" value="${f.tickers.join(", ")}" placeholder="AMZN, MSFT" autocapitalize="characters" spellcheck="false"></div>
  <div class="field"><label for="f-topics">Topic</label><select id="f-topics" name="topics">
    <option value="">Any topic</option>
    ${topics.map((t) => html`<option value="${t.id}"${f.topics.includes(t.id) ? html` selected` : ""}>${t.label} (${t.articles})</option>`)}
  </select></div>
  <div class="field"><label for="f-min">Min impact</label><select id="f-min" name="minImpact">
    ${IMPACT_STEPS.map((s) => html`<option value="${s === 0 ? "" : s.toFixed(1)}"${(f.minImpact ?? 0) === s ? html` selected` : ""}>${s === 0 ? "Any" : `≥ ${s.toFixed(1)}`}</option>`)}
  </select></div>
  <div class="field"><label for="f-sort">Sort</label><select id="f-sort" name="sort">
    <option value="time"${f.sort === "time" ? html` selected` : ""}>Newest first</option>
    <option value="impact"${f.sort === "impact" ? html` selected` : ""}>Highest impact first</option>
  </select></div>
  <div class="field field-actions"><button type="submit">Apply</button> <a href="${action}" class="reset">Reset</a></div>
</form>`;
}

function older(action: string, f: FeedFilters, next: string | null): Raw {
  if (!next) return html``;
  const qs = filtersToSearch({ ...f, cursor: next }, true);
  return html`<nav class="pager" aria-label="Pages"><a href="${action}?${qs}" rel="next">Older news →</a></nav>`;
}

function activeFilters(f: FeedFilters): boolean {
  return f.tickers.length > 0 || f.topics.length > 0 || f.minImpact !== null || f.q !== "";
}

/**
 * The feed page. The list carries the filters as data attributes for the live-update script.
 *
 * @example
 * reply.send(feedPage(view).value)
 */
export function feedPage(view: FeedView): Raw {
  const f = view.filters;
  const filtered = activeFilters(f);
  const content = html`<div class="layout-feed">
  <h1>${filtered ? "Filtered news" : "Latest news"}</h1>
  ${filterForm("/", f, view.topics, "Filter the news")}
  <section aria-labelledby="feed-h" class="feed-section">
    <h2 id="feed-h" class="visually-hidden">Articles</h2>
    <p class="live" id="live-status" role="status" aria-live="polite" data-stream="/api/v1/stream" data-filters="${filtersToSearch(f)}" data-sort="${f.sort}">${view.total} articles stored${f.cursor ? "" : " · live updates on"}</p>
    ${newsList(view.items, filtered ? "No article matches these filters." : "No news yet: add a feed on the Sources page, or POST an article to /api/v1/articles.", f.cursor ? "feed-older" : "feed")}
    ${older("/", f, view.nextCursor)}
  </section>
</div>`;
  return page({ title: "News", nav: "news", scripts: f.cursor ? [] : ["feed.js"], demo: view.items.some(isDemo), q: f.q }, content);
}

/**
 * The search results page.
 *
 * @example
 * reply.send(searchPage(view).value)
 */
export function searchPage(view: FeedView): Raw {
  const f = view.filters;
  const content = html`<h1>Search</h1>
  ${filterForm("/search", f, view.topics, "Search the news")}
  <section aria-labelledby="res-h">
    <h2 id="res-h">${f.q ? html`Results for “${f.q}”` : "Results"}</h2>
    ${newsList(view.items, f.q ? "Nothing found. Try fewer or different words." : "Type words to search titles and texts.")}
    ${older("/search", f, view.nextCursor)}
  </section>`;
  return page({ title: f.q ? `Search: ${f.q}` : "Search", nav: "search", demo: view.items.some(isDemo), q: f.q }, content);
}
