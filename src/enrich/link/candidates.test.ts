import { describe, expect, it } from "vitest";
import { loadSecurityMaster } from "../../reference/securities/master.ts";
import { normalize } from "../normalize/normalize.ts";
import { mayHaveCashtag, scan } from "./candidates.ts";

const master = loadSecurityMaster();
const explicitForms = (body: string) => scan(normalize({ body }), master).candidates.filter((c) => c.form === "cashtag" || c.form === "exchange").map((c) => [c.form, c.text]);

describe("mayHaveCashtag", () => {
  it("is true only where a $ comes before a capital letter", () => {
    expect(mayHaveCashtag("$AMZN rose")).toBe(true);
    expect(mayHaveCashtag("a $3.5 billion deal, then $MSFT")).toBe(true);
    expect(mayHaveCashtag("a $3.5 billion deal")).toBe(false);
    expect(mayHaveCashtag("ends with $")).toBe(false);
  });
});

describe("scan", () => {
  it("finds cashtags and exchange-prefixed tickers, and none without their literal text", () => {
    expect(explicitForms("A $3.5 billion deal lifted $MSFT, and Apple (NASDAQ: AAPL) fell.")).toEqual([["cashtag", "$MSFT"], ["exchange", "NASDAQ: AAPL"]]);
    expect(explicitForms("Reference 7: a $3.5 billion deal.")).toEqual([]);
  });
});
