/** The article page, laid out like the seed: impact with drivers, tickers, categories, title, summary, Analysis. */
import type { ArticleRecord } from "../../../store/store.ts";
import type { Analysis, EnrichEvent, Enrichment } from "../../../contract/enrichment.ts";
import { html, safeUrl, type Raw } from "../html.ts";
import { page } from "../layout.ts";
import { isDemo, tickerChip, timeTag, topicTag } from "../components.ts";
import { eventLabel, factorLabel, fmtPct, fmtScore, fmtSigned, fmtTime, impactBand } from "../format.ts";
import type { TickerStudy } from "../eventStudy.ts";

export interface ArticleView {
  article: ArticleRecord;
  /** Other articles of the same story (excluding this one). */
  others: ArticleRecord[];
  study: TickerStudy[];
  /** Whether the event study was attempted (tickers and a publication time exist). */
  studyAttempted: boolean;
}

function impactSection(e: Enrichment): Raw {
  const i = e.impact;
  return html`<section class="impact impact-${impactBand(i.score)}" aria-labelledby="impact-h">
  <details>
    <summary><h2 id="impact-h" class="impact-title">Market Impact: <span class="impact-score">${fmtScore(i.score)}</span></h2>
      <span class="impact-meta">${i.direction} · horizon ${i.horizon}${i.calibration ? html` · calibrated (${i.calibration})` : html` · uncalibrated prior`} · <span class="why">why?</span></span></summary>
    <table class="drivers">
      <caption>What makes up the score (the contributions add up to ${fmtScore(i.score)})</caption>
      <thead><tr><th scope="col">Driver</th><th scope="col" class="num">Contribution</th><th scope="col">Detail</th></tr></thead>
      <tbody>${i.drivers.map((d) => html`<tr><th scope="row">${factorLabel(d.factor)}</th><td class="num">${fmtSigned(d.contribution)}</td><td>${d.detail}</td></tr>`)}</tbody>
    </table>
  </details>
</section>`;
}

function analysisSection(a: Analysis, e: Enrichment): Raw {
  const name = (sym: string) => e.tickers.find((t) => t.symbol === sym);
  const chips = (syms: string[]) =>
    syms.map((s) => {
      const t = name(s);
      return t ? tickerChip(t) : html`<span class="chip chip-plain">${s}</span>`;
    });
  return html`<section class="card analysis" aria-labelledby="analysis-h">
  <h2 id="analysis-h">Analysis</h2>
  <p class="takeaway">${a.takeaway}</p>
  ${a.sections.map((s) => html`<h3>${s.heading}</h3><p>${s.text}</p>`)}
  ${a.winners.length || a.losers.length
    ? html`<div class="winlose">
    <div><h3>Winners</h3>${a.winners.length ? html`<p class="chips">${chips(a.winners)}</p>` : html`<p class="muted">None named.</p>`}</div>
    <div><h3>Losers</h3>${a.losers.length ? html`<p class="chips">${chips(a.losers)}</p>` : html`<p class="muted">None named.</p>`}</div>
  </div>`
    : ""}
  ${a.risks.length ? html`<h3>Risks</h3><ul class="risks">${a.risks.map((r) => html`<li>${r}</li>`)}</ul>` : ""}
  ${a.contrarian ? html`<h3>Contrarian view</h3><p>${a.contrarian}</p>` : ""}
  ${a.outlook ? html`<h3>Outlook</h3><p>${a.outlook}</p>` : ""}
  <p class="generator">Written by ${a.generator}</p>
</section>`;
}

function eventRow(ev: EnrichEvent): Raw {
  const parties = [ev.actor, ev.target].filter(Boolean).join(" → ");
  return html`<li class="event event-${ev.polarity}">
  <span class="event-type">${eventLabel(ev.type)}${ev.subtype ? html` <span class="event-sub">(${ev.subtype})</span>` : ""}</span>
  ${parties ? html`<span class="event-parties">${parties}</span>` : ""}
  ${ev.from || ev.to ? html`<span class="event-fromto">${ev.from ?? "?"} → ${ev.to ?? "?"}</span>` : ""}
  ${ev.amount ? html`<span class="event-amount">${ev.amount.text}</span>` : ""}
  ${ev.figures.length ? html`<ul class="figures">${ev.figures.map((f) => html`<li><span class="fig-name">${f.name.replace(/_/g, " ")}</span> ${f.text}</li>`)}</ul>` : ""}
  <blockquote class="evidence">“${ev.evidence.text}”</blockquote>
</li>`;
}

function studySection(view: ArticleView): Raw {
  if (!view.studyAttempted) return html``;
  const body = view.study.length
    ? html`<ul class="study">${view.study.map((s) =>
        s.abnormalReturn !== null
          ? html`<li><strong>${s.symbol} ${fmtPct(s.abnormalReturn)}</strong> abnormal since publication <span class="muted">(${s.symbol} ${fmtPct(s.rawReturn)}, market proxy ${s.proxy} ${fmtPct(s.marketReturn ?? 0)}; close ${s.baseDay} → ${s.endDay}, ${s.tradingDays} trading day${s.tradingDays === 1 ? "" : "s"})</span></li>`
          : html`<li><strong>${s.symbol} ${fmtPct(s.rawReturn)}</strong> raw return since publication <span class="muted">(close ${s.baseDay} → ${s.endDay}; no market proxy prices stored, so no abnormal return)</span></li>`,
      )}</ul>`
    : html`<p class="muted">No price history is stored around this article's publication for its tickers. Import daily bars (<code>impactwire prices import</code>) to see the realised move.</p>`;
  return html`<section class="card" aria-labelledby="study-h"><h2 id="study-h">Event study</h2>${body}</section>`;
}

function sourcesSection(view: ArticleView): Raw {
  const a = view.article;
  const link = safeUrl(a.url);
  return html`<section class="card" aria-labelledby="src-h">
  <h2 id="src-h">Sources</h2>
  ${link ? html`<p><a class="original" href="${link}" rel="noopener noreferrer nofollow" target="_blank">Read the original${a.source ? html` at ${a.source}` : ""} ↗</a></p>` : html`<p class="muted">No original link.</p>`}
  ${view.others.length
    ? html`<h3>Also reported by</h3><ul class="others">${view.others.map((o) => html`<li><a href="/news/${encodeURIComponent(o.id)}">${o.title}</a> <span class="muted">— ${o.source ?? "unknown source"}, ${timeTag(o.publishedAt ?? o.firstSeenAt)}</span></li>`)}</ul>`
    : html`<p class="muted">No other source has reported this story yet.</p>`}
</section>`;
}

/**
 * Renders the full article page.
 *
 * @example
 * reply.send(articlePage({ article, others: [], study: [], studyAttempted: false }).value);
 */
export function articlePage(view: ArticleView): Raw {
  const a = view.article;
  const e = a.enrichment;
  const when = a.publishedAt ?? a.firstSeenAt;
  const paragraphs = a.text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  const content = html`<article class="article">
  <p><a class="back" href="/">← Back to News</a></p>
  ${e ? impactSection(e) : html`<p class="muted">This article has not been enriched yet.</p>`}
  <header class="article-head">
    <h1>${a.title || "(untitled)"}</h1>
    <p class="article-meta">${a.source ? html`<span class="source">${a.source}</span> · ` : ""}<time datetime="${when}">${fmtTime(when)}</time>${a.revision > 1 ? html` · revision ${a.revision}` : ""}${e ? html` · ${e.article.wordCount} words` : ""}</p>
    ${e && e.tickers.length ? html`<p class="chips tickers" aria-label="Tickers">${e.tickers.map((t) => tickerChip(t, true))}</p>` : ""}
    ${e && e.topics.length ? html`<p class="chips topics" aria-label="Categories">${e.topics.map(topicTag)}</p>` : ""}
  </header>
  ${e ? html`<section class="card summary" aria-labelledby="summary-h"><h2 id="summary-h" class="visually-hidden">Summary</h2><p class="summary-title">${a.title}</p><p>${e.summary}</p>
    <p class="sentiment">Sentiment: <span class="sent sent-${e.sentiment.label === "positive" ? "pos" : e.sentiment.label === "negative" ? "neg" : "neu"}">${e.sentiment.label} ${fmtSigned(e.sentiment.score)}</span></p></section>` : ""}
  ${e ? analysisSection(e.analysis, e) : ""}
  ${e && e.events.length ? html`<section class="card" aria-labelledby="events-h"><h2 id="events-h">Events</h2><ul class="events">${e.events.map(eventRow)}</ul></section>` : ""}
  ${studySection(view)}
  ${e && e.tickers.length ? html`<section class="card" aria-labelledby="why-h"><h2 id="why-h">Why these tickers</h2><ul class="reasons">${e.tickers.map((t) => html`<li>${tickerChip(t)} <span>${t.name}${t.exchange ? html` (${t.exchange})` : ""}: ${t.reason} · relevance ${fmtScore(t.relevance)}</span></li>`)}</ul></section>` : ""}
  ${e && e.entities.length ? html`<section class="card" aria-labelledby="ent-h"><h2 id="ent-h">Also in the story</h2><ul class="entities">${e.entities.slice(0, 12).map((x) => html`<li><strong>${x.name}</strong> <span class="muted">${x.type.replace(/_/g, " ")}${x.proxies?.length ? html` · listed proxies: ${x.proxies.join(", ")}` : ""}</span></li>`)}</ul></section>` : ""}
  ${sourcesSection(view)}
  <section class="card" aria-labelledby="text-h"><details><summary><h2 id="text-h" class="inline-h">Full text</h2></summary>${paragraphs.map((p) => html`<p>${p}</p>`)}</details></section>
</article>`;
  return page({ title: a.title || "Article", nav: "article", demo: isDemo(a) }, content);
}

