/**
 * The UI's static files: a fixed list (no path from the request touches the file system), read once,
 * served with their type, an ETag and a short cache lifetime. lightweight-charts comes from its npm
 * package's standalone production build, served locally (no CDN).
 */
import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export interface StaticFile {
  body: Buffer;
  type: string;
  etag: string;
}

const here = dirname(fileURLToPath(import.meta.url));
const TYPES: Record<string, string> = {
  css: "text/css; charset=utf-8",
  js: "text/javascript; charset=utf-8",
  svg: "image/svg+xml",
};

/** URL path under /static → file on disk. */
function fileTable(): Record<string, string> {
  const require = createRequire(import.meta.url);
  const lwcDir = join(dirname(require.resolve("lightweight-charts/package.json")), "dist");
  const own = join(here, "static");
  return {
    "app.css": join(own, "app.css"),
    "favicon.svg": join(own, "favicon.svg"),
    "feed.js": join(own, "feed.js"),
    "charts.js": join(own, "charts.js"),
    "vendor/lightweight-charts.standalone.production.js": join(lwcDir, "lightweight-charts.standalone.production.js"),
  };
}

let cache: Map<string, StaticFile> | undefined;

/**
 * Loads (once) the static files into memory.
 *
 * @example
 * const f = staticFiles().get("app.css");
 */
export function staticFiles(): Map<string, StaticFile> {
  if (cache) return cache;
  const m = new Map<string, StaticFile>();
  for (const [name, path] of Object.entries(fileTable())) {
    const body = readFileSync(path);
    const ext = name.slice(name.lastIndexOf(".") + 1);
    m.set(name, { body, type: TYPES[ext] ?? "application/octet-stream", etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 16)}"` });
  }
  cache = m;
  return m;
}
