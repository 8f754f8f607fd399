/**
 * Who is calling and may they: reads the API key (`Authorization: Bearer <key>` or `X-API-Key`),
 * checks it against the store (hashed), enforces the route's scope and the per-client rate limit.
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Store, ApiKeyRecord } from "../../store/store.ts";
import { ImpactwireError } from "../../core/errors.ts";
import { grants, hashApiKey, type Scope } from "./keys.ts";
import type { RateLimiter } from "./rate-limit.ts";

/** What a route needs: nothing, or a key with at least this scope ("read" may be public by config). */
export type Access = "public" | Scope;

export interface Principal {
  key: ApiKeyRecord | null;
  /** Rate-limit identity: `key:<id>` or `ip:<address>`. */
  client: string;
}

const CACHE_MS = 30_000;

export class Guard {
  private readonly cache = new Map<string, { key: ApiKeyRecord | null; at: number }>();

  /**
   * @example
   * const guard = new Guard(store, new RateLimiter(600), false);
   */
  constructor(
    private readonly store: Store,
    private readonly limiter: RateLimiter,
    private readonly readsNeedKey: boolean,
  ) {}

  /**
   * Authenticates and authorises a request, then takes a rate-limit token. Throws a 401/403/429 ImpactwireError.
   *
   * @example
   * const who = await guard.check(req, reply, "write");
   */
  async check(req: FastifyRequest, reply: FastifyReply, access: Access): Promise<Principal> {
    const presented = presentedKey(req);
    const key = presented === null ? null : await this.lookup(presented);
    if (presented !== null && key === null) throw authError(401, "API_KEY_INVALID", "the API key is unknown or revoked");
    const needed: Scope | null = access === "public" ? null : access === "read" && !this.readsNeedKey ? null : access;
    if (needed !== null && key === null) {
      reply.header("WWW-Authenticate", 'Bearer realm="impactwire"');
      throw authError(401, "API_KEY_REQUIRED", `this endpoint needs an API key with the "${needed}" scope (Authorization: Bearer <key> or X-API-Key)`);
    }
    if (needed !== null && key !== null && !grants(key.scopes, needed)) {
      throw authError(403, "API_KEY_SCOPE", `the API key "${key.name}" lacks the "${needed}" scope`);
    }
    const client = key ? `key:${key.id}` : `ip:${req.ip}`;
    const taken = this.limiter.take(client);
    reply.header("RateLimit-Limit", String(this.limiter.limit));
    reply.header("RateLimit-Remaining", String(taken.remaining));
    if (!taken.ok) {
      throw new ImpactwireError("api", "RATE_LIMITED", `rate limit of ${this.limiter.limit} requests per minute exceeded; retry in ${taken.retryAfterSec}s`, {
        status: 429,
        detail: { retryAfterSec: taken.retryAfterSec },
      });
    }
    return { key, client };
  }

  private async lookup(presented: string): Promise<ApiKeyRecord | null> {
    const hash = hashApiKey(presented);
    const hit = this.cache.get(hash);
    const now = Date.now();
    if (hit && now - hit.at < CACHE_MS) return hit.key;
    const found = await this.store.findApiKey(hash);
    const key = found && !found.revokedAt ? found : null;
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(hash, { key, at: now });
    return key;
  }
}

function authError(status: number, code: string, message: string): ImpactwireError {
  return new ImpactwireError("auth", code, message, { status });
}

/**
 * The key a request presents, or null.
 *
 * @example
 * presentedKey(req) // "iw_…" from "Authorization: Bearer iw_…"
 */
export function presentedKey(req: FastifyRequest): string | null {
  const auth = req.headers.authorization;
  if (typeof auth === "string") {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(auth);
    if (m?.[1]) return m[1];
  }
  const x = req.headers["x-api-key"];
  if (typeof x === "string" && x.trim() !== "") return x.trim();
  return null;
}
