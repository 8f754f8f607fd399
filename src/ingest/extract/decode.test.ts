import { describe, expect, it } from "vitest";
import iconv from "iconv-lite";
import { charsetFromContentType, decodeHtml, firstInvalidUtf8 } from "./decode.ts";
import { ImpactwireError } from "../../core/errors.ts";

const cafe1252 = Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x80, 0x35]); // "Café €5" in windows-1252

describe("decodeHtml", () => {
  it("honours the HTTP charset", () => {
    expect(decodeHtml(cafe1252, "text/html; charset=windows-1252")).toMatchObject({ text: "Café €5", from: "http" });
    expect(decodeHtml(cafe1252, "text/html; charset=ISO-8859-1").text).toBe("Café €5"); // latin1 means windows-1252
  });

  it("reads <meta charset> and <meta http-equiv> when HTTP says nothing", () => {
    const meta = Buffer.concat([Buffer.from('<html><head><meta charset="windows-1252"></head><body>'), cafe1252]);
    expect(decodeHtml(meta, "text/html")).toMatchObject({ charset: "windows-1252", from: "meta" });
    expect(decodeHtml(meta, null).text).toContain("Café €5");
    const equiv = Buffer.concat([Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=shift_jis">'), iconv.encode("株価", "shift_jis")]);
    expect(decodeHtml(equiv, null).text).toContain("株価");
  });

  it("lets a BOM win over the declared charset and strips it", () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("Café", "utf8")]);
    expect(decodeHtml(bytes, "text/html; charset=windows-1252")).toMatchObject({ text: "Café", from: "bom" });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Fed", "utf16le")]);
    expect(decodeHtml(utf16, null).text).toBe("Fed");
  });

  it("defaults to UTF-8 and ignores unknown charset labels", () => {
    expect(decodeHtml(Buffer.from("Zürich", "utf8"), "text/html; charset=no-such-charset")).toMatchObject({ text: "Zürich", charset: "utf-8" });
  });

  it("is lenient on invalid UTF-8 by default and strict with fatal", () => {
    const bad = Buffer.from([0x61, 0x62, 0xff, 0x63]);
    expect(decodeHtml(bad, null).text).toBe("ab\ufffdc");
    expect(() => decodeHtml(bad, null, { fatal: true })).toThrow(ImpactwireError);
    expect(() => decodeHtml(bad, null, { fatal: true })).toThrow(/not valid UTF-8 \(at or before byte 2\)/);
  });
});

describe("helpers", () => {
  it("parses charset parameters and finds the first invalid byte", () => {
    expect(charsetFromContentType('text/html; charset="UTF-8"')).toBe("utf-8");
    expect(charsetFromContentType("text/plain")).toBeNull();
    expect(firstInvalidUtf8(Buffer.from("ok ✓", "utf8"))).toBe(-1);
    expect(firstInvalidUtf8(Buffer.from([0xe2, 0x9c]))).toBe(0);
  });
});
