/** Must-show 2: hostile articles render inert in a real browser, and every page carries the CSP header. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { hasChromium, launch, postArticles, startApp, watch, type App } from "./harness.ts";

let app: App;
let browser: Browser;
const S = `<script>alert("xss-script")</script>`;
const H = `<img src=x onerror="alert('xss-onerror')"><svg onload="alert('xss-svg')"></svg>`;
const J = `javascript:alert('xss-url')`;

const HOSTILE = [
  { id: "x-title", title: `Apple ${S}${H} beats estimates`, text: `Apple Inc. reported earnings per share of $1.85, beating estimates. ${S}`, source: `Wire ${S}${H}`, url: J },
  { id: "x-html", title: "Microsoft buys a start-up \" onmouseover=\"alert('xss-attr')", html: `<p>Microsoft Corp. agreed to buy a security firm for $2 billion.</p><script>alert('xss-body')</script><p onclick="alert('xss-click')"><a href="javascript:alert('xss-link')">link</a><iframe src="javascript:alert('xss-frame')"></iframe></p>`, source: "<b onmouseover=alert(1)>Evil</b>", url: `JaVaScRiPt:alert('xss-url2')` },
  { id: "x-summary", title: "Nvidia shares jump after record quarter", text: `Nvidia Corp. said revenue rose 60% to $57 billion. </script><script>alert('xss-summary')</script> ${H} Shares rose 4%.`, source: "E2E Wire", url: "https://news.example.com/ok\" onmouseover=\"alert('xss-href')" },
];

describe.skipIf(!hasChromium)("XSS and CSP in Chromium", () => {
  beforeAll(async () => {
    app = await startApp();
    browser = await launch();
    const r = await postArticles(app, HOSTILE);
    expect(r.items.map((i) => i.status)).toEqual(["created", "created", "created"]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("renders hostile titles, texts, sources and links inert on every page", async () => {
    const page = await browser.newPage();
    page.setDefaultTimeout(5_000);
    const w = watch(page);
    const missingCsp: string[] = [];
    const notFound: string[] = [];
    page.on("response", (r) => {
      const u = new URL(r.url());
      if (r.status() === 404) notFound.push(u.pathname);
      if (u.origin === app.url && !u.pathname.startsWith("/api/") && !r.headers()["content-security-policy"]) missingCsp.push(u.pathname);
    });
    const ids = (await app.server.ctx.store.listArticles({ limit: 10 })).items.map((a) => a.id);
    const urls = ["/", "/?sort=impact", "/search?q=" + encodeURIComponent(`apple ${S}`), "/search?q=nvidia", ...ids.map((id) => `/news/${encodeURIComponent(id)}`), "/ticker/AAPL", "/ticker/MSFT", "/ticker/NVDA", "/sources", "/alerts", "/topic/" + encodeURIComponent("<script>")];
    for (const u of urls) {
      await page.goto(app.url + u);
      // Hover and click what an attacker would want hovered or clicked.
      for (const el of await page.locator("a.row-title, h1, .source, a.original").all()) if (await el.isVisible()) await el.hover({ timeout: 1_000 }).catch(() => undefined);
      const hrefs = await page.locator("a[href], iframe[src], img[src]").evaluateAll((els) => els.map((e) => e.getAttribute("href") ?? e.getAttribute("src") ?? ""));
      expect(hrefs.filter((h) => /^\s*javascript:/i.test(h)), u).toEqual([]);
      expect(await page.locator("[onerror], [onload], [onclick], [onmouseover]").count(), u).toBe(0);
      expect(await page.locator("script:not([src]):not([type='application/json'])").count(), u).toBe(0);
      const summary = page.locator("details summary").first();
      if (await summary.isVisible()) await summary.click({ timeout: 1_000 });
    }
    expect(await page.evaluate(() => document.title)).toBeTruthy();
    expect(w.dialogs).toEqual([]);
    // The only 404 is the page of the bogus topic id (Chromium logs it as a console error).
    expect(notFound).toEqual(["/topic/%3Cscript%3E"]);
    expect(w.errors.filter((e) => !/status of 404/.test(e))).toEqual([]);
    expect(missingCsp).toEqual([]);
    await page.close();
  });

  it("shows the hostile text as text", async () => {
    const page = await browser.newPage();
    const id = (await app.server.ctx.store.listArticles({ q: "beats estimates", limit: 1 })).items[0]!.id;
    await page.goto(`${app.url}/news/${encodeURIComponent(id)}`);
    expect(await page.locator("h1").innerText()).toContain(`<script>alert("xss-script")</script>`);
    expect(await page.locator("a.original").count()).toBe(0);
    await page.close();
  });

  it("inserts a hostile article arriving on the live stream as text", async () => {
    const page = await browser.newPage();
    const w = watch(page);
    await page.goto(app.url + "/");
    await expect.poll(() => page.locator("#live-status").getAttribute("data-live")).toBe("open");
    const title = `Amazon ${S}${H} live`;
    await postArticles(app, [{ id: "x-live", title, text: `Amazon.com Inc. said it will invest $5 billion. ${S}`, source: `Live ${H}`, url: J }]);
    const row = page.locator("ol#feed > li.row", { hasText: "live" }).first();
    await row.waitFor({ timeout: 10_000 });
    expect(await row.locator("a.row-title").innerText()).toBe(title);
    expect(await row.locator(".source").innerText()).toBe(`Live ${H}`);
    expect(await page.locator("ol#feed img, ol#feed svg, ol#feed script").count()).toBe(0);
    expect(await page.locator("ol#feed [onerror], ol#feed [onload]").count()).toBe(0);
    expect(w.dialogs).toEqual([]);
    expect(w.errors).toEqual([]);
    await page.close();
  });
});
