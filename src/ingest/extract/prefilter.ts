/**
 * A fast streaming pass (htmlparser2) before the DOM is built: elements that are never article text —
 * scripts (except JSON-LD metadata), styles, SVG, embeds, form controls, navigation, asides, footers, hidden
 * elements, comments — are dropped with their content. Real pages are mostly such markup; the DOM that
 * linkedom and Readability then work on is several times smaller. Everything else passes through as written.
 */
import { Parser } from "htmlparser2";

const DROP = new Set([
  "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas", "nav", "aside",
  "footer", "button", "select", "textarea", "dialog", "audio", "video", "map",
]);
const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"]);

function dropped(name: string, attribs: Record<string, string>): boolean {
  if (name === "script") return !/^application\/ld\+json$/i.test(attribs.type?.trim() ?? "");
  if (DROP.has(name)) return true;
  return "hidden" in attribs || attribs["aria-hidden"] === "true";
}

/**
 * Removes non-content elements from an HTML page, keeping the rest byte for byte.
 *
 * @example
 * prefilterHtml('<nav><a href="/">Home</a></nav><p class="x">Text</p><script>x()</script>')
 * // '<p class="x">Text</p>'
 */
export function prefilterHtml(html: string): string {
  const out: string[] = [];
  let depth = 0; // > 0 while inside a dropped element: its open descendants (it included)
  const parser = new Parser(
    {
      onprocessinginstruction(name, data) {
        if (depth === 0 && name.toLowerCase() === "!doctype") out.push(`<${data}>`);
      },
      onopentag(name, attribs) {
        const isVoid = VOID.has(name);
        if (depth > 0) {
          if (!isVoid) depth++;
          return;
        }
        if (dropped(name, attribs)) {
          if (!isVoid) depth = 1;
          return;
        }
        let tag = `<${name}`;
        for (const [k, v] of Object.entries(attribs)) tag += v === "" ? ` ${k}` : ` ${k}="${v.replace(/"/g, "&quot;")}"`;
        out.push(`${tag}>`);
      },
      onclosetag(name) {
        if (VOID.has(name)) return;
        if (depth > 0) depth--;
        else out.push(`</${name}>`);
      },
      ontext(text) {
        if (depth === 0) out.push(text);
      },
    },
    { decodeEntities: false, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: false },
  );
  parser.write(html);
  parser.end();
  return out.join("");
}
