/**
 * The user message of the enrich prompt: the article (cut to a token budget) and the heuristic findings
 * (linked tickers with roles, private entities, events with figures, impact drivers, topics, the figures
 * the article contains) that the model must stay within.
 */
import type { Enrichment } from "../../contract/enrichment.ts";
import { findFigures } from "../../enrich/figures/figures.ts";

/** Rough size of a token in English text, in characters (for the article budget). */
export const CHARS_PER_TOKEN = 4;
const MAX_FIGURES = 40;

/**
 * Cuts `text` to about `maxTokens` tokens, at the last paragraph or sentence end before the limit.
 *
 * @example
 * truncateToTokens("One. Two. Three.", 2) // { text: "One.", truncated: true }
 */
export function truncateToTokens(text: string, maxTokens: number): { text: string; truncated: boolean } {
  const limit = Math.max(0, Math.floor(maxTokens * CHARS_PER_TOKEN));
  if (text.length <= limit) return { text, truncated: false };
  const head = text.slice(0, limit);
  const para = head.lastIndexOf("\n\n");
  const sentence = Math.max(head.lastIndexOf(". "), head.lastIndexOf(".\n"), head.lastIndexOf("? "), head.lastIndexOf("! "));
  const cut = para > limit * 0.6 ? para : sentence > limit * 0.3 ? sentence + 1 : head.lastIndexOf(" ") > 0 ? head.lastIndexOf(" ") : limit;
  return { text: head.slice(0, cut).trimEnd(), truncated: true };
}

function signed(n: number): string {
  return `${n >= 0 ? "+" : ""}${n.toFixed(2)}`;
}

function tickerLines(e: Enrichment): string[] {
  if (e.tickers.length === 0) return ["- (none: winners and losers must stay empty)"];
  return e.tickers.map((t) => `- ${t.symbol} (${t.name}${t.exchange ? `, ${t.exchange}` : ""}): role ${t.role}, relevance ${t.relevance.toFixed(2)}, sentiment ${signed(t.sentiment)}`);
}

function eventLines(e: Enrichment): string[] {
  if (e.events.length === 0) return ["- (none detected)"];
  return e.events.slice(0, 12).map((ev) => {
    const parts = [`${ev.type}${ev.subtype ? `/${ev.subtype}` : ""}`, `actor ${ev.actor ?? "?"}`, `target ${ev.target ?? "?"}`];
    if (ev.amount) parts.push(`amount ${ev.amount.text}`);
    if (ev.figures.length) parts.push(`figures ${ev.figures.map((f) => `${f.name}=${f.text}`).join(", ")}`);
    if (ev.from || ev.to) parts.push(`from ${ev.from ?? "?"} to ${ev.to ?? "?"}`);
    parts.push(`polarity ${ev.polarity}`);
    return `- ${parts.join("; ")}`;
  });
}

/**
 * The figures written in the article (money, percentages, counts…), each once, as the article writes them.
 *
 * @example
 * articleFigures("a $38 billion deal and a $38 billion loan, up 4%") // ["$38 billion", "4%"]
 */
export function articleFigures(text: string): string[] {
  const seen = new Set<string>();
  for (const f of findFigures(text)) {
    if (f.kind === "number" && Math.abs(f.value) < 1000) continue;
    if (seen.size >= MAX_FIGURES) break;
    seen.add(f.text);
  }
  return [...seen];
}

/**
 * Builds the user message for one article.
 *
 * @example
 * const { user, truncated } = buildUserMessage(doc.text, heuristic, 6000);
 */
export function buildUserMessage(docText: string, e: Enrichment, maxArticleTokens: number): { user: string; truncated: boolean } {
  const art = truncateToTokens(docText, maxArticleTokens);
  const privates = e.entities.filter((x) => x.type === "private_company" || x.type === "regulator" || x.type === "government");
  const figures = articleFigures(docText);
  const lines = [
    `Title: ${e.article.title || "(none)"}`,
    `Source: ${e.article.source ?? "unknown"} · Published: ${e.article.publishedAt ?? "unknown"}`,
    "<article>",
    art.text.replace(/<\/?article>/gi, (m) => m.replace("<", "< ")) + (art.truncated ? "\n[… article cut here to fit the budget …]" : ""),
    "</article>",
    "",
    "Heuristic findings (impactwire's deterministic engine):",
    "Linked tickers (the only symbols allowed in winners and losers):",
    ...tickerLines(e),
    `Other entities: ${privates.map((x) => `${x.name} (${x.type}${x.proxies?.length ? `, listed proxies ${x.proxies.join(", ")}` : ""})`).join("; ") || "none"}`,
    "Events:",
    ...eventLines(e),
    `Impact: score ${e.impact.score.toFixed(2)}, direction ${e.impact.direction}, horizon ${e.impact.horizon}; drivers: ${e.impact.drivers.map((d) => `${d.factor} ${signed(d.contribution)} (${d.detail})`).join("; ")}`,
    `Topics: ${e.topics.map((t) => t.label).join(", ") || "none"}`,
    `Article sentiment: ${e.sentiment.label} (${signed(e.sentiment.score)})`,
    `Figures in the article (the only figures you may write): ${figures.join(", ") || "none"}`,
  ];
  return { user: lines.join("\n"), truncated: art.truncated };
}
