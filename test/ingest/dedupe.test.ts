/**
 * Must-show 4: the same story from three sources with different wording forms one story; exact
 * re-posts are merged; different stories about the same company are not. Prints the figures.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openSqliteStore, type SqliteStore } from "../../src/store/sqlite/store.ts";
import { loadReference } from "../../src/reference/reference.ts";
import { Pipeline } from "../../src/ingest/pipeline/pipeline.ts";
import { hamming, simhash } from "../../src/ingest/dedupe/simhash.ts";
import { NEAR_DUPLICATE_BITS } from "../../src/ingest/dedupe/dedupe.ts";
import { canonicalUrl } from "../../src/ingest/dedupe/canonical-url.ts";
import { usePipeline } from "./fixture.ts";

const DIR = path.join(import.meta.dirname, "dedupe");
const read = (name: string): { title: string; text: string } => {
  const [title, ...body] = fs.readFileSync(path.join(DIR, `${name}.txt`), "utf8").trim().split("\n\n");
  return { title: title!, text: body.join("\n\n") };
};
const SAME = ["same-story-wire", "same-story-business", "same-story-blog"];
const OTHER = ["other-story-earnings", "other-story-outage"];

let store: SqliteStore;
let pipeline: Pipeline;
usePipeline((s, p) => ((store = s), (pipeline = p)));

describe("near-duplicate figures", () => {
  it("separates re-wordings of one story from other stories on the same company", () => {
    const names = [...SAME, ...OTHER];
    const sig = Object.fromEntries(names.map((n) => [n, simhash(read(n).title, read(n).text)]));
    const rows = names.map((a) => `${a.padEnd(22)} ${names.map((b) => String(hamming(sig[a]!, sig[b]!)).padStart(3)).join(" ")}`);
    console.log(`SimHash Hamming distances (threshold ${NEAR_DUPLICATE_BITS} of 64 bits):\n${rows.join("\n")}`);
    for (const a of SAME) for (const b of SAME) expect(hamming(sig[a]!, sig[b]!)).toBeLessThanOrEqual(NEAR_DUPLICATE_BITS);
    for (const a of SAME) for (const b of OTHER) expect(hamming(sig[a]!, sig[b]!)).toBeGreaterThan(NEAR_DUPLICATE_BITS + 5);
  });
});

describe("stories through the pipeline", () => {
  it("puts three sources' versions in one story with falling novelty", async () => {
    const results = [];
    for (const [i, name] of SAME.entries()) {
      results.push(await pipeline.ingest({ ...read(name), sourceId: `src-${i}`, externalId: `${name}-guid`, source: `Source ${i}`, publishedAt: `2026-03-02T${String(8 + i).padStart(2, "0")}:00:00Z` }));
    }
    expect(results.map((r) => r.status)).toEqual(["created", "created", "created"]);
    const storyIds = new Set(results.map((r) => r.article.storyId));
    expect(storyIds.size).toBe(1);
    const story = await store.getStory(results[0]!.article.storyId);
    expect(story?.size).toBe(3);
    const novelty = results.map((r) => r.article.enrichment!.story.novelty);
    console.log("story", story?.id, "size", story?.size, "novelty", novelty.join(", "));
    expect(novelty).toEqual([1, 0.5, 0.333]);
    expect(results.map((r) => r.article.enrichment!.story.size)).toEqual([1, 2, 3]);
  });

  it("merges exact re-posts, even under another GUID and a tracking URL", async () => {
    const first = await pipeline.ingest({ ...read(SAME[0]!), sourceId: "wire", externalId: "w-1", url: "https://wire.example/northwind-harbor" });
    const repost = await pipeline.ingest({ ...read(SAME[0]!), sourceId: "aggregator", externalId: "agg-77" });
    const tracked = await pipeline.ingest({ title: "Different teaser", text: "Short teaser only.", sourceId: "social", externalId: "s-9", url: "https://www.wire.example/northwind-harbor/?utm_source=x#comments" });
    expect(first.status).toBe("created");
    expect(repost.status).toBe("duplicate");
    expect(tracked.status).toBe("duplicate");
    expect(repost.article.id).toBe(first.article.id);
    expect(tracked.article.id).toBe(first.article.id);
    expect(await store.countArticles()).toBe(1);
    expect((await store.getStory(first.article.storyId))?.size).toBe(1);
  });

  it("keeps different stories about the same company apart", async () => {
    const ids = [];
    for (const [i, name] of [...SAME.slice(0, 1), ...OTHER].entries()) {
      ids.push((await pipeline.ingest({ ...read(name), sourceId: "wire", externalId: `n-${i}`, publishedAt: `2026-03-0${2 + i}T08:00:00Z` })).article);
    }
    expect(new Set(ids.map((a) => a.storyId)).size).toBe(3);
    expect(ids.map((a) => a.enrichment!.story.novelty)).toEqual([1, 1, 1]);
  });
});

describe("canonicalUrl", () => {
  it.each([
    ["HTTPS://www.Example.com/news/a/?utm_source=x&b=2&a=1#top", "https://example.com/news/a?a=1&b=2"],
    ["http://example.com:80/a/index.html", "http://example.com/a"],
    ["https://example.com/?fbclid=1", "https://example.com"],
    ["https://example.com/a//b/", "https://example.com/a/b"],
    ["ftp://example.com/a", null],
    ["not a url", null],
  ])("%s → %s", (raw, want) => {
    expect(canonicalUrl(raw)).toBe(want);
  });
});
