/** The UI's write routes (sources, alerts): CSRF-checked form posts that re-render the page with a notice. */
import { randomBytes } from "node:crypto";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ServeContext } from "../../context.ts";
import type { SourceRecord } from "../../../store/store.ts";
import { checkOutboundUrl } from "../../alerts/url.ts";
import { checkCsrf, csrfToken } from "../security.ts";
import { alertsPage, sourcesPage } from "../pages/manage.ts";
import { send } from "./read.ts";
import { allTopics } from "../reference.ts";

type Form = Record<string, string>;

function form(req: FastifyRequest): Form {
  const b = req.body;
  if (!b || typeof b !== "object") return {};
  const out: Form = {};
  for (const [k, v] of Object.entries(b as Record<string, unknown>)) if (typeof v === "string") out[k] = v.slice(0, 4096);
  return out;
}

function list(v: string | undefined, re: RegExp, upper: boolean): string[] {
  return [...new Set((v ?? "").split(/[\s,]+/).map((s) => (upper ? s.toUpperCase() : s.trim())).filter((s) => re.test(s)))].slice(0, 100);
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * Registers `/sources` and `/alerts` (GET and POST).
 *
 * @example
 * registerManageRoutes(scope, ctx);
 */
export function registerManageRoutes(app: FastifyInstance, ctx: ServeContext): void {
  app.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string", bodyLimit: 65_536 }, (_req, body, done) => {
    // Repeated keys (checkbox groups) are joined with commas.
    const out: Record<string, string> = {};
    for (const [k, v] of new URLSearchParams(String(body))) out[k] = k in out ? `${out[k]},${v}` : v;
    done(null, out);
  });

  app.get("/sources", async (req, reply) => send(reply, sourcesPage(await ctx.store.listSources(), csrfToken(req, reply))));

  app.post("/sources", async (req, reply) => {
    const f = form(req);
    const token = csrfToken(req, reply);
    const problem = checkCsrf(req, f.csrf);
    if (problem) return send(reply, sourcesPage(await ctx.store.listSources(), token, { kind: "error", text: `Not saved: ${problem}.` }, f), 403);
    const kinds: SourceRecord["kind"][] = ["feed", "rss", "atom", "rdf", "jsonfeed"];
    const kind = kinds.find((k) => k === f.kind) ?? "feed";
    const minutes = Math.min(1440, Math.max(1, Math.round(Number(f.intervalMin) || 5)));
    try {
      const url = await checkOutboundUrl((f.url ?? "").trim(), ctx.config.allowPrivateNetworks, "feed URL");
      const exists = (await ctx.store.listSources()).some((s) => s.url === url);
      if (exists) return send(reply, sourcesPage(await ctx.store.listSources(), token, { kind: "error", text: `This feed is already in the list: ${url}` }, f), 409);
      const created = await ctx.store.addSource({ url, kind, intervalSec: minutes * 60, enabled: true });
      return send(reply, sourcesPage(await ctx.store.listSources(), token, { kind: "ok", text: `Feed added: ${created.url}. It will be polled every ${minutes} min.` }), 201);
    } catch (err) {
      return send(reply, sourcesPage(await ctx.store.listSources(), token, { kind: "error", text: `Not saved: ${message(err)}` }, f), 400);
    }
  });

  const topics = async () => allTopics(ctx.reference, await ctx.store.listTopics());
  app.get("/alerts", async (req, reply) => send(reply, alertsPage(await ctx.store.listAlerts(), csrfToken(req, reply), await topics())));

  app.post("/alerts", async (req, reply) => {
    const f = form(req);
    const token = csrfToken(req, reply);
    const problem = checkCsrf(req, f.csrf);
    if (problem) return send(reply, alertsPage(await ctx.store.listAlerts(), token, await topics(), { kind: "error", text: `Not saved: ${problem}.` }, f), 403);
    const name = (f.name ?? "").trim().slice(0, 100);
    const minImpact = Number(f.minImpact ?? "0");
    try {
      if (!name) throw new Error("the rule needs a name");
      if (!Number.isFinite(minImpact) || minImpact < 0 || minImpact > 1) throw new Error("min impact must be a number from 0 to 1");
      const webhookUrl = await checkOutboundUrl((f.webhookUrl ?? "").trim(), ctx.config.allowPrivateNetworks, "webhook URL");
      const sentiment = f.sentiment === "positive" || f.sentiment === "negative" ? f.sentiment : "any";
      const secret = randomBytes(24).toString("base64url");
      const rule = await ctx.store.createAlert({
        name,
        tickers: list(f.tickers, /^[A-Z0-9][A-Z0-9.\-^]{0,15}$/, true),
        topics: list(f.topics, /^[a-z0-9][a-z0-9_.-]{0,63}$/i, false),
        minImpact,
        sentiment,
        webhookUrl,
        secret,
        enabled: true,
      });
      const text = `Rule “${rule.name}” created. Its signing secret is shown only now: copy it to verify the X-Impactwire-Signature header of each webhook.`;
      return send(reply, alertsPage(await ctx.store.listAlerts(), token, await topics(), { kind: "ok", text, secret: rule.secret }), 201);
    } catch (err) {
      return send(reply, alertsPage(await ctx.store.listAlerts(), token, await topics(), { kind: "error", text: `Not saved: ${message(err)}` }, f), 400);
    }
  });
}
