/**
 * `impactwire keys create|list|revoke` through the real CLI, and the created key used over HTTP.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { numbered } from "./fixtures.ts";
import { startTestServer } from "./harness.ts";

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), "iw-keys-"));
const cli = (...args: string[]) => run(process.execPath, ["bin/impactwire.js", ...args], { env: { ...process.env, DATA_DIR: dir, DATABASE_URL: "" } });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("impactwire keys", () => {
  it("creates a key printed once, lists it without the secret, and revokes it", async () => {
    const created = await cli("keys", "create", "ci", "--scopes", "read,write");
    const key = created.stdout.trim();
    expect(key).toMatch(/^iw_[A-Za-z0-9_-]{43}$/);
    expect(created.stderr).toMatch(/shown only now/);
    const listed = await cli("keys", "list");
    expect(listed.stdout).toMatch(/\tci\tread,write\t.*\tactive/);
    expect(listed.stdout).not.toContain(key);
    const id = listed.stdout.split("\t")[0]!;

    const srv = await startTestServer({ dataDir: dir });
    try {
      const ok = await srv.call("/api/v1/articles", { method: "POST", key, json: numbered(1, "2026-11-01T00:00:00Z", "cli") });
      expect(ok.status).toBe(200);
      const admin = await srv.call("/api/v1/alerts", { key });
      expect(admin.status).toBe(403);
    } finally {
      await srv.stop();
    }

    await cli("keys", "revoke", id);
    const after = await startTestServer({ dataDir: dir });
    try {
      expect((await after.call("/api/v1/articles", { method: "POST", key, json: numbered(2, "2026-11-01T00:00:00Z", "cli") })).status).toBe(401);
    } finally {
      await after.stop();
    }
  }, 30_000);

  it("refuses an unknown scope with a usage error", async () => {
    const err = await cli("keys", "create", "x", "--scopes", "root").catch((e: { code: number; stderr: string }) => e);
    expect((err as { code: number }).code).toBe(2);
    expect((err as { stderr: string }).stderr).toMatch(/unknown scope/);
  }, 30_000);
});
