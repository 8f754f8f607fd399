/**
 * CORS for `/api/v1/*` and `/metrics`: only the configured origins (or `*`) get the allow headers;
 * preflight requests are answered with 204.
 */
import type { FastifyInstance } from "fastify";

const ALLOW_HEADERS = "Authorization, X-API-Key, Content-Type, Last-Event-ID";
const EXPOSE_HEADERS = "RateLimit-Limit, RateLimit-Remaining, Retry-After";

/**
 * Installs the CORS hook (no-op when `origins` is empty).
 *
 * @example
 * installCors(app, ["https://dash.example.com"]);
 */
export function installCors(app: FastifyInstance, origins: readonly string[]): void {
  if (origins.length === 0) return;
  const any = origins.includes("*");
  app.addHook("onRequest", async (req, reply) => {
    if (!req.url.startsWith("/api/") && !req.url.startsWith("/metrics")) return;
    const origin = req.headers.origin;
    if (typeof origin !== "string" || (!any && !origins.includes(origin))) return;
    reply.header("Access-Control-Allow-Origin", any ? "*" : origin);
    if (!any) reply.header("Vary", "Origin");
    reply.header("Access-Control-Expose-Headers", EXPOSE_HEADERS);
    if (req.method === "OPTIONS") {
      reply.header("Access-Control-Allow-Methods", "GET, POST, PATCH, DELETE, OPTIONS");
      reply.header("Access-Control-Allow-Headers", ALLOW_HEADERS);
      reply.header("Access-Control-Max-Age", "600");
      return reply.code(204).send();
    }
  });
}
