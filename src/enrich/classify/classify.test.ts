import { describe, expect, it } from "vitest";
import { TopicSchema } from "../../contract/enrichment.ts";
import { normalize } from "../normalize/normalize.ts";
import { linkedFrom, mentionsOf, seedDoc, stageReference } from "../events/cases/cases.ts";
import { classify, topicEvidence } from "./classify.ts";

const ref = stageReference();
const none = { tickers: [], entities: [] };
const SEED_EIGHT = [
  "artificial-intelligence", "technology-innovation", "mergers-restructuring", "company-fundamentals",
  "management-governance", "analyst-insights", "legal-litigation", "private-markets-venture",
];

describe("classify on the seed article", () => {
  const doc = seedDoc();
  const seedLinks = () => {
    const linked = linkedFrom(doc, { AMZN: ["Amazon", "AWS", "Bedrock", "Trainium"], MSFT: ["Microsoft", "Azure"] });
    linked.entities.push({ name: "OpenAI", type: "private_company", mentions: mentionsOf(doc.text, "OpenAI"), salience: 0.9, proxies: ["MSFT", "AMZN"] });
    return linked;
  };

  it.each([
    ["with the seed's links", seedLinks()],
    ["with no links at all", none],
  ])("tags AI, Technology & Innovation and at least two more of the seed's eight (%s)", (_why, linked) => {
    const topics = classify(doc, ref, linked);
    const ids = topics.map((t) => t.id);
    expect(ids.slice(0, 2).sort()).toEqual(["artificial-intelligence", "technology-innovation"]);
    expect(ids.filter((id) => SEED_EIGHT.includes(id) && id !== "artificial-intelligence" && id !== "technology-innovation").length).toBeGreaterThanOrEqual(2);
    for (const t of topics) expect(TopicSchema.parse(t)).toEqual(t);
    expect(topics.find((t) => t.id === "artificial-intelligence")?.label).toBe("Artificial Intelligence");
    expect(ids).not.toContain("bankruptcy-distress");
    expect(ids).not.toContain("healthcare-biotech");
    expect(ids).not.toContain("crypto-digital-assets");
  });

  it("counts a private company among the entities as evidence for Private Markets & Venture", () => {
    const withEntity = topicEvidence(doc, ref, seedLinks()).find((t) => t.id === "private-markets-venture")!;
    const without = topicEvidence(doc, ref, none).find((t) => t.id === "private-markets-venture")!;
    expect(withEntity.raw).toBeGreaterThan(without.raw);
  });
});

describe("classify on short stories", () => {
  const topics = (title: string, body: string) => classify(normalize({ title, body }), ref, none).map((t) => t.id);

  it.each([
    ["Fed holds rates steady", "The Federal Reserve left its benchmark interest rate unchanged on Wednesday, and Chair Jerome Powell said inflation was still too high for rate cuts.", "central-banks-rates"],
    ["Exxon to buy Pioneer for $60 billion", "Exxon Mobil agreed to acquire Pioneer Natural Resources in an all-stock deal valued at $60 billion, a 18% premium, creating the largest oil producer in the Permian basin.", "mergers-restructuring"],
    ["Bitcoin tops $100,000", "Bitcoin rose above $100,000 for the first time as inflows into spot bitcoin ETFs accelerated and crypto exchanges reported record volumes.", "crypto-digital-assets"],
    ["US adds tariffs on Chinese EVs", "The White House raised tariffs on Chinese electric vehicles to 100% and widened export controls on chips, deepening the trade war with Beijing.", "trade-geopolitics"],
    ["Yen slides past 155 per dollar", "The yen weakened past 155 per dollar, prompting warnings of intervention from Japan's finance ministry as the currency hit a 34-year low against the greenback.", "currencies-fx"],
    ["Office landlord defaults", "A major office landlord defaulted on a $1 billion mortgage as vacancies in commercial real estate climbed and rents fell across downtown towers.", "real-estate"],
  ])("%s → %s", (title, body, expected) => {
    const ids = topics(title, body);
    expect(ids[0]).toBe(expected);
  });

  it("gives a story with no finance in it no topic", () => {
    expect(topics("Local choir wins regional contest", "The choir sang three songs and the audience cheered. The children will perform again at the summer fair, and the mayor thanked the volunteers.")).toEqual([]);
    expect(topics("Weather", "Rain is expected on Sunday with sunny spells in the afternoon.")).toEqual([]);
  });

  it("scores each topic 0..1, sorted, at most eight", () => {
    const t = classify(seedDoc(), ref, none);
    expect(t.length).toBeLessThanOrEqual(8);
    for (let i = 1; i < t.length; i++) expect(t[i - 1]!.score).toBeGreaterThanOrEqual(t[i]!.score);
    expect(t.every((x) => x.score >= ref.taxonomy.scoring.threshold && x.score <= 1)).toBe(true);
  });

  it("needs more evidence in a long article than in a short one", () => {
    const short = normalize({ title: "Note", body: "The company discussed its dividend." });
    const long = normalize({ title: "Note", body: `The company discussed its dividend. ${"The weather was fine and the crowd was happy. ".repeat(120)}` });
    const s = topicEvidence(short, ref, none).find((t) => t.id === "dividends-buybacks")!;
    const l = topicEvidence(long, ref, none).find((t) => t.id === "dividends-buybacks")!;
    expect(s.raw).toBeCloseTo(l.raw);
    expect(l.score).toBeLessThan(s.score);
  });

  it("explains each topic by the cue words found", () => {
    const ev = topicEvidence(normalize({ title: "Apple beats estimates", body: "Apple raised its guidance." }), ref, none);
    const earnings = ev.find((t) => t.id === "earnings-guidance")!;
    expect(earnings.cues.map((c) => c.text.toLowerCase())).toEqual(expect.arrayContaining(["beats estimates", "guidance"]));
  });
});
