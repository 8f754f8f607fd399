/**
 * `impactwire import` and `impactwire migrate` through the real CLI: bad lines reported with their
 * numbers on stderr, exit code 5 (partial), the summary on stdout, a second run changes nothing.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { barLine, logLine } from "../../src/cli/store/progress.ts";
import type { ImportStats } from "../../src/ingest/import/import.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "iw-cli-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function cli(...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [path.join(ROOT, "bin/impactwire.js"), ...args], {
    env: { ...process.env, DATA_DIR: path.join(dir, "data"), DATABASE_URL: "" },
    encoding: "utf8",
    timeout: 120_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe("impactwire import / migrate", () => {
  it("imports, reports bad lines by number, and is idempotent", () => {
    const file = path.join(dir, "a.ndjson");
    fs.writeFileSync(
      file,
      [
        JSON.stringify({ id: "n1", title: "Acme wins order", text: "Acme Corp won a $40 million order from a utility." }),
        "{oops",
        JSON.stringify({ id: "n2", title: "Beta cuts outlook", html: "<p>Beta Inc cut its <b>full-year</b> outlook.</p>" }),
        JSON.stringify({ id: 3 }),
      ].join("\n"),
    );
    const first = cli("import", file, "--workers", "0");
    expect(first.code).toBe(5);
    expect(first.err).toMatch(/impactwire: import: line 2: invalid JSON/);
    expect(first.err).toMatch(/impactwire: import: line 4: the line has no text or html/);
    expect(first.err).toMatch(/import: acknowledged line 4/);
    expect(first.out).toMatch(/2 new, 0 revised, 0 unchanged, 0 duplicates, 2 bad lines/);
    const again = cli("import", file, "--restart", "--workers", "1");
    expect(again.out).toMatch(/0 new, 0 revised, 2 unchanged/);
    expect(cli("migrate").out).toMatch(/^schema version \d+$/m);
    expect(cli("import").code).toBe(2);
    expect(cli("import", path.join(dir, "missing.ndjson")).err).toMatch(/cannot read/);
  }, 120_000);
});

describe("progress lines", () => {
  const s: ImportStats = { file: "f", key: "k", lines: 9000, resumedFrom: 0, created: 8800, revised: 0, unchanged: 0, duplicate: 188, bad: 12, acknowledged: 9000, bytes: 450, totalBytes: 1000, elapsedMs: 7300 };
  it("draws a bar on a terminal and logs otherwise", () => {
    expect(barLine(s, 20)).toBe("[#########...........] 45% line 9,000 · 1,233/s · 12 bad · ETA 9s");
    expect(logLine(s)).toBe("import: acknowledged line 9000 (45%), 8,800 new, 0 revised, 188 already known, 12 bad, 1,233 articles/s");
  });
});
