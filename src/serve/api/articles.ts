/**
 * Article endpoints: list (filters, sort, cursor, asOf), one article with enrichment and revisions,
 * a story, and `POST /api/v1/articles` to ingest one or many.
 */
import { ImpactwireError, asImpactwireError } from "../../core/errors.ts";
import type { ServeContext } from "../context.ts";
import type { ArticleBrief, ArticleQuery, Page } from "../../store/store.ts";
import { httpError } from "../problem.ts";
import type { ApiRoutes } from "./route.ts";
import type { Metrics } from "./metrics.ts";
import { toStoreQuery } from "../stream/filter.ts";
import { toDetail } from "./views.ts";
import {
  ArticleDetailSchema,
  ArticleListQuerySchema,
  ArticlePageSchema,
  IdParamsSchema,
  IngestBodySchema,
  IngestResultSchema,
  StorySchema,
} from "./schemas.ts";

/**
 * Runs a list query (briefs: what the list shows); a full-text query the search engine cannot parse is the caller's error (400), never a 500.
 *
 * @example
 * const page = await listArticlesSafe(store, { q: "apple", limit: 20 });
 */
export async function listArticlesSafe(store: ServeContext["store"], query: ArticleQuery): Promise<Page<ArticleBrief>> {
  try {
    return await store.listArticleBriefs(query);
  } catch (err) {
    if (err instanceof ImpactwireError && err.status < 500) throw err;
    const text = err instanceof Error ? err.message : "";
    if (query.q !== undefined && /fts5|syntax|tsquery|malformed/i.test(text)) {
      throw httpError(400, "QUERY_INVALID", `q: "${query.q.slice(0, 80)}" is not a valid search; use plain words, or "quotes" for a phrase`, err);
    }
    if (query.cursor !== undefined && /cursor/i.test(text)) throw httpError(400, "CURSOR_INVALID", "cursor: not a cursor from a previous page", err);
    throw asImpactwireError(err, "store", "STORE_FAILED");
  }
}

/**
 * Registers the article and story endpoints.
 *
 * @example
 * registerArticleRoutes(routes, ctx, metrics);
 */
export function registerArticleRoutes(routes: ApiRoutes, ctx: ServeContext, metrics: Metrics): void {
  const { store } = ctx;
  routes.add({
    method: "GET",
    url: "/api/v1/articles",
    summary: "List articles, newest first (or by impact), with filters, full-text search and cursor pagination",
    tag: "articles",
    access: "read",
    query: ArticleListQuerySchema,
    response: ArticlePageSchema,
    handler: async ({ query }) => {
      const { sort, cursor, limit, asOf, ...filter } = query;
      const page = await listArticlesSafe(store, { ...toStoreQuery(filter), sort, limit, ...(cursor ? { cursor } : {}), ...(asOf ? { asOf } : {}) });
      return page;
    },
  });

  routes.add({
    method: "GET",
    url: "/api/v1/articles/:id",
    summary: "One article with its enrichment and revision history (asOf: as known at that time)",
    tag: "articles",
    access: "read",
    params: IdParamsSchema,
    query: ArticleListQuerySchema.pick({ asOf: true }),
    response: ArticleDetailSchema,
    handler: async ({ params, query }) => {
      const article = await store.getArticle(params.id, query.asOf);
      if (!article) throw httpError(404, "ARTICLE_NOT_FOUND", `no article "${params.id}"${query.asOf ? ` as of ${query.asOf}` : ""}`);
      const revisions = (await store.listRevisions(article.id)).filter((r) => !query.asOf || r.seenAt <= query.asOf);
      return toDetail(article, revisions);
    },
  });

  routes.add({
    method: "GET",
    url: "/api/v1/stories/:id",
    summary: "A story: the articles that tell the same news",
    tag: "articles",
    access: "read",
    params: IdParamsSchema,
    response: StorySchema,
    handler: async ({ params }) => {
      const story = await store.getStory(params.id);
      if (!story) throw httpError(404, "STORY_NOT_FOUND", `no story "${params.id}"`);
      const page = await store.listArticleBriefs({ storyId: story.id, limit: 100 });
      return { id: story.id, title: story.title, firstSeenAt: story.firstSeenAt, size: story.size, articles: page.items };
    },
  });

  routes.add({
    method: "POST",
    url: "/api/v1/articles",
    summary: "Ingest one article or an array of articles; answers created/revised/unchanged/duplicate per item (an array reports bad items as errors and goes on)",
    tag: "articles",
    access: "write",
    body: IngestBodySchema,
    response: IngestResultSchema,
    handler: async ({ body }) => {
      const list = Array.isArray(body) ? body : [body];
      const items = [];
      for (const [index, input] of list.entries()) {
        try {
          const r = await ctx.ingestor.ingest({ ...input, ...(input.id ? { externalId: input.id } : {}) });
          metrics.inc("impactwire_articles_ingested_total", { via: "api", status: r.status });
          items.push({ index, status: r.status, id: r.article.id, seq: r.article.seq, revision: r.article.revision });
        } catch (err) {
          if (!Array.isArray(body)) throw err;
          const e = err instanceof ImpactwireError ? err : asImpactwireError(err);
          metrics.inc("impactwire_articles_ingested_total", { via: "api", status: "error" });
          const message = e.status >= 500 ? `${e.module}: internal error` : e.message;
          items.push({ index, status: "error" as const, id: input.id ?? null, seq: null, revision: null, error: { code: e.code, message } });
        }
      }
      return { items };
    },
  });
}
