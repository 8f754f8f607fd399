/**
 * Must-show 3: `kill -9` during an import of 20,000 articles, then restart. The real CLI runs in a
 * child process; after the kill the database must hold every acknowledged article exactly once (and
 * nothing of the batch in flight), and the restarted import must resume after the checkpoint and
 * finish with each of the 20,000 articles stored once.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { corpusNdjson } from "./corpus.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const COUNT = 20_000;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "iw-crash-"));
const file = path.join(dir, "articles.ndjson");
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function startImport(): { child: ReturnType<typeof spawn>; acks: number[]; out: string[]; exit: Promise<number | null> } {
  const child = spawn(process.execPath, [path.join(ROOT, "bin/impactwire.js"), "import", file, "--progress-ms", "0"], {
    env: { ...process.env, DATA_DIR: path.join(dir, "data"), DATABASE_URL: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const acks: number[] = [];
  const out: string[] = [];
  child.stdout!.on("data", (d: Buffer) => out.push(d.toString()));
  let rest = "";
  child.stderr!.on("data", (d: Buffer) => {
    const lines = (rest + d.toString()).split("\n");
    rest = lines.pop()!;
    for (const l of lines) {
      const m = /acknowledged line (\d+)/.exec(l);
      if (m) acks.push(Number(m[1]));
    }
  });
  const exit = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, acks, out, exit };
}

function inspect(): { articles: number; distinct: number; revisions: number; enrichments: number; checkpoint: number; ids: Set<string> } {
  const db = new Database(path.join(dir, "data", "impactwire.db"));
  try {
    const one = (sql: string): number => (db.prepare(sql).pluck().get() as number | null) ?? 0;
    const ids = new Set(db.prepare("SELECT external_id FROM articles").pluck().all() as string[]);
    return {
      articles: one("SELECT count(*) FROM articles"),
      distinct: one("SELECT count(DISTINCT external_id) FROM articles"),
      revisions: one("SELECT count(*) FROM revisions"),
      enrichments: one("SELECT count(*) FROM enrichments"),
      checkpoint: one("SELECT max(line) FROM import_checkpoints"),
      ids,
    };
  } finally {
    db.close();
  }
}

describe("crash during import", () => {
  it("loses nothing acknowledged, duplicates nothing, and resumes", async () => {
    fs.writeFileSync(file, corpusNdjson(COUNT, 7));
    const started = Date.now();

    const first = startImport();
    while (!first.acks.some((n) => n >= 8_000)) {
      if (first.child.exitCode !== null) throw new Error(`import ended before the kill: ${first.out.join("")}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    first.child.kill("SIGKILL");
    expect(await first.exit).toBeNull();
    const acknowledged = Math.max(...first.acks);

    const after = inspect();
    console.log(`killed after acknowledged line ${acknowledged}; checkpoint ${after.checkpoint}; ${after.articles} articles stored (${Date.now() - started} ms)`);
    expect(after.checkpoint).toBeGreaterThanOrEqual(acknowledged);
    expect(after.checkpoint).toBeLessThan(COUNT);
    expect(after.articles).toBe(after.checkpoint);
    expect(after.distinct).toBe(after.articles);
    for (let i = 0; i < after.checkpoint; i++) expect(after.ids.has(`art-7-${i}`)).toBe(true);

    const second = startImport();
    expect(await second.exit).toBe(0);
    const summary = second.out.join("");
    expect(summary).toContain(`resumed after line ${after.checkpoint}`);
    expect(summary).toContain(`${COUNT - after.checkpoint} new`);
    expect(second.acks[0]).toBeGreaterThan(after.checkpoint);

    const done = inspect();
    console.log(`restarted: ${summary.trim()} (${Date.now() - started} ms in all)`);
    expect(done.articles).toBe(COUNT);
    expect(done.distinct).toBe(COUNT);
    expect(done.revisions).toBe(COUNT);
    expect(done.enrichments).toBe(COUNT);
    expect(done.checkpoint).toBe(COUNT);
  }, 240_000);
});
