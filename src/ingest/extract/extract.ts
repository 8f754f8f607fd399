/**
 * HTML page → main article text. @mozilla/readability runs over a linkedom document after boilerplate
 * removal; when it finds nothing worth keeping, the fallback takes the most text-dense block (the parent
 * with the most paragraph text), then all <p>, then the whole body. Paragraph breaks are kept as blank
 * lines; the title comes from og:title, then <title> (without the site name), then <h1>.
 */
import { parseHTML } from "linkedom";
import { Readability } from "@mozilla/readability";
import { htmlToParagraphs } from "./blocks.ts";
import { isBoilerplateLine, removeBoilerplate } from "./boilerplate.ts";
import { readMeta, type PageMeta } from "./meta.ts";
import { prefilterHtml } from "./prefilter.ts";
import { sanitizeHtml } from "../sanitize/sanitize.ts";

export interface Extracted {
  title: string;
  /** Main text: paragraphs separated by blank lines. */
  text: string;
}

export interface ExtractedArticle extends Extracted, PageMeta {
  /** Sanitised HTML of the main content (links absolutised when a base URL was given). */
  html: string;
  /** Which path found the text. */
  method: "readability" | "fallback";
}

/** Below this many characters of text, Readability's answer is not trusted and the fallback runs. */
const MIN_READABLE_CHARS = 200;

type LinkedomDocument = ReturnType<typeof parseHTML>["document"];
interface El {
  textContent: string | null;
  innerHTML: string;
  parentElement: El | null;
}

/**
 * The page as a DOM, after the streaming prefilter has dropped scripts, navigation and other non-content
 * markup. linkedom builds no <body> for a fragment: anything without one is wrapped in a full document.
 *
 * @example
 * parse("<p>Hi</p>").body.innerHTML // "<p>Hi</p>"
 */
function parse(raw: string, prefilter = true): LinkedomDocument {
  const html = prefilter ? prefilterHtml(raw) : raw;
  if (/<body[\s>]/i.test(html)) return parseHTML(html).document;
  const lang = /<html[^>]*\slang=["']?([\w-]+)/i.exec(html)?.[1];
  const inner = html.replace(/<!doctype[^>]*>|<\/?html[^>]*>/gi, "");
  return parseHTML(`<!doctype html><html${lang ? ` lang="${lang}"` : ""}><head></head><body>${inner}</body></html>`).document;
}

function paragraphsOf(html: string, title: string): string[] {
  const paragraphs = htmlToParagraphs(html).filter((p) => !isBoilerplateLine(p));
  // Readability often repeats the headline as the first block: the title is carried separately.
  if (paragraphs.length > 1 && title && paragraphs[0] === title) paragraphs.shift();
  return paragraphs;
}

function withReadability(document: LinkedomDocument): string | null {
  try {
    const article = new Readability(document as unknown as Document, { charThreshold: 250, keepClasses: false }).parse();
    return article?.content ?? null;
  } catch {
    return null; // Readability is a heuristic over arbitrary markup: any failure means "use the fallback"
  }
}

/**
 * Fallback: the element whose <p> children hold the most text, else all <p>, else the whole body.
 *
 * @example
 * fallbackContent(parseHTML("<div><p>…</p><p>…</p></div>").document)
 */
export function fallbackContent(document: LinkedomDocument): string {
  const ps = Array.from(document.querySelectorAll("p")) as unknown as El[];
  const byParent = new Map<El, number>();
  for (const p of ps) {
    const len = (p.textContent ?? "").trim().length;
    if (p.parentElement && len >= 40) byParent.set(p.parentElement, (byParent.get(p.parentElement) ?? 0) + len);
  }
  let best: El | null = null;
  let bestScore = 0;
  for (const [parent, score] of byParent) if (score > bestScore) [best, bestScore] = [parent, score];
  if (best && bestScore >= MIN_READABLE_CHARS) return best.innerHTML;
  const all = ps.map((p) => `<p>${p.innerHTML}</p>`).join("");
  if (htmlToParagraphs(all).join(" ").length >= 80) return all;
  return (document.body as unknown as El | null)?.innerHTML ?? "";
}

/**
 * Extracts the main article of an HTML page with its metadata and sanitised content HTML
 * (`withHtml: false` skips the sanitised HTML when only the text is needed).
 *
 * @example
 * const a = extractArticle(html, { baseUrl: "https://news.example.com/a/1" });
 * a.title; a.text.split("\n\n").length; a.publishedAt; a.method
 */
export function extractArticle(html: string, options: { baseUrl?: string; withHtml?: boolean } = {}): ExtractedArticle {
  const document = parse(html);
  const meta = readMeta(document as unknown as Parameters<typeof readMeta>[0]);
  removeBoilerplate(document as unknown as Parameters<typeof removeBoilerplate>[0]);
  let method: ExtractedArticle["method"] = "readability";
  let content = withReadability(document);
  let paragraphs = content === null ? [] : paragraphsOf(content, meta.title);
  if (paragraphs.join(" ").length < MIN_READABLE_CHARS) {
    // Readability mutates the document it reads: the fallback starts again from the original markup
    // (without the prefilter, in case it dropped the article of an unusual page).
    const fresh = parse(html, false);
    removeBoilerplate(fresh as unknown as Parameters<typeof removeBoilerplate>[0]);
    const fallback = fallbackContent(fresh);
    const fallbackParagraphs = paragraphsOf(fallback, meta.title);
    if (fallbackParagraphs.join(" ").length > paragraphs.join(" ").length) {
      [content, paragraphs, method] = [fallback, fallbackParagraphs, "fallback"];
    }
  }
  // Without any title markup, a short first line that is not a sentence is the headline.
  const headline = paragraphs.length > 1 && paragraphs[0]!.length < 150 && !/[.!?"”]$/.test(paragraphs[0]!);
  const title = meta.title || (headline ? paragraphs.shift()! : "");
  return { ...meta, title, text: paragraphs.join("\n\n"), html: options.withHtml === false ? "" : sanitizeHtml(content ?? "", options.baseUrl), method };
}

/**
 * HTML → `{ title, text }` (called by `enrich()` for html inputs).
 *
 * @example
 * htmlToText("<title>Fed holds | Wire</title><article><p>The Federal Reserve held…</p></article>")
 */
export function htmlToText(html: string): Extracted {
  const { title, text } = extractArticle(html, { withHtml: false });
  return { title, text };
}
