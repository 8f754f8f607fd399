/**
 * The safe fetcher: every outbound request of impactwire (feeds, article pages, webhooks) goes through
 * `safeFetch`. It refuses non-public addresses at connect time (see guard.ts), follows redirects by hand
 * (each hop re-validated), enforces connect, headers and total deadlines, decodes gzip/deflate/br while
 * streaming and stops at `maxBytes` decoded bytes. Every failure is an ImpactwireError("fetch", CODE)
 * with exit code EXIT.fetch:
 *
 * | code | when |
 * | --- | --- |
 * | FETCH_INVALID_URL | not http/https, credentials in the URL, unparsable, bad redirect Location |
 * | FETCH_PRIVATE_ADDRESS | the host is or resolves to a loopback/private/link-local/… address |
 * | FETCH_DNS | the host name does not resolve |
 * | FETCH_TIMEOUT | connect, headers or total deadline passed |
 * | FETCH_TOO_LARGE | body larger than maxBytes after decompression |
 * | FETCH_TOO_MANY_REDIRECTS | more than maxRedirects hops |
 * | FETCH_HTTP_STATUS | a status other than 2xx/304 (detail.status) |
 * | FETCH_BAD_ENCODING | unknown Content-Encoding or corrupt compressed data |
 * | FETCH_NETWORK | connection refused/reset and other socket errors |
 * | FETCH_ABORTED | the caller's `signal` aborted the request |
 */
import { Agent, request, type Dispatcher } from "undici";
import { ImpactwireError, EXIT } from "../../core/errors.ts";
import { assertPublicUrl, guardedConnector, type GuardOptions, type Resolver } from "./guard.ts";
import { BodyTooLarge, decodersFor, readBody } from "./body.ts";

export { assertPublicUrl } from "./guard.ts";
export type { Resolver } from "./guard.ts";

export interface FetchOptions {
  /** Let the request reach private/loopback/link-local addresses (SSRF guard off). Default false. */
  allowPrivate?: boolean;
  /** Total deadline (connect + redirects + whole body), ms. Default 15000. */
  timeoutMs?: number;
  connectTimeoutMs?: number;
  headersTimeoutMs?: number;
  /** Largest decoded body, bytes. Default 10 MiB. */
  maxBytes?: number;
  maxRedirects?: number;
  /** Request headers; pass If-None-Match / If-Modified-Since for a conditional GET (304 is returned, not thrown). */
  headers?: Record<string, string>;
  method?: "GET" | "POST" | "HEAD";
  body?: string | Buffer;
  /** Throw FETCH_HTTP_STATUS on statuses other than 2xx/304 (default true); false returns them. */
  throwOnHttpError?: boolean;
  userAgent?: string;
  /** Aborts the request (FETCH_ABORTED), e.g. when the poller stops. */
  signal?: AbortSignal;
  /** TEST HOOK — see GuardOptions.resolve: replaces DNS resolution. */
  resolve?: Resolver;
  /** TEST HOOK — see GuardOptions.treatAsPublic: exact addresses the guard treats as public. */
  treatAsPublic?: readonly string[];
}

export interface FetchResult {
  /** Final URL after redirects. */
  url: string;
  status: number;
  headers: Record<string, string>;
  contentType: string | null;
  /** Decompressed body bytes (never more than maxBytes). */
  body: Buffer;
  /** Number of redirects followed. */
  redirects: number;
}

const DEFAULTS = { timeoutMs: 15_000, connectTimeoutMs: 5_000, headersTimeoutMs: 10_000, maxBytes: 10 * 1024 * 1024, maxRedirects: 5 };
const DEFAULT_UA = "impactwire/0.1 (+https://github.com/impactwire/impactwire)";
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

function fail(code: string, message: string, extra: { cause?: unknown; status?: number; detail?: Record<string, unknown> } = {}): ImpactwireError {
  return new ImpactwireError("fetch", code, message, { status: 502, ...extra, exitCode: EXIT.fetch });
}

const agents = new Map<string, Agent>();

/** Shared agents for the plain settings; a private one (closed after use) when test hooks are set. */
function agentFor(o: FetchOptions, connectTimeoutMs: number): { agent: Agent; shared: boolean } {
  const guard: GuardOptions = { allowPrivate: o.allowPrivate ?? false, resolve: o.resolve, treatAsPublic: o.treatAsPublic };
  const make = () => new Agent({ connect: guardedConnector(guard, connectTimeoutMs), keepAliveTimeout: 4_000 });
  if (o.resolve || o.treatAsPublic) return { agent: make(), shared: false };
  const key = `${guard.allowPrivate}:${connectTimeoutMs}`;
  let agent = agents.get(key);
  if (!agent) agents.set(key, (agent = make()));
  return { agent, shared: true };
}

function flatHeaders(h: Dispatcher.ResponseData["headers"]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(", ") : v;
  return out;
}

/** Translates whatever undici or the guard threw into the documented fetch error. */
function classify(err: unknown, url: string, deadline: { fired: boolean; ms: number; aborted?: boolean }): ImpactwireError {
  if (deadline.aborted) return fail("FETCH_ABORTED", `${url}: aborted`, { cause: err, status: 503 });
  if (deadline.fired) return fail("FETCH_TIMEOUT", `${url}: no complete answer within ${deadline.ms} ms`, { cause: err, status: 504 });
  let e: unknown = err;
  for (let i = 0; i < 4 && e; i++) {
    if (e instanceof ImpactwireError) return e;
    e = (e as { cause?: unknown }).cause;
  }
  const code = (err as { code?: string })?.code ?? "";
  const msg = err instanceof Error ? err.message : String(err);
  if (code === "UND_ERR_CONNECT_TIMEOUT") return fail("FETCH_TIMEOUT", `${url}: connect timeout`, { cause: err, status: 504 });
  if (code === "UND_ERR_HEADERS_TIMEOUT") return fail("FETCH_TIMEOUT", `${url}: no response headers in time`, { cause: err, status: 504 });
  if (code === "UND_ERR_BODY_TIMEOUT") return fail("FETCH_TIMEOUT", `${url}: body stalled`, { cause: err, status: 504 });
  if (code.startsWith("Z_") || code === "ERR_PADDING_1" || /incorrect header check|unexpected end/i.test(msg))
    return fail("FETCH_BAD_ENCODING", `${url}: corrupt compressed body (${msg})`, { cause: err });
  return fail("FETCH_NETWORK", `${url}: ${msg}${code ? ` (${code})` : ""}`, { cause: err });
}

/**
 * Fetches a URL safely (see the module comment for the guard and the error codes).
 *
 * @example
 * const res = await safeFetch("https://example.com/feed.xml", { headers: { "if-none-match": etag } });
 * if (res.status === 304) return; // unchanged
 * const xml = res.body.toString("utf8");
 */
export async function safeFetch(url: string, options: FetchOptions = {}): Promise<FetchResult> {
  const o = { ...DEFAULTS, ...stripUndefined(options) };
  const guard: GuardOptions = { allowPrivate: o.allowPrivate, treatAsPublic: o.treatAsPublic };
  // Checked before any timer or agent exists, so a refused URL leaves nothing running behind it.
  let current = assertPublicUrl(url, guard);
  const controller = new AbortController();
  const deadline = { fired: false, ms: o.timeoutMs, aborted: false };
  const timer = setTimeout(() => {
    deadline.fired = true;
    controller.abort();
  }, o.timeoutMs);
  const onAbort = () => {
    deadline.aborted = true;
    controller.abort();
  };
  if (options.signal?.aborted) onAbort();
  options.signal?.addEventListener("abort", onAbort, { once: true });
  const { agent, shared } = agentFor(options, o.connectTimeoutMs);
  let method = o.method ?? "GET";
  let body = o.body;
  let headers: Record<string, string> = { "user-agent": o.userAgent ?? DEFAULT_UA, "accept-encoding": "gzip, deflate, br", ...lower(o.headers ?? {}) };
  try {
    for (let hop = 0; ; hop++) {
      const res = await request(current, {
        dispatcher: agent,
        method,
        headers,
        body: method === "GET" || method === "HEAD" ? undefined : body,
        signal: controller.signal,
        headersTimeout: o.headersTimeoutMs,
        bodyTimeout: o.timeoutMs,
      }).catch((err: unknown) => {
        throw classify(err, current.href, deadline);
      });
      const h = flatHeaders(res.headers);
      if (REDIRECTS.has(res.statusCode) && h.location) {
        discard(res.body);
        if (hop >= o.maxRedirects) throw fail("FETCH_TOO_MANY_REDIRECTS", `${url}: more than ${o.maxRedirects} redirects`, { detail: { last: current.href } });
        const next = resolveLocation(h.location, current);
        const next2 = assertPublicUrl(next, guard);
        if (next2.origin !== current.origin) headers = withoutCredentials(headers);
        if (res.statusCode === 303 || ((res.statusCode === 301 || res.statusCode === 302) && method === "POST")) {
          method = "GET";
          body = undefined;
          const { "content-type": _t, "content-length": _l, ...rest } = headers;
          headers = rest;
        }
        current = next2;
        continue;
      }
      return await finish(res, h, current, hop, o, deadline);
    }
  } catch (err) {
    throw classify(err, current.href, deadline);
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener("abort", onAbort);
    if (!shared) agent.close().catch(() => {});
  }
}

async function finish(
  res: Dispatcher.ResponseData,
  h: Record<string, string>,
  current: URL,
  redirects: number,
  o: typeof DEFAULTS & FetchOptions,
  deadline: { fired: boolean },
): Promise<FetchResult> {
  const status = res.statusCode;
  const ok = (status >= 200 && status < 300) || status === 304;
  if (!ok && o.throwOnHttpError !== false) {
    discard(res.body);
    throw fail("FETCH_HTTP_STATUS", `${current.href}: HTTP ${status}`, { status: status >= 500 ? 502 : 424, detail: { status } });
  }
  const declared = Number(h["content-length"]);
  if (!h["content-encoding"] && Number.isFinite(declared) && declared > o.maxBytes) {
    discard(res.body);
    throw tooLarge(current.href, o.maxBytes);
  }
  let body: Buffer;
  try {
    body = status === 304 || o.method === "HEAD" ? (discard(res.body), Buffer.alloc(0)) : await readBody(res.body, decodersFor(h["content-encoding"]), o.maxBytes);
  } catch (err) {
    if (err instanceof BodyTooLarge && !deadline.fired) throw tooLarge(current.href, o.maxBytes);
    throw err;
  }
  return { url: current.href, status, headers: h, contentType: h["content-type"] ?? null, body, redirects };
}

/** Drops a body we will not read (its later AbortError is expected and ignored). */
function discard(body: Dispatcher.ResponseData["body"]): void {
  body.on("error", () => {});
  body.destroy();
}

function tooLarge(url: string, max: number): ImpactwireError {
  return fail("FETCH_TOO_LARGE", `${url}: body larger than ${max} bytes (after decompression)`, { status: 413, detail: { maxBytes: max } });
}

function resolveLocation(location: string, base: URL): string {
  try {
    return new URL(location, base).href;
  } catch (err) {
    throw fail("FETCH_INVALID_URL", `${base.href}: invalid redirect Location "${location.slice(0, 200)}"`, { cause: err });
  }
}

function lower(h: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));
}

function withoutCredentials(h: Record<string, string>): Record<string, string> {
  const { authorization: _a, cookie: _c, "proxy-authorization": _p, ...rest } = h;
  return rest;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
