import { describe, expect, it } from "vitest";
import { articlePage } from "./article.ts";
import { seedEnrichment, seedRecord } from "./fixture.ts";

const render = (rec = seedRecord(), extra = {}) => articlePage({ article: rec, others: [], study: [], studyAttempted: false, ...extra }).value;

describe("article page", () => {
  it("shows every field of the seed page", () => {
    const out = render();
    for (const s of ["Back to News", "Market Impact: <span class=\"impact-score\">0.44</span>", "Analysis", "Artificial Intelligence", "Private Markets &amp; Venture", "Compute is becoming a fungible input", "Winners", "Losers", "Contrarian view", "Outlook", "Risks"]) {
      expect(out).toContain(s);
    }
    expect(out).toContain('href="/ticker/AMZN"');
    expect(out).toMatch(/chip-role">subject<\/span> <span class="sent sent-pos">\+0\.42/);
    expect(out).toContain("<details>");
    expect(out).toContain("Event severity");
    expect(out).toContain('rel="noopener noreferrer nofollow"');
  });

  it("renders hostile fields inert", () => {
    const evil = `<script>alert(1)</script><img src=x onerror=alert(2)>`;
    const e = seedEnrichment({ summary: evil, analysis: { ...seedEnrichment().analysis, takeaway: evil } });
    const out = render(seedRecord({ title: evil, source: evil, text: evil, url: "javascript:alert(3)", enrichment: e }));
    expect(out).not.toContain("<script>alert");
    expect(out).not.toContain("<img src=x");
    expect(out).not.toContain("javascript:");
    expect(out).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(out).toContain("No original link.");
  });

  it("shows the event study as abnormal return, or says why not", () => {
    const study = [{ symbol: "AMZN", baseDay: "2017-03-01", endDay: "2017-03-08", tradingDays: 5, rawReturn: 0.031, marketReturn: 0.01, abnormalReturn: 0.021, proxy: "MARKET" }];
    expect(render(seedRecord(), { study, studyAttempted: true })).toContain("AMZN +2.1%</strong> abnormal since publication");
    expect(render(seedRecord(), { study: [], studyAttempted: true })).toContain("No price history is stored");
  });
});
