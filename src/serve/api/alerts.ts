/**
 * Alert endpoints (admin scope): CRUD of rules and each rule's delivery log. The HMAC secret is
 * returned once, in the creation answer.
 */
import type { ServeContext } from "../context.ts";
import { httpError } from "../problem.ts";
import type { AlertEngine } from "../alerts/alerts.ts";
import { generateWebhookSecret } from "../alerts/sign.ts";
import { checkOutboundUrl } from "../alerts/url.ts";
import type { ApiRoutes } from "./route.ts";
import { toAlertView } from "./views.ts";
import {
  AlertCreateSchema,
  AlertCreatedSchema,
  AlertListSchema,
  AlertPatchSchema,
  AlertSchema,
  DeliveryListSchema,
  DeliveryQuerySchema,
  EmptySchema,
  IdParamsSchema,
} from "./schemas.ts";

/**
 * Registers `/api/v1/alerts` (GET, POST), `/api/v1/alerts/:id` (GET, PATCH, DELETE), `/api/v1/alerts/:id/deliveries`.
 *
 * @example
 * registerAlertRoutes(routes, ctx, alerts);
 */
export function registerAlertRoutes(routes: ApiRoutes, ctx: ServeContext, alerts: AlertEngine): void {
  const { store, config } = ctx;
  const mustGet = async (id: string) => {
    const rule = await store.getAlert(id);
    if (!rule) throw httpError(404, "ALERT_NOT_FOUND", `no alert "${id}"`);
    return rule;
  };

  routes.add({
    method: "POST",
    url: "/api/v1/alerts",
    summary: "Create an alert rule delivered to a webhook (the answer carries the signing secret, once)",
    tag: "alerts",
    access: "admin",
    body: AlertCreateSchema,
    response: AlertCreatedSchema,
    status: 201,
    handler: async ({ body }) => {
      const webhookUrl = checkOutboundUrl(body.webhookUrl, config.allowPrivateNetworks);
      const rule = await store.createAlert({ ...body, webhookUrl, secret: generateWebhookSecret() });
      alerts.invalidate();
      return rule;
    },
  });

  routes.add({
    method: "GET",
    url: "/api/v1/alerts",
    summary: "List alert rules",
    tag: "alerts",
    access: "admin",
    response: AlertListSchema,
    handler: async () => ({ items: (await store.listAlerts()).map(toAlertView) }),
  });

  routes.add({
    method: "GET",
    url: "/api/v1/alerts/:id",
    summary: "One alert rule",
    tag: "alerts",
    access: "admin",
    params: IdParamsSchema,
    response: AlertSchema,
    handler: async ({ params }) => toAlertView(await mustGet(params.id)),
  });

  routes.add({
    method: "PATCH",
    url: "/api/v1/alerts/:id",
    summary: "Change an alert rule",
    tag: "alerts",
    access: "admin",
    params: IdParamsSchema,
    body: AlertPatchSchema,
    response: AlertSchema,
    handler: async ({ params, body }) => {
      await mustGet(params.id);
      const patch = { ...body };
      if (patch.webhookUrl) patch.webhookUrl = checkOutboundUrl(patch.webhookUrl, config.allowPrivateNetworks);
      const updated = await store.updateAlert(params.id, patch);
      alerts.invalidate();
      if (!updated) throw httpError(404, "ALERT_NOT_FOUND", `no alert "${params.id}"`);
      return toAlertView(updated);
    },
  });

  routes.add({
    method: "DELETE",
    url: "/api/v1/alerts/:id",
    summary: "Delete an alert rule (pending deliveries are dropped)",
    tag: "alerts",
    access: "admin",
    params: IdParamsSchema,
    response: EmptySchema,
    status: 204,
    handler: async ({ params }) => {
      const gone = await store.deleteAlert(params.id);
      alerts.invalidate();
      if (!gone) throw httpError(404, "ALERT_NOT_FOUND", `no alert "${params.id}"`);
      return null;
    },
  });

  routes.add({
    method: "GET",
    url: "/api/v1/alerts/:id/deliveries",
    summary: "Delivery log of an alert rule, newest first: status, attempts, last HTTP status and error",
    tag: "alerts",
    access: "admin",
    params: IdParamsSchema,
    query: DeliveryQuerySchema,
    response: DeliveryListSchema,
    handler: async ({ params, query }) => {
      await mustGet(params.id);
      return { items: await store.listDeliveries(params.id, query.limit) };
    },
  });
}
