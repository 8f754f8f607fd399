/**
 * The in-process webhook delivery queue: bounded concurrency, per-attempt deadline, exponential backoff
 * with jitter, a cap on attempts, a circuit breaker per endpoint. Every state change is written to the
 * deliveries table, so a restart resumes what was pending. Nothing here is awaited by ingestion.
 *
 * Statuses: `pending` (queued, or waiting for a retry: see attempts/lastError/nextAttemptAt),
 * `delivered`, `failed` (every attempt failed), `dead` (undeliverable: rule deleted or disabled, article gone).
 */
import type { Config } from "../../core/config.ts";
import { ImpactwireError } from "../../core/errors.ts";
import type { AlertRule, ArticleRecord, DeliveryRecord, Store } from "../../store/store.ts";
import { safeFetch, type FetchOptions, type FetchResult } from "../../ingest/fetch/fetch.ts";
import type { Metrics } from "../api/metrics.ts";
import { toSummary } from "../api/views.ts";
import type { WebhookPayload } from "../api/schemas.ts";
import { CircuitBreaker, retryDelay } from "./breaker.ts";
import { signWebhook } from "./sign.ts";

export type Sender = (url: string, options: FetchOptions) => Promise<FetchResult>;

export interface Job {
  deliveryId: string;
  ruleId: string;
  articleId: string;
  attempts: number;
  /** Present for fresh deliveries; loaded from the store for resumed ones. */
  article?: ArticleRecord;
}

type QueueConfig = Pick<
  Config,
  "webhookTimeoutMs" | "webhookMaxAttempts" | "webhookRetryBaseMs" | "webhookRetryMaxMs" | "webhookConcurrency" | "webhookBreakerThreshold" | "webhookBreakerCooldownMs" | "allowPrivateNetworks" | "userAgent"
>;

export class DeliveryQueue {
  readonly breaker: CircuitBreaker;
  private readonly ready: Job[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private active = 0;
  private waiting = 0;
  private stopped = false;
  private idle: (() => void)[] = [];

  /**
   * @example
   * const queue = new DeliveryQueue(store, config, metrics, (id) => alerts.rule(id));
   */
  constructor(
    private readonly store: Store,
    private readonly config: QueueConfig,
    private readonly metrics: Metrics,
    private readonly ruleOf: (id: string) => Promise<AlertRule | null>,
    private readonly send: Sender = safeFetch,
  ) {
    this.breaker = new CircuitBreaker(config.webhookBreakerThreshold, config.webhookBreakerCooldownMs);
  }

  /** Deliveries queued, scheduled for a retry or in flight. */
  get pending(): number {
    return this.ready.length + this.waiting + this.active;
  }

  /**
   * Queues a delivery now, or at `atMs` (epoch ms).
   *
   * @example
   * queue.schedule({ deliveryId, ruleId, articleId, attempts: 0, article });
   */
  schedule(job: Job, atMs = 0): void {
    if (this.stopped) return;
    const delay = atMs - Date.now();
    if (delay <= 0) {
      this.ready.push(job);
      this.pump();
      return;
    }
    this.waiting += 1;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.waiting -= 1;
      this.schedule(job);
    }, delay);
    timer.unref();
    this.timers.add(timer);
  }

  /**
   * Re-queues what the deliveries table says is still due (after a restart).
   *
   * @example
   * await queue.resume();
   */
  async resume(): Promise<number> {
    const rows = await this.store.listDeliveries(undefined, 10_000);
    const due = rows.filter((d) => d.status === "pending");
    for (const d of due) {
      this.schedule({ deliveryId: d.id, ruleId: d.ruleId, articleId: d.articleId, attempts: d.attempts }, d.nextAttemptAt ? Date.parse(d.nextAttemptAt) : 0);
    }
    return due.length;
  }

  /** Resolves when nothing is queued or in flight (tests, shutdown). */
  drained(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  /**
   * Stops scheduling; in-flight attempts finish (bounded by their deadline). Pending rows stay in the table.
   *
   * @example
   * await queue.stop();
   */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.waiting = 0;
    this.ready.length = 0;
    await this.drained();
  }

  private pump(): void {
    while (!this.stopped && this.active < this.config.webhookConcurrency && this.ready.length > 0) {
      const job = this.ready.shift()!;
      this.active += 1;
      void this.attempt(job)
        .catch(() => undefined)
        .finally(() => {
          this.active -= 1;
          this.pump();
          if (this.pending === 0) for (const r of this.idle.splice(0)) r();
        });
    }
  }

  private async attempt(job: Job): Promise<void> {
    const rule = await this.ruleOf(job.ruleId);
    const article = job.article ?? (await this.store.getArticle(job.articleId));
    if (!rule || !rule.enabled || !article) {
      const why = !rule ? "alert rule deleted" : !rule.enabled ? "alert rule disabled" : "article no longer exists";
      await this.finish(job, { status: "dead", lastError: why, nextAttemptAt: null });
      return;
    }
    const endpoint = rule.webhookUrl;
    const gate = this.breaker.allow(endpoint);
    if (!gate.ok) {
      await this.store.updateDelivery(job.deliveryId, { nextAttemptAt: new Date(gate.retryAt).toISOString(), lastError: "circuit open: endpoint failing" });
      this.schedule(job, gate.retryAt);
      return;
    }
    const outcome = await this.post(rule, article, job.deliveryId);
    const attempts = job.attempts + 1;
    if (outcome.ok) {
      this.breaker.success(endpoint);
      this.metrics.inc("impactwire_webhook_deliveries_total", { outcome: "delivered" });
      await this.finish(job, { status: "delivered", attempts, lastStatus: outcome.status, lastError: null, nextAttemptAt: null, deliveredAt: new Date().toISOString() });
      return;
    }
    this.breaker.failure(endpoint);
    const dead = attempts >= this.config.webhookMaxAttempts;
    this.metrics.inc("impactwire_webhook_deliveries_total", { outcome: dead ? "failed" : "retry" });
    const at = Date.now() + retryDelay(attempts, this.config.webhookRetryBaseMs, this.config.webhookRetryMaxMs);
    const patch = { attempts, lastStatus: outcome.status, lastError: outcome.error, nextAttemptAt: dead ? null : new Date(at).toISOString() };
    await this.finish(job, { ...patch, status: dead ? "failed" : "pending" });
    if (!dead) this.schedule({ ...job, attempts, article }, at);
  }

  private async finish(job: Job, patch: Partial<DeliveryRecord>): Promise<void> {
    await this.store.updateDelivery(job.deliveryId, patch);
  }

  private async post(rule: AlertRule, article: ArticleRecord, deliveryId: string): Promise<{ ok: boolean; status: number | null; error: string | null }> {
    const t = Math.floor(Date.now() / 1000);
    const payload: WebhookPayload = { type: "alert.matched", deliveryId, alert: { id: rule.id, name: rule.name }, article: toSummary(article), sentAt: new Date().toISOString() };
    const body = JSON.stringify(payload);
    try {
      const res = await this.send(rule.webhookUrl, {
        method: "POST",
        body,
        allowPrivate: this.config.allowPrivateNetworks,
        timeoutMs: this.config.webhookTimeoutMs,
        connectTimeoutMs: Math.min(this.config.webhookTimeoutMs, 5_000),
        headersTimeoutMs: this.config.webhookTimeoutMs,
        maxBytes: 64 * 1024,
        maxRedirects: 0,
        throwOnHttpError: false,
        headers: {
          "content-type": "application/json",
          "user-agent": this.config.userAgent,
          "x-impactwire-delivery": deliveryId,
          "x-impactwire-timestamp": String(t),
          "x-impactwire-signature": signWebhook(rule.secret, body, t),
        },
      });
      const ok = res.status >= 200 && res.status < 300;
      return { ok, status: res.status, error: ok ? null : `endpoint answered HTTP ${res.status}` };
    } catch (err) {
      const text = err instanceof ImpactwireError ? `${err.code}: ${err.message}` : err instanceof Error ? err.message : String(err);
      return { ok: false, status: null, error: text.slice(0, 500) };
    }
  }
}
