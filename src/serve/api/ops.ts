/**
 * Operational endpoints: `GET /api/v1/health`, `GET /metrics`, `GET /api/v1/openapi.json`.
 */
import type { FastifyInstance } from "fastify";
import { ENGINE_VERSION } from "../../core/version.ts";
import type { ServeContext } from "../context.ts";
import type { ApiRoutes } from "./route.ts";
import type { Metrics } from "./metrics.ts";
import { buildOpenApi } from "./openapi.ts";
import { HealthSchema } from "./schemas.ts";

const started = Date.now();
/** The article count is cached briefly: counting a million rows on every liveness probe is wasteful. */
const COUNT_CACHE_MS = 2_000;

/**
 * Registers health, metrics and the OpenAPI document.
 *
 * @example
 * registerOpsRoutes(app, routes, ctx, metrics, { streamClients: () => hub.size, pendingDeliveries: () => queue.pending });
 */
export function registerOpsRoutes(
  app: FastifyInstance,
  routes: ApiRoutes,
  ctx: ServeContext,
  metrics: Metrics,
  gauges: { streamClients: () => number; pendingDeliveries: () => number },
): void {
  let counted: { n: number; at: number } | null = null;
  routes.add({
    method: "GET",
    url: "/api/v1/health",
    summary: "Liveness and basic figures (article count, stream clients, pending webhook deliveries)",
    tag: "ops",
    access: "public",
    response: HealthSchema,
    handler: async ({ reply }) => {
      let articles: number | null = null;
      try {
        if (!counted || Date.now() - counted.at > COUNT_CACHE_MS) counted = { n: await ctx.store.countArticles(), at: Date.now() };
        articles = counted.n;
      } catch {
        counted = null;
        reply.code(503);
      }
      const ok = articles !== null;
      if (!ok) reply.header("retry-after", "5");
      return {
        status: ok ? ("ok" as const) : ("degraded" as const),
        version: ENGINE_VERSION,
        uptimeSec: Math.round((Date.now() - started) / 1000),
        articles,
        streamClients: gauges.streamClients(),
        pendingDeliveries: gauges.pendingDeliveries(),
        store: ok ? ("ok" as const) : ("error" as const),
      };
    },
  });

  metrics.gauge("impactwire_stream_clients", "Open /api/v1/stream connections.", gauges.streamClients);
  metrics.gauge("impactwire_webhook_deliveries_pending", "Webhook deliveries queued, waiting for a retry or in flight.", gauges.pendingDeliveries);
  app.get("/metrics", async (_req, reply) => reply.type("text/plain; version=0.0.4; charset=utf-8").send(metrics.render()));

  let doc: string | null = null;
  app.get("/api/v1/openapi.json", async (_req, reply) => {
    doc ??= JSON.stringify(buildOpenApi(routes.defs));
    return reply.type("application/json; charset=utf-8").send(doc);
  });
}
