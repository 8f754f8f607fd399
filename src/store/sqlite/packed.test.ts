import { describe, expect, it } from "vitest";
import { enrich } from "../../enrich/enrich.ts";
import { loadReference } from "../../reference/reference.ts";
import { enrichmentBrief } from "../brief.ts";
import { openSqliteStore } from "./store.ts";
import { packEnrichment, storedBrief, unpackEnrichment } from "./packed.ts";
import { encodeDoc } from "./rows.ts";
import { makeWrite } from "../../../test/store/helpers.ts";

const TEXT = "Amazon.com Inc. said on Tuesday it will invest $10 billion in data centers, lifting its shares 3% as Microsoft Corp. fell 1%. Analysts at UBS raised their price target.";
const e = enrich({ id: "a1", title: "Amazon to invest $10 billion in data centers", text: TEXT }, loadReference());

/** A structured clone, as postMessage does it. */
const viaThread = <T>(v: T): T => structuredClone(v);

describe("packed enrichments", () => {
  it("unpack gives back the same enrichment, field for field", () => {
    const back = unpackEnrichment(viaThread(packEnrichment(e)));
    expect(JSON.stringify(back)).toBe(JSON.stringify(e));
    expect({ ...back }).toEqual(JSON.parse(JSON.stringify(e)));
  });

  it("remembers its encoding and brief: storing it re-encodes nothing", () => {
    const packed = viaThread(packEnrichment(e));
    const back = unpackEnrichment(packed);
    expect(Buffer.compare(encodeDoc(back), Buffer.from(packed.doc))).toBe(0);
    expect(storedBrief(back).json).toBe(packed.brief);
    expect(storedBrief(back).value).toEqual(enrichmentBrief(e));
  });

  it("decodes the document only when a detail is read", () => {
    const packed = viaThread(packEnrichment(e));
    packed.doc = new Uint8Array([1, 2, 3]); // not a valid document: reading a lazy field must fail
    const back = unpackEnrichment(packed);
    expect(back.summary).toBe(e.summary);
    expect(back.story).toEqual(e.story);
    expect(storedBrief(back).value.tickers.map((t) => t.symbol)).toEqual(e.tickers.map((t) => t.symbol));
    expect(() => back.analysis).toThrow();
  });

  it("a store write of an unpacked enrichment stores what the original would", async () => {
    const stores = [openSqliteStore(":memory:"), openSqliteStore(":memory:")];
    const base = makeWrite({ title: "Amazon to invest $10 billion", text: TEXT, externalId: "x1", seenAt: "2026-03-02T10:00:00.000Z" });
    const [a, b] = [
      await stores[0]!.writeArticle({ ...base, enrichment: e }),
      await stores[1]!.writeArticle({ ...base, enrichment: unpackEnrichment(viaThread(packEnrichment(e))) }),
    ];
    expect(JSON.parse(JSON.stringify(b.article))).toEqual(JSON.parse(JSON.stringify(a.article)));
    const rows = await Promise.all(stores.map((s) => s.listArticleBriefs({ tickers: [e.tickers[0]!.symbol] })));
    expect(rows[1]).toEqual(rows[0]);
    expect(rows[0]!.items.map((r) => r.id)).toEqual([a.article.id]);
    for (const s of stores) await s.close();
  });

  it("a plain enrichment changed after a write is briefed afresh (no stale cache)", () => {
    const copy = structuredClone(e);
    expect(storedBrief(copy).value.impact.score).toBe(e.impact.score);
    copy.impact.score = 0.99;
    expect(storedBrief(copy).value.impact.score).toBe(0.99);
  });
});
