/**
 * Ticker and topic endpoints: the tickers in the news with recent impact and sentiment series, and topics.
 */
import type { ServeContext } from "../context.ts";
import { httpError } from "../problem.ts";
import type { ApiRoutes } from "./route.ts";
import {
  SymbolParamsSchema,
  TickerDetailQuerySchema,
  TickerDetailSchema,
  TickerListQuerySchema,
  TickerListSchema,
  TopicListSchema,
} from "./schemas.ts";

const DAY_MS = 86_400_000;

/**
 * Registers `/api/v1/tickers`, `/api/v1/tickers/:symbol` and `/api/v1/topics`.
 *
 * @example
 * registerCatalogRoutes(routes, ctx);
 */
export function registerCatalogRoutes(routes: ApiRoutes, ctx: ServeContext): void {
  const { store, reference } = ctx;
  routes.add({
    method: "GET",
    url: "/api/v1/tickers",
    summary: "Tickers in the news: article count, average impact and sentiment, last seen",
    tag: "tickers",
    access: "read",
    query: TickerListQuerySchema,
    response: TickerListSchema,
    handler: async ({ query }) => ({ items: await store.listTickers(query.limit) }),
  });

  routes.add({
    method: "GET",
    url: "/api/v1/tickers/:symbol",
    summary: "One ticker: daily impact and sentiment series over `days` and its most recent articles",
    tag: "tickers",
    access: "read",
    params: SymbolParamsSchema,
    query: TickerDetailQuerySchema,
    response: TickerDetailSchema,
    handler: async ({ params, query }) => {
      const since = new Date(Date.now() - query.days * DAY_MS).toISOString();
      const [series, recent] = await Promise.all([store.tickerSeries(params.symbol, since), store.listArticleBriefs({ tickers: [params.symbol], limit: 20 })]);
      const security = reference.securities.bySymbol.get(params.symbol);
      if (!security && recent.items.length === 0) throw httpError(404, "TICKER_NOT_FOUND", `no ticker "${params.symbol}" in the securities master or the news`);
      return {
        symbol: params.symbol,
        name: security?.name ?? null,
        exchange: security?.exchange ?? null,
        articles: series.reduce((n, p) => n + p.articles, 0),
        series,
        recent: recent.items,
      };
    },
  });

  routes.add({
    method: "GET",
    url: "/api/v1/topics",
    summary: "Topics of the taxonomy with their article counts",
    tag: "topics",
    access: "read",
    response: TopicListSchema,
    handler: async () => ({ items: await store.listTopics() }),
  });
}
