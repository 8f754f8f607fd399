import { describe, expect, it } from "vitest";
import { TopicSchema } from "../../contract/enrichment.ts";
import { classify } from "./classify.ts";
import { loadCases, stageReference } from "../events/cases/cases.ts";

const ref = stageReference();

describe("classify on the scenario articles", () => {
  it.each(loadCases().map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const topics = classify(c.doc, ref, c.linked);
    const ids = topics.map((t) => t.id);
    for (const t of topics) expect(TopicSchema.parse(t)).toEqual(t);
    for (let i = 1; i < topics.length; i++) expect(topics[i - 1]!.score).toBeGreaterThanOrEqual(topics[i]!.score);
    for (const id of c.expected.topics.include) expect(ids, `${c.name} should have ${id}`).toContain(id);
    for (const id of c.expected.topics.exclude ?? []) expect(ids, `${c.name} should not have ${id}`).not.toContain(id);
    if (c.expected.topics.first) expect(ids[0], `${c.name}: ${JSON.stringify(topics)}`).toBe(c.expected.topics.first);
    if (c.expected.topics.max !== undefined) expect(topics.length, JSON.stringify(topics)).toBeLessThanOrEqual(c.expected.topics.max);
  });
});
