/** The management pages: sources (add a feed, see its health) and alerts (create a rule). */
import type { AlertRule, SourceRecord } from "../../../store/store.ts";
import { html, safeUrl, type Raw } from "../html.ts";
import { page } from "../layout.ts";
import { fmtScore, fmtTime } from "../format.ts";

export interface Notice {
  kind: "ok" | "error";
  text: string;
  /** Shown once in a <code> block (an alert's signing secret). */
  secret?: string;
}

function notice(n: Notice | undefined): Raw {
  if (!n) return html``;
  return html`<div class="notice notice-${n.kind}" role="${n.kind === "error" ? "alert" : "status"}"><p>${n.text}</p>${n.secret ? html`<p><code class="secret">${n.secret}</code></p>` : ""}</div>`;
}

function health(s: SourceRecord): Raw {
  if (!s.enabled) return html`<span class="health health-off">disabled</span>`;
  if (s.lastError) return html`<span class="health health-bad" title="${s.lastError}">failing (${s.errorCount}×)</span>`;
  if (!s.lastPolledAt) return html`<span class="health health-wait">not polled yet</span>`;
  return html`<span class="health health-ok">ok</span>`;
}

/**
 * The sources page: table of feeds with their health, and the form to add one.
 *
 * @example
 * reply.send(sourcesPage(await store.listSources(), token).value)
 */
export function sourcesPage(sources: SourceRecord[], csrf: string, n?: Notice, values: Record<string, string> = {}): Raw {
  const content = html`<h1>Sources</h1>
${notice(n)}
<section class="card" aria-labelledby="add-h"><h2 id="add-h">Add a feed</h2>
<form method="post" action="/sources" class="form-grid">
  <input type="hidden" name="csrf" value="${csrf}">
  <div class="field field-wide"><label for="s-url">Feed URL</label><input id="s-url" name="url" type="url" required maxlength="2048" placeholder="https://example.com/feed.xml" value="${values.url ?? ""}"></div>
  <div class="field"><label for="s-kind">Format</label><select id="s-kind" name="kind">
    ${["feed", "rss", "atom", "rdf", "jsonfeed"].map((k) => html`<option value="${k}"${values.kind === k ? html` selected` : ""}>${k === "feed" ? "Detect automatically" : k}</option>`)}
  </select></div>
  <div class="field"><label for="s-int">Poll every (minutes)</label><input id="s-int" name="intervalMin" type="number" min="1" max="1440" value="${values.intervalMin ?? "5"}"></div>
  <div class="field field-actions"><button type="submit">Add feed</button></div>
</form></section>
<section aria-labelledby="list-h"><h2 id="list-h">Feeds (${sources.length})</h2>
${sources.length
  ? html`<div class="table-wrap"><table class="data"><thead><tr><th scope="col">Feed</th><th scope="col">Health</th><th scope="col">Last polled</th><th scope="col">Next poll</th><th scope="col" class="num">Items</th><th scope="col" class="num">Every</th></tr></thead>
<tbody>${sources.map((s) => {
      const link = safeUrl(s.url);
      return html`<tr><td><div>${s.title ?? "(untitled feed)"}</div><div class="muted small">${link ? html`<a href="${link}" rel="noopener noreferrer nofollow">${s.url}</a>` : s.url} · ${s.kind}</div>${s.lastError ? html`<div class="error small">${s.lastError}</div>` : ""}</td>
<td>${health(s)}</td><td>${fmtTime(s.lastPolledAt) || "—"}</td><td>${fmtTime(s.nextPollAt) || "—"}</td><td class="num">${s.itemsSeen}</td><td class="num">${Math.round(s.intervalSec / 60)} min</td></tr>`;
    })}</tbody></table></div>`
  : html`<p class="empty">No feed yet. Add one above; it is polled in the background.</p>`}
</section>`;
  return page({ title: "Sources", nav: "sources" }, content);
}

/**
 * The alerts page: rules and the form to create one.
 *
 * @example
 * reply.send(alertsPage(await store.listAlerts(), token).value)
 */
export function alertsPage(rules: AlertRule[], csrf: string, topics: { id: string; label: string }[], n?: Notice, values: Record<string, string> = {}): Raw {
  const chosen = new Set((values.topics ?? "").split(","));
  const content = html`<h1>Alerts</h1>
${notice(n)}
<section class="card" aria-labelledby="new-h"><h2 id="new-h">New rule</h2>
<p class="muted">Matching articles are posted to your webhook as JSON, signed with HMAC-SHA256 (the secret is shown once, after creation).</p>
<form method="post" action="/alerts" class="form-grid">
  <input type="hidden" name="csrf" value="${csrf}">
  <div class="field"><label for="a-name">Name</label><input id="a-name" name="name" required maxlength="100" value="${values.name ?? ""}"></div>
  <div class="field"><label for="a-tickers">Tickers (watchlist)</label><input id="a-tickers" name="tickers" placeholder="AMZN, MSFT" value="${values.tickers ?? ""}" spellcheck="false"></div>
  <div class="field"><label for="a-min">Min impact (0–1)</label><input id="a-min" name="minImpact" type="number" min="0" max="1" step="0.05" value="${values.minImpact ?? "0.4"}"></div>
  <div class="field"><label for="a-sent">Sentiment</label><select id="a-sent" name="sentiment">
    ${["any", "positive", "negative"].map((k) => html`<option value="${k}"${values.sentiment === k ? html` selected` : ""}>${k}</option>`)}
  </select></div>
  <fieldset class="field-full topics-pick"><legend>Topics (none ticked: any topic)</legend>
    ${topics.map((t) => html`<label class="check"><input type="checkbox" name="topics" value="${t.id}"${chosen.has(t.id) ? html` checked` : ""}> ${t.label}</label>`)}
  </fieldset>
  <div class="field field-wide"><label for="a-hook">Webhook URL</label><input id="a-hook" name="webhookUrl" type="url" required maxlength="2048" placeholder="https://hooks.example.com/impactwire" value="${values.webhookUrl ?? ""}"></div>
  <div class="field field-actions"><button type="submit">Create rule</button></div>
</form></section>
<section aria-labelledby="rules-h"><h2 id="rules-h">Rules (${rules.length})</h2>
${rules.length
  ? html`<div class="table-wrap"><table class="data"><thead><tr><th scope="col">Name</th><th scope="col">Tickers</th><th scope="col">Topics</th><th scope="col" class="num">Min impact</th><th scope="col">Sentiment</th><th scope="col">Webhook</th><th scope="col">State</th></tr></thead>
<tbody>${rules.map((r) => html`<tr><td>${r.name}</td><td>${r.tickers.join(", ") || "any"}</td><td>${r.topics.map((id) => topics.find((t) => t.id === id)?.label ?? id).join(", ") || "any"}</td><td class="num">${fmtScore(r.minImpact)}</td><td>${r.sentiment}</td><td class="small">${hostOf(r.webhookUrl)}</td><td>${r.enabled ? "on" : "off"}</td></tr>`)}</tbody></table></div>`
  : html`<p class="empty">No rule yet.</p>`}
</section>`;
  return page({ title: "Alerts", nav: "alerts" }, content);
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return "(invalid URL)";
  }
}
