import { describe, expect, it } from "vitest";
import { CircuitBreaker, retryDelay } from "./breaker.ts";
import { signWebhook, verifyWebhook } from "./sign.ts";

describe("webhook signature", () => {
  it("is t=<unix>,v1=<hmac-sha256 hex of 't.body'> and verifies only with the right secret, body and fresh time", () => {
    const body = '{"a":1}';
    const header = signWebhook("whsec_test", body, 1_700_000_000);
    // openssl: printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac whsec_test
    expect(header).toBe("t=1700000000,v1=38877139021993b830af32feea6e18a8da83eb2f6e49ee50bd9e4cf4ca4d3789");
    expect(verifyWebhook("whsec_test", header, body, 300, 1_700_000_100)).toBe(true);
    expect(verifyWebhook("whsec_other", header, body, 300, 1_700_000_100)).toBe(false);
    expect(verifyWebhook("whsec_test", header, '{"a":2}', 300, 1_700_000_100)).toBe(false);
    expect(verifyWebhook("whsec_test", header, body, 300, 1_700_001_000)).toBe(false);
    expect(verifyWebhook("whsec_test", undefined, body)).toBe(false);
  });
});

describe("retryDelay", () => {
  it("doubles from the base with jitter in [d/2, d] and stays under the cap", () => {
    expect(retryDelay(1, 1000, 60_000, () => 0)).toBe(500);
    expect(retryDelay(1, 1000, 60_000, () => 1)).toBe(1000);
    expect(retryDelay(3, 1000, 60_000, () => 1)).toBe(4000);
    expect(retryDelay(20, 1000, 60_000, () => 1)).toBe(60_000);
    expect(retryDelay(20, 1000, 60_000, () => 0)).toBe(30_000);
  });
});

describe("CircuitBreaker", () => {
  it("opens after the threshold, holds during the cooldown, lets one trial through, closes on success", () => {
    let now = 0;
    const b = new CircuitBreaker(3, 10_000, () => now);
    for (let i = 0; i < 3; i++) {
      expect(b.allow("e").ok).toBe(true);
      b.failure("e");
    }
    expect(b.status("e")).toBe("open");
    expect(b.allow("e")).toEqual({ ok: false, retryAt: 10_000 });
    expect(b.allow("other").ok).toBe(true);
    now = 10_000;
    expect(b.allow("e").ok).toBe(true);
    expect(b.allow("e").ok).toBe(false);
    b.failure("e");
    expect(b.status("e")).toBe("open");
    now = 20_000;
    expect(b.allow("e").ok).toBe(true);
    b.success("e");
    expect(b.status("e")).toBe("closed");
    expect(b.allow("e").ok).toBe(true);
  });
});
