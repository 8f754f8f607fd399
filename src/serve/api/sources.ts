/**
 * Source endpoints: add a feed, list, remove, and one source's polling health.
 */
import type { ServeContext } from "../context.ts";
import { httpError } from "../problem.ts";
import { checkOutboundUrl } from "../alerts/url.ts";
import type { ApiRoutes } from "./route.ts";
import { toSourceHealth, toSourceView } from "./views.ts";
import { EmptySchema, IdParamsSchema, SourceCreateSchema, SourceHealthSchema, SourceListSchema, SourceSchema } from "./schemas.ts";

/**
 * Registers `/api/v1/sources` (GET, POST), `/api/v1/sources/:id` (GET health, DELETE).
 *
 * @example
 * registerSourceRoutes(routes, ctx);
 */
export function registerSourceRoutes(routes: ApiRoutes, ctx: ServeContext): void {
  const { store, config } = ctx;
  routes.add({
    method: "GET",
    url: "/api/v1/sources",
    summary: "List feed sources",
    tag: "sources",
    access: "read",
    response: SourceListSchema,
    handler: async () => ({ items: (await store.listSources()).map(toSourceView) }),
  });

  routes.add({
    method: "POST",
    url: "/api/v1/sources",
    summary: "Add a feed source (its URL passes the private-network guard)",
    tag: "sources",
    access: "admin",
    body: SourceCreateSchema,
    response: SourceSchema,
    status: 201,
    handler: async ({ body }) => {
      const url = checkOutboundUrl(body.url, config.allowPrivateNetworks, "url");
      if ((await store.listSources()).some((s) => s.url === url)) throw httpError(409, "SOURCE_EXISTS", `a source with url ${url} exists`);
      const source = await store.addSource({
        url,
        kind: body.kind,
        intervalSec: body.intervalSec ?? config.pollIntervalSec,
        ...(body.title ? { title: body.title } : {}),
      });
      return toSourceView(source);
    },
  });

  routes.add({
    method: "GET",
    url: "/api/v1/sources/:id",
    summary: "One source with its polling health (last poll, last error, error count)",
    tag: "sources",
    access: "read",
    params: IdParamsSchema,
    response: SourceHealthSchema,
    handler: async ({ params }) => {
      const source = await store.getSource(params.id);
      if (!source) throw httpError(404, "SOURCE_NOT_FOUND", `no source "${params.id}"`);
      return toSourceHealth(source);
    },
  });

  routes.add({
    method: "DELETE",
    url: "/api/v1/sources/:id",
    summary: "Remove a source (its articles stay)",
    tag: "sources",
    access: "admin",
    params: IdParamsSchema,
    response: EmptySchema,
    status: 204,
    handler: async ({ params }) => {
      if (!(await store.removeSource(params.id))) throw httpError(404, "SOURCE_NOT_FOUND", `no source "${params.id}"`);
      return null;
    },
  });
}
