/**
 * A small, safe XML reader for feeds on htmlparser2 in xmlMode. It builds a plain element tree and never
 * processes a DTD: `<!DOCTYPE … [<!ENTITY …>]>` declarations are skipped, only the five XML entities and
 * numeric character references are decoded, and any other `&name;` stays literal text. So external
 * entities (SYSTEM "file:…" / "http:…") are never read or fetched and entity bombs never expand.
 *
 * Element names are canonicalised through their namespace: Atom → "atom:…", Dublin Core → "dc:…",
 * content → "content:…", RDF → "rdf:…", media RSS → "media:…", RSS 1.0/0.90 → no prefix; everything
 * lower-cased. Unknown namespaces keep the name as written.
 */
import { Parser } from "htmlparser2";
import { ImpactwireError, EXIT } from "../../core/errors.ts";

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  /** xml:base in effect for this element (absolute when it could be resolved), or null. */
  base: string | null;
}
export type XmlNode = XmlElement | string;

const KNOWN_NS: Record<string, string> = {
  "http://www.w3.org/2005/atom": "atom",
  "http://purl.org/atom/ns#": "atom",
  "http://purl.org/rss/1.0/": "",
  "http://my.netscape.com/rdf/simple/0.9/": "",
  "http://channel.netscape.com/rdf/simple/0.9/": "",
  "http://www.w3.org/1999/02/22-rdf-syntax-ns#": "rdf",
  "http://purl.org/dc/elements/1.1/": "dc",
  "http://purl.org/dc/terms/": "dcterms",
  "http://purl.org/rss/1.0/modules/content/": "content",
  "http://search.yahoo.com/mrss/": "media",
  "http://search.yahoo.com/mrss": "media",
  "http://www.w3.org/xml/1998/namespace": "xml",
};

function malformed(reason: string): ImpactwireError {
  return new ImpactwireError("feed", "FEED_MALFORMED", `malformed feed: ${reason}`, { exitCode: EXIT.input, status: 422 });
}

function canonical(qname: string, scopes: Map<string, string>[]): string {
  const colon = qname.indexOf(":");
  const prefix = colon >= 0 ? qname.slice(0, colon) : "";
  const local = colon >= 0 ? qname.slice(colon + 1) : qname;
  if (prefix === "xml") return `xml:${local}`.toLowerCase();
  let uri: string | undefined;
  for (let i = scopes.length - 1; i >= 0 && uri === undefined; i--) uri = scopes[i]!.get(prefix);
  if (!uri) return qname.toLowerCase();
  const known = KNOWN_NS[uri.toLowerCase()];
  if (known === undefined) return qname.toLowerCase();
  return (known ? `${known}:${local}` : local).toLowerCase();
}

function resolveBase(value: string, parent: string | null): string {
  try {
    return new URL(value, parent ?? undefined).href;
  } catch {
    return value;
  }
}

/**
 * Parses XML text into a root element. Throws FEED_MALFORMED when there is no root element, when the
 * root (or text after it) shows the document is cut short or is not XML.
 *
 * @example
 * const { root } = parseXml('<rss version="2.0"><channel><title>T</title></channel></rss>', "https://x.test/feed");
 * root.name // "rss"
 */
export function parseXml(text: string, baseUrl: string | null): { root: XmlElement; warnings: string[] } {
  const warnings: string[] = [];
  const doc: XmlElement = { name: "#document", attrs: {}, children: [], base: baseUrl };
  const stack: XmlElement[] = [doc];
  const scopes: Map<string, string>[] = [new Map()];
  let ending = false;
  const unclosed: string[] = [];
  let sawDtd = false;
  const parser = new Parser(
    {
      onopentag(qname, attrs) {
        const scope = new Map<string, string>();
        for (const [k, v] of Object.entries(attrs)) {
          if (k === "xmlns") scope.set("", v.trim());
          else if (k.startsWith("xmlns:")) scope.set(k.slice(6), v.trim());
        }
        scopes.push(scope);
        const parent = stack[stack.length - 1]!;
        const xmlBase = attrs["xml:base"];
        const el: XmlElement = {
          name: canonical(qname, scopes),
          attrs,
          children: [],
          base: xmlBase !== undefined ? resolveBase(xmlBase, parent.base) : parent.base,
        };
        parent.children.push(el);
        stack.push(el);
      },
      ontext(t) {
        const parent = stack[stack.length - 1]!;
        const last = parent.children[parent.children.length - 1];
        if (typeof last === "string") parent.children[parent.children.length - 1] = last + t;
        else parent.children.push(t);
      },
      onclosetag(_name, implied) {
        const el = stack.pop();
        scopes.pop();
        if (ending && implied && el) unclosed.push(el.name);
      },
      onprocessinginstruction(name) {
        if (/^!(doctype|entity)/i.test(name)) sawDtd = true;
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(text);
  ending = true;
  parser.end();
  if (sawDtd) warnings.push("DTD and entity declarations ignored (never expanded)");
  const roots = doc.children.filter((c): c is XmlElement => typeof c !== "string");
  const root = roots[0];
  if (!root) throw malformed(text.trim() ? "no XML element found (is it HTML or plain text?)" : "empty document");
  if (root.name === "html") throw malformed("this is an HTML page, not a feed");
  if (unclosed.includes(root.name)) throw malformed(`the document ends before </${root.name}> (truncated?)`);
  if (unclosed.length) warnings.push(`unclosed elements: ${unclosed.slice(0, 5).join(", ")}`);
  if (roots.length > 1) warnings.push(`content after the root element ignored (<${roots[1]!.name}>)`);
  return { root, warnings };
}

/**
 * Child elements named `name` (canonical name).
 *
 * @example
 * children(channel, "item").length
 */
export function children(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c): c is XmlElement => typeof c !== "string" && c.name === name);
}

/**
 * The first child element with one of the names, in order of preference.
 *
 * @example
 * child(item, "content:encoded", "description")
 */
export function child(el: XmlElement, ...names: string[]): XmlElement | undefined {
  for (const name of names) {
    const found = el.children.find((c): c is XmlElement => typeof c !== "string" && c.name === name);
    if (found) return found;
  }
  return undefined;
}

/**
 * All text inside an element (CDATA included), as written.
 *
 * @example
 * textOf(child(item, "title"))
 */
export function textOf(el: XmlElement | undefined): string {
  if (!el) return "";
  return el.children.map((c) => (typeof c === "string" ? c : textOf(c))).join("");
}

/**
 * Trimmed text of the first matching child, or null when absent/empty.
 *
 * @example
 * childText(item, "pubdate", "dc:date")
 */
export function childText(el: XmlElement, ...names: string[]): string | null {
  const t = textOf(child(el, ...names)).trim();
  return t ? t : null;
}

const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);
const escText = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const escAttr = (s: string) => escText(s).replace(/"/g, "&quot;");

/**
 * Serialises the children of an element back to markup (used for Atom type="xhtml" content).
 *
 * @example
 * innerXml(xhtmlDiv) // "<p>Text with <strong>markup</strong></p>"
 */
export function innerXml(el: XmlElement): string {
  return el.children
    .map((c) => {
      if (typeof c === "string") return escText(c);
      const local = c.name.includes(":") ? c.name.slice(c.name.indexOf(":") + 1) : c.name;
      const attrs = Object.entries(c.attrs)
        .filter(([k]) => k !== "xmlns" && !k.startsWith("xmlns:"))
        .map(([k, v]) => ` ${k}="${escAttr(v)}"`)
        .join("");
      if (VOID.has(local) && c.children.length === 0) return `<${local}${attrs}>`;
      return `<${local}${attrs}>${innerXml(c)}</${local}>`;
    })
    .join("");
}
