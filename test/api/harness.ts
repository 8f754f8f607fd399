/**
 * Starts a real impactwire server on 127.0.0.1 (port 0) over a fresh SQLite database in a temporary
 * folder, with three API keys (read, write, admin), and small helpers to call it over HTTP.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig, type Config } from "../../src/core/config.ts";
import { startServer, type RunningServer } from "../../src/serve/server.ts";
import { generateApiKey, hashApiKey } from "../../src/serve/auth/keys.ts";

export interface TestServer extends RunningServer {
  base: string;
  keys: { read: string; write: string; admin: string };
  /** fetch() against the server with an optional key. */
  call(path: string, init?: RequestInit & { key?: string; json?: unknown }): Promise<{ status: number; headers: Headers; body: any; text: string }>;
  stop(): Promise<void>;
}

/**
 * @example
 * const srv = await startTestServer({ rateLimitPerMin: 5 });
 * const { status, body } = await srv.call("/api/v1/health");
 */
export async function startTestServer(overrides: Partial<Config> = {}): Promise<TestServer> {
  const keepDir = overrides.dataDir !== undefined;
  const dir = overrides.dataDir ?? mkdtempSync(join(tmpdir(), "iw-api-"));
  const config = loadConfig({}, {
    databaseUrl: "",
    host: "127.0.0.1",
    port: 0,
    demoCorpus: false,
    allowPrivateNetworks: true,
    logLevel: "warn",
    rateLimitPerMin: 100_000,
    streamHeartbeatMs: 200,
    streamPollMs: 100,
    webhookTimeoutMs: 1_000,
    webhookRetryBaseMs: 100,
    webhookRetryMaxMs: 400,
    webhookMaxAttempts: 4,
    pollIntervalSec: 3600,
    ...overrides,
    dataDir: dir,
  });
  const running = await startServer(config, { logger: false, poller: false });
  const keys = { read: generateApiKey(), write: generateApiKey(), admin: generateApiKey() };
  await running.ctx.store.createApiKey("test-read", hashApiKey(keys.read), ["read"]);
  await running.ctx.store.createApiKey("test-write", hashApiKey(keys.write), ["read", "write"]);
  await running.ctx.store.createApiKey("test-admin", hashApiKey(keys.admin), ["admin"]);
  const base = running.url;
  return {
    ...running,
    base,
    keys,
    async call(path, init = {}) {
      const { key, json, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (key) headers.set("authorization", `Bearer ${key}`);
      if (json !== undefined) headers.set("content-type", "application/json");
      const res = await fetch(`${base}${path}`, { ...rest, headers, ...(json !== undefined ? { body: JSON.stringify(json) } : {}) });
      const text = await res.text();
      let body: unknown = null;
      try {
        body = text ? JSON.parse(text) : null;
      } catch {
        body = null;
      }
      return { status: res.status, headers: res.headers, body, text };
    },
    async stop() {
      await running.close();
      if (!keepDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Resolves after `ms` milliseconds. */
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
