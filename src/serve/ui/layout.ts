/** The page shell: head, skip link, header with navigation and search, demo banner, main, footer. */
import { html, type Raw } from "./html.ts";
import { ENGINE_VERSION } from "../../core/version.ts";

export interface PageOptions {
  title: string;
  /** Which navigation entry is current. */
  nav?: "news" | "search" | "sources" | "alerts" | "ticker" | "topic" | "article";
  /** Scripts under /static to load (deferred, same origin). */
  scripts?: string[];
  /** Show the "demo data" banner. */
  demo?: boolean;
  /** Prefill of the header search box. */
  q?: string;
}

const NAV: { key: PageOptions["nav"]; href: string; label: string }[] = [
  { key: "news", href: "/", label: "News" },
  { key: "search", href: "/search", label: "Search" },
  { key: "sources", href: "/sources", label: "Sources" },
  { key: "alerts", href: "/alerts", label: "Alerts" },
];

/**
 * Wraps page content in the full HTML document.
 *
 * @example
 * reply.type("text/html").send(page({ title: "News", nav: "news" }, html`<h1>News</h1>`).value);
 */
export function page(opts: PageOptions, content: Raw): Raw {
  const scripts = opts.scripts ?? [];
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${opts.title} · impactwire</title>
<link rel="stylesheet" href="/static/app.css">
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
${scripts.map((s) => html`<script src="/static/${s}" defer></script>\n`)}
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="site">
  <div class="site-inner">
    <a class="brand" href="/" aria-label="impactwire home"><span aria-hidden="true">◆</span> impactwire</a>
    <nav aria-label="Main">
      <ul>${NAV.map((n) => html`<li><a href="${n.href}"${n.key === opts.nav ? html` aria-current="page"` : ""}>${n.label}</a></li>`)}</ul>
    </nav>
    <form class="site-search" role="search" action="/search" method="get">
      <label class="visually-hidden" for="site-q">Search news</label>
      <input id="site-q" type="search" name="q" placeholder="Search news" value="${opts.q ?? ""}" maxlength="200">
      <button type="submit">Search</button>
    </form>
  </div>
</header>
${opts.demo ? html`<aside class="demo-banner" aria-label="Demo data notice"><strong>Demo data.</strong> The articles from “Demo …” sources are fictional, written by the impactwire authors to show the product offline. They are not real news and must not be traded on.</aside>` : ""}
<main id="main" tabindex="-1">
${content}
</main>
<footer class="site">
  <p>impactwire ${ENGINE_VERSION} · <a href="/api/v1/openapi.json">API</a> · Market Impact estimates the next-day abnormal move; it is not investment advice.</p>
</footer>
</body>
</html>`;
}

/**
 * A simple message page (not found, bad request, error).
 *
 * @example
 * messagePage("Not found", "No article with this id.")
 */
export function messagePage(title: string, message: string): Raw {
  return page({ title }, html`<section class="card message"><h1>${title}</h1><p>${message}</p><p><a href="/">← Back to News</a></p></section>`);
}
