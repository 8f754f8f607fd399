/**
 * Boilerplate removal: elements that are never article text (navigation, comments, share bars, ads,
 * newsletters) are removed from the DOM before extraction, and the extracted paragraphs are filtered
 * for the one-liners that survive (\"Advertisement\", \"Share this article\", \"© 2026 …\").
 */

/** Elements removed with their content before any extraction. */
export const NON_CONTENT_SELECTOR = [
  "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "input", "button", "select",
  "textarea", "nav", "aside", "footer", "dialog", "figcaption", "[hidden]", "[aria-hidden='true']",
  "[role='navigation']", "[role='banner']", "[role='contentinfo']", "[role='complementary']", "[role='dialog']",
].join(",");

/** class/id tokens of boilerplate containers (matched as whole words or hyphen/underscore parts). */
const BOILERPLATE_TOKEN =
  /(?:^|[\s_-])(?:comments?|comment-list|disqus|share|sharing|social|newsletter|promo|advert|advertisement|ads?|adslot|ad-slot|sponsored|sponsor|cookie|cookies|consent|subscribe|subscription|paywall|related|recommended|recirc|most-popular|trending|sidebar|breadcrumbs?|popup|modal|outbrain|taboola|byline-share|author-box|author-bio|about-author|more-briefs)(?:$|[\s_-])/i;

/** Elements that hold the article itself and are never removed by the class/id heuristic. */
const KEEP = new Set(["HTML", "BODY", "MAIN", "ARTICLE"]);

interface ElementLike {
  tagName: string;
  getAttribute(name: string): string | null;
  remove(): void;
  textContent: string | null;
}

interface DocumentLike {
  querySelectorAll(selector: string): Iterable<unknown>;
  body?: { textContent: string | null } | null;
}

/**
 * Removes non-content elements from a parsed document, in place.
 *
 * @example
 * const { document } = parseHTML(html);
 * removeBoilerplate(document);
 */
export function removeBoilerplate(document: DocumentLike): void {
  for (const el of Array.from(document.querySelectorAll(NON_CONTENT_SELECTOR)) as ElementLike[]) el.remove();
  const total = document.body?.textContent?.length ?? 0;
  for (const el of Array.from(document.querySelectorAll("[class],[id]")) as ElementLike[]) {
    if (KEEP.has(el.tagName.toUpperCase())) continue;
    const names = `${el.getAttribute("class") ?? ""} ${el.getAttribute("id") ?? ""}`;
    if (!BOILERPLATE_TOKEN.test(names)) continue;
    // A wrapper named "has-comments" that holds most of the page is the page, not a widget.
    if ((el.textContent?.length ?? 0) > total * 0.5) continue;
    el.remove();
  }
}

const LINE_PATTERNS: RegExp[] = [
  /^(?:advertisement|advertisment|sponsored(?: content)?|ad|story continues below(?: advertisement)?|continue reading(?: below)?)\.?$/i,
  /^(?:(?:share|tweet|email|print|copy link|facebook|twitter|linkedin|whatsapp|reddit)\b[\s|·•/]*)+$/i,
  /^share (?:this|the) (?:article|story|page)\b.{0,40}$/i,
  /^(?:sign up|subscribe|register)\b.{0,140}\b(?:newsletter|briefing|updates|inbox|free)\b.{0,60}$/i,
  /^(?:read more|related(?: articles?| stories| coverage)?|recommended(?: for you)?|more from|most popular|most read|trending(?: now)?|also read|see also|you may also like|don't miss)\b.{0,140}$/i,
  /^(?:©|\(c\)|copyright\b)\s*(?:\d{4})?.{0,160}$/i,
  /^(?:\d+\s+)?comments?(?:\s*\(\d+\))?$/i,
  /^(?:leave a comment|join the conversation|log in to comment|show comments|view comments)\b.{0,60}$/i,
  /\b(?:we use cookies|cookie policy|accept (?:all )?cookies)\b/i,
  /^(?:skip to (?:main )?content|back to top|jump to)\b.{0,40}$/i,
];

/**
 * Whether a whole extracted paragraph is boilerplate.
 *
 * @example
 * isBoilerplateLine("Advertisement") // true
 * isBoilerplateLine("Apple shares rose 3%.") // false
 */
export function isBoilerplateLine(line: string): boolean {
  if (line.length > 300) return false;
  return LINE_PATTERNS.some((re) => re.test(line));
}
