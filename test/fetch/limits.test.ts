/**
 * Issue 4, must-show 2 (limits part): a 1 GB body and a gzip bomb stop at the size limit, quickly and
 * without reading the rest; a server sending one byte every few seconds hits the total deadline.
 * Plus the ordinary contract: decoding, conditional GET (304 returned), HTTP errors, headers deadline.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from "node:zlib";
import type { ServerResponse } from "node:http";
import { safeFetch, type FetchOptions } from "../../src/ingest/fetch/fetch.ts";
import { ImpactwireError } from "../../src/core/errors.ts";
import { startServer, type TestServer } from "./server.ts";

const GB = 1024 ** 3;
const MB = 1024 ** 2;
let server: TestServer;
let bytesSent = 0;
const timers = new Set<NodeJS.Timeout>();

/** Streams `total` bytes lazily, respecting backpressure, counting what was actually written. */
function streamLazily(res: ServerResponse, total: number): void {
  const chunk = Buffer.alloc(64 * 1024, 0x61);
  let left = total;
  const pump = () => {
    while (left > 0) {
      const n = Math.min(left, chunk.length);
      left -= n;
      bytesSent += n;
      if (!res.write(n === chunk.length ? chunk : chunk.subarray(0, n))) return void res.once("drain", pump);
    }
    res.end();
  };
  res.on("close", () => (left = 0));
  pump();
}

// 1 MiB of zeros gzips to ~1 KiB; 1024 concatenated gzip members decode to 1 GiB.
const gzMember = gzipSync(Buffer.alloc(MB));
const gzipBomb = Buffer.concat(Array.from({ length: 1024 }, () => gzMember));
const deflateBomb = deflateSync(Buffer.alloc(256 * MB), { level: 1 });

beforeAll(async () => {
  server = await startServer({
    "/gigabyte": (_req, res) => {
      res.writeHead(200, { "content-type": "application/octet-stream" }); // chunked: no length announced
      streamLazily(res, GB);
    },
    "/gigabyte-declared": (_req, res) => {
      res.writeHead(200, { "content-length": String(GB) });
      streamLazily(res, GB);
    },
    "/gzip-bomb": (_req, res) => res.writeHead(200, { "content-encoding": "gzip", "content-type": "application/xml" }).end(gzipBomb),
    "/deflate-bomb": (_req, res) => res.writeHead(200, { "content-encoding": "deflate" }).end(deflateBomb),
    "/slow": (_req, res) => {
      res.writeHead(200, { "content-type": "text/plain" });
      const t = setInterval(() => res.write("x"), 1500);
      timers.add(t);
      res.on("close", () => clearInterval(t));
    },
    "/silent": () => {},
    "/gzip": (_req, res) => res.writeHead(200, { "content-encoding": "gzip" }).end(gzipSync("gzipped text")),
    "/br": (_req, res) => res.writeHead(200, { "content-encoding": "br" }).end(brotliCompressSync("brotli text")),
    "/deflate-raw": (_req, res) => res.writeHead(200, { "content-encoding": "deflate" }).end(deflateRawSync("raw deflate")),
    "/stacked": (_req, res) => res.writeHead(200, { "content-encoding": "gzip, br" }).end(brotliCompressSync(gzipSync("two layers"))),
    "/corrupt": (_req, res) => res.writeHead(200, { "content-encoding": "gzip" }).end(Buffer.from("not gzip at all")),
    "/etag": (req, res) => {
      if (req.headers["if-none-match"] === '"v1"') return void res.writeHead(304, { etag: '"v1"' }).end();
      res.writeHead(200, { etag: '"v1"', "last-modified": "Sat, 28 Nov 2026 10:00:00 GMT" }).end("fresh");
    },
    "/gone": (_req, res) => res.writeHead(410).end("gone"),
    "/echo": (req, res) => {
      let body = "";
      req.on("data", (d) => (body += String(d)));
      req.on("end", () => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ method: req.method, body, type: req.headers["content-type"] ?? null })));
    },
    "/see-other": (_req, res) => res.writeHead(303, { location: "/echo" }).end(),
    "/temp-redirect": (_req, res) => res.writeHead(307, { location: "/echo" }).end(),
    "/error": (_req, res) => res.writeHead(503).end("down"),
  });
});
afterAll(async () => {
  for (const t of timers) clearInterval(t);
  await server.close();
});

const loop: FetchOptions = { allowPrivate: true };

async function failure(p: Promise<unknown>): Promise<ImpactwireError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(ImpactwireError);
    return err as ImpactwireError;
  }
  throw new Error("expected a failure");
}

describe("size limit after decompression", () => {
  it("a 1 GB streamed body stops at the limit", async () => {
    bytesSent = 0;
    const started = Date.now();
    const err = await failure(safeFetch(`${server.origin}/gigabyte`, { ...loop, maxBytes: 2 * MB }));
    expect(err.code).toBe("FETCH_TOO_LARGE");
    expect(Date.now() - started).toBeLessThan(3000);
    expect(bytesSent).toBeLessThan(64 * MB); // the server stopped long before 1 GB
  });
  it("a declared 1 GB Content-Length is refused before reading", async () => {
    bytesSent = 0;
    const err = await failure(safeFetch(`${server.origin}/gigabyte-declared`, { ...loop, maxBytes: 2 * MB }));
    expect(err.code).toBe("FETCH_TOO_LARGE");
    expect(bytesSent).toBeLessThan(64 * MB);
  });
  it("a gzip bomb (1 MB → 1 GB) stops at the limit", async () => {
    const before = process.memoryUsage().rss;
    const started = Date.now();
    const err = await failure(safeFetch(`${server.origin}/gzip-bomb`, { ...loop, maxBytes: 4 * MB }));
    expect(err.code).toBe("FETCH_TOO_LARGE");
    expect(Date.now() - started).toBeLessThan(3000);
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * MB);
  });
  it("a deflate bomb stops at the limit", async () => {
    const err = await failure(safeFetch(`${server.origin}/deflate-bomb`, { ...loop, maxBytes: 4 * MB }));
    expect(err.code).toBe("FETCH_TOO_LARGE");
  });
});

describe("deadlines", () => {
  it("a server sending one byte every 1.5 s hits the total deadline", async () => {
    const started = Date.now();
    const err = await failure(safeFetch(`${server.origin}/slow`, { ...loop, timeoutMs: 2500 }));
    expect(err.code).toBe("FETCH_TIMEOUT");
    const took = Date.now() - started;
    expect(took).toBeGreaterThanOrEqual(2400);
    expect(took).toBeLessThan(4000);
  });
  it("the caller's signal aborts a request → FETCH_ABORTED", async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const started = Date.now();
    const err = await failure(safeFetch(`${server.origin}/slow`, { ...loop, signal: controller.signal, timeoutMs: 5000 }));
    expect(err.code).toBe("FETCH_ABORTED");
    expect(Date.now() - started).toBeLessThan(1500);
  });
  it("no response headers → FETCH_TIMEOUT at the headers deadline", async () => {
    const started = Date.now();
    const err = await failure(safeFetch(`${server.origin}/silent`, { ...loop, headersTimeoutMs: 300, timeoutMs: 5000 }));
    expect(err.code).toBe("FETCH_TIMEOUT");
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe("decoding and statuses", () => {
  it.each([
    ["/gzip", "gzipped text"],
    ["/br", "brotli text"],
    ["/deflate-raw", "raw deflate"],
    ["/stacked", "two layers"],
  ])("%s is decoded", async (path, text) => {
    expect((await safeFetch(`${server.origin}${path}`, loop)).body.toString()).toBe(text);
  });
  it("corrupt gzip → FETCH_BAD_ENCODING", async () => {
    expect((await failure(safeFetch(`${server.origin}/corrupt`, loop))).code).toBe("FETCH_BAD_ENCODING");
  });
  it("conditional GET: 304 is returned as a status, not an error", async () => {
    const first = await safeFetch(`${server.origin}/etag`, loop);
    expect(first.status).toBe(200);
    expect(first.headers.etag).toBe('"v1"');
    const second = await safeFetch(`${server.origin}/etag`, { ...loop, headers: { "If-None-Match": first.headers.etag! } });
    expect(second.status).toBe(304);
    expect(second.body.length).toBe(0);
  });
  it("HTTP 410 and 503 → FETCH_HTTP_STATUS with the status", async () => {
    const gone = await failure(safeFetch(`${server.origin}/gone`, loop));
    expect(gone.code).toBe("FETCH_HTTP_STATUS");
    expect(gone.detail).toEqual({ status: 410 });
    expect((await failure(safeFetch(`${server.origin}/error`, loop))).detail).toEqual({ status: 503 });
    expect((await safeFetch(`${server.origin}/gone`, { ...loop, throwOnHttpError: false })).status).toBe(410);
  });
  it("POST sends its body; 307 keeps method and body, 303 turns into GET", async () => {
    const post = { ...loop, method: "POST" as const, body: '{"a":1}', headers: { "content-type": "application/json" } };
    expect(JSON.parse((await safeFetch(`${server.origin}/echo`, post)).body.toString())).toEqual({ method: "POST", body: '{"a":1}', type: "application/json" });
    expect(JSON.parse((await safeFetch(`${server.origin}/temp-redirect`, post)).body.toString())).toMatchObject({ method: "POST", body: '{"a":1}' });
    expect(JSON.parse((await safeFetch(`${server.origin}/see-other`, post)).body.toString())).toEqual({ method: "GET", body: "", type: null });
  });
  it("connection refused → FETCH_NETWORK", async () => {
    const probe = await startServer({});
    const port = probe.port;
    await probe.close();
    expect((await failure(safeFetch(`http://127.0.0.1:${port}/`, loop))).code).toBe("FETCH_NETWORK");
  });
});
