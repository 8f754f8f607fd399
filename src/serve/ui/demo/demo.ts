/**
 * The bundled demo corpus (data/demo/articles.ndjson): fictional articles about real large companies,
 * written by the impactwire authors, loaded into an empty database on first start so that a newcomer
 * sees a living product offline. Each line carries `offsetHours` (how long before "now" it was
 * published), so the feed always looks fresh. Sources are named "Demo …" and links point to the
 * reserved `demo.impactwire.example` host; the UI shows a demo banner for them.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import type { Ingestor } from "../../../ingest/ingestor.ts";
import type { Store } from "../../../store/store.ts";
import { ImpactwireError, EXIT } from "../../../core/errors.ts";

/** Where the corpus lives in the repository. */
export const DEMO_FILE = fileURLToPath(new URL("../../../../data/demo/articles.ndjson", import.meta.url));

export const DemoArticleSchema = z.object({
  id: z.string().regex(/^demo-\d{3}$/),
  offsetHours: z.number().min(0).max(24 * 60),
  source: z.string().startsWith("Demo "),
  title: z.string().min(1),
  text: z.string().min(1),
  url: z.string().url(),
});
export type DemoArticle = z.infer<typeof DemoArticleSchema>;

/**
 * Reads and validates the demo corpus; a bad line is an error naming the line.
 *
 * @example
 * const items = readDemoCorpus(); items.length // 68
 */
export function readDemoCorpus(file: string = DEMO_FILE): DemoArticle[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (cause) {
    throw new ImpactwireError("demo", "DEMO_MISSING", `cannot read the demo corpus at ${file}`, { cause, exitCode: EXIT.config, status: 500 });
  }
  return text
    .split("\n")
    .map((line, i) => ({ line: line.trim(), n: i + 1 }))
    .filter((l) => l.line !== "")
    .map(({ line, n }) => {
      try {
        return DemoArticleSchema.parse(JSON.parse(line));
      } catch (cause) {
        throw new ImpactwireError("demo", "DEMO_INVALID", `line ${n} of ${file} is not a valid demo article`, { cause, exitCode: EXIT.config, status: 500 });
      }
    });
}

/**
 * Loads the demo articles into an empty database, oldest first, with publication times relative to
 * `now`. Does nothing (returns 0) when the store already holds articles.
 *
 * @example
 * const n = await loadDemoCorpus(ingestor, store); // 68 on a fresh database, 0 afterwards
 */
export async function loadDemoCorpus(ingestor: Ingestor, store: Store, options: { now?: Date; file?: string } = {}): Promise<number> {
  if ((await store.countArticles()) > 0) return 0;
  const now = (options.now ?? new Date()).getTime();
  const items = readDemoCorpus(options.file).sort((a, b) => b.offsetHours - a.offsetHours);
  let loaded = 0;
  for (const a of items) {
    const publishedAt = new Date(now - a.offsetHours * 3_600_000).toISOString();
    // Seen a few minutes after publication, like a polled feed.
    const seenAt = new Date(Math.min(now, now - a.offsetHours * 3_600_000 + 4 * 60_000)).toISOString();
    await ingestor.ingest({ id: a.id, externalId: a.id, title: a.title, text: a.text, url: a.url, source: a.source, publishedAt, seenAt });
    loaded++;
  }
  return loaded;
}
