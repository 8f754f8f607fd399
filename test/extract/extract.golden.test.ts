/**
 * Golden tests of HTML → main text: each folder holds a realistic news page written by us (case.html, with
 * navigation, ads, share bars, newsletters, comments and scripts) beside what must come out of it
 * (case.expected.json: title, metadata, the exact paragraphs, and boilerplate strings that must be absent).
 * One page is encoded in windows-1252 and says so only in its <meta http-equiv>.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractArticle, htmlToText } from "../../src/ingest/extract/extract.ts";
import { decodeHtml } from "../../src/ingest/extract/decode.ts";

interface Expected {
  title: string;
  publishedAt: string | null;
  siteName: string | null;
  method: "readability" | "fallback";
  paragraphs: string[];
  absent: string[];
}

const dir = import.meta.dirname;
const cases = readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);

describe("extract golden pages", () => {
  it("has at least seven pages", () => expect(cases.length).toBeGreaterThanOrEqual(7));

  for (const name of cases) {
    it(name, () => {
      // Pages arrive as bytes: decode them as the fetcher's caller does (BOM, then <meta charset>, then UTF-8).
      const html = decodeHtml(readFileSync(join(dir, name, "case.html")), null).text;
      const expected = JSON.parse(readFileSync(join(dir, name, "case.expected.json"), "utf8")) as Expected;
      const got = extractArticle(html, { baseUrl: `https://news.example/${name}` });
      expect(got.title).toBe(expected.title);
      expect(got.publishedAt).toBe(expected.publishedAt);
      expect(got.siteName).toBe(expected.siteName);
      expect(got.method).toBe(expected.method);
      expect(got.text.split("\n\n")).toEqual(expected.paragraphs);
      for (const junk of expected.absent) expect(got.text, `"${junk}" must not be in the text`).not.toContain(junk);
      // the content HTML is sanitised: no scripts, handlers or inline styles survive
      expect(got.html).not.toMatch(/<script|<style|\son\w+=|style=|javascript:/i);
      for (const m of got.html.matchAll(/<a [^>]*>/g)) expect(m[0]).toContain('rel="noopener noreferrer"');
      for (const m of got.html.matchAll(/(?:href|src)="([^"]*)"/g)) expect(m[1]).toMatch(/^(https?:|mailto:)/);
      // enrich() reads the same text through htmlToText
      expect(htmlToText(html)).toEqual({ title: expected.title, text: expected.paragraphs.join("\n\n") });
    });
  }
});
