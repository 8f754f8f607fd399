/**
 * The OpenAPI 3.1 document, generated from the same zod schemas that validate requests and answers,
 * with the enrichment contract as a shared component.
 */
import { z } from "zod";
import { EnrichmentSchema, enrichmentJsonSchema } from "../../contract/enrichment.ts";
import { ENGINE_VERSION } from "../../core/version.ts";
import { ProblemSchema } from "../problem.ts";
import { StreamQuerySchema } from "../stream/route.ts";
import type { AnyRouteDef } from "./route.ts";
import { WebhookPayloadSchema } from "./schemas.ts";

type Json = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: "input" | "output"): Json {
  const out = z.toJSONSchema(schema, {
    io,
    unrepresentable: "any",
    override: (ctx) => {
      if (ctx.zodSchema !== EnrichmentSchema) return;
      for (const k of Object.keys(ctx.jsonSchema)) delete (ctx.jsonSchema as Json)[k];
      (ctx.jsonSchema as Json).$ref = "#/components/schemas/Enrichment";
    },
  }) as Json;
  delete out.$schema;
  return out;
}

function parameters(schema: z.ZodType | undefined, where: "path" | "query"): Json[] {
  if (!schema) return [];
  const js = jsonSchema(schema, "input");
  const props = (js.properties ?? {}) as Record<string, Json>;
  const required = new Set((js.required as string[] | undefined) ?? []);
  return Object.entries(props).map(([name, s]) => {
    const { description, ...rest } = s;
    const list = rest.type === "array" ? { style: "form", explode: false } : {};
    return { name, in: where, required: where === "path" || (required.has(name) && rest.default === undefined), schema: rest, ...list, ...(description ? { description } : {}) };
  });
}

const problemRef = { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } };

const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

/** `GET /api/v1/alerts/:id/deliveries` → `getAlertsByIdDeliveries`. */
function operationId(def: AnyRouteDef): string {
  const parts = def.url.replace(/^\/api\/v1/, "").split("/").filter(Boolean);
  return def.method.toLowerCase() + parts.map((p) => (p.startsWith(":") ? `By${cap(p.slice(1))}` : cap(p))).join("");
}

function operation(def: AnyRouteDef): Json {
  const status = String(def.status ?? 200);
  const ok = def.status === 204 ? { description: "done" } : { description: "success", content: { "application/json": { schema: jsonSchema(def.response, "output") } } };
  const errors: Record<string, Json> = { "400": { description: "invalid request", content: problemRef }, "429": { description: "rate limited", content: problemRef } };
  if (def.access !== "public") {
    errors["401"] = { description: "missing or unknown API key", content: problemRef };
    errors["403"] = { description: "API key lacks the scope", content: problemRef };
  }
  if (def.url.includes(":")) errors["404"] = { description: "not found", content: problemRef };
  return {
    summary: def.summary,
    tags: [def.tag],
    operationId: operationId(def),
    ...(def.access === "write" || def.access === "admin" ? { security: [{ bearer: [] }, { apiKey: [] }], "x-scope": def.access } : {}),
    parameters: [...parameters(def.params, "path"), ...parameters(def.query, "query")],
    ...(def.body ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(def.body, "input") } } } } : {}),
    responses: { [status]: ok, ...errors },
  };
}

/**
 * Builds the OpenAPI document for the registered routes (plus the stream and /metrics).
 *
 * @example
 * const doc = buildOpenApi(routes.defs); doc.openapi // "3.1.0"
 */
export function buildOpenApi(defs: readonly AnyRouteDef[]): Json {
  const paths: Record<string, Record<string, Json>> = {};
  for (const def of defs) {
    const path = def.url.replace(/:(\w+)/g, "{$1}");
    (paths[path] ??= {})[def.method.toLowerCase()] = operation(def);
  }
  paths["/api/v1/stream"] = {
    get: {
      summary: "Server-Sent Events of newly written articles (event `article`, id = seq), with the list's filters; resume with Last-Event-ID",
      tags: ["stream"],
      operationId: "getStream",
      parameters: [...parameters(StreamQuerySchema, "query"), { name: "Last-Event-ID", in: "header", required: false, schema: { type: "string" } }],
      responses: { "200": { description: "event stream", content: { "text/event-stream": { schema: { type: "string" } } } }, "400": { description: "invalid filter", content: problemRef } },
    },
  };
  paths["/metrics"] = {
    get: { summary: "Prometheus metrics", tags: ["ops"], operationId: "getMetrics", responses: { "200": { description: "exposition text", content: { "text/plain": { schema: { type: "string" } } } } } },
  };
  const enrichment = enrichmentJsonSchema();
  delete enrichment.$schema;
  return {
    openapi: "3.1.0",
    info: { title: "impactwire API", version: ENGINE_VERSION, description: "Financial news enriched with tickers, topics, sentiment, events and market impact." },
    servers: [{ url: "/" }],
    paths,
    webhooks: {
      alertMatched: {
        post: {
          summary: "Sent to an alert's webhookUrl for each new article matching the rule; 2xx acknowledges, anything else is retried with backoff",
          operationId: "alertMatched",
          parameters: [
            { name: "X-Impactwire-Signature", in: "header", required: true, schema: { type: "string" }, description: 't=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" keyed by the alert secret>' },
            { name: "X-Impactwire-Timestamp", in: "header", required: true, schema: { type: "string" }, description: "the t of the signature" },
            { name: "X-Impactwire-Delivery", in: "header", required: true, schema: { type: "string" }, description: "delivery id, stable across retries" },
          ],
          requestBody: { required: true, content: { "application/json": { schema: jsonSchema(WebhookPayloadSchema, "output") } } },
          responses: { "200": { description: "received (any 2xx)" } },
        },
      },
    },
    components: {
      schemas: { Enrichment: enrichment, Problem: jsonSchema(ProblemSchema, "output") },
      securitySchemes: { bearer: { type: "http", scheme: "bearer" }, apiKey: { type: "apiKey", in: "header", name: "X-API-Key" } },
    },
  };
}
