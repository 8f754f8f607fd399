/**
 * `impactwire feeds add|list|remove|inspect|poll`: manage feed sources.
 *
 *   feeds inspect URL [--json] [--limit N]     fetch and print what the feed yields (stores nothing)
 *   feeds add URL [--interval SEC] [--title T] [--no-check]
 *   feeds list [--json]                        sources with their health (last poll, error, next poll)
 *   feeds remove ID|URL
 *   feeds poll [--all] [--watch]               poll due feeds once (all enabled ones with --all), or keep polling
 */
import { EXIT } from "../../core/errors.ts";
import { loadConfig, type Config } from "../../core/config.ts";
import { openStore } from "../../store/open.ts";
import type { SourceRecord, Store } from "../../store/store.ts";
import { assertPublicUrl } from "../../ingest/fetch/fetch.ts";
import { FeedPoller, startPoller } from "../../ingest/poll/poller.ts";
import { registerCommand } from "../main.ts";
import { intOption, parseArgs, usage, type Parsed } from "../serve/args.ts";
import { inspectFeed, renderInspect } from "./inspect.ts";

const HELP = `Usage:
  impactwire feeds inspect URL [--json] [--limit N]   fetch a feed and print its items (stores nothing)
  impactwire feeds add URL [--interval SEC] [--title TEXT] [--no-check]
  impactwire feeds list [--json]
  impactwire feeds remove ID|URL
  impactwire feeds poll [--all] [--watch]             poll due feeds once (--all: every enabled feed;
                                                      --watch: keep polling on schedule until Ctrl-C)
`;

const KNOWN = ["json", "limit=", "interval=", "title=", "no-check", "all", "watch", "help"];

async function withStore<T>(config: Config, run: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(config);
  try {
    await store.migrate();
    return await run(store);
  } finally {
    await store.close();
  }
}

async function inspect(p: Parsed, config: Config): Promise<number> {
  const url = p.positional[1];
  if (!url) throw usage("feeds inspect: missing URL");
  const { feed, finalUrl } = await inspectFeed(url, config);
  if (p.options.has("json")) process.stdout.write(`${JSON.stringify({ url: finalUrl, ...feed }, null, 2)}\n`);
  else process.stdout.write(renderInspect(feed, finalUrl, intOption(p, "limit") ?? 20));
  return EXIT.ok;
}

async function add(p: Parsed, config: Config): Promise<number> {
  const raw = p.positional[1];
  if (!raw) throw usage("feeds add: missing URL");
  const url = assertPublicUrl(raw, { allowPrivate: config.allowPrivateNetworks }).href;
  const intervalSec = intOption(p, "interval") ?? config.pollIntervalSec;
  if (intervalSec < 10) throw usage("feeds add: --interval must be at least 10 seconds");
  const titleOpt = p.options.get("title");
  let kind: SourceRecord["kind"] = "feed";
  let title = typeof titleOpt === "string" ? titleOpt : null;
  if (!p.options.has("no-check")) {
    const { feed } = await inspectFeed(url, config); // a URL that is not a readable feed is refused here
    kind = feed.kind;
    title ??= feed.title;
    process.stderr.write(`checked: ${feed.kind} feed "${feed.title ?? "untitled"}" with ${feed.items.length} items\n`);
  }
  const source = await withStore(config, (store) => store.addSource({ url, kind, intervalSec, ...(title ? { title } : {}) }));
  process.stdout.write(`${source.id}\t${source.url}\n`);
  process.stderr.write(`added; polled every ${intervalSec} s by \`impactwire serve\` (or now with \`impactwire feeds poll\`)\n`);
  return EXIT.ok;
}

function health(s: SourceRecord): string {
  if (!s.enabled) return "disabled";
  if (!s.lastPolledAt) return "never polled";
  return s.errorCount > 0 ? `failing ×${s.errorCount}` : "ok";
}

async function list(p: Parsed, config: Config): Promise<number> {
  const sources = await withStore(config, (store) => store.listSources());
  if (p.options.has("json")) {
    process.stdout.write(`${JSON.stringify(sources, null, 2)}\n`);
    return EXIT.ok;
  }
  if (sources.length === 0) process.stderr.write("no feeds yet: impactwire feeds add URL\n");
  for (const s of sources) {
    process.stdout.write(`${s.id}\t${s.kind}\t${health(s)}\titems ${s.itemsSeen}\tlast ${s.lastPolledAt ?? "-"}\tnext ${s.nextPollAt ?? "due"}\t${s.title ?? ""}\t${s.url}\n`);
    if (s.lastError) process.stdout.write(`\t└ ${s.lastError}\n`);
  }
  return EXIT.ok;
}

async function remove(p: Parsed, config: Config): Promise<number> {
  const target = p.positional[1];
  if (!target) throw usage("feeds remove: missing ID or URL");
  const removed = await withStore(config, async (store) => {
    const match = (await store.listSources()).find((s) => s.id === target || s.url === target);
    return match && (await store.removeSource(match.id)) ? match : null;
  });
  if (!removed) throw usage(`feeds remove: no feed "${target}" (see impactwire feeds list)`);
  process.stderr.write(`removed ${removed.id} ${removed.url} (its articles stay)\n`);
  return EXIT.ok;
}

async function poll(p: Parsed, config: Config): Promise<number> {
  return withStore(config, async (store) => {
    // Loaded here only: inspect/add/list/remove need neither the engine nor its reference data.
    const { Pipeline } = await import("../../ingest/pipeline/pipeline.ts");
    const { loadReference } = await import("../../reference/reference.ts");
    const ingestor = new Pipeline({ store, reference: loadReference() });
    if (p.options.has("watch")) return watch(store, ingestor, config);
    const poller = new FeedPoller({ store, ingestor, config, log: (l) => process.stderr.write(`${l}\n`) });
    const stop = () => poller.cancel();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
    try {
      const results = await poller.pollDue(p.options.has("all"));
      for (const r of results) {
        const what = r.status === "error" ? `error: ${r.error}` : r.status === "not-modified" ? "not modified" : `${r.items} items, ${r.created} new, ${r.revised} revised${r.skipped ? `, ${r.skipped} skipped` : ""}`;
        process.stdout.write(`${r.sourceId}\t${r.url}\t${what}\n`);
      }
      if (results.length === 0) process.stderr.write("no feed is due (use --all to poll every enabled feed)\n");
      return results.some((r) => r.status === "error") ? EXIT.partial : EXIT.ok;
    } finally {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
    }
  });
}

/** `feeds poll --watch`: the background loop in the foreground, until SIGINT/SIGTERM. */
async function watch(store: Store, ingestor: Parameters<typeof startPoller>[0]["ingestor"], config: Config): Promise<number> {
  const log = (line: string) => process.stderr.write(`${new Date().toISOString()} ${line}\n`);
  const stop = startPoller({ config, store, ingestor }, { log });
  log(`poll: watching ${(await store.listSources()).filter((s) => s.enabled).length} feeds (Ctrl-C to stop)`);
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await stop();
  return EXIT.ok;
}

/**
 * Runs `impactwire feeds …`.
 *
 * @example
 * await runFeeds(["inspect", "https://example.com/feed.xml"]);
 */
export async function runFeeds(args: string[]): Promise<number> {
  const p = parseArgs(args, KNOWN);
  const action = p.positional[0];
  if (p.options.has("help") || !action) {
    process.stdout.write(HELP);
    return action || p.options.has("help") ? EXIT.ok : EXIT.usage;
  }
  const config = loadConfig();
  switch (action) {
    case "inspect":
      return inspect(p, config);
    case "add":
      return add(p, config);
    case "list":
      return list(p, config);
    case "remove":
      return remove(p, config);
    case "poll":
      return poll(p, config);
    default:
      throw usage(`feeds: unknown action "${action}"\n${HELP}`);
  }
}

registerCommand("feeds", "feeds add|list|remove|inspect|poll: feed sources", runFeeds);
