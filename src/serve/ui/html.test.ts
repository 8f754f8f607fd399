import { describe, expect, it } from "vitest";
import { escapeHtml, html, jsonIsland, raw, safeUrl } from "./html.ts";

describe("html templates", () => {
  it("escapes every interpolation by default", () => {
    const evil = `<script>alert(1)</script><img src=x onerror="alert(2)"> ' \``;
    expect(html`<p title="${evil}">${evil}</p>`.value).toBe(
      `<p title="&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=&quot;alert(2)&quot;&gt; &#39; &#96;">&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=&quot;alert(2)&quot;&gt; &#39; &#96;</p>`,
    );
  });
  it("keeps nested templates and raw() as they are, escapes array items", () => {
    const inner = html`<b>${"a&b"}</b>`;
    expect(html`<div>${inner}${raw("<br>")}${["<i>", html`<i>x</i>`]}</div>`.value).toBe("<div><b>a&amp;b</b><br>&lt;i&gt;<i>x</i></div>");
  });
  it("renders nothing for null, undefined and false, and numbers as text", () => {
    expect(html`${null}${undefined}${false}${0}${1.5}`.value).toBe("01.5");
  });
  it("does not treat look-alike objects as raw", () => {
    expect(html`${{ value: "<x>" }}`.value).toBe("[object Object]");
    expect(escapeHtml("<&>")).toBe("&lt;&amp;&gt;");
  });
});

describe("safeUrl", () => {
  it.each([
    ["https://example.com/a?b=1#c", "https://example.com/a?b=1#c"],
    ["http://example.com", "http://example.com/"],
    ["/ticker/AMZN", "/ticker/AMZN"],
    ["?q=1", "?q=1"],
    ["#top", "#top"],
    ["news/1", "news/1"],
  ])("lets %s through", (input, out) => expect(safeUrl(input)).toBe(out));
  it.each(["javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)", "java\nscript:x", "data:text/html,<script>", "vbscript:x", "//evil.example/x", "\\\\evil", "mailto:a@b.c", "", "a:b/c"])(
    "refuses %j",
    (input) => expect(safeUrl(input)).toBeNull(),
  );
  it("refuses non-strings", () => expect(safeUrl(null)).toBeNull());
});

describe("jsonIsland", () => {
  it("cannot close its script element", () => {
    const out = jsonIsland({ t: "</script><script>alert(1)</script>", u: "\u2028" }).value;
    expect(out).not.toContain("<");
    expect(out).not.toContain(">");
    expect(JSON.parse(out)).toEqual({ t: "</script><script>alert(1)</script>", u: "\u2028" });
  });
});
