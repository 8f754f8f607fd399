/**
 * `GET /api/v1/stream`: Server-Sent Events of newly written articles, with the list's filters,
 * comment heartbeats, and `Last-Event-ID` (header or `lastEventId` query) resume.
 */
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { ImpactwireError } from "../../core/errors.ts";
import type { Guard } from "../auth/guard.ts";
import { ArticleFilterSchema } from "../api/schemas.ts";
import { toProblem } from "../problem.ts";
import type { StreamHub } from "./hub.ts";

export const StreamQuerySchema = ArticleFilterSchema.extend({
  lastEventId: z.coerce.number().int().min(0).optional().meta({ description: "resume after this event id (same as the Last-Event-ID header)" }),
});

/**
 * Registers the stream route.
 *
 * @example
 * registerStreamRoute(app, hub, guard, { heartbeatMs: 15_000, maxClients: 1000 });
 */
export function registerStreamRoute(app: FastifyInstance, hub: StreamHub, guard: Guard, opts: { heartbeatMs: number; maxClients: number }): void {
  app.get("/api/v1/stream", async (req, reply) => {
    await guard.check(req, reply, "read");
    const parsed = StreamQuerySchema.safeParse(req.query);
    if (!parsed.success) throw new ImpactwireError("api", "INVALID_REQUEST", toProblem(parsed.error, "query").body.detail, { status: 400 });
    const { lastEventId: fromQuery, ...filter } = parsed.data;
    const header = req.headers["last-event-id"];
    let afterSeq = fromQuery;
    if (typeof header === "string" && header.trim() !== "") {
      if (!/^\d{1,15}$/.test(header.trim())) throw new ImpactwireError("api", "INVALID_REQUEST", "Last-Event-ID must be an event id (a whole number)", { status: 400 });
      afterSeq = Number(header.trim());
    }
    if (hub.size >= opts.maxClients) throw new ImpactwireError("api", "STREAM_FULL", "too many stream clients; retry later", { status: 503 });

    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      ...(reply.getHeaders() as Record<string, string>),
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    });
    raw.write(": connected\nretry: 2000\n\n");
    let client;
    try {
      client = await hub.connect(raw, filter, afterSeq);
    } catch (err) {
      req.log.error({ err }, "stream: replay failed");
      raw.end("event: error\ndata: {\"code\":\"STREAM_REPLAY_FAILED\"}\n\n");
      return;
    }
    const beat = setInterval(() => raw.write(": heartbeat\n\n"), opts.heartbeatMs);
    const close = () => {
      clearInterval(beat);
      hub.remove(client);
    };
    raw.on("close", close);
    if (raw.destroyed) close();
  });
}
