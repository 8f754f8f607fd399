/**
 * The HTTP server: one Fastify app serving the API (`/api/v1/*`), the live stream, `/metrics`, the
 * alert deliveries running beside it, and the web UI. `startServer` opens the store, builds the
 * ingestor, loads reference data, starts the poller and listens.
 */
import Fastify, { LogController, type FastifyInstance } from "fastify";
import type { ServeContext } from "./context.ts";
import { installProblemHandler } from "./problem.ts";
import { installCors } from "./auth/cors.ts";
import { Guard } from "./auth/guard.ts";
import { RateLimiter } from "./auth/rate-limit.ts";
import { ApiRoutes } from "./api/route.ts";
import { Metrics } from "./api/metrics.ts";
import { registerArticleRoutes } from "./api/articles.ts";
import { registerCatalogRoutes } from "./api/catalog.ts";
import { registerSourceRoutes } from "./api/sources.ts";
import { registerAlertRoutes } from "./api/alerts.ts";
import { registerOpsRoutes } from "./api/ops.ts";
import { StreamHub } from "./stream/hub.ts";
import { registerStreamRoute } from "./stream/route.ts";
import { ArticleTail } from "./stream/tail.ts";
import { AlertEngine } from "./alerts/alerts.ts";
import type { Sender } from "./alerts/queue.ts";
import { registerUi } from "./ui/index.ts";
import { loadDemoCorpus } from "./ui/demo/index.ts";
import type { Config } from "../core/config.ts";
import { openStore } from "../store/open.ts";
import { SqliteStore } from "../store/sqlite/store.ts";
import { startCheckpointer } from "../store/sqlite/db.ts";
import type { Store } from "../store/store.ts";
import { loadReference, type Reference } from "../reference/reference.ts";
import type { Ingestor } from "../ingest/ingestor.ts";
import { Pipeline } from "../ingest/pipeline/pipeline.ts";
import { startPoller } from "../ingest/poll/poller.ts";

/** What runs beside the routes, reachable as `app.impactwire` (tests, shutdown, health). */
export interface ServeRuntime {
  metrics: Metrics;
  tail: ArticleTail;
  hub: StreamHub;
  alerts: AlertEngine;
}

declare module "fastify" {
  interface FastifyInstance {
    impactwire: ServeRuntime;
  }
}

export interface CreateServerOptions {
  /** Fastify logging (pino) — default: on at config.logLevel. */
  logger?: boolean;
  /** Serve the web UI too (default true). */
  ui?: boolean;
  /** Webhook transport; default the safe fetcher. */
  send?: Sender;
}

/**
 * Builds the app (not listening yet). Stream and alert listeners start when the app is ready and stop on close.
 *
 * @example
 * const app = createServer({ config, store, reference, ingestor });
 * await app.listen({ port: 0, host: "127.0.0.1" });
 */
export function createServer(ctx: ServeContext, options: CreateServerOptions = {}): FastifyInstance {
  const { config } = ctx;
  const app = Fastify({
    logger: options.logger === false ? false : { level: config.logLevel },
    bodyLimit: 32 * 1024 * 1024,
    logController: new LogController({ disableRequestLogging: config.logLevel !== "debug" }),
  });
  const metrics = new Metrics();
  const tail = new ArticleTail(ctx.store, config.streamPollMs, (err) => app.log.error({ err }, "stream: reading new articles failed"));
  const hub = new StreamHub(ctx.store);
  const alerts = new AlertEngine(ctx.store, config, metrics, options.send, (msg, err) => app.log.error({ err }, msg));
  app.decorate("impactwire", { metrics, tail, hub, alerts });

  installProblemHandler(app);
  installCors(app, config.corsOrigins);
  app.addHook("onResponse", async (req, reply) => {
    metrics.observeRequest(req.method, req.routeOptions.url ?? "unmatched", reply.statusCode, reply.elapsedTime / 1000);
  });

  const guard = new Guard(ctx.store, new RateLimiter(config.rateLimitPerMin), config.apiKeyRequiredForReads);
  const routes = new ApiRoutes(app, guard);
  registerArticleRoutes(routes, ctx, metrics);
  registerCatalogRoutes(routes, ctx);
  registerSourceRoutes(routes, ctx);
  registerAlertRoutes(routes, ctx, alerts);
  registerOpsRoutes(app, routes, ctx, metrics, { streamClients: () => hub.size, pendingDeliveries: () => alerts.queue.pending });
  registerStreamRoute(app, hub, guard, { heartbeatMs: config.streamHeartbeatMs, maxClients: config.streamMaxClients });
  if (options.ui !== false) registerUi(app, ctx);

  const unsubscribe = ctx.ingestor.onWritten((r) => metrics.inc("impactwire_articles_written_total", { status: r.status }));
  app.addHook("onReady", async () => {
    await tail.start(ctx.ingestor);
    hub.start(tail);
    await alerts.start(tail);
  });
  app.addHook("preClose", async () => {
    tail.stop();
    hub.stop();
  });
  app.addHook("onClose", async () => {
    unsubscribe();
    await alerts.stop();
  });
  return app;
}

export interface StartOptions extends CreateServerOptions {
  /** Load the demo corpus into an empty database first (`impactwire start`). */
  demo?: boolean;
  /** Run the feed poller in this process (default true). */
  poller?: boolean;
  /** Builds the ingestor (default: the ingest pipeline). */
  ingestor?: (store: Store, reference: Reference, config: Config) => Ingestor;
}

export interface RunningServer {
  app: FastifyInstance;
  ctx: ServeContext;
  /** `http://host:port` actually listened on. */
  url: string;
  /** Stops the poller, closes the server (stream clients, deliveries) and the store. */
  close(): Promise<void>;
}

/**
 * Opens the store, loads reference data, builds the ingestor, starts the poller and listens.
 *
 * @example
 * const server = await startServer(loadConfig());
 * console.log(server.url); // http://127.0.0.1:8080
 */
export async function startServer(config: Config, options: StartOptions = {}): Promise<RunningServer> {
  const store = await openStore(config);
  // WAL checkpoints on a thread of their own, so that a request never waits for one (SQLite only).
  const checkpoints = store instanceof SqliteStore ? startCheckpointer(store.db, store.db.name, { onError: (m) => process.stderr.write(`impactwire: ${m}\n`) }) : null;
  try {
    await store.migrate({ onProgress: (m) => process.stderr.write(`impactwire: ${m}\n`) });
    const reference = loadReference();
    const ingestor = (options.ingestor ?? defaultIngestor)(store, reference, config);
    const ctx: ServeContext = { config, store, reference, ingestor };
    if (options.demo && (await store.countArticles()) === 0) await loadDemoCorpus(ingestor, store);
    const app = createServer(ctx, options);
    await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    const port = typeof address === "object" && address ? address.port : config.port;
    const host = config.host.includes(":") ? `[${config.host}]` : config.host === "0.0.0.0" ? "127.0.0.1" : config.host;
    const stopPoller = options.poller === false ? () => Promise.resolve() : startPoller(ctx, { log: (msg) => app.log.info(msg) });
    return {
      app,
      ctx,
      url: `http://${host}:${port}`,
      async close() {
        await stopPoller();
        await app.close();
        await checkpoints?.stop();
        await store.close();
      },
    };
  } catch (err) {
    await checkpoints?.stop();
    await store.close();
    throw err;
  }
}

function defaultIngestor(store: Store, reference: Reference, config: Config): Ingestor {
  return new Pipeline({ store, reference, maxChars: config.maxArticleChars });
}
