/** Must-show 1 and 3: the feed loads, filters, updates live; the article page shows the seed's fields; screenshots. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { hasChromium, launch, postArticles, shot, startApp, watch, type App } from "./harness.ts";

let app: App;
let browser: Browser;

describe.skipIf(!hasChromium)("feed and article page in Chromium (demo corpus)", () => {
  beforeAll(async () => {
    app = await startApp({ demo: true });
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("loads the populated feed with badges, chips, tags and the demo banner", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const w = watch(page);
    const res = await page.goto(app.url + "/");
    expect(res?.headers()["content-security-policy"]).toContain("script-src 'self'");
    const rows = page.locator("ol#feed > li.row");
    expect(await rows.count()).toBeGreaterThanOrEqual(50);
    await expect.poll(() => page.locator("#live-status").getAttribute("data-live")).toBe("open");
    expect(await page.locator(".demo-banner").innerText()).toContain("Demo data");
    expect(await rows.first().locator(".badge").innerText()).toMatch(/\d\.\d\d/);
    expect(await page.locator("ol#feed a.chip").count()).toBeGreaterThan(20);
    expect(await page.locator("ol#feed a.tag").count()).toBeGreaterThan(20);
    // Newest first: times on the rows never increase going down.
    const times = await page.locator("ol#feed time").evaluateAll((els) => els.map((e) => Date.parse(e.getAttribute("datetime") ?? "")));
    expect(times.every((t, i) => i === 0 || t <= times[i - 1]!)).toBe(true);
    await shot(page, "feed");
    expect(w.dialogs).toEqual([]);
    expect(w.errors).toEqual([]);
    await page.close();
  });

  it("filters by ticker, by minimum impact and sorts by impact", async () => {
    const page = await browser.newPage();
    await page.goto(app.url + "/");
    await page.getByLabel("Tickers").fill("nvda");
    await page.getByRole("button", { name: "Apply" }).click();
    await page.waitForURL(/tickers=NVDA/i);
    const n = await page.locator("ol#feed > li.row").count();
    expect(n).toBeGreaterThan(0);
    for (const id of await page.locator("ol#feed > li.row").evaluateAll((els) => els.map((e) => e.getAttribute("data-id")))) {
      const api = (await (await fetch(`${app.url}/api/v1/articles/${encodeURIComponent(id!)}`)).json()) as { tickers: { symbol: string }[] };
      expect(api.tickers.map((t) => t.symbol)).toContain("NVDA");
    }
    await page.getByLabel("Tickers").fill("");
    await page.getByLabel("Min impact").selectOption("0.4");
    await page.getByLabel("Sort").selectOption("impact");
    await page.getByRole("button", { name: "Apply" }).click();
    await page.waitForURL(/minImpact=0\.4/);
    const scores = (await page.locator("ol#feed .badge").allInnerTexts()).map((s) => Number(s.replace(/[^0-9.]/g, "")));
    expect(scores.length).toBeGreaterThan(0);
    expect(scores.every((s) => s >= 0.4)).toBe(true);
    expect(scores.every((s, i) => i === 0 || s <= scores[i - 1]!)).toBe(true);
    await page.close();
  });

  it("shows every field of the seed page on the article page", async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 1400 } });
    const w = watch(page);
    await page.goto(app.url + "/search?q=" + encodeURIComponent("OpenAI drift Microsoft Amazon"));
    await page.locator("ol.feed a.row-title", { hasText: "OpenAI’s subtle drift from Microsoft" }).first().click();
    await page.waitForURL(/\/news\//);
    const id = decodeURIComponent(page.url().split("/news/")[1]!);
    const api = (await (await fetch(`${app.url}/api/v1/articles/${encodeURIComponent(id)}`)).json()) as {
      enrichment: { impact: { score: number; drivers: { factor: string }[] }; tickers: { symbol: string; role: string }[]; topics: { label: string }[]; summary: string; analysis: { takeaway: string } };
    };
    const e = api.enrichment;
    await expect.poll(() => page.getByRole("link", { name: "← Back to News" }).isVisible()).toBe(true);
    expect(await page.locator("#impact-h").innerText()).toBe(`Market Impact: ${e.impact.score.toFixed(2)}`);
    expect(await page.locator("h1").innerText()).toBe("OpenAI’s subtle drift from Microsoft has become an aggressive move toward Amazon");
    for (const t of e.tickers) expect(await page.locator(`.tickers a[href="/ticker/${t.symbol}"]`).innerText()).toContain(t.role);
    for (const t of e.topics) expect(await page.locator(".topics").innerText()).toContain(t.label);
    expect(await page.locator(".summary").innerText()).toContain(e.summary.slice(0, 60));
    expect(await page.locator("#analysis-h").innerText()).toBe("Analysis");
    expect(await page.locator(".takeaway").innerText()).toBe(e.analysis.takeaway);
    expect(e.tickers.map((t) => t.symbol)).toEqual(expect.arrayContaining(["AMZN", "MSFT"]));
    // Drivers open on demand.
    expect(await page.locator("table.drivers").isVisible()).toBe(false);
    await page.locator(".impact summary").click();
    expect(await page.locator("table.drivers tbody tr").count()).toBe(e.impact.drivers.length);
    const original = page.locator("a.original");
    expect(await original.getAttribute("rel")).toBe("noopener noreferrer nofollow");
    await shot(page, "article", true);
    expect(w.dialogs).toEqual([]);
    expect(w.errors).toEqual([]);
    await page.close();
  });

  it("is usable from the keyboard: skip link first, visible focus, labelled controls", async () => {
    const page = await browser.newPage();
    await page.goto(app.url + "/");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Skip to content");
    expect(await page.locator("a.skip").isVisible()).toBe(true);
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).toBe("solid");
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");
    // Every form control has a label.
    const unlabelled = await page.locator("input:not([type=hidden]), select").evaluateAll((els) => els.filter((e) => !(e as HTMLInputElement).labels?.length).length);
    expect(unlabelled).toBe(0);
    expect(await page.locator("header, nav, main, footer").count()).toBeGreaterThanOrEqual(4);
    await page.close();
  });

  it("works at phone width", async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
    await page.goto(app.url + "/");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await shot(page, "feed-phone");
    await page.close();
  });

  it("shows a posted article in an open feed without reload", async () => {
    const page = await browser.newPage();
    const w = watch(page);
    await page.goto(app.url + "/");
    await expect.poll(() => page.locator("#live-status").getAttribute("data-live")).toBe("open");
    const marker = await page.evaluate(() => ((window as unknown as { __marker: number }).__marker = 42));
    const title = "Microsoft raises quarterly dividend 10% and announces a $60 billion buyback";
    const r = await postArticles(app, [{ id: "live-1", title, text: "Microsoft Corp. raised its quarterly dividend by 10% to $0.91 a share and said its board approved a new $60 billion share repurchase programme, as the software maker returns more of its cash to shareholders.", source: "E2E Wire" }]);
    expect(r.items[0]!.status).toBe("created");
    const row = page.locator("ol#feed > li.row", { hasText: title });
    await row.waitFor({ timeout: 10_000 });
    expect(await page.evaluate(() => (window as unknown as { __marker: number }).__marker)).toBe(marker);
    expect(await row.locator(".source").innerText()).toBe("E2E Wire");
    expect(await row.locator("a.row-title").getAttribute("href")).toBe(`/news/${encodeURIComponent(r.items[0]!.id!)}`);
    expect(w.errors).toEqual([]);
    await page.close();
  });
});
