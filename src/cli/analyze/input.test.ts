import { describe, expect, it } from "vitest";
import { articleFromBytes, binaryKind, looksLikeHtml, splitTitle } from "./input.ts";

const limits = { maxBytes: 1_000_000, maxChars: 100_000 };

describe("splitTitle", () => {
  it("takes the first line as title only when a blank line follows", () => {
    expect(splitTitle("Fed holds rates\n\nThe Federal Reserve held.")).toEqual({ title: "Fed holds rates", text: "The Federal Reserve held." });
    expect(splitTitle("Fed holds rates\r\n\r\nBody")).toEqual({ title: "Fed holds rates", text: "Body" });
    expect(splitTitle("One line\nTwo line\n\nThree")).toEqual({ title: "", text: "One line\nTwo line\n\nThree" });
    expect(splitTitle("Just a title\n\n")).toEqual({ title: "", text: "Just a title\n\n" });
  });
});

describe("looksLikeHtml", () => {
  it("recognises documents and fragments, not prose with a stray <", () => {
    expect(looksLikeHtml("<!DOCTYPE html><html><body>x</body></html>")).toBe(true);
    expect(looksLikeHtml("\n  <html lang=en>")).toBe(true);
    expect(looksLikeHtml("<div><p>One</p><p>Two</p></div>")).toBe(true);
    expect(looksLikeHtml("Revenue was < $5 billion and margins > 20%.\n\nMore text.")).toBe(false);
  });
});

describe("binaryKind", () => {
  it("names known signatures and detects NUL and control bytes", () => {
    expect(binaryKind(Buffer.from("%PDF-1.7\n"))).toBe("a PDF document");
    expect(binaryKind(Buffer.from([0x1f, 0x8b, 8, 0]))).toBe("gzip-compressed data");
    expect(binaryKind(Buffer.from("abc\0def"))).toMatch(/NUL/);
    expect(binaryKind(Buffer.from("Plain text with tabs\tand\r\nnewlines."))).toBeNull();
    expect(binaryKind(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Fed", "utf16le")]))).toBeNull();
  });
});

describe("articleFromBytes", () => {
  it("extracts HTML and splits plain text", () => {
    const html = Buffer.from("<html><head><title>Oil slides as talks stall | Wire</title></head><body><article><p>Oil prices fell on Monday as talks between producers stalled, traders said, and inventories rose for a third week in a row.</p><p>Brent crude dropped 2% to $71 a barrel, while West Texas Intermediate lost 2.3% as the dollar strengthened.</p></article></body></html>");
    const a = articleFromBytes(html, "page.html", limits);
    expect(a.title).toBe("Oil slides as talks stall");
    expect(a.text).toMatch(/^Oil prices fell on Monday/);
    expect(a.text).toContain("\n\nBrent crude");
    expect(articleFromBytes(Buffer.from("Title\n\nBody text."), "a.txt", limits)).toEqual({ title: "Title", text: "Body text." });
  });

  it("decodes a UTF-16 file with a BOM and an HTML page in windows-1252 declared by <meta>", () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Title\n\nZürich rose.", "utf16le")]);
    expect(articleFromBytes(utf16, "a.txt", limits)).toEqual({ title: "Title", text: "Zürich rose." });
    const page = Buffer.concat([
      Buffer.from('<html><head><meta charset="windows-1252"><title>Nestl'),
      Buffer.from([0xe9]),
      Buffer.from(" raises prices</title></head><body><p>Nestl"),
      Buffer.from([0xe9]),
      Buffer.from(" said it would raise prices again, by about 4% on average across its coffee and confectionery brands in Europe.</p></body></html>"),
    ]);
    expect(articleFromBytes(page, "p.html", limits).title).toBe("Nestlé raises prices");
  });
});
