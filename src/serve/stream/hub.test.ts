import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore } from "../../store/open.ts";
import type { Store } from "../../store/store.ts";
import { Pipeline } from "../../ingest/pipeline/pipeline.ts";
import { loadReference } from "../../reference/reference.ts";
import { StreamHub, type SseSink } from "./hub.ts";
import { ArticleTail, maxSeq } from "./tail.ts";

/** Collects what the hub writes, like a socket would. */
class MemorySink implements SseSink {
  chunks: string[] = [];
  writableLength = 0;
  ended = false;
  write(chunk: string): boolean {
    this.chunks.push(chunk);
    return true;
  }
  end(): void {
    this.ended = true;
  }
  ids(): number[] {
    return this.chunks.flatMap((c) => (/^id: (\d+)$/m.exec(c) ? [Number(/^id: (\d+)$/m.exec(c)![1])] : []));
  }
}

const dir = mkdtempSync(join(tmpdir(), "iw-hub-"));
let store: Store;
let pipeline: Pipeline;
const seqs: number[] = [];

beforeAll(async () => {
  store = await openStore({ dataDir: dir, databaseUrl: "" });
  pipeline = new Pipeline({ store, reference: loadReference() });
  for (let i = 0; i < 5; i++) {
    const r = await pipeline.ingest({ externalId: `h${i}`, source: "Hub Wire", title: `Dock crane inspection ${i} finished`, text: `Crane ${i} at berth ${i * 7} passed its yearly inspection, the harbour office said, and resumes loading on Monday.` });
    seqs.push(r.article.seq);
  }
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("StreamHub replay", () => {
  it("replays in seq order after Last-Event-ID and signals a replay cut at the limit", async () => {
    const full = new MemorySink();
    await new StreamHub(store).connect(full, {}, seqs[0]!);
    expect(full.ids()).toEqual(seqs.slice(1));

    const cut = new MemorySink();
    await new StreamHub(store, 2).connect(cut, {}, 0);
    expect(cut.ids()).toEqual(seqs.slice(0, 2));
    expect(cut.chunks.at(-1)).toMatch(new RegExp(`^event: truncated\ndata: \\{"lastEventId":${seqs[1]},"limit":2\\}`));
  });
});

describe("ArticleTail", () => {
  it("starts at the store's last seq and hands on later writes once, in order", async () => {
    expect(await maxSeq(store)).toBe(Math.max(...seqs));
    const tail = new ArticleTail(store, 0);
    await tail.start(pipeline);
    const seen: number[] = [];
    tail.subscribe((e) => seen.push(e.article.seq));
    const r = await pipeline.ingest({ externalId: "h-late", source: "Hub Wire", title: "Late crane report", text: "A late report on the cranes at berth nine arrived after the inspections, the office said." });
    await tail.catchUp();
    tail.stop();
    expect(seen).toEqual([r.article.seq]);
  });
});
