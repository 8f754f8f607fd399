/**
 * Deliveries are persisted: a webhook that failed its first attempt is retried by the next server
 * process on the same database, and delivered exactly once.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { numbered } from "./fixtures.ts";
import { sleep, startTestServer } from "./harness.ts";

const dir = mkdtempSync(join(tmpdir(), "iw-resume-"));
const answers = [500, 200];
const hits: number[] = [];
const receiver = http.createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    const status = answers.length > 1 ? answers.shift()! : answers[0]!;
    hits.push(status);
    res.writeHead(status).end();
  });
});

afterAll(async () => {
  receiver.closeAllConnections();
  await new Promise((r) => receiver.close(r));
  rmSync(dir, { recursive: true, force: true });
});

describe("delivery queue across restarts", () => {
  it("resumes a pending delivery after a restart and delivers it once", async () => {
    await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    const first = await startTestServer({ dataDir: dir, webhookRetryBaseMs: 2_000, webhookRetryMaxMs: 2_000 });
    const alert = (await first.call("/api/v1/alerts", { method: "POST", key: first.keys.admin, json: { name: "resume", webhookUrl: url } })).body;
    await first.call("/api/v1/articles", { method: "POST", key: first.keys.write, json: numbered(1, "2026-11-12T00:00:00Z", "resume") });
    for (let i = 0; i < 100 && hits.length === 0; i++) await sleep(20);
    await sleep(100);
    const pending = (await first.call(`/api/v1/alerts/${alert.id}/deliveries`, { key: first.keys.admin })).body.items;
    expect(pending).toMatchObject([{ status: "pending", attempts: 1, lastStatus: 500 }]);
    await first.stop();
    expect(hits).toEqual([500]);

    const second = await startTestServer({ dataDir: dir });
    try {
      for (let i = 0; i < 200 && hits.length < 2; i++) await sleep(20);
      await sleep(100);
      const done = (await second.call(`/api/v1/alerts/${alert.id}/deliveries`, { key: second.keys.admin })).body.items;
      expect(done).toMatchObject([{ status: "delivered", attempts: 2, lastStatus: 200 }]);
      expect(hits).toEqual([500, 200]);
    } finally {
      await second.stop();
    }
  });
});
