/** Topic pages: the topic index (`/topic/`) and one topic's news (`/topic/:id`). */
import type { ArticleRecord } from "../../../store/store.ts";
import { html, type Raw } from "../html.ts";
import { page } from "../layout.ts";
import { isDemo, newsList } from "../components.ts";

export interface TopicView {
  id: string;
  label: string;
  definition: string | null;
  items: ArticleRecord[];
  nextCursor: string | null;
  topics: { id: string; label: string; articles: number }[];
}

/**
 * Renders one topic's page with the list of all topics beside it.
 *
 * @example
 * reply.send(topicPage(view).value)
 */
export function topicPage(view: TopicView): Raw {
  const content = html`<p><a class="back" href="/">← Back to News</a></p>
<header class="card"><h1>${view.label}</h1>${view.definition ? html`<p>${view.definition}</p>` : ""}</header>
<div class="two-col">
  <section aria-labelledby="tn-h"><h2 id="tn-h">News</h2>
    ${newsList(view.items, "No article in this topic yet.")}
    ${view.nextCursor ? html`<nav class="pager" aria-label="Pages"><a rel="next" href="/topic/${encodeURIComponent(view.id)}?cursor=${encodeURIComponent(view.nextCursor)}">Older news →</a></nav>` : ""}
  </section>
  <nav class="card topic-index" aria-labelledby="ti-h"><h2 id="ti-h">All topics</h2>
    <ul>${view.topics.map((t) => html`<li><a href="/topic/${encodeURIComponent(t.id)}"${t.id === view.id ? html` aria-current="page"` : ""}>${t.label}</a> <span class="muted">${t.articles}</span></li>`)}</ul>
  </nav>
</div>`;
  return page({ title: view.label, nav: "topic", demo: view.items.some(isDemo) }, content);
}
