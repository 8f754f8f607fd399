import { describe, expect, it } from "vitest";
import { absolutise, absolutiseHtml, htmlToPlain } from "./text.ts";

describe("feed text helpers", () => {
  it("strips tags, decodes entities, collapses whitespace", () => {
    expect(htmlToPlain("<b>Fed</b> &amp; ECB &mdash;\n rates&nbsp;")).toBe("Fed & ECB — rates");
    expect(htmlToPlain("EPS < estimates")).toBe("EPS < estimates");
    expect(htmlToPlain("a<script>alert(1)</script>b<style>x{}</style>")).toBe("ab");
    expect(htmlToPlain("line<br>break<p>para</p>")).toBe("line break para");
  });
  it("absolutises links and drops non-http schemes", () => {
    expect(absolutise("/a", "https://x.test/feed.xml")).toBe("https://x.test/a");
    expect(absolutise("b?q=1", "https://x.test/dir/feed.xml")).toBe("https://x.test/dir/b?q=1");
    expect(absolutise("javascript:alert(1)", "https://x.test/")).toBeNull();
    expect(absolutise("  ", "https://x.test/")).toBeNull();
    expect(absolutise("/rel", null)).toBeNull();
  });
  it("absolutises href/src in HTML fragments", () => {
    expect(absolutiseHtml('<a href="/x?a=1&amp;b=2">x</a><img src=\'i.png\'>', "https://a.test/d/f")).toBe(
      '<a href="https://a.test/x?a=1&amp;b=2">x</a><img src=\'https://a.test/d/i.png\'>',
    );
    expect(absolutiseHtml('<a href="#top">t</a><a href="mailto:a@b.c">m</a>', "https://a.test/")).toBe('<a href="#top">t</a><a href="mailto:a@b.c">m</a>');
  });
});
