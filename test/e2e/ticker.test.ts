/** Must-show 1 and 3: a ticker page draws its price chart (with news markers) and its impact/sentiment chart. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { hasChromium, launch, postArticles, priceFixture, shot, startApp, watch, type App } from "./harness.ts";

let app: App;
let browser: Browser;

// Test articles of our own, dated inside the price fixture's window (2016-12 … 2017-09).
const ARTICLES = [
  ["2017-02-02T21:05:00Z", "Amazon quarterly sales miss estimates as holiday forecast disappoints", "Amazon.com Inc. reported quarterly revenue of $43.7 billion, below the $44.7 billion analysts expected, and forecast operating income for the current quarter below Wall Street estimates. Amazon Web Services grew 47%. Shares fell 4% in extended trading."],
  ["2017-04-27T21:10:00Z", "Amazon profit beats as AWS growth accelerates", "Amazon.com Inc. reported quarterly earnings per share of $1.48, well ahead of the $1.12 analysts expected, as Amazon Web Services revenue rose 43% to $3.66 billion. Shares rose 4% after hours."],
  ["2017-06-16T12:30:00Z", "Amazon to buy Whole Foods for $13.7 billion", "Amazon.com Inc. agreed to buy Whole Foods Market Inc. for $42 a share in cash, or about $13.7 billion including debt, a premium of 27% to Whole Foods' closing price. Shares of grocery chains including Kroger fell sharply; Amazon rose 2.4%."],
  ["2017-07-27T21:00:00Z", "Amazon profit falls 77% as spending on video and warehouses climbs", "Amazon.com Inc. said quarterly profit fell 77% to $197 million, or $0.40 a share, far below the $1.42 analysts expected, as the company spent heavily on shipping, video content and new warehouses. Revenue rose 25% to $38 billion. Shares fell 3% after hours."],
];

async function canvasInk(page: Page, selector: string): Promise<number> {
  return page.locator(`${selector} canvas`).evaluateAll((canvases) => {
    let inked = 0;
    for (const c of canvases as HTMLCanvasElement[]) {
      if (c.width === 0 || c.height === 0) continue;
      const ctx = c.getContext("2d");
      if (!ctx) continue;
      const data = ctx.getImageData(0, 0, c.width, c.height).data;
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) inked++;
    }
    return inked;
  });
}

describe.skipIf(!hasChromium)("ticker page in Chromium", () => {
  beforeAll(async () => {
    app = await startApp();
    browser = await launch();
    for (const s of ["AMZN", "MSFT", "MARKET"]) await app.server.ctx.store.putPrices(priceFixture(s));
    await postArticles(app, ARTICLES.map(([publishedAt, title, text], i) => ({ id: `amzn-${i}`, publishedAt, title, text, source: "E2E Wire", url: `https://news.example.com/amzn-${i}` })));
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("draws the price chart with news markers and the impact/sentiment chart", async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 1000 } });
    const w = watch(page);
    const res = await page.goto(app.url + "/ticker/AMZN");
    expect(res?.status()).toBe(200);
    expect(res?.headers()["content-security-policy"]).toContain("default-src 'self'");
    await page.locator("#price-chart[data-drawn=true]").waitFor();
    await page.locator("#series-chart[data-drawn=true]").waitFor();
    await page.waitForTimeout(300);
    expect(await page.locator("#price-chart canvas").count()).toBeGreaterThan(0);
    expect(await canvasInk(page, "#price-chart")).toBeGreaterThan(2_000);
    expect(await canvasInk(page, "#series-chart")).toBeGreaterThan(200);
    const data = JSON.parse((await page.locator("#chart-data").textContent()) ?? "{}") as { markers: unknown[]; prices: unknown[] };
    expect(data.prices.length).toBeGreaterThan(150);
    expect(data.markers.length).toBe(ARTICLES.length);
    expect(await page.locator(".attribution").first().innerText()).toContain("TradingView");
    expect(await page.locator("h1").innerText()).toContain("AMZN");
    await shot(page, "ticker", true);
    expect(w.dialogs).toEqual([]);
    expect(w.errors).toEqual([]);
    await page.close();
  });

  it("shows the event study on an article with prices (abnormal return against the market proxy)", async () => {
    const page = await browser.newPage();
    await page.goto(app.url + "/news/" + encodeURIComponent((await app.server.ctx.store.listArticles({ q: "Whole Foods", limit: 1 })).items[0]!.id));
    const study = await page.locator("ul.study").innerText();
    expect(study).toMatch(/AMZN [+−]\d+\.\d% abnormal since publication/);
    expect(study).toContain("market proxy MARKET");
    await page.close();
  });
});
