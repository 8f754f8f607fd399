/**
 * The network guard (SSRF protection) of the safe fetcher. Two layers:
 * 1. `assertPublicUrl` checks a URL before any request (scheme, credentials, IP literals, localhost names);
 *    it runs on the first URL and again on every redirect hop.
 * 2. `guardedConnector` is the undici connector: it checks the address actually dialled — the IP literal,
 *    or every address DNS returned, BEFORE the socket is opened — and the socket's remote address after
 *    connect. Because the check sits at connect time, redirects and DNS rebinding cannot get around it.
 */
import { lookup as dnsLookup } from "node:dns";
import { isIP, type LookupFunction, type Socket } from "node:net";
import { buildConnector } from "undici";
import { ImpactwireError, EXIT } from "../../core/errors.ts";
import { bareAddress, nonPublicReason } from "./address.ts";

/** A resolver: hostname → every address it maps to. */
export type Resolver = (hostname: string) => Promise<{ address: string; family: number }[]>;

export interface GuardOptions {
  /** Turn the guard off (operator setting ALLOW_PRIVATE_NETWORKS). */
  allowPrivate?: boolean;
  /**
   * TEST HOOK — addresses treated as public although they are not (exact match, e.g. ["127.0.0.1"]).
   * Lets tests point a "public-looking" host at a loopback server while every other private address
   * stays refused. Never set it from configuration.
   */
  treatAsPublic?: readonly string[];
  /** TEST HOOK — replaces DNS resolution (e.g. resolve `public.example` to 127.0.0.1). Default: the OS resolver. */
  resolve?: Resolver;
}

const LOCAL_NAMES = /^(localhost|localhost\.localdomain|ip6-localhost|ip6-loopback)$|\.localhost$/i;

function privateError(what: string, reason: string): ImpactwireError {
  return new ImpactwireError("fetch", "FETCH_PRIVATE_ADDRESS", `refusing to connect to ${what} (${reason}); set ALLOW_PRIVATE_NETWORKS=true to allow`, {
    status: 403,
    exitCode: EXIT.fetch,
    detail: { address: what, reason },
  });
}

/**
 * Throws FETCH_PRIVATE_ADDRESS unless `address` (an IP) is public or allowed.
 *
 * @example
 * checkAddress("10.0.0.1", {}) // throws
 * checkAddress("10.0.0.1", { allowPrivate: true }) // ok
 */
export function checkAddress(address: string, options: GuardOptions): void {
  if (options.allowPrivate) return;
  const ip = bareAddress(address);
  if (options.treatAsPublic?.includes(ip)) return;
  const reason = nonPublicReason(address);
  if (reason !== null) throw privateError(ip, reason);
}

function invalid(url: string, why: string, cause?: unknown): ImpactwireError {
  return new ImpactwireError("fetch", "FETCH_INVALID_URL", `invalid URL "${url.slice(0, 200)}": ${why}`, { cause, exitCode: EXIT.fetch });
}

/**
 * Validates an outbound URL without any network access: http/https only, no credentials, and (unless
 * allowPrivate) no private/loopback/link-local IP literal — decimal, hex and octal forms such as
 * http://2130706433/ are normalised by the URL parser first — and no localhost name. Used by the
 * fetcher on every hop and by webhook validation. DNS names are checked at connect time by the fetcher.
 *
 * @example
 * assertPublicUrl("https://example.com/feed.xml")           // URL
 * assertPublicUrl("http://0x7f000001/")                     // throws FETCH_PRIVATE_ADDRESS
 * assertPublicUrl("http://127.0.0.1/", { allowPrivate: true }) // URL
 */
export function assertPublicUrl(url: string | URL, options: GuardOptions = {}): URL {
  const raw = String(url);
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch (err) {
    throw invalid(raw, "not an absolute URL", err);
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") throw invalid(raw, `scheme ${parsed.protocol} is not http or https`);
  if (parsed.username || parsed.password) throw invalid(raw, "credentials in URLs are refused");
  if (!parsed.hostname) throw invalid(raw, "no host");
  const host = bareAddress(parsed.hostname);
  if (isIP(host)) checkAddress(parsed.hostname, options);
  else if (!options.allowPrivate && LOCAL_NAMES.test(host.replace(/\.$/, ""))) throw privateError(host, "local host name");
  return parsed;
}

const osResolve: Resolver = (hostname) =>
  new Promise((resolve, reject) => {
    dnsLookup(hostname, { all: true }, (err, addresses) => (err ? reject(err) : resolve(addresses)));
  });

function dnsError(hostname: string, err: unknown): ImpactwireError {
  const code = (err as NodeJS.ErrnoException)?.code ?? "unknown";
  return new ImpactwireError("fetch", "FETCH_DNS", `cannot resolve ${hostname} (${code})`, { cause: err, exitCode: EXIT.fetch, status: 502 });
}

/**
 * A `net.connect` lookup that resolves with `options.resolve` (or the OS) and refuses the connection
 * when ANY returned address is not public: nothing is dialled before the check.
 *
 * @example
 * net.connect({ host: "example.com", port: 80, lookup: guardedLookup({}) });
 */
export function guardedLookup(options: GuardOptions): LookupFunction {
  const resolve = options.resolve ?? osResolve;
  return (hostname, lookupOptions, callback) => {
    resolve(hostname)
      .then((found) => {
        if (found.length === 0) throw dnsError(hostname, new Error("no address"));
        for (const a of found) checkAddress(a.address, options);
        const family = lookupOptions.family === 4 || lookupOptions.family === 6 ? lookupOptions.family : 0;
        const usable = family ? found.filter((a) => a.family === family) : found;
        if (usable.length === 0) throw dnsError(hostname, new Error(`no IPv${family} address`));
        if (lookupOptions.all) callback(null, usable);
        else callback(null, usable[0]!.address, usable[0]!.family);
      })
      .catch((err: unknown) => {
        const e = err instanceof ImpactwireError ? err : dnsError(hostname, err);
        callback(e as unknown as NodeJS.ErrnoException, "", 0);
      });
  };
}

type Connector = ReturnType<typeof buildConnector>;

/**
 * The undici connector with the guard: IP literals are checked before dialling, names through
 * `guardedLookup`, and the connected socket's remote address once more (defence in depth).
 *
 * @example
 * new Agent({ connect: guardedConnector({ allowPrivate: false }, 5000) });
 */
export function guardedConnector(options: GuardOptions, connectTimeoutMs: number): Connector {
  const base = buildConnector({ timeout: connectTimeoutMs, lookup: guardedLookup(options) } as buildConnector.BuildOptions);
  return (opts, callback) => {
    try {
      if (isIP(bareAddress(opts.hostname))) checkAddress(opts.hostname, options);
    } catch (err) {
      callback(err as Error, null);
      return;
    }
    base(opts, (err, socket) => {
      if (err || !socket) return callback(err ?? new Error("no socket"), null);
      try {
        const remote = (socket as Socket).remoteAddress;
        if (remote) checkAddress(remote, options);
      } catch (guardErr) {
        socket.destroy();
        return callback(guardErr as Error, null);
      }
      callback(null, socket);
    });
  };
}
