import { describe, expect, it } from "vitest";
import { safeUrl, sanitizeHtml } from "./sanitize.ts";

const BASE = "https://news.example.com/markets/2026/apple-beats";

describe("sanitizeHtml", () => {
  it("drops scripts, styles and their content", () => {
    const out = sanitizeHtml('<p>Shares rose.<script>alert("x")</script><style>p{color:red}</style></p><noscript>Enable JS</noscript>');
    expect(out).toBe("<p>Shares rose.</p>");
  });

  it("drops event handlers, style and class attributes", () => {
    const out = sanitizeHtml('<p onclick="steal()" style="x" class="lead" onmouseover=alert(1)>Text</p><img src="https://x.test/a.png" onerror="alert(1)">');
    expect(out).toBe('<p>Text</p><img src="https://x.test/a.png">');
  });

  it("refuses javascript:, data: and vbscript: URLs, even obfuscated", () => {
    const cases = [
      '<a href="javascript:alert(1)">a</a>',
      '<a href="JaVaScRiPt:alert(1)">a</a>',
      '<a href=" java\tscript:alert(1)">a</a>',
      '<a href="&#106;avascript:alert(1)">a</a>',
      '<a href="jav&#x09;ascript:alert(1)">a</a>',
      '<a href="vbscript:msgbox(1)">a</a>',
      '<a href="data:text/html;base64,PHNjcmlwdD4=">a</a>',
      '<a href="javascript&colon;alert(1)">a</a>',
      '<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)">a</a>',
      '<a href="java&#0000009;script:alert(1)">a</a>',
    ];
    for (const html of cases) expect(sanitizeHtml(html, BASE)).toBe('<a rel="noopener noreferrer">a</a>');
    expect(sanitizeHtml('<img src="data:image/png;base64,AAAA" alt="x">')).toBe("");
    expect(sanitizeHtml('<img src="javascript:alert(1)">')).toBe("");
  });

  it("absolutises links and images against the base URL and adds rel=noopener", () => {
    const out = sanitizeHtml('<p><a href="/tech/ai" target="_blank">AI</a> <img src="img/chart.png" alt="Chart"></p>', BASE);
    expect(out).toBe(
      '<p><a href="https://news.example.com/tech/ai" rel="noopener noreferrer">AI</a> <img src="https://news.example.com/markets/2026/img/chart.png" alt="Chart"></p>',
    );
  });

  it("keeps relative links as given when there is no base URL, and mailto links", () => {
    expect(sanitizeHtml('<a href="/a?b=1&amp;c=2">x</a>')).toBe('<a href="/a?b=1&amp;c=2" rel="noopener noreferrer">x</a>');
    expect(sanitizeHtml('<a href="mailto:desk@example.com">mail</a>')).toBe('<a href="mailto:desk@example.com" rel="noopener noreferrer">mail</a>');
  });

  it("keeps safe structure, unwraps unknown tags and escapes text", () => {
    const html = '<article><h2>Results</h2><font color=red>Net <b>income</b> &lt;rose&gt;</font><ul><li>One</li></ul><table><tr><td colspan="2">Q1</td></tr></table></article>';
    expect(sanitizeHtml(html)).toBe(
      "<article><h2>Results</h2>Net <b>income</b> &lt;rose&gt;<ul><li>One</li></ul><table><tr><td colspan=\"2\">Q1</td></tr></table></article>",
    );
  });

  it("drops forms, iframes, embeds and svg with their content", () => {
    const html = '<p>Keep</p><iframe src="https://evil.test"></iframe><form action="/x"><input name="q"><button>Go</button></form><svg><script>x()</script></svg><object data="x.swf">fallback</object>';
    expect(sanitizeHtml(html)).toBe("<p>Keep</p>");
  });

  it("balances unclosed tags and ignores stray closing tags and comments", () => {
    expect(sanitizeHtml("<p>One<p>Two</div></b><!-- hidden -->")).toBe("<p>One</p><p>Two</p>");
  });

  it("does not treat prototype names as allowed tags", () => {
    expect(sanitizeHtml("<constructor>x</constructor><toString>y</toString>")).toBe("xy");
  });

  it("escapes quotes in attribute values", () => {
    expect(sanitizeHtml('<a href="https://x.test/?q=&quot;&gt;<script>" title="a&quot;b">t</a>')).toBe(
      '<a href="https://x.test/?q=&quot;&gt;&lt;script&gt;" title="a&quot;b" rel="noopener noreferrer">t</a>',
    );
  });
});

describe("sanitizeHtml against mutation XSS", () => {
  it("re-serialises everything: nothing from raw-text or dropped elements leaks out", () => {
    const cases = [
      '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
      '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
      '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
      '<textarea></textarea><img src=x onerror=alert(1)></textarea>',
      '<title><img src=x onerror=alert(1)></title>',
      "<!--><img src=x onerror=alert(1)>-->",
    ];
    for (const html of cases) expect(sanitizeHtml(html), html).not.toMatch(/onerror|javascript|<style|<svg|<math/i);
  });

  it("escapes markup-looking text so that it stays text", () => {
    expect(sanitizeHtml("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>")).toBe("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>");
    expect(sanitizeHtml("<scr<script>x</script>ipt>alert(1)</p>")).not.toMatch(/<script/i);
  });
});

describe("safeUrl", () => {
  it("resolves protocol-relative and rejects non-web schemes", () => {
    expect(safeUrl("//cdn.example.com/x.png", BASE)).toBe("https://cdn.example.com/x.png");
    expect(safeUrl("file:///etc/passwd", BASE)).toBeNull();
    expect(safeUrl("ftp://x.test/a")).toBeNull();
    expect(safeUrl("   ")).toBeNull();
  });
});
