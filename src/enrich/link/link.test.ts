import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadSecurityMaster } from "../../reference/securities/master.ts";
import { normalize } from "../normalize/normalize.ts";
import { linkWith } from "./link.ts";

const master = loadSecurityMaster();
const link = (title: string, body = "") => linkWith(normalize({ title, body }), master);

function seed() {
  const dir = new URL("../../../../shared/seed/", import.meta.url).pathname;
  const lines = readFileSync(dir + readdirSync(dir).find((f) => f.endsWith(".txt"))!, "utf8").split("\n");
  // Drop the page furniture: "Back to News", "Market Impact", the ticker chip line and the category chips.
  const kept = lines.filter((l) => l.trim() && !/^(Back to News|Market Impact:|AMZNMSFTUBS|Artificial Intelligence.*Private Markets & Venture|Analysis)$/.test(l.trim()));
  return linkWith(normalize({ title: kept[0]!, body: kept.slice(1).join("\n\n") }), master);
}

describe("link", () => {
  it("links exactly AMZN and MSFT in the seed article, keeps OpenAI as a private company", () => {
    const r = seed();
    expect(r.tickers.map((t) => t.symbol).sort()).toEqual(["AMZN", "MSFT"]);
    const amzn = r.tickers.find((t) => t.symbol === "AMZN")!;
    expect(amzn.mentions.map((m) => m.text)).toEqual(expect.arrayContaining(["Amazon", "AWS", "Bedrock", "Trainium"]));
    expect(amzn.reason).toMatch(/AWS/);
    expect(r.tickers.map((t) => t.role).sort()).toEqual(["counterparty", "subject"]);
    const openai = r.entities.find((e) => e.name === "OpenAI")!;
    expect(openai.type).toBe("private_company");
    expect(openai.proxies).toEqual(expect.arrayContaining(["MSFT"]));
  });

  it("reads explicit forms: cashtags, exchange prefixes, parentheses, former tickers", () => {
    expect(link("$AMZN and (NYSE:UBS) rise; Gartner (IT) falls").tickers.map((t) => t.symbol).sort()).toEqual(["AMZN", "IT", "UBS"]);
    expect(link("$FB was the old ticker").tickers[0]!.symbol).toBe("META");
  });

  it("needs evidence for word-like names and says which", () => {
    expect(link("Apple pie prices rise").tickers).toEqual([]);
    expect(link("Harrison Ford returns").tickers).toEqual([]);
    expect(link("A meta-analysis of 40 trials").tickers).toEqual([]);
    const r = link("Apple shares fall after iPhone warning");
    expect(r.tickers[0]!.symbol).toBe("AAPL");
    expect(r.tickers[0]!.reason).toMatch(/corroborated|context/);
  });

  it("gives the proxy role to a listed backer mentioned only beside the private company", () => {
    const r = link("OpenAI raises $6.6 billion", "OpenAI, which is backed by Microsoft, said the round was led by Thrive. OpenAI will use the money for compute. OpenAI has 700 million users.");
    expect(r.tickers.map((t) => [t.symbol, t.role])).toEqual([["MSFT", "proxy"]]);
  });

  it("orders tickers by relevance, title mentions first", () => {
    const r = link("Nvidia beats estimates", "Nvidia said revenue rose. Shares of AMD were flat.");
    expect(r.tickers.map((t) => t.symbol)).toEqual(["NVDA", "AMD"]);
    expect(r.tickers[0]!.relevance).toBeGreaterThan(r.tickers[1]!.relevance);
    expect(r.tickers[0]!.role).toBe("subject");
  });

  it("treats the broker in a rating change as a source, not the subject", () => {
    const r = link("Morgan Stanley upgrades Tesla to overweight", "Morgan Stanley upgraded Tesla, citing its software lead.");
    expect(r.tickers.map((t) => [t.symbol, t.role])).toEqual([["TSLA", "subject"], ["MS", "mentioned"]]);
  });

  it("links a one-word small-cap name only with corporate context, away from other capitals", () => {
    expect(link("Wolfspeed files for bankruptcy to cut $4.6 billion of debt").tickers.map((t) => t.symbol)).toEqual(["WOLF"]);
    expect(link("Root causes of inflation are debated").tickers).toEqual([]);
    expect(link("Ships Cross The Red Sea Again").tickers).toEqual([]);
  });

  it("keeps regulators, countries and people as entities", () => {
    const r = link("FTC sues Amazon", "The Federal Trade Commission and the Justice Department said on Tuesday that CEO Andy Jassy and chief executive Richard McPhail would testify in Washington. The U.S. case follows a ruling in China.");
    const byName = new Map(r.entities.map((e) => [e.name, e.type]));
    expect(byName.get("Federal Trade Commission")).toBe("regulator");
    expect(byName.get("Department of Justice")).toBe("government");
    expect(byName.get("United States")).toBe("country");
    expect(byName.get("China")).toBe("country");
    expect(byName.get("Andy Jassy")).toBe("person");
    expect(byName.get("Richard McPhail")).toBe("person");
    expect(r.tickers.map((t) => t.symbol)).toEqual(["AMZN"]);
  });
});
