/**
 * HTML fragment → paragraphs of plain text. Block elements (p, headings, list items, table rows,
 * blockquotes, figure captions…) each become one paragraph; inline markup is flattened; `<br>` splits
 * a paragraph. Scripts, styles and other non-content elements are skipped.
 */
import { Parser } from "htmlparser2";

const BLOCK = new Set([
  "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "h1", "h2", "h3", "h4", "h5", "h6",
  "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "figure", "figcaption", "table", "thead", "tbody",
  "tfoot", "tr", "caption", "hr", "address", "details", "summary", "center", "form", "fieldset",
]);
const CELL = new Set(["td", "th"]);
const SKIP = new Set(["script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "head", "title", "select", "textarea", "button"]);

/**
 * Splits an HTML fragment into text paragraphs (whitespace collapsed, empty ones dropped).
 *
 * @example
 * htmlToParagraphs("<p>One <b>two</b></p><ul><li>three</li></ul>") // ["One two", "three"]
 */
export function htmlToParagraphs(html: string): string[] {
  const out: string[] = [];
  let current = "";
  let skipDepth = 0;
  const flush = (): void => {
    const line = current.replace(/\s+/g, " ").trim();
    if (line) out.push(line);
    current = "";
  };
  const parser = new Parser(
    {
      onopentag(name) {
        if (SKIP.has(name)) skipDepth++;
        else if (skipDepth === 0 && (BLOCK.has(name) || name === "br")) flush();
        else if (skipDepth === 0 && CELL.has(name)) current += " ";
      },
      onclosetag(name) {
        if (SKIP.has(name)) skipDepth = Math.max(0, skipDepth - 1);
        else if (skipDepth === 0 && BLOCK.has(name)) flush();
        else if (skipDepth === 0 && CELL.has(name)) current += " ";
      },
      ontext(text) {
        if (skipDepth === 0) current += text;
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  flush();
  return out;
}
