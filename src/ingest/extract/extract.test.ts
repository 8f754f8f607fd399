import { describe, expect, it } from "vitest";
import { parseHTML } from "linkedom";
import { extractArticle, fallbackContent, htmlToText } from "./extract.ts";
import { htmlToParagraphs } from "./blocks.ts";
import { isBoilerplateLine } from "./boilerplate.ts";
import { stripSiteName } from "./meta.ts";

const para = (s: string): string => `<p>${s} The company said the figures were in line with its plan for the year and that demand held up.</p>`;

describe("htmlToText", () => {
  it("never throws on empty or tag-less input", () => {
    expect(htmlToText("")).toEqual({ title: "", text: "" });
    expect(htmlToText("just some words, no markup").text).toBe("just some words, no markup");
    expect(htmlToText("<html><body></body></html>").text).toBe("");
  });

  it("takes the title from og:title before <title> and <h1>", () => {
    const html = `<title>Site | Other headline here</title><meta property="og:title" content="OG headline"><h1>H1 headline</h1>${para("A.")}${para("B.")}`;
    expect(htmlToText(html).title).toBe("OG headline");
  });

  it("uses the <h1> when the <title> is the h1 plus the site name", () => {
    const html = `<title>Fed holds rates steady - Daily Wire</title><h1>Fed holds rates steady</h1>${para("A.")}${para("B.")}`;
    expect(htmlToText(html).title).toBe("Fed holds rates steady");
  });

  it("keeps paragraph breaks as blank lines and decodes entities", () => {
    const { text } = htmlToText(`<article>${para("AT&amp;T rose.")}${para("Verizon fell.")}${para("T-Mobile held.")}</article>`);
    expect(text.split("\n\n")).toHaveLength(3);
    expect(text.startsWith("AT&T rose.")).toBe(true);
  });
});

describe("fallbackContent", () => {
  it("picks the parent with the most paragraph text", () => {
    const { document } = parseHTML(
      `<html><body><div id="teasers"><p>Short teaser one that is over forty characters long.</p></div><div id="story">${para("One.")}${para("Two.")}${para("Three.")}</div></body></html>`,
    );
    const paragraphs = htmlToParagraphs(fallbackContent(document));
    expect(paragraphs).toHaveLength(3);
    expect(paragraphs[0]).toMatch(/^One\./);
  });

  it("falls back to the whole body when there are no paragraphs", () => {
    const { document } = parseHTML("<html><body><div>Only a div with text</div></body></html>");
    expect(htmlToParagraphs(fallbackContent(document))).toEqual(["Only a div with text"]);
  });
});

describe("extractArticle", () => {
  it("reports readability for a normal article and gives sanitised, absolutised HTML", () => {
    const html = `<article><h1>Headline of the story</h1>${para('See <a href="/more" onclick="x()">more</a>.')}${para("Two.")}${para("Three.")}</article>`;
    const a = extractArticle(html, { baseUrl: "https://n.example/x/y" });
    expect(a.method).toBe("readability");
    expect(a.html).toContain('<a href="https://n.example/more" rel="noopener noreferrer">more</a>');
    expect(a.html).not.toContain("onclick");
  });
});

describe("boilerplate lines", () => {
  it("recognises the usual one-liners and keeps real sentences", () => {
    for (const l of ["Advertisement", "Share this article", "Sign up for our free newsletter", "© 2026 Example Media", "32 Comments", "Read more: Oil slides"]) {
      expect(isBoilerplateLine(l), l).toBe(true);
    }
    for (const l of ["Shares of Example Corp rose 4% after it beat estimates.", "Comments from the CEO were upbeat, analysts said."]) {
      expect(isBoilerplateLine(l), l).toBe(false);
    }
  });
});

describe("stripSiteName", () => {
  it("drops the site part of a title and keeps hyphenated names", () => {
    expect(stripSiteName("Coca-Cola raises its dividend again | Food Wire")).toBe("Coca-Cola raises its dividend again");
    expect(stripSiteName("Markets — Oil slides as OPEC talks stall")).toBe("Oil slides as OPEC talks stall");
    expect(stripSiteName("Home | Site")).toBe("Home | Site");
  });
});

describe("unusual page structures", () => {
  it("extracts a page wrapped in one big <form> (ASP.NET style)", () => {
    const html = `<html><head><title>Harborline beats estimates | Wire</title></head><body><form id="aspnetForm" action="/page.aspx"><input type="hidden" name="__VIEWSTATE" value="x"><div id="content">${para("One.")}${para("Two.")}${para("Three.")}</div></form></body></html>`;
    const a = extractArticle(html);
    expect(a.title).toBe("Harborline beats estimates");
    expect(a.text.split("\n\n")).toHaveLength(3);
  });

  it("drops a newsletter form but keeps the article around it", () => {
    const html = `<article>${para("One.")}<form class="signup"><label>Email</label><input type="email"><button>Sign up now</button></form>${para("Two.")}${para("Three.")}</article>`;
    const { text } = htmlToText(html);
    expect(text).not.toMatch(/Sign up now/);
    expect(text.split("\n\n")).toHaveLength(3);
  });
});
