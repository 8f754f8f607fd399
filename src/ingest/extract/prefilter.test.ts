import { describe, expect, it } from "vitest";
import { prefilterHtml } from "./prefilter.ts";

describe("prefilterHtml", () => {
  it("drops non-content elements with their content and keeps the rest as written", () => {
    const html = '<nav><ul><li><a href="/">Home</a></li></ul></nav><p class="lead" data-x=\'a"b\'>AT&amp;T <b>rose</b><br>again</p><script>if (a < b) x()</script><footer>©</footer>';
    expect(prefilterHtml(html)).toBe('<p class="lead" data-x="a&quot;b">AT&amp;T <b>rose</b><br>again</p>');
  });

  it("keeps JSON-LD metadata, head, title and meta, and the doctype", () => {
    const html = '<!DOCTYPE html><html lang="en"><head><title>T</title><meta property="og:title" content="OG"><script type="application/ld+json">{"datePublished":"2026-01-01"}</script><style>p{}</style></head><body><p>x</p></body></html>';
    expect(prefilterHtml(html)).toBe('<!DOCTYPE html><html lang="en"><head><title>T</title><meta property="og:title" content="OG"><script type="application/ld+json">{"datePublished":"2026-01-01"}</script></head><body><p>x</p></body></html>');
  });

  it("drops hidden elements and nested structures inside dropped ones", () => {
    const html = '<div hidden><p>a</p></div><div aria-hidden="true"><img src="x"></div><aside><div><div><p>b</p></div></div><img src="y"></aside><p>kept</p><svg><path d="M0"/><g><circle/></g></svg><p>after</p>';
    expect(prefilterHtml(html)).toBe("<p>kept</p><p>after</p>");
  });
});
