import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { readLines, type Line } from "./lines.ts";

async function collect(chunks: (string | Buffer)[], max = 100): Promise<{ n: number; text: string | null; size: number }[]> {
  const out: { n: number; text: string | null; size: number }[] = [];
  for await (const l of readLines(Readable.from(chunks, { objectMode: true }), max) as AsyncGenerator<Line>) {
    out.push({ n: l.n, text: l.bytes === null ? null : l.bytes.toString("utf8"), size: l.size });
  }
  return out;
}

describe("readLines", () => {
  it("splits on newlines across chunk boundaries and strips \\r", async () => {
    expect(await collect(["ab", "c\nde\r", "\n", "\nlast"])).toEqual([
      { n: 1, text: "abc", size: 3 },
      { n: 2, text: "de", size: 3 },
      { n: 3, text: "", size: 0 },
      { n: 4, text: "last", size: 4 },
    ]);
  });

  it("does not emit a trailing empty line after the final newline", async () => {
    expect((await collect(["a\nb\n"])).map((l) => l.text)).toEqual(["a", "b"]);
  });

  it("reports a line longer than the cap without buffering it, and goes on", async () => {
    const long = "x".repeat(50);
    const lines = await collect(["ok\n", long, long, long, "\nnext\n"], 100);
    expect(lines).toEqual([
      { n: 1, text: "ok", size: 2 },
      { n: 2, text: null, size: 150 },
      { n: 3, text: "next", size: 4 },
    ]);
  });

  it("keeps multi-byte characters split across chunks intact", async () => {
    const bytes = Buffer.from("café\n", "utf8");
    expect((await collect([bytes.subarray(0, 4), bytes.subarray(4)]))[0]!.text).toBe("café");
  });
});
