/**
 * RSS 0.9x / 2.0 (`<rss><channel><item>`) and RDF / RSS 1.0 / RSS 0.90 (`<rdf:RDF><channel/><item>`).
 */
import type { ParsedFeed, RawItem } from "./types.ts";
import { child, childText, children, textOf, type XmlElement } from "./xml.ts";
import { absolutise, absolutiseHtml, htmlToPlain, orNull } from "./text.ts";
import { parseFeedDate } from "./dates.ts";

type Partial = Omit<ParsedFeed, "items" | "warnings"> & { items: RawItem[] };

function categoriesOf(item: XmlElement): string[] {
  const names = [...children(item, "category"), ...children(item, "dc:subject")].map((c) => htmlToPlain(textOf(c)));
  return [...new Set(names.filter(Boolean))];
}

function authorOf(item: XmlElement): string | null {
  const raw = childText(item, "dc:creator", "author");
  if (raw) {
    // RSS 2.0 author is "email (Name)": keep the name when given.
    const named = /^\S+@\S+\s*\(([^)]+)\)$/.exec(raw);
    return orNull(htmlToPlain(named ? named[1]! : raw));
  }
  const atomAuthor = child(item, "atom:author");
  return atomAuthor ? orNull(htmlToPlain(childText(atomAuthor, "atom:name") ?? textOf(atomAuthor))) : null;
}

/** The first usable link: <link>, else an alternate <atom:link>. */
function linkOf(item: XmlElement): string | null {
  const candidates = [childText(item, "link"), ...children(item, "atom:link").filter((l) => !l.attrs.rel || l.attrs.rel === "alternate").map((l) => l.attrs.href)];
  for (const c of candidates) {
    const url = absolutise(c, item.base);
    if (url) return url;
  }
  return null;
}

function rssItem(item: XmlElement, warnings: string[], rdf: boolean): RawItem {
  const base = item.base;
  const guidEl = child(item, "guid");
  const guidText = orNull(textOf(guidEl));
  const isPermaLink = guidEl?.attrs.ispermalink ?? guidEl?.attrs.isPermaLink;
  let url = linkOf(item);
  if (!url && guidText && isPermaLink !== "false") url = absolutise(guidText, base);
  const rawDate = childText(item, "pubdate", "dc:date", "dcterms:issued", "dcterms:created", "dcterms:modified", "atom:updated");
  const publishedAt = parseFeedDate(rawDate);
  if (rawDate && !publishedAt) warnings.push(`unreadable date "${rawDate.slice(0, 60)}"`);
  const description = childText(item, "description");
  return {
    guid: rdf ? orNull(item.attrs["rdf:about"]) ?? guidText : guidText,
    url,
    title: htmlToPlain(textOf(child(item, "title"))),
    publishedAt,
    author: authorOf(item),
    summaryHtml: absolutiseHtml(description, base),
    contentHtml: absolutiseHtml(childText(item, "content:encoded"), base),
    categories: categoriesOf(item),
  };
}

/**
 * Reads an `<rss>` document (0.91, 0.92, 2.0, and the common mistakes: items outside `<channel>`).
 *
 * @example
 * const feed = readRss(parseXml(xml, url).root, warnings);
 */
export function readRss(root: XmlElement, warnings: string[]): Partial {
  const channel = child(root, "channel") ?? root;
  const itemEls = [...children(channel, "item"), ...(channel === root ? [] : children(root, "item"))];
  return {
    kind: "rss",
    version: orNull(root.attrs.version),
    title: orNull(htmlToPlain(textOf(child(channel, "title")))),
    siteUrl: absolutise(childText(channel, "link"), channel.base),
    items: itemEls.map((i) => rssItem(i, warnings, false)),
  };
}

/**
 * Reads an `<rdf:RDF>` document (RSS 1.0 and RSS 0.90): items are siblings of `<channel>`.
 *
 * @example
 * const feed = readRdf(parseXml(xml, url).root, warnings);
 */
export function readRdf(root: XmlElement, warnings: string[]): Partial {
  const channel = child(root, "channel");
  const itemEls = [...children(root, "item"), ...(channel ? children(channel, "item") : [])];
  const ns = Object.entries(root.attrs).find(([k]) => k === "xmlns")?.[1] ?? "";
  return {
    kind: "rdf",
    version: ns.includes("rss/1.0") ? "1.0" : ns.includes("0.9") ? "0.90" : null,
    title: channel ? orNull(htmlToPlain(textOf(child(channel, "title")))) : null,
    siteUrl: channel ? absolutise(childText(channel, "link"), channel.base) : null,
    items: itemEls.map((i) => rssItem(i, warnings, true)),
  };
}
