import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase, startCheckpointer } from "../../src/store/sqlite/db.ts";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe("startCheckpointer", () => {
  it("copies the WAL into the database file from its own thread, and hands checkpoints back when stopped", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "iw-ckpt-"));
    dirs.push(dir);
    const file = path.join(dir, "t.db");
    const db = openDatabase(file);
    db.exec("CREATE TABLE blobs (b BLOB)");
    const cp = startCheckpointer(db, file, { intervalMs: 20 });
    expect(db.pragma("wal_autocheckpoint", { simple: true })).toBe(16_384);
    const before = fs.statSync(file).size;
    const insert = db.prepare("INSERT INTO blobs (b) VALUES (?)");
    db.transaction(() => {
      for (let i = 0; i < 500; i++) insert.run(Buffer.alloc(4096, i % 251));
    })();
    // 2 MB sit in the WAL, far below the connection's own threshold: only the thread can move them.
    for (let i = 0; i < 200 && fs.statSync(file).size < before + 1_000_000; i++) await new Promise((r) => setTimeout(r, 20));
    expect(fs.statSync(file).size).toBeGreaterThan(before + 1_000_000);
    await cp.stop();
    expect(db.pragma("wal_autocheckpoint", { simple: true })).toBe(1000);
    expect(db.prepare("SELECT count(*) FROM blobs").pluck().get()).toBe(500);
    db.close();
  });

  it("does nothing for an in-memory database", async () => {
    const db = openDatabase(":memory:");
    const cp = startCheckpointer(db, ":memory:");
    expect(db.pragma("wal_autocheckpoint", { simple: true })).toBe(1000);
    await cp.stop();
    db.close();
  });
});
