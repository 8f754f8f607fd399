import { describe, expect, it } from "vitest";
import { EventSchema, type EnrichEvent } from "../../contract/enrichment.ts";
import { extractEvents } from "./events.ts";
import { loadCases, stageReference, type ExpectedEvent } from "./cases/cases.ts";

const ref = stageReference();
const cases = loadCases();

function matches(e: EnrichEvent, x: ExpectedEvent): string[] {
  const why: string[] = [];
  if (e.type !== x.type) return ["type"];
  if (x.subtype !== undefined && e.subtype !== x.subtype) why.push(`subtype ${e.subtype}`);
  if (x.actor !== undefined && e.actor !== x.actor) why.push(`actor ${e.actor}`);
  if (x.target !== undefined && e.target !== x.target) why.push(`target ${e.target}`);
  if (x.polarity !== undefined && e.polarity !== x.polarity) why.push(`polarity ${e.polarity}`);
  if (x.from !== undefined && e.from !== x.from) why.push(`from ${e.from}`);
  if (x.to !== undefined && e.to !== x.to) why.push(`to ${e.to}`);
  if (x.toContains !== undefined && !e.to?.includes(x.toContains)) why.push(`to ${e.to}`);
  if (x.fromContains !== undefined && !e.from?.includes(x.fromContains)) why.push(`from ${e.from}`);
  if (x.amount !== undefined && Math.abs((e.amount?.value ?? NaN) - x.amount) > Math.abs(x.amount) * 1e-6) why.push(`amount ${e.amount?.value}`);
  for (const [name, value] of Object.entries(x.figures ?? {})) {
    const f = e.figures.find((g) => g.name === name);
    if (!f || Math.abs(f.value - value) > Math.abs(value) * 1e-6) why.push(`figure ${name}=${f?.value}`);
  }
  return why;
}

describe("events on the scenario articles", () => {
  it.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const events = extractEvents(c.doc, ref, c.linked);
    for (const e of events) {
      expect(EventSchema.safeParse(e).success, JSON.stringify(e)).toBe(true);
      expect(c.doc.text.slice(e.evidence.start, e.evidence.end)).toBe(e.evidence.text);
    }
    for (const x of c.expected.events) {
      const reasons = events.filter((e) => e.type === x.type).map((e) => matches(e, x));
      const ok = reasons.some((r) => r.length === 0);
      expect(ok, `${c.name}: expected ${JSON.stringify(x)}; got ${JSON.stringify(events.map((e) => ({ ...e, evidence: undefined })))} (${reasons.map((r) => r.join(", ")).join(" | ")})`).toBe(true);
    }
    for (const type of c.expected.absent ?? []) {
      expect(events.filter((e) => e.type === type).map((e) => e.evidence.text), `${c.name}: no ${type}`).toEqual([]);
    }
  });
});
