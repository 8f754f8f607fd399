/**
 * Interim plain-text report of an enrichment, laid out like the seed page (impact, title, tickers,
 * topics, summary, analysis), used by `analyze --format text` until src/enrich/report lands.
 */
import type { Enrichment } from "../../contract/enrichment.ts";

const WIDTH = 100;

function wrap(text: string, indent = ""): string {
  const out: string[] = [];
  for (const para of text.split(/\n+/)) {
    let line = indent;
    for (const word of para.split(/\s+/).filter(Boolean)) {
      if (line.length > indent.length && line.length + 1 + word.length > WIDTH) {
        out.push(line);
        line = indent;
      }
      line += (line.length > indent.length ? " " : "") + word;
    }
    if (line.length > indent.length) out.push(line);
  }
  return out.join("\n");
}

const signed = (n: number): string => `${n >= 0 ? "+" : "−"}${Math.abs(n).toFixed(2)}`;

/**
 * Renders the report.
 *
 * @example
 * process.stdout.write(renderInterimReport(enrichment));
 */
export function renderInterimReport(e: Enrichment): string {
  const a = e.analysis;
  const parts: string[] = [
    `Market Impact: ${e.impact.score.toFixed(2)} (${e.impact.direction}, ${e.impact.horizon})`,
    "",
    wrap(e.article.title || "(untitled)"),
    "",
    e.tickers.length ? e.tickers.map((t) => t.symbol).join("  ") : "(no tickers linked)",
    e.topics.map((t) => t.label).join(" · ") || "(no topics)",
    "",
    wrap(e.summary),
    "",
    "Analysis",
    "",
    wrap(a.takeaway),
    ...a.sections.flatMap((s) => ["", s.heading, wrap(s.text)]),
  ];
  if (a.winners.length || a.losers.length) parts.push("", `Winners: ${a.winners.join(", ") || "—"}   Losers: ${a.losers.join(", ") || "—"}`);
  if (a.risks.length) parts.push("", "Risks", ...a.risks.map((r) => wrap(`- ${r}`, "  ").replace(/^ {2}/, "")));
  if (a.contrarian) parts.push("", "Contrarian view", wrap(a.contrarian));
  if (a.outlook) parts.push("", "Outlook", wrap(a.outlook));
  parts.push("", "Why these tickers");
  for (const t of e.tickers) parts.push(wrap(`${t.symbol} — ${t.name} (${t.role}, relevance ${t.relevance.toFixed(2)}, sentiment ${signed(t.sentiment)}): ${t.reason}`, "  "));
  if (!e.tickers.length) parts.push("  none");
  parts.push("", `Impact drivers (add up to ${e.impact.score.toFixed(2)})`);
  for (const d of e.impact.drivers) parts.push(wrap(`${signed(d.contribution)}  ${d.factor}: ${d.detail}`, "  "));
  parts.push("", `Sentiment: ${e.sentiment.label} (${signed(e.sentiment.score)})   Words: ${e.article.wordCount}   Engine: ${e.engine.name} ${e.engine.version} / ${a.generator}`);
  return `${parts.join("\n")}\n`;
}
