/**
 * Serves the feed fixtures of test/feeds/{ok,not-ok}/ on 127.0.0.1 as a real feed host would: the
 * Content-Type comes from a `<case>.headers.json` sidecar (else from the extension, without charset) and
 * bodies are gzip-compressed when the client accepts it.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { extname, join } from "node:path";
import { gzipSync } from "node:zlib";
import { startServer, type Handler, type TestServer } from "../fetch/server.ts";

export const FIXTURES = new URL(".", import.meta.url).pathname;

const TYPES: Record<string, string> = { ".xml": "application/rss+xml", ".json": "application/feed+json", ".html": "text/html; charset=utf-8" };

/** Fixture documents of a folder (not the .expected.json / .headers.json sidecars). */
export function fixtureFiles(dir: "ok" | "not-ok"): string[] {
  return readdirSync(join(FIXTURES, dir))
    .filter((f) => !f.endsWith(".expected.json") && !f.endsWith(".headers.json"))
    .sort();
}

/** `case.xml` → `case` */
export const caseName = (file: string) => file.slice(0, -extname(file).length);

function headersOf(dir: string, file: string): Record<string, string> {
  const sidecar = join(FIXTURES, dir, `${caseName(file)}.headers.json`);
  if (existsSync(sidecar)) return JSON.parse(readFileSync(sidecar, "utf8")) as Record<string, string>;
  return { "content-type": TYPES[extname(file)] ?? "application/octet-stream" };
}

/** Starts the fixture server: GET /ok/<file> and /not-ok/<file>. */
export async function startFeedServer(): Promise<TestServer> {
  const routes: Record<string, Handler> = {};
  for (const dir of ["ok", "not-ok"] as const) {
    for (const file of fixtureFiles(dir)) {
      routes[`/${dir}/${file}`] = (req, res) => {
        const body = readFileSync(join(FIXTURES, dir, file));
        const gzip = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
        res.writeHead(200, { ...headersOf(dir, file), ...(gzip ? { "content-encoding": "gzip" } : {}) });
        res.end(gzip ? gzipSync(body) : body);
      };
    }
  }
  return startServer(routes);
}
