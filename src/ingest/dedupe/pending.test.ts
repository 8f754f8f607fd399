import { describe, expect, it } from "vitest";
import { PendingSet } from "./pending.ts";
import { findNearDuplicate } from "./dedupe.ts";

const at = "2026-03-01T10:00:00.000Z";
const write = (id: string, simhash: string) => ({ sourceId: null, source: "wire", externalId: id, canonicalUrl: null, contentHash: `h-${id}`, simhash, publishedAt: at, seenAt: at });
const story = (id: string) => ({ id, size: 1, firstSeenAt: at, novelty: 1 });

describe("PendingSet", () => {
  it("gives in-flight candidates in ticket order, so that a tie goes to the earlier article as in a sequential import", async () => {
    const pending = new PendingSet();
    const probe = "0000000000000000";
    // Both 2 bits from the probe; the later line (added first) is the only one sharing the probe's first band.
    pending.add(9, write("late", "0000000000000003"), story("st_late"), at);
    pending.add(3, write("early", "0300000000000000"), story("st_early"), at);
    expect(pending.candidates(probe, 0).map((c) => c.storyId)).toEqual(["st_early", "st_late"]);
    const near = await findNearDuplicate({ findSimilar: async () => [] }, probe, at, { pending, maxDistance: 13 });
    expect(near).toMatchObject({ storyId: "st_early", distance: 2 });
  });

  it("keeps only candidates within the distance, with their distance, and forgets removed ones", () => {
    const pending = new PendingSet();
    const probe = "0000000000000000";
    pending.add(1, write("near", "0000000000000007"), story("st_near"), at); // 3 bits
    pending.add(2, write("far", "00000000ffffffff"), story("st_far"), at); // 32 bits, shares the first four bands
    pending.add(3, write("old", "0000000000000001"), story("st_old"), "2026-02-01T00:00:00.000Z");
    expect(pending.candidates(probe, 0, 13)).toEqual([
      { id: expect.any(String), storyId: "st_near", simhash: "0000000000000007", distance: 3 },
      { id: expect.any(String), storyId: "st_old", simhash: "0000000000000001", distance: 1 },
    ]);
    expect(pending.candidates(probe, 0).map((c) => [c.storyId, c.distance])).toEqual([["st_near", 3], ["st_far", 32], ["st_old", 1]]);
    pending.remove(1);
    expect(pending.candidates(probe, 0, 13).map((c) => c.storyId)).toEqual(["st_old"]);
  });
});
