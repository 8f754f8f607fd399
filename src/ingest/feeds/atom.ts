/**
 * Atom 1.0 (and the older 0.3): `<feed><entry>`, with typed text constructs (text, html, xhtml) and xml:base.
 */
import type { ParsedFeed, RawItem } from "./types.ts";
import { child, childText, children, innerXml, textOf, type XmlElement } from "./xml.ts";
import { absolutise, absolutiseHtml, collapse, htmlToPlain, orNull } from "./text.ts";
import { parseFeedDate } from "./dates.ts";

type Partial = Omit<ParsedFeed, "items" | "warnings"> & { items: RawItem[] };

/** Atom elements are "atom:x" when namespaced; a feed without xmlns gives plain "x". */
function namer(root: XmlElement): (local: string) => string {
  return root.name === "atom:feed" ? (l) => `atom:${l}` : (l) => l;
}

function typeOf(el: XmlElement): string {
  return (el.attrs.type ?? "text").toLowerCase();
}

/** A text construct as HTML (for summaries/content): text is escaped, html kept, xhtml serialised. */
function constructHtml(el: XmlElement | undefined): string | null {
  return el ? absolutiseHtml(constructRaw(el), el.base) : null;
}

function constructRaw(el: XmlElement): string | null {
  const type = typeOf(el);
  if (type === "xhtml" || type === "application/xhtml+xml") {
    const div = el.children.find((c): c is XmlElement => typeof c !== "string" && /(^|:)div$/.test(c.name));
    return orNull(innerXml(div ?? el));
  }
  if (el.attrs.src) return null; // out-of-line content
  const text = textOf(el);
  if (type === "html" || type === "text/html") return orNull(text);
  return orNull(text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"));
}

/** A text construct as plain text (for titles). */
function constructText(el: XmlElement | undefined): string {
  if (!el) return "";
  const type = typeOf(el);
  if (type === "text" || type === "text/plain") return collapse(textOf(el));
  return htmlToPlain(type === "xhtml" ? innerXml(el) : textOf(el));
}

function alternate(el: XmlElement, a: (l: string) => string): string | null {
  const links = children(el, a("link"));
  const alt = links.find((l) => (l.attrs.rel ?? "alternate") === "alternate" && (!l.attrs.type || /html/i.test(l.attrs.type))) ?? links.find((l) => (l.attrs.rel ?? "alternate") === "alternate");
  return alt ? absolutise(alt.attrs.href, alt.base) : null;
}

function authorOf(el: XmlElement, a: (l: string) => string, fallback: string | null): string | null {
  const names = children(el, a("author")).map((au) => htmlToPlain(childText(au, a("name")) ?? textOf(au))).filter(Boolean);
  return names.length ? names.join(", ") : fallback;
}

function entry(el: XmlElement, a: (l: string) => string, feedAuthor: string | null, warnings: string[]): RawItem {
  const rawDate = childText(el, a("published"), a("issued"), a("created"), a("updated"), a("modified"), "dc:date");
  const publishedAt = parseFeedDate(rawDate);
  if (rawDate && !publishedAt) warnings.push(`unreadable date "${rawDate.slice(0, 60)}"`);
  const cats = [
    ...children(el, a("category")).map((c) => collapse(c.attrs.label ?? c.attrs.term ?? textOf(c))),
    ...children(el, "dc:subject").map((c) => collapse(textOf(c))),
  ];
  return {
    guid: childText(el, a("id")),
    url: alternate(el, a),
    title: constructText(child(el, a("title"))),
    publishedAt,
    author: authorOf(el, a, feedAuthor),
    summaryHtml: constructHtml(child(el, a("summary"))),
    contentHtml: constructHtml(child(el, a("content"))),
    categories: [...new Set(cats.filter(Boolean))],
  };
}

/**
 * Reads an Atom `<feed>` document.
 *
 * @example
 * const feed = readAtom(parseXml(xml, url).root, warnings);
 */
export function readAtom(root: XmlElement, warnings: string[]): Partial {
  const a = namer(root);
  const ns = root.attrs.xmlns ?? "";
  const feedAuthor = authorOf(root, a, null);
  return {
    kind: "atom",
    version: ns.includes("2005/Atom") ? "1.0" : ns.includes("purl.org/atom") ? "0.3" : null,
    title: orNull(constructText(child(root, a("title")))),
    siteUrl: alternate(root, a),
    items: children(root, a("entry")).map((e) => entry(e, a, feedAuthor, warnings)),
  };
}
