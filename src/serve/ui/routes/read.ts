/** The UI's read routes: feed, search, article, ticker and topic pages. */
import type { FastifyInstance, FastifyReply } from "fastify";
import type { ServeContext } from "../../context.ts";
import type { ArticleRecord } from "../../../store/store.ts";
import type { Raw } from "../html.ts";
import { messagePage } from "../layout.ts";
import { parseFilters, toQuery } from "../filters.ts";
import { feedPage, searchPage } from "../pages/feed.ts";
import { articlePage } from "../pages/article.ts";
import { tickerPage } from "../pages/ticker.ts";
import { topicPage } from "../pages/topic.ts";
import { eventStudy } from "../eventStudy.ts";
import { companyInfo, topicInfo } from "../reference.ts";

/**
 * Sends a rendered page as HTML.
 *
 * @example
 * return send(reply, feedPage(view));
 */
export function send(reply: FastifyReply, body: Raw, status = 200): FastifyReply {
  return reply.code(status).type("text/html; charset=utf-8").header("cache-control", "no-store").send(body.value);
}

async function others(ctx: ServeContext, a: ArticleRecord): Promise<ArticleRecord[]> {
  const story = await ctx.store.getStory(a.storyId);
  if (!story) return [];
  const ids = story.articleIds.filter((id) => id !== a.id).slice(0, 20);
  const found = await Promise.all(ids.map((id) => ctx.store.getArticle(id)));
  return found.filter((x): x is ArticleRecord => x !== null);
}

/**
 * Registers the read routes on a (UI-scoped) Fastify instance.
 *
 * @example
 * registerReadRoutes(scope, ctx);
 */
export function registerReadRoutes(app: FastifyInstance, ctx: ServeContext): void {
  app.get("/", async (req, reply) => {
    const f = parseFilters(req.query as Record<string, unknown>);
    const [res, topics, total] = await Promise.all([ctx.store.listArticles(toQuery(f, 50)), ctx.store.listTopics(), ctx.store.countArticles()]);
    return send(reply, feedPage({ filters: f, items: res.items, nextCursor: res.nextCursor, topics, total }));
  });

  app.get("/search", async (req, reply) => {
    const f = parseFilters(req.query as Record<string, unknown>);
    const topics = await ctx.store.listTopics();
    const searching = f.q !== "" || f.tickers.length > 0 || f.topics.length > 0 || f.minImpact !== null;
    const res = searching ? await ctx.store.listArticles(toQuery(f, 50)) : { items: [], nextCursor: null };
    return send(reply, searchPage({ filters: f, items: res.items, nextCursor: res.nextCursor, topics, total: res.items.length }));
  });

  app.get<{ Params: { id: string } }>("/news/:id", async (req, reply) => {
    const a = await ctx.store.getArticle(req.params.id);
    if (!a) return send(reply, messagePage("Article not found", "No article has this id. It may have been removed, or the link is wrong."), 404);
    const symbols = (a.enrichment?.tickers ?? []).filter((t) => t.role !== "mentioned").map((t) => t.symbol).slice(0, 5);
    const when = a.publishedAt ?? a.firstSeenAt;
    const [other, study] = await Promise.all([others(ctx, a), eventStudy(ctx.store, symbols, when)]);
    return send(reply, articlePage({ article: a, others: other, study, studyAttempted: symbols.length > 0 }));
  });

  app.get<{ Params: { symbol: string }; Querystring: { cursor?: string } }>("/ticker/:symbol", async (req, reply) => {
    const symbol = req.params.symbol.toUpperCase();
    if (!/^[A-Z0-9][A-Z0-9.\-^]{0,15}$/.test(symbol)) return send(reply, messagePage("Unknown ticker", "This is not a ticker symbol."), 404);
    const cursor = typeof req.query.cursor === "string" ? req.query.cursor.slice(0, 512) : undefined;
    const [res, series, prices] = await Promise.all([
      ctx.store.listArticles({ tickers: [symbol], sort: "time", limit: 100, ...(cursor ? { cursor } : {}) }),
      ctx.store.tickerSeries(symbol),
      ctx.store.getPrices(symbol),
    ]);
    const company = companyInfo(ctx.reference, symbol, res.items);
    if (!company.name && res.items.length === 0 && prices.length === 0) {
      return send(reply, messagePage("Unknown ticker", `impactwire knows nothing about ${symbol}: it is not in the securities master and no article links to it.`), 404);
    }
    return send(reply, tickerPage({ company, items: res.items, series, prices: prices.slice(-750), nextCursor: res.nextCursor }));
  });

  app.get<{ Params: { id: string }; Querystring: { cursor?: string } }>("/topic/:id", async (req, reply) => {
    const topics = await ctx.store.listTopics();
    const info = topicInfo(ctx.reference, req.params.id, topics);
    if (!info) return send(reply, messagePage("Unknown topic", "No topic has this id."), 404);
    const cursor = typeof req.query.cursor === "string" ? req.query.cursor.slice(0, 512) : undefined;
    const res = await ctx.store.listArticles({ topics: [info.id], sort: "time", limit: 50, ...(cursor ? { cursor } : {}) });
    return send(reply, topicPage({ ...info, items: res.items, nextCursor: res.nextCursor, topics }));
  });

  app.get("/topic", async (_req, reply) => reply.redirect("/topic/" + encodeURIComponent((await ctx.store.listTopics())[0]?.id ?? "none")));
}
