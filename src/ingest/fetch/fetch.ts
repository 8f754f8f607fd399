// PLACEHOLDER owned by the fetch work (issue 4): the safe fetcher every outbound request goes through.
import { ImpactwireError, EXIT } from "../../core/errors.ts";

export interface FetchOptions {
  /** Let the request reach private/loopback/link-local addresses (SSRF guard off). Default false. */
  allowPrivate?: boolean;
  timeoutMs?: number;
  connectTimeoutMs?: number;
  headersTimeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  headers?: Record<string, string>;
  method?: "GET" | "POST" | "HEAD";
  body?: string | Buffer;
}

export interface FetchResult {
  /** Final URL after redirects. */
  url: string;
  status: number;
  headers: Record<string, string>;
  contentType: string | null;
  /** Decompressed body bytes (never more than maxBytes). */
  body: Buffer;
}

export async function safeFetch(url: string, _options: FetchOptions = {}): Promise<FetchResult> {
  throw new ImpactwireError("fetch", "FETCH_NOT_IMPLEMENTED", `cannot fetch ${url} yet`, { exitCode: EXIT.fetch });
}
