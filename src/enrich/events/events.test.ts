import { describe, expect, it } from "vitest";
import { EventSchema, type EnrichEvent } from "../../contract/enrichment.ts";
import { normalize } from "../normalize/normalize.ts";
import { linkedFrom, mentionsOf, seedDoc, stageReference } from "./cases/cases.ts";
import { extractEvents, findEvents } from "./events.ts";

const ref = stageReference();

function events(title: string, body: string, links: Record<string, string[]> = {}, entities = {}): EnrichEvent[] {
  const doc = normalize({ title, body });
  const out = findEvents(doc, ref, linkedFrom(doc, links, entities));
  for (const e of out) expect(EventSchema.parse(e)).toEqual(e);
  return out;
}
const one = (list: EnrichEvent[], type: string) => {
  const found = list.filter((e) => e.type === type);
  expect(found.length, `${type} in ${JSON.stringify(list.map((e) => e.type))}`).toBeGreaterThan(0);
  return found[0]!;
};
const fig = (e: EnrichEvent, name: string) => e.figures.find((f) => f.name === name)?.value;

describe("events on the seed article", () => {
  const doc = seedDoc();
  const linked = linkedFrom(doc, { AMZN: ["Amazon", "AWS"], MSFT: ["Microsoft", "Azure"] }, { OpenAI: { type: "private_company", words: ["OpenAI"] } });
  const list = extractEvents(doc, ref, linked);

  it("finds Amazon's $50 billion investment in OpenAI, as DESIGN §2 writes it", () => {
    const inv = list.find((e) => e.type === "investment" && e.amount?.value === 50e9)!;
    expect(inv).toMatchObject({ actor: "AMZN", target: "OpenAI", amount: { value: 5e10, currency: "USD", text: "$50 billion" }, polarity: "positive" });
  });

  it("reads the $38 billion AWS commitment as OpenAI's contract with AMZN", () => {
    expect(list.find((e) => e.amount?.value === 38e9)).toMatchObject({ type: "contract", subtype: "commitment", actor: "OpenAI", target: "AMZN" });
    expect(list.find((e) => e.amount?.value === 100e9)).toMatchObject({ type: "contract", actor: "OpenAI", target: "AMZN" });
  });

  it("sees the restructured Microsoft–OpenAI arrangement", () => {
    expect(list.find((e) => e.type === "partnership")).toMatchObject({ subtype: "restructured", actor: "MSFT", target: "OpenAI" });
  });

  it("keeps valid evidence spans and is cached per document", () => {
    for (const e of list) {
      expect(EventSchema.parse(e)).toEqual(e);
      expect(doc.text.slice(e.evidence.start, e.evidence.end)).toBe(e.evidence.text);
    }
    expect(extractEvents(doc, ref, linked)).toEqual(list);
    expect(extractEvents(doc, ref, linked)).not.toBe(list);
  });
});

describe("earnings", () => {
  it("reads a beat with EPS and revenue against estimates", () => {
    const e = one(events("Q3", "Microsoft earned $3.30 a share, topping the $3.10 analysts expected, on revenue of $65.6 billion versus estimates of $64.5 billion.", { MSFT: ["Microsoft"] }), "earnings");
    expect(e).toMatchObject({ subtype: "beat", actor: "MSFT", polarity: "positive" });
    expect([fig(e, "eps_actual"), fig(e, "eps_estimate"), fig(e, "revenue_actual"), fig(e, "revenue_estimate")]).toEqual([3.3, 3.1, 65.6e9, 64.5e9]);
  });

  it("reads a miss, a loss per share and a negated beat", () => {
    const e = one(events("Q2", "Rivian reported a loss of 85 cents a share, wider than the 70 cents analysts had expected, and revenue fell short of estimates.", { RIVN: ["Rivian"] }), "earnings");
    expect(e.subtype).toBe("miss");
    expect(fig(e, "eps_actual")).toBe(-0.85);
    expect(one(events("Q2", "Ford did not beat expectations this quarter.", { F: ["Ford"] }), "earnings").subtype).toBe("miss");
  });

  it("reads in-line results and infers beat/miss from the figures when the words do not say", () => {
    expect(one(events("Q2", "Visa's results were in line with estimates.", { V: ["Visa"] }), "earnings").subtype).toBe("inline");
    expect(one(events("Q2", "Adobe reported adjusted earnings of $4.48 a share; analysts had expected $4.38 a share.", { ADBE: ["Adobe"] }), "earnings").subtype).toBe("beat");
  });
});

describe("guidance", () => {
  it.each([
    ["Nike raised its full-year revenue forecast to $52 billion from $50 billion.", "raise", { guidance_new: 52e9, guidance_prior: 50e9 }],
    ["Target cut its annual profit outlook.", "cut", {}],
    ["Costco reaffirmed its guidance.", "reaffirm", {}],
    ["The airline withdrew its outlook for the year.", "withdraw", {}],
  ])("%s", (sentence, subtype, figures) => {
    const e = one(events("Update", sentence), "guidance");
    expect(e.subtype).toBe(subtype);
    for (const [k, v] of Object.entries(figures)) expect(fig(e, k)).toBe(v);
  });

  it("does not read a price target or an interest-rate path as company guidance", () => {
    expect(events("Note", "Citi raised its price target on Nvidia to $150.").filter((e) => e.type === "guidance")).toEqual([]);
  });
});

describe("analyst actions", () => {
  it("reads a downgrade with ratings and price target", () => {
    const e = one(events("Note", "Goldman Sachs downgraded Boeing to sell from neutral and cut its price target to $160 from $210.", { BA: ["Boeing"], GS: ["Goldman Sachs"] }), "rating_change");
    expect(e).toMatchObject({ subtype: "downgrade", actor: "GS", target: "BA", from: "neutral", to: "sell", polarity: "negative", amount: { value: 160 } });
    expect(fig(e, "price_target_prior")).toBe(210);
  });

  it("reads initiations and price-target-only moves", () => {
    expect(one(events("Note", "Jefferies initiated coverage of Palantir with a buy rating.", { PLTR: ["Palantir"] }), "rating_change")).toMatchObject({ subtype: "initiate", to: "buy", polarity: "positive" });
    expect(one(events("Note", "Bernstein raised its price target on Apple to $250 from $220.", { AAPL: ["Apple"] }), "price_target")).toMatchObject({ subtype: "raise", target: "AAPL", from: "$220", to: "$250" });
  });

  it("does not read a product upgrade cycle as a rating change", () => {
    expect(events("Phones", "Analysts expect a strong upgrade cycle for the new phones.").filter((e) => e.type === "rating_change")).toEqual([]);
  });
});

describe("deals and capital", () => {
  it("reads an acquisition with the acquirer, target, price and premium", () => {
    const e = one(events("Deal", "Chevron agreed to buy Hess for $53 billion, or $171 per share, a premium of 10%.", { CVX: ["Chevron"], HES: ["Hess"] }), "merger_acquisition");
    expect(e).toMatchObject({ subtype: "announced", actor: "CVX", target: "HES", amount: { value: 53e9 } });
    expect([fig(e, "price_per_share"), fig(e, "premium")]).toEqual([171, 10]);
  });

  it("reads the passive voice and deal status", () => {
    expect(one(events("Deal", "Splunk agreed to be acquired by Cisco for $28 billion.", { SPLK: ["Splunk"], CSCO: ["Cisco"] }), "merger_acquisition")).toMatchObject({ actor: "CSCO", target: "SPLK" });
    expect(one(events("Deal", "Adobe and Figma called off their merger agreement.", {}), "merger_acquisition").subtype).toBe("terminated");
    expect(one(events("Deal", "Shell is in talks to acquire BP, people familiar said.", {}), "merger_acquisition").subtype).toBe("rumored");
  });

  it("does not read a share buyback as an acquisition", () => {
    expect(events("Capital", "Apple bought back $20 billion of its shares.").filter((e) => e.type === "merger_acquisition")).toEqual([]);
  });

  it("reads investments and stakes", () => {
    expect(one(events("AI", "Microsoft will invest $10 billion in OpenAI.", { MSFT: ["Microsoft"] }, { OpenAI: { type: "private_company", words: ["OpenAI"] } }), "investment")).toMatchObject({ actor: "MSFT", target: "OpenAI", amount: { value: 1e10 } });
    const s = one(events("Stake", "Berkshire Hathaway took a 9% stake in Occidental Petroleum.", { "BRK.B": ["Berkshire Hathaway"], OXY: ["Occidental Petroleum"] }), "investment");
    expect(s).toMatchObject({ subtype: "stake", actor: "BRK.B", target: "OXY" });
    expect(fig(s, "stake")).toBe(9);
  });

  it("reads IPOs, offerings, dividends and buybacks", () => {
    expect(one(events("IPO", "Reddit priced its IPO at $34 a share, raising $748 million.", { RDDT: ["Reddit"] }), "capital_raise")).toMatchObject({ subtype: "ipo", actor: "RDDT", amount: { value: 748e6 } });
    expect(one(events("Debt", "Oracle sold $18 billion of bonds in a debt offering.", { ORCL: ["Oracle"] }), "capital_raise").subtype).toBe("debt");
    expect(one(events("Payout", "Intel suspended its dividend.", { INTC: ["Intel"] }), "dividend")).toMatchObject({ subtype: "suspend", polarity: "negative" });
    expect(one(events("Payout", "Alphabet declared its first dividend of 20 cents per share.", { GOOGL: ["Alphabet"] }), "dividend").amount?.value).toBe(0.2);
    expect(one(events("Payout", "Apple announced a $110 billion share repurchase program.", { AAPL: ["Apple"] }), "buyback")).toMatchObject({ actor: "AAPL", amount: { value: 110e9 } });
  });

  it("reads partnerships, contracts and launches, but not a launched investigation", () => {
    expect(one(events("AI", "Apple partnered with OpenAI to bring ChatGPT to Siri.", { AAPL: ["Apple"] }), "partnership").actor).toBe("AAPL");
    expect(one(events("Defense", "Palantir won a $480 million Army contract.", { PLTR: ["Palantir"] }), "contract").amount?.value).toBe(480e6);
    expect(one(events("Phones", "Samsung unveiled a foldable phone on Wednesday.", { SSNLF: ["Samsung"] }), "product_launch").actor).toBe("SSNLF");
    expect(events("Probe", "The regulator launched an investigation into the bank.").filter((e) => e.type === "product_launch")).toEqual([]);
  });
});

describe("legal, regulatory and incidents", () => {
  it("reads who sued whom and settlements with amounts", () => {
    expect(one(events("Court", "Epic Games sued Apple over its App Store fees.", { AAPL: ["Apple"] }, { "Epic Games": { type: "private_company", words: ["Epic Games"] } }), "lawsuit")).toMatchObject({ actor: "Epic Games", target: "AAPL" });
    const s = one(events("Court", "Boeing agreed to pay $200 million to settle SEC charges.", { BA: ["Boeing"] }), "settlement");
    expect(s).toMatchObject({ actor: "BA", subtype: "regulatory", amount: { value: 2e8 } });
    expect(events("Court", "Boeing agreed to pay $200 million to settle SEC charges.", { BA: ["Boeing"] }).filter((e) => e.type === "lawsuit")).toEqual([]);
  });

  it("reads a lawsuit brought by a regulator against the company named before", () => {
    const list = events("Antitrust", "Amazon sells many things. Separately, the company faces an antitrust lawsuit from the Federal Trade Commission.", { AMZN: ["Amazon"] }, { "Federal Trade Commission": { type: "regulator", words: ["Federal Trade Commission"] } });
    expect(one(list, "lawsuit")).toMatchObject({ actor: "Federal Trade Commission", target: "AMZN" });
  });

  it("reads regulatory approvals and rejections", () => {
    expect(one(events("FDA", "Eli Lilly won FDA approval for its Alzheimer's drug.", { LLY: ["Eli Lilly"] }), "regulatory_decision")).toMatchObject({ subtype: "approval", actor: "Food and Drug Administration", target: "LLY", polarity: "positive" });
    expect(one(events("EU", "The European Commission blocked the merger of the two airlines.", {}), "regulatory_decision")).toMatchObject({ subtype: "block", polarity: "negative" });
    expect(one(events("Probe", "The SEC opened an investigation into the trading firm.", {}), "investigation")).toMatchObject({ actor: "Securities and Exchange Commission", subtype: "opened" });
  });

  it("reads bankruptcies, recalls, cyber incidents and outages", () => {
    expect(one(events("Ch 11", "WeWork filed for Chapter 11 bankruptcy protection with $18.6 billion of debt.", { WE: ["WeWork"] }), "bankruptcy")).toMatchObject({ subtype: "filed", actor: "WE", amount: { value: 18.6e9 } });
    expect(one(events("Cars", "Tesla is recalling 2 million vehicles to fix Autopilot.", { TSLA: ["Tesla"] }), "recall").amount?.value).toBe(2e6);
    expect(one(events("Hack", "MGM Resorts said a cyberattack knocked its systems offline.", { MGM: ["MGM Resorts"] }), "cyber_incident").actor).toBe("MGM");
    expect(one(events("Down", "A global outage hit Microsoft's cloud services.", { MSFT: ["Microsoft"] }), "outage").polarity).toBe("negative");
    expect(events("Memory", "She recalled that the meeting was short.").filter((e) => e.type === "recall")).toEqual([]);
  });
});

describe("people and macro", () => {
  it("reads layoffs with headcount and workforce share", () => {
    const e = one(events("Jobs", "Google will lay off 12,000 employees, about 6% of its workforce.", { GOOGL: ["Google"] }), "layoffs");
    expect([fig(e, "headcount"), fig(e, "workforce_percent")]).toEqual([12000, 6]);
    expect(e.actor).toBe("GOOGL");
  });

  it("reads a CEO departure and an appointment", () => {
    const d = one(events("CEO", "Intel said chief executive Pat Gelsinger will retire, effective immediately.", { INTC: ["Intel"] }), "executive_change");
    expect(d).toMatchObject({ subtype: "departure", actor: "INTC", from: "Pat Gelsinger (chief executive)" });
    expect(d.to).toBeUndefined();
    const a = one(events("CEO", "Boeing named Kelly Ortberg as its new chief executive.", { BA: ["Boeing"] }), "executive_change");
    expect(a.to).toContain("Kelly Ortberg");
    expect(a.subtype).toBe("appointment");
  });

  it("reads central-bank decisions but not expectations of them", () => {
    const e = one(events("ECB", "The European Central Bank raised interest rates by 25 basis points to 4%.", {}), "rate_decision");
    expect(e).toMatchObject({ subtype: "hike", actor: "European Central Bank", amount: { value: 25, unit: "bps" } });
    expect(one(events("BoE", "The Bank of England held rates at 5.25%.", {}), "rate_decision").subtype).toBe("hold");
    expect(events("Fed", "Traders expect the Fed will cut rates in June.").filter((e) => e.type === "rate_decision")).toEqual([]);
  });

  it("reads an economic data release with its figure", () => {
    expect(one(events("Jobs", "Nonfarm payrolls rose by 275,000 in February, and the unemployment rate was 3.9%.", {}), "macro_data").amount?.value).toBe(275000);
  });
});

describe("merging and limits", () => {
  it("merges the headline and the lead telling the same event, keeping the richer one", () => {
    const list = events("Salesforce to cut jobs", "Salesforce will cut 7,000 jobs, or 10% of its staff.", { CRM: ["Salesforce"] });
    const lay = list.filter((e) => e.type === "layoffs");
    expect(lay.length).toBe(1);
    expect(fig(lay[0]!, "headcount")).toBe(7000);
  });

  it("joins an article's EPS and revenue sentences into one earnings event, mixed when they disagree", () => {
    const list = events("Q3", "Nike earned $0.41 a share, short of the $0.52 analysts expected. Revenue rose to $11.9 billion, ahead of estimates of $11.8 billion.", { NKE: ["Nike"] });
    const e = list.filter((x) => x.type === "earnings");
    expect(e.length).toBe(1);
    expect(e[0]!.subtype).toBe("mixed");
    expect([fig(e[0]!, "eps_actual"), fig(e[0]!, "revenue_actual")]).toEqual([0.41, 11.9e9]);
    expect(e[0]!.amount?.value).toBe(0.41);
  });

  it("keeps two different deals apart", () => {
    const list = events("Deals", "Pfizer agreed to buy Seagen for $43 billion. Separately, Amgen agreed to acquire Horizon for $28 billion.", { PFE: ["Pfizer"], SGEN: ["Seagen"], AMGN: ["Amgen"], HZNP: ["Horizon"] });
    expect(list.filter((e) => e.type === "merger_acquisition").map((e) => [e.actor, e.target])).toEqual([["PFE", "SGEN"], ["AMGN", "HZNP"]]);
  });

  it("keeps a rumoured deal apart from a completed one", () => {
    const list = events("Talks", "Comcast is in talks to acquire Warner Bros. Discovery's studios. Comcast bought Sky for about $39 billion in 2018.", { CMCSA: ["Comcast"], WBD: ["Warner Bros. Discovery"] });
    expect(list.filter((e) => e.type === "merger_acquisition").map((e) => [e.subtype, e.target])).toEqual([["rumored", "WBD"], ["completed", "Sky"]]);
  });

  it("keeps one buyback per company, with the programme's money rather than the cash pile", () => {
    const list = events("Cash", "Berkshire's cash pile reached $344 billion as buybacks stayed on hold. Apple said it authorised an additional $100 billion share repurchase program. Apple's repurchase capacity now totals $130 billion.", { "BRK-B": ["Berkshire"], AAPL: ["Apple"] });
    const bb = list.filter((e) => e.type === "buyback");
    expect(bb.map((e) => [e.actor, e.subtype, e.amount?.value])).toEqual([["BRK-B", "suspend", undefined], ["AAPL", "increase", 100e9]]);
  });

  it("names an unlinked company acting right before the trigger, and divestitures", () => {
    expect(one(events("Ch 11", "Spirit Airlines files for bankruptcy protection again. Rivals United and Delta gained.", { UAL: ["United"], DAL: ["Delta"] }), "bankruptcy").actor).toBe("Spirit Airlines");
    const d = one(events("Sale", "Coca-Cola agreed to sell a 61% stake in Coca-Cola Beverages Africa for $2.6 billion.", { KO: ["Coca-Cola"] }), "merger_acquisition");
    expect(d).toMatchObject({ subtype: "divestiture", actor: "KO", target: "Coca-Cola Beverages Africa", amount: { value: 2.6e9 } });
  });

  it("finds nothing in a story with no business event", () => {
    expect(events("Village fair", "The flower festival returned on Saturday. Children painted and the choir sang.")).toEqual([]);
  });

  it("resolves 'The company' to the party named before", () => {
    const list = events("Update", "Walmart reported higher sales. The company raised its full-year forecast.", { WMT: ["Walmart"] });
    expect(one(list, "guidance").actor).toBe("WMT");
    expect(mentionsOf("a Walmart b", "Walmart")).toEqual([{ text: "Walmart", start: 2, end: 9 }]);
  });
});
