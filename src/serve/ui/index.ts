/**
 * The server-rendered web UI (DESIGN §5): feed, article, ticker, topic, search, sources and alerts
 * pages plus their static files, all under a strict Content-Security-Policy. Registered by the server
 * as an encapsulated plugin, so its form parser, hooks and error page touch only UI routes.
 */
import type { FastifyInstance, FastifyPluginAsync } from "fastify";
import type { ServeContext } from "../context.ts";
import { SECURITY_HEADERS } from "./security.ts";
import { staticFiles } from "./static.ts";
import { messagePage } from "./layout.ts";
import { registerReadRoutes, send } from "./routes/read.ts";
import { registerManageRoutes } from "./routes/manage.ts";

function uiPlugin(ctx: ServeContext): FastifyPluginAsync {
  return async (app) => {
    app.addHook("onSend", async (_req, reply, payload) => {
      for (const [k, v] of Object.entries(SECURITY_HEADERS)) reply.header(k, v);
      return payload;
    });

    app.setErrorHandler(async (err, req, reply) => {
      const status = typeof (err as { statusCode?: unknown }).statusCode === "number" ? (err as { statusCode: number }).statusCode : 500;
      req.log.error({ err }, "ui: page failed");
      const text = status >= 500 ? "Something went wrong while building this page. The error was logged." : `The request could not be handled: ${err instanceof Error ? err.message : String(err)}`;
      return send(reply, messagePage(status >= 500 ? "Error" : "Bad request", text), status >= 400 ? status : 500);
    });

    const files = staticFiles();
    app.get<{ Params: { "*": string } }>("/static/*", async (req, reply) => {
      const f = files.get(req.params["*"]);
      if (!f) return reply.code(404).type("text/plain; charset=utf-8").send("not found");
      if (req.headers["if-none-match"] === f.etag) return reply.code(304).header("etag", f.etag).send();
      return reply.type(f.type).header("etag", f.etag).header("cache-control", "public, max-age=300").send(f.body);
    });

    registerReadRoutes(app, ctx);
    registerManageRoutes(app, ctx);
  };
}

/**
 * Registers the UI routes (`/`, `/news/:id`, `/ticker/:symbol`, `/topic/:id`, `/search`, `/sources`,
 * `/alerts`, `/static/*`) on the server. Routes are added when the server becomes ready.
 *
 * @example
 * const app = Fastify();
 * registerUi(app, ctx);
 * await app.listen({ port: 8080 });
 */
export function registerUi(app: FastifyInstance, ctx: ServeContext): void {
  void app.register(uiPlugin(ctx));
}
