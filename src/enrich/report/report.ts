/**
 * The `--format text` report: one enrichment laid out like the seed page — market impact with its
 * drivers, tickers (role, relevance, sentiment, the words that linked each and why), categories, title,
 * summary, the analysis with its sections, then events, entities and sentiment.
 */
import type { Enrichment, EnrichEvent, Entity, TickerLink } from "../../contract/enrichment.ts";

const WIDTH = 100;

/**
 * Wraps text to `width` columns with an indent on every line.
 *
 * @example
 * wrap("a b c", 3, "  ") // "  a\n  b\n  c"
 */
export function wrap(text: string, width = WIDTH, indent = ""): string {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(indent + line);
  return lines.join("\n");
}

const signed = (x: number, digits = 2): string => `${x >= 0 ? "+" : "−"}${Math.abs(x).toFixed(digits)}`;

function impactBlock(e: Enrichment): string[] {
  const i = e.impact;
  const out = [`Market Impact: ${i.score.toFixed(2)}  (${i.direction}, horizon ${i.horizon}${i.calibration ? `, calibration ${i.calibration}` : ", uncalibrated prior"})`];
  const w = Math.max(...i.drivers.map((d) => d.factor.length));
  for (const d of i.drivers) {
    const head = `  ${d.factor.padEnd(w)}  ${signed(d.contribution, 3)}  `;
    out.push(head + wrap(d.detail, WIDTH, " ".repeat(head.length)).slice(head.length));
  }
  return out;
}

/** `"Amazon" ×4, "AWS" ×3` */
function linkedBy(t: TickerLink): string {
  const counts = new Map<string, number>();
  for (const m of t.mentions) counts.set(m.text, (counts.get(m.text) ?? 0) + 1);
  return [...counts].map(([w, n]) => `"${w}"${n > 1 ? ` ×${n}` : ""}`).join(", ");
}

function tickerBlock(e: Enrichment): string[] {
  if (e.tickers.length === 0) return ["Tickers: none linked"];
  const out = ["Tickers"];
  for (const t of e.tickers) {
    const where = t.exchange ? ` · ${t.exchange}` : "";
    out.push(`  ${t.symbol.padEnd(6)} ${t.name}${where}`);
    out.push(`         role ${t.role} · relevance ${t.relevance.toFixed(2)} · sentiment ${signed(t.sentiment)}`);
    if (t.mentions.length) out.push(wrap(`linked by ${linkedBy(t)}`, WIDTH, "         "));
    out.push(wrap(`why: ${t.reason}`, WIDTH, "         "));
  }
  return out;
}

function eventLine(ev: EnrichEvent): string[] {
  const who = [ev.actor, ev.target].filter(Boolean).join(" → ");
  const kind = ev.subtype ? `${ev.type}/${ev.subtype}` : ev.type;
  const figures = ev.figures.filter((f) => f.text !== ev.amount?.text).map((f) => `${f.name} ${f.text}`);
  const parts = [kind, who, ev.amount?.text, ...figures, `${ev.polarity}, confidence ${ev.confidence.toFixed(2)}`].filter(Boolean);
  return [wrap(parts.join(" · "), WIDTH, "  "), wrap(`“${ev.evidence.text}”`, WIDTH, "      ")];
}

function entityLine(en: Entity): string {
  const proxies = en.proxies?.length ? `; listed proxies ${en.proxies.join(", ")}` : "";
  return `  ${en.name} (${en.type.replace(/_/g, " ")}${proxies}; ${en.mentions.length} mention${en.mentions.length === 1 ? "" : "s"})`;
}

function analysisBlock(e: Enrichment): string[] {
  const a = e.analysis;
  const out = ["Analysis", "", wrap(a.takeaway)];
  for (const s of a.sections) out.push("", s.heading, wrap(s.text, WIDTH, "  "));
  out.push("");
  out.push(`Winners: ${a.winners.join(", ") || "none"}    Losers: ${a.losers.join(", ") || "none"}`);
  if (a.risks.length) out.push("Risks:", ...a.risks.map((r) => `  - ${wrap(r, WIDTH, "    ").slice(4)}`));
  if (a.contrarian) out.push("", wrap(`Contrarian view: ${a.contrarian}`));
  if (a.outlook) out.push("", wrap(`Outlook: ${a.outlook}`));
  return out;
}

/**
 * Renders an enrichment as the readable report of `impactwire analyze --format text`.
 *
 * @example
 * console.log(renderTextReport(enrich({ title: "…", text: "…" }, loadReference())));
 * // Market Impact: 0.44  (mixed, horizon 1w, uncalibrated prior)
 * //   event severity  +0.374  strategic investment …
 */
export function renderTextReport(e: Enrichment): string {
  const out: string[] = [...impactBlock(e), "", ...tickerBlock(e), ""];
  out.push(wrap(`Categories: ${e.topics.map((t) => t.label).join(" · ") || "none"}`), "");
  out.push(wrap(e.article.title || "(untitled)"), "");
  if (e.summary) out.push(wrap(e.summary), "");
  out.push(...analysisBlock(e), "");
  out.push(e.events.length ? "Events" : "Events: none found");
  for (const ev of e.events) out.push(...eventLine(ev));
  out.push("", e.entities.length ? "Entities" : "Entities: none found");
  for (const en of e.entities) out.push(entityLine(en));
  const s = e.sentiment;
  out.push("", `Sentiment: ${signed(s.score)} ${s.label} (coverage ${Math.round(s.coverage * 100)}%)`);
  out.push(`${e.engine.name} ${e.engine.version} · ${e.analysis.generator} · ${e.article.wordCount} words · id ${e.id}`);
  return `${out.join("\n")}\n`;
}
