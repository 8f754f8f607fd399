import { describe, expect, it } from "vitest";
import { RateLimiter } from "./rate-limit.ts";
import { generateApiKey, grants, hashApiKey, parseScopes } from "./keys.ts";

describe("RateLimiter", () => {
  it("allows a burst up to the per-minute capacity, then refuses with Retry-After, then refills", () => {
    let now = 1_000_000;
    const rl = new RateLimiter(60, () => now);
    for (let i = 0; i < 60; i++) expect(rl.take("k").ok).toBe(true);
    const refused = rl.take("k");
    expect(refused.ok).toBe(false);
    expect(refused.retryAfterSec).toBe(1);
    expect(rl.take("other").ok).toBe(true);
    now += 1_000;
    expect(rl.take("k").ok).toBe(true);
    expect(rl.take("k").ok).toBe(false);
  });
});

describe("API keys", () => {
  it("are random, hashed with sha256 hex, and scopes nest admin ⊃ write ⊃ read", () => {
    const a = generateApiKey();
    expect(a).toMatch(/^iw_[A-Za-z0-9_-]{43}$/);
    expect(generateApiKey()).not.toBe(a);
    expect(hashApiKey("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(grants(["admin"], "write")).toBe(true);
    expect(grants(["read"], "write")).toBe(false);
    expect(parseScopes("read, write")).toEqual(["read", "write"]);
    expect(() => parseScopes("read,root")).toThrow(/root/);
  });
});
