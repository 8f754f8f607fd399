/**
 * The safe fetcher's options as the operator configured them (guard, deadlines, size, redirects, user agent).
 */
import type { Config } from "../../core/config.ts";
import type { FetchOptions } from "./fetch.ts";

export type FetchConfig = Pick<
  Config,
  "allowPrivateNetworks" | "fetchTimeoutMs" | "fetchConnectTimeoutMs" | "fetchHeadersTimeoutMs" | "fetchMaxBytes" | "fetchMaxRedirects" | "userAgent"
>;

/**
 * Fetch options taken from the configuration.
 *
 * @example
 * await safeFetch(url, { ...fetchOptionsFrom(loadConfig()), headers: { accept: "text/html" } });
 */
export function fetchOptionsFrom(config: FetchConfig): FetchOptions {
  return {
    allowPrivate: config.allowPrivateNetworks,
    timeoutMs: config.fetchTimeoutMs,
    connectTimeoutMs: config.fetchConnectTimeoutMs,
    headersTimeoutMs: config.fetchHeadersTimeoutMs,
    maxBytes: config.fetchMaxBytes,
    maxRedirects: config.fetchMaxRedirects,
    userAgent: config.userAgent,
  };
}
