/**
 * API keys: random secrets shown once, stored as their sha256 (hex). A key looks like `iw_<43 base64url chars>`.
 */
import { createHash, randomBytes } from "node:crypto";
import type { ApiKeyRecord } from "../../store/store.ts";

export type Scope = ApiKeyRecord["scopes"][number];
export const SCOPES: readonly Scope[] = ["read", "write", "admin"];

/**
 * A new random API key (256 bits).
 *
 * @example
 * const key = generateApiKey(); // "iw_Jx3…"
 */
export function generateApiKey(): string {
  return `iw_${randomBytes(32).toString("base64url")}`;
}

/**
 * The stored form of a key: lowercase hex sha256.
 *
 * @example
 * hashApiKey("iw_abc") // "5f1c…" (64 hex digits)
 */
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

/**
 * Whether a key's scopes grant `needed` (admin ⊃ write ⊃ read).
 *
 * @example
 * grants(["write"], "read") // true
 */
export function grants(scopes: readonly Scope[], needed: Scope): boolean {
  const rank = (s: Scope): number => SCOPES.indexOf(s);
  return scopes.some((s) => rank(s) >= rank(needed));
}

/**
 * Parses `--scopes read,write` into valid scopes; unknown names are an error.
 *
 * @example
 * parseScopes("read,write") // ["read", "write"]
 */
export function parseScopes(raw: string): Scope[] {
  const names = raw.split(",").map((s) => s.trim().toLowerCase()).filter(Boolean);
  const bad = names.filter((n) => !(SCOPES as readonly string[]).includes(n));
  if (bad.length > 0 || names.length === 0) throw new Error(`unknown scope(s) "${bad.join(",") || raw}": use read, write, admin`);
  return [...new Set(names)] as Scope[];
}
