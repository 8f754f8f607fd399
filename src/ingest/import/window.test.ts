import { describe, expect, it } from "vitest";
import type { Line } from "./lines.ts";
import { LineWindow } from "./window.ts";

async function* lines(n: number): AsyncGenerator<Line> {
  for (let i = 1; i <= n; i++) yield { number: i, text: `{"id":${i}}`, bytes: i * 10 };
}

describe("LineWindow", () => {
  it("gives every line in order, submitting at most `size` ahead of the one taken", async () => {
    const submitted: number[] = [];
    const taken: number[] = [];
    const window = new LineWindow(lines(50), { submit: (l) => (submitted.push(l.number), l.number), size: 8 });
    for (let slot = await window.next(); slot !== null; slot = await window.next()) {
      taken.push(slot);
      expect(submitted.length - taken.length).toBeLessThanOrEqual(7);
    }
    expect(taken).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(submitted).toEqual(taken);
    expect(window.lastRead).toBe(50);
    expect(await window.next()).toBeNull();
  });

  it("skips lines already imported, but counts them as read", async () => {
    const window = new LineWindow(lines(10), { submit: (l) => l.number, skipThrough: 7, size: 4 });
    const taken: number[] = [];
    for (let slot = await window.next(); slot !== null; slot = await window.next()) taken.push(slot);
    expect(taken).toEqual([8, 9, 10]);
    expect(window.lastRead).toBe(10);
  });

  it("keeps order over many lines (its queue is compacted as it goes)", async () => {
    const window = new LineWindow(lines(20_000), { submit: (l) => l.number, size: 300 });
    let expected = 1;
    for (let slot = await window.next(); slot !== null; slot = await window.next()) expect(slot).toBe(expected++);
    expect(expected).toBe(20_001);
  });
});
