/** What the UI reads from the reference data: a company's name, exchange and sector; a topic's label. */
import type { Reference } from "../../reference/reference.ts";
import type { ArticleRecord } from "../../store/store.ts";
import type { CompanyInfo } from "./pages/ticker.ts";

type Loose = Record<string, unknown>;

function str(v: unknown): string | null {
  return typeof v === "string" && v.trim() !== "" ? v : null;
}

function lookup(ref: Reference, symbol: string): Loose | null {
  const master = ref.securities as unknown as Loose;
  const bySymbol = master.bySymbol;
  if (bySymbol instanceof Map) return (bySymbol.get(symbol) as Loose | undefined) ?? null;
  for (const fn of ["get", "bySymbolGet", "lookup", "getBySymbol"]) {
    const f = master[fn];
    if (typeof f === "function") {
      const r = (f as (s: string) => unknown).call(master, symbol);
      if (r && typeof r === "object") return r as Loose;
    }
  }
  return null;
}

/**
 * Company facts for a symbol: from the securities master, else from the articles that link it.
 *
 * @example
 * companyInfo(ctx.reference, "AMZN", items) // { symbol: "AMZN", name: "Amazon.com, Inc.", exchange: "Nasdaq", sector: "Consumer Discretionary" }
 */
export function companyInfo(ref: Reference, symbol: string, items: ArticleRecord[]): CompanyInfo {
  const sec = lookup(ref, symbol);
  const linked = items.flatMap((a) => a.enrichment?.tickers ?? []).find((t) => t.symbol === symbol);
  return {
    symbol,
    name: str(sec?.name) ?? str(linked?.name),
    exchange: str(sec?.exchange) ?? str(linked?.exchange),
    sector: str(sec?.sector) ?? str(sec?.gicsSector) ?? null,
  };
}

/**
 * A topic's id, label and definition from the taxonomy, else from the store's topic counts.
 *
 * @example
 * topicInfo(ctx.reference, "earnings", await store.listTopics())
 */
export function topicInfo(ref: Reference, id: string, counts: { id: string; label: string }[]): { id: string; label: string; definition: string | null } | null {
  const topics = (ref.taxonomy as unknown as { topics?: unknown }).topics;
  if (Array.isArray(topics)) {
    const t = (topics as Loose[]).find((x) => x.id === id);
    if (t && str(t.label)) return { id, label: String(t.label), definition: str(t.definition) };
  }
  const c = counts.find((x) => x.id === id);
  return c ? { id, label: c.label, definition: null } : null;
}

/**
 * Every topic a user can choose: the taxonomy's topics, else those the store has seen.
 *
 * @example
 * allTopics(ctx.reference, await store.listTopics()) // [{ id: "earnings-guidance", label: "Earnings & Guidance" }, …]
 */
export function allTopics(ref: Reference, counts: { id: string; label: string }[]): { id: string; label: string }[] {
  const topics = (ref.taxonomy as unknown as { topics?: unknown }).topics;
  const out = new Map<string, string>();
  if (Array.isArray(topics)) for (const t of topics as Loose[]) if (str(t.id) && str(t.label)) out.set(String(t.id), String(t.label));
  for (const c of counts) if (!out.has(c.id)) out.set(c.id, c.label);
  return [...out].map(([id, label]) => ({ id, label })).sort((a, b) => a.label.localeCompare(b.label));
}
