/**
 * End-to-end harness: starts the real server (SQLite in a temporary folder, the ingest pipeline, the
 * UI) on 127.0.0.1 and drives Debian's Chromium through playwright-core. Tests skip, with a message,
 * only when /usr/bin/chromium is absent (CI installs it).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { loadConfig } from "../../src/core/config.ts";
import { startServer, type RunningServer } from "../../src/serve/server.ts";
import { Pipeline } from "../../src/ingest/pipeline/pipeline.ts";
import { generateApiKey, hashApiKey } from "../../src/serve/auth/keys.ts";
import type { PriceBar } from "../../src/store/store.ts";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`e2e: skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH)`);

const here = dirname(fileURLToPath(import.meta.url));
export const SCREENSHOTS = join(here, "../../docs/screenshots");

export interface App {
  server: RunningServer;
  url: string;
  /** A key with the write scope, for POST /api/v1/articles. */
  apiKey: string;
  close(): Promise<void>;
}

/**
 * Starts a server on a random port with a fresh database (optionally loaded with the demo corpus).
 *
 * @example
 * const app = await startApp({ demo: true }); … await app.close();
 */
export async function startApp(options: { demo?: boolean } = {}): Promise<App> {
  const dir = mkdtempSync(join(tmpdir(), "iw-e2e-"));
  const config = loadConfig({}, { dataDir: dir, port: 0, host: "127.0.0.1", logLevel: "error", demoCorpus: options.demo ?? false });
  const server = await startServer(config, {
    demo: options.demo ?? false,
    poller: false,
    logger: false,
    ingestor: (store, reference) => new Pipeline({ store, reference }),
  });
  const apiKey = generateApiKey();
  await server.ctx.store.createApiKey("e2e", hashApiKey(apiKey), ["read", "write"]);
  return {
    server,
    url: server.url,
    apiKey,
    async close() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Launches headless Chromium with the flags that keep it offline and quiet.
 *
 * @example
 * const browser = await launch();
 */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

export interface Watch {
  dialogs: string[];
  errors: string[];
}

/**
 * Records dialogs (alert/confirm/prompt — proof that injected script ran), console errors (including
 * CSP violations) and uncaught page errors.
 *
 * @example
 * const w = watch(page); … expect(w.dialogs).toEqual([]);
 */
export function watch(page: Page): Watch {
  const w: Watch = { dialogs: [], errors: [] };
  page.on("dialog", (d) => {
    w.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on("console", (m) => {
    if (m.type() === "error") w.errors.push(m.text());
  });
  page.on("pageerror", (e) => w.errors.push(e.message));
  return w;
}

/**
 * Writes a screenshot to docs/screenshots/<name>.png.
 *
 * @example
 * await shot(page, "feed");
 */
export async function shot(page: Page, name: string, fullPage = false): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}

/**
 * Reads a Yahoo-style CSV fixture (Date,Open,High,Low,Close,Adj Close,Volume) into price bars.
 *
 * @example
 * await store.putPrices(priceFixture("AMZN"));
 */
export function priceFixture(symbol: string): PriceBar[] {
  const lines = readFileSync(join(here, "fixtures/prices", `${symbol}.csv`), "utf8").trim().split("\n").slice(1);
  return lines.map((l) => {
    const [day, open, high, low, close, adj, volume] = l.split(",");
    return { symbol, day: day!, open: Number(open), high: Number(high), low: Number(low), close: Number(close), adjClose: Number(adj), volume: Number(volume) };
  });
}

/**
 * POSTs articles to the API with the app's write key.
 *
 * @example
 * await postArticles(app, [{ id: "x", title: "…", text: "…" }]);
 */
export async function postArticles(app: App, items: Record<string, unknown>[]): Promise<{ items: { status: string; id: string | null }[] }> {
  const res = await fetch(`${app.url}/api/v1/articles`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${app.apiKey}` },
    body: JSON.stringify(items),
  });
  if (!res.ok) throw new Error(`e2e: POST /api/v1/articles answered ${res.status}: ${await res.text()}`);
  const out = (await res.json()) as { items: { status: string; id: string | null; error?: { message: string } }[] };
  const failed = out.items.filter((i) => i.status === "error");
  if (failed.length) throw new Error(`e2e: ingest failed: ${failed.map((f) => f.error?.message).join("; ")}`);
  return out;
}
