import { describe, expect, it } from "vitest";
import iconv from "iconv-lite";
import { charsetOf, decodeFeed } from "./encoding.ts";

describe("decodeFeed", () => {
  const xml = (enc: string, body: string) => `<?xml version="1.0" encoding="${enc}"?><rss><channel><title>${body}</title></channel></rss>`;
  it("reads the charset of a Content-Type", () => {
    expect(charsetOf('text/xml; charset="Windows-1252"')).toBe("windows-1252");
    expect(charsetOf("application/rss+xml")).toBeNull();
  });
  it("BOM beats HTTP and the declaration", () => {
    const d = decodeFeed(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(xml("ISO-8859-1", "é"))]), "text/xml; charset=iso-8859-1");
    expect(d.from).toBe("bom");
    expect(d.text).toContain("<title>é</title>");
  });
  it("the declaration is used when HTTP says nothing", () => {
    const d = decodeFeed(iconv.encode(xml("ISO-8859-1", "Société"), "latin1"), "application/rss+xml");
    expect(d).toMatchObject({ encoding: "iso-8859-1", from: "xml" });
    expect(d.text).toContain("Société");
  });
  it("invalid UTF-8 falls back to windows-1252 with a warning", () => {
    const d = decodeFeed(iconv.encode(xml("utf-8", "“quoted” €"), "win1252"), null);
    expect(d.from).toBe("fallback");
    expect(d.text).toContain("“quoted” €");
    expect(d.warnings[0]).toMatch(/not valid UTF-8/);
  });
  it("an unknown encoding is a clear error", () => {
    expect(() => decodeFeed(Buffer.from(xml("x-klingon", "")), null)).toThrow(/unknown character encoding "x-klingon"/);
  });
});
