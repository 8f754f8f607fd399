/**
 * A simple, honest event study for the article page: for each linked ticker with daily prices, the
 * return from the last close before publication to the latest stored close, minus the market proxy's
 * return over the same days (market-adjusted abnormal return). No proxy prices: the raw return is shown
 * and labelled as such. No prices: nothing is claimed.
 */
import type { PriceBar, Store } from "../../store/store.ts";

/** Symbols tried, in order, as the market proxy (an index ETF, an index, or an imported equal-weighted series). */
export const MARKET_PROXIES = ["SPY", "^GSPC", "MARKET"];

export interface TickerStudy {
  symbol: string;
  /** Day of the last close before publication (the base). */
  baseDay: string;
  /** Day of the last close used. */
  endDay: string;
  tradingDays: number;
  rawReturn: number;
  marketReturn: number | null;
  /** rawReturn − marketReturn; null without a market proxy. */
  abnormalReturn: number | null;
  proxy: string | null;
}

function close(b: PriceBar): number {
  return Number.isFinite(b.adjClose) && b.adjClose > 0 ? b.adjClose : b.close;
}

/**
 * Return between the last bar strictly before `pubDay` and the last bar on or before `endDay`.
 *
 * @example
 * windowReturn(bars, "2017-03-01", "2017-03-08") // { baseDay, endDay, days, ret } | null
 */
export function windowReturn(bars: PriceBar[], pubDay: string, endDay?: string): { baseDay: string; endDay: string; days: number; ret: number } | null {
  const sorted = [...bars].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  let base: PriceBar | undefined;
  for (const b of sorted) if (b.day < pubDay) base = b;
  const after = sorted.filter((b) => b.day >= pubDay && (endDay === undefined || b.day <= endDay));
  const end = after[after.length - 1];
  if (!base || !end || close(base) <= 0) return null;
  return { baseDay: base.day, endDay: end.day, days: after.length, ret: close(end) / close(base) - 1 };
}

/**
 * Event study for the given symbols since `publishedAt` (at most 20 trading days after it).
 *
 * @example
 * const rows = await eventStudy(store, ["AMZN", "MSFT"], "2017-03-01T14:00:00Z");
 */
export async function eventStudy(store: Store, symbols: string[], publishedAt: string | null, maxDays = 20): Promise<TickerStudy[]> {
  if (!publishedAt || symbols.length === 0) return [];
  const pubDay = publishedAt.slice(0, 10);
  if (!/^\d{4}-\d\d-\d\d$/.test(pubDay)) return [];
  const from = shiftDay(pubDay, -10);
  const to = shiftDay(pubDay, Math.ceil(maxDays * 1.5) + 5);
  let proxy: { symbol: string; bars: PriceBar[] } | null = null;
  for (const p of MARKET_PROXIES) {
    const bars = await store.getPrices(p, from, to);
    if (bars.length > 1) {
      proxy = { symbol: p, bars };
      break;
    }
  }
  const out: TickerStudy[] = [];
  for (const symbol of symbols) {
    const bars = await store.getPrices(symbol, from, to);
    const limited = limitDays(bars, pubDay, maxDays);
    const w = windowReturn(limited, pubDay);
    if (!w) continue;
    const m = proxy ? windowReturn(proxy.bars, pubDay, w.endDay) : null;
    const marketReturn = m && m.baseDay === w.baseDay && m.endDay === w.endDay ? m.ret : null;
    out.push({
      symbol,
      baseDay: w.baseDay,
      endDay: w.endDay,
      tradingDays: w.days,
      rawReturn: w.ret,
      marketReturn,
      abnormalReturn: marketReturn === null ? null : w.ret - marketReturn,
      proxy: marketReturn === null ? null : (proxy?.symbol ?? null),
    });
  }
  return out;
}

function limitDays(bars: PriceBar[], pubDay: string, maxDays: number): PriceBar[] {
  const before = bars.filter((b) => b.day < pubDay);
  const after = bars.filter((b) => b.day >= pubDay).sort((a, b) => (a.day < b.day ? -1 : 1)).slice(0, maxDays);
  return [...before, ...after];
}

function shiftDay(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
