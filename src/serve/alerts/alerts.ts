/**
 * Alert rules matched on every new article (from the article tail: this process's writes and other
 * processes'); each match becomes a persisted delivery on the queue. The listener only hands work
 * over: matching and delivery run later, off the write path.
 */
import type { Config } from "../../core/config.ts";
import type { AlertRule, ArticleRecord, Store } from "../../store/store.ts";
import type { ArticleTail } from "../stream/tail.ts";
import type { Metrics } from "../api/metrics.ts";
import { DeliveryQueue, type Sender } from "./queue.ts";

/**
 * Whether an article triggers a rule: any of its tickers (empty: any), any of its topics (empty: any),
 * impact at least minImpact, and the sentiment label when the rule asks for one.
 *
 * @example
 * ruleMatches({ tickers: ["AAPL"], topics: [], minImpact: 0.3, sentiment: "any", enabled: true, … }, article)
 */
export function ruleMatches(rule: Pick<AlertRule, "tickers" | "topics" | "minImpact" | "sentiment" | "enabled">, a: ArticleRecord): boolean {
  const e = a.enrichment;
  if (!rule.enabled || !e) return false;
  if (rule.tickers.length > 0) {
    const want = new Set(rule.tickers.map((t) => t.toUpperCase()));
    if (!e.tickers.some((t) => want.has(t.symbol.toUpperCase()))) return false;
  }
  if (rule.topics.length > 0 && !e.topics.some((t) => rule.topics.includes(t.id))) return false;
  if (e.impact.score < rule.minImpact) return false;
  if (rule.sentiment !== "any" && e.sentiment.label !== rule.sentiment) return false;
  return true;
}

const RULE_CACHE_MS = 1_000;

export class AlertEngine {
  readonly queue: DeliveryQueue;
  private rules: { list: AlertRule[]; at: number } | null = null;
  private unsubscribe: (() => void) | null = null;

  /**
   * @example
   * const alerts = new AlertEngine(store, config, metrics); await alerts.start(tail);
   */
  constructor(
    private readonly store: Store,
    config: Config,
    private readonly metrics: Metrics,
    send?: Sender,
    private readonly log: (msg: string, err?: unknown) => void = () => undefined,
  ) {
    this.queue = new DeliveryQueue(store, config, metrics, (id) => this.rule(id), send);
  }

  /**
   * Subscribes to the ingestor and resumes persisted deliveries.
   *
   * @example
   * await alerts.start(tail);
   */
  async start(tail: ArticleTail): Promise<void> {
    this.unsubscribe = tail.subscribe(({ article, status }) => {
      if (status !== "created") return;
      void this.onArticle(article).catch((err) => this.log("alerts: matching failed", err));
    });
    await this.queue.resume();
  }

  /** Stops listening and delivering (pending rows stay for the next start). */
  async stop(): Promise<void> {
    this.unsubscribe?.();
    await this.queue.stop();
  }

  /** Forgets the cached rules (call after any create/update/delete). */
  invalidate(): void {
    this.rules = null;
  }

  /**
   * The current rule by id (deleted: null).
   *
   * @example
   * const rule = await alerts.rule("a1");
   */
  async rule(id: string): Promise<AlertRule | null> {
    return (await this.all()).find((r) => r.id === id) ?? null;
  }

  /** Rules, cached for a second (rules also change through the UI, which writes the store directly). */
  private async all(): Promise<AlertRule[]> {
    if (!this.rules || Date.now() - this.rules.at > RULE_CACHE_MS) this.rules = { list: await this.store.listAlerts(), at: Date.now() };
    return this.rules.list;
  }

  private async onArticle(article: ArticleRecord): Promise<void> {
    for (const rule of await this.all()) {
      if (!ruleMatches(rule, article)) continue;
      const d = await this.store.recordDelivery({
        ruleId: rule.id,
        articleId: article.id,
        status: "pending",
        attempts: 0,
        lastStatus: null,
        lastError: null,
        nextAttemptAt: new Date().toISOString(),
        deliveredAt: null,
      });
      this.metrics.inc("impactwire_webhook_deliveries_total", { outcome: "queued" });
      this.queue.schedule({ deliveryId: d.id, ruleId: rule.id, articleId: article.id, attempts: 0, article });
    }
  }
}
