import { describe, expect, it } from "vitest";
import { HostGate, isDue, nextDelaySec, retryAfterSec } from "./schedule.ts";

describe("poll schedule", () => {
  it("doubles the wait per consecutive error, capped at a day", () => {
    expect([0, 1, 2, 3].map((n) => nextDelaySec(300, n))).toEqual([300, 600, 1200, 2400]);
    expect(nextDelaySec(300, 30)).toBe(86_400);
    expect(nextDelaySec(172_800, 1)).toBe(172_800); // never below the interval
  });
  it("honours Retry-After when it is later", () => {
    expect(nextDelaySec(60, 1, 3600)).toBe(3600);
    expect(nextDelaySec(60, 1, 10)).toBe(120);
    expect(retryAfterSec("120", 0)).toBe(120);
    expect(retryAfterSec("Thu, 01 Jan 1970 00:02:00 GMT", 0)).toBe(120);
    expect(retryAfterSec("soon", 0)).toBeNull();
  });
  it("knows when a source is due", () => {
    expect(isDue({ enabled: true, nextPollAt: null }, "2026-01-01T00:00:00Z")).toBe(true);
    expect(isDue({ enabled: true, nextPollAt: "2026-01-01T00:00:01Z" }, "2026-01-01T00:00:00Z")).toBe(false);
    expect(isDue({ enabled: false, nextPollAt: null }, "2026-01-01T00:00:00Z")).toBe(false);
  });
  it("spaces requests to one host, not to different hosts", async () => {
    const gate = new HostGate(150);
    const t0 = Date.now();
    const at: Record<string, number> = {};
    await Promise.all([
      gate.wait("a").then(() => (at.a1 = Date.now() - t0)),
      gate.wait("a").then(() => (at.a2 = Date.now() - t0)),
      gate.wait("b").then(() => (at.b1 = Date.now() - t0)),
    ]);
    expect(at.a1).toBeLessThan(100);
    expect(at.b1).toBeLessThan(100);
    expect(at.a2).toBeGreaterThanOrEqual(140);
  });
});
