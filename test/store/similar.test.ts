import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openSqliteStore, type SqliteStore } from "../../src/store/sqlite/store.ts";
import { makeWrite } from "./helpers.ts";

let dir: string;
let a: SqliteStore;
let b: SqliteStore;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "iw-similar-"));
  a = openSqliteStore(path.join(dir, "db.sqlite"));
  b = openSqliteStore(path.join(dir, "db.sqlite"));
});
afterEach(async () => {
  await a.close();
  await b.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const one = { title: "Acme to buy Beta", text: "Acme agreed to buy Beta for $4.2 billion in cash, the companies said.", sourceId: "wire", externalId: "s-1", publishedAt: "2026-03-01T09:30:00Z", seenAt: "2026-03-01T10:00:00Z" };
const other = { title: "Gamma recalls cars", text: "Gamma Motors recalled 40,000 cars over a brake fault on Tuesday.", sourceId: "wire", externalId: "s-2", publishedAt: "2026-03-01T11:00:00Z", seenAt: "2026-03-01T11:00:00Z" };
const SINCE = "2026-02-27T00:00:00Z";

describe("near-duplicate index (in memory, synced from the database)", () => {
  it("sees articles written and revised by another connection", async () => {
    const w = makeWrite(one);
    expect(await a.findSimilar(w.simhash, SINCE, 0)).toEqual([]);
    const created = await b.writeArticle(w);
    expect((await a.findSimilar(w.simhash, SINCE, 0)).map((c) => c.id)).toEqual([created.article.id]);
    const edited = makeWrite({ ...one, text: other.text });
    expect((await b.writeArticle(edited)).status).toBe("revised");
    expect(await a.findSimilar(w.simhash, SINCE, 0)).toEqual([]);
    expect((await a.findSimilar(edited.simhash, SINCE, 0)).map((c) => [c.id, c.storyId])).toEqual([[created.article.id, created.article.storyId]]);
  });

  it("forgets writes that were rolled back, and sees the next ones (which reuse their seq)", async () => {
    const w1 = makeWrite(one);
    const w2 = makeWrite(other);
    await expect(
      a.batch(async () => {
        await a.writeArticle(w1);
        expect((await a.findSimilar(w1.simhash, SINCE, 0)).length).toBe(1);
        throw new Error("fail the batch");
      }),
    ).rejects.toThrow("fail the batch");
    expect(await a.findSimilar(w1.simhash, SINCE, 0)).toEqual([]);
    const r = await a.writeArticle(w2);
    expect((await a.findSimilar(w2.simhash, SINCE, 0)).map((c) => c.id)).toEqual([r.article.id]);
    expect(await b.findSimilar(w1.simhash, SINCE, 0)).toEqual([]);
  });

  it("loads an earlier window on demand and applies the window to every candidate", async () => {
    const w = makeWrite(one);
    await b.writeArticle(w);
    expect(await a.findSimilar(w.simhash, "2026-03-01T10:00:00Z", 0)).toEqual([]);
    expect((await a.findSimilar(w.simhash, "2026-03-01T09:30:00Z", 0)).length).toBe(1);
    expect((await a.findSimilar(w.simhash, SINCE, 0)).length).toBe(1);
    expect(await a.findSimilar(w.simhash, "2026-03-02T00:00:00Z", 64)).toEqual([]);
  });
});
