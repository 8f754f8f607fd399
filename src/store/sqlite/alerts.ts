/**
 * Alert rules, webhook deliveries and API keys on SQLite.
 */
import type { AlertRule, ApiKeyRecord, DeliveryRecord } from "../store.ts";
import { newId } from "../keys.ts";
import type { Query } from "./query.ts";
import { bool, type ColumnMap, json, updateRow } from "./patch.ts";

interface AlertRow {
  id: string;
  name: string;
  tickers: string;
  topics: string;
  min_impact: number;
  sentiment: AlertRule["sentiment"];
  webhook_url: string;
  secret: string;
  enabled: number;
  created_at: string;
}

interface DeliveryRow {
  id: string;
  rule_id: string;
  article_id: string;
  status: DeliveryRecord["status"];
  attempts: number;
  last_status: number | null;
  last_error: string | null;
  next_attempt_at: string | null;
  created_at: string;
  delivered_at: string | null;
}

interface KeyRow {
  id: string;
  name: string;
  hash: string;
  scopes: string;
  created_at: string;
  revoked_at: string | null;
}

const ALERT_COLUMNS: ColumnMap<AlertRule> = {
  name: { column: "name" },
  tickers: { column: "tickers", encode: json },
  topics: { column: "topics", encode: json },
  minImpact: { column: "min_impact" },
  sentiment: { column: "sentiment" },
  webhookUrl: { column: "webhook_url" },
  secret: { column: "secret" },
  enabled: { column: "enabled", encode: bool },
};

const DELIVERY_COLUMNS: ColumnMap<DeliveryRecord> = {
  status: { column: "status" },
  attempts: { column: "attempts" },
  lastStatus: { column: "last_status" },
  lastError: { column: "last_error" },
  nextAttemptAt: { column: "next_attempt_at" },
  deliveredAt: { column: "delivered_at" },
};

const toAlert = (r: AlertRow): AlertRule => ({
  id: r.id,
  name: r.name,
  tickers: JSON.parse(r.tickers) as string[],
  topics: JSON.parse(r.topics) as string[],
  minImpact: r.min_impact,
  sentiment: r.sentiment,
  webhookUrl: r.webhook_url,
  secret: r.secret,
  enabled: r.enabled === 1,
  createdAt: r.created_at,
});

const toDelivery = (r: DeliveryRow): DeliveryRecord => ({
  id: r.id,
  ruleId: r.rule_id,
  articleId: r.article_id,
  status: r.status,
  attempts: r.attempts,
  lastStatus: r.last_status,
  lastError: r.last_error,
  nextAttemptAt: r.next_attempt_at,
  createdAt: r.created_at,
  deliveredAt: r.delivered_at,
});

const toKey = (r: KeyRow): ApiKeyRecord => ({
  id: r.id,
  name: r.name,
  hash: r.hash,
  scopes: JSON.parse(r.scopes) as ApiKeyRecord["scopes"],
  createdAt: r.created_at,
  revokedAt: r.revoked_at,
});

/** @example createAlert(q, { name: "AMZN big", tickers: ["AMZN"], topics: [], minImpact: 0.5, sentiment: "any", webhookUrl: "https://…", secret: "s", enabled: true }) */
export function createAlert(q: Query, rule: Omit<AlertRule, "id" | "createdAt">): AlertRule {
  const id = newId("alr");
  q.run(
    "INSERT INTO alerts (id, name, tickers, topics, min_impact, sentiment, webhook_url, secret, enabled, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    id, rule.name, JSON.stringify(rule.tickers), JSON.stringify(rule.topics), rule.minImpact, rule.sentiment, rule.webhookUrl, rule.secret, rule.enabled ? 1 : 0, new Date().toISOString(),
  );
  return getAlert(q, id)!;
}

/** @example listAlerts(q) */
export function listAlerts(q: Query): AlertRule[] {
  return q.all<AlertRow>("SELECT * FROM alerts ORDER BY created_at, id").map(toAlert);
}

/** @example getAlert(q, "alr_1") */
export function getAlert(q: Query, id: string): AlertRule | null {
  const r = q.get<AlertRow>("SELECT * FROM alerts WHERE id = ?", id);
  return r ? toAlert(r) : null;
}

/** @example updateAlert(q, "alr_1", { enabled: false }) */
export function updateAlert(q: Query, id: string, patch: Partial<AlertRule>): AlertRule | null {
  updateRow(q, "alerts", "id", id, patch, ALERT_COLUMNS);
  return getAlert(q, id);
}

/** Deletes a rule and its deliveries. @example deleteAlert(q, "alr_1") */
export function deleteAlert(q: Query, id: string): boolean {
  return q.run("DELETE FROM alerts WHERE id = ?", id).changes > 0;
}

/**
 * Records a delivery; one delivery per (rule, article): recording it again returns the existing
 * one unchanged, so that a crash between match and send never sends twice.
 *
 * @example
 * recordDelivery(q, { ruleId, articleId, status: "pending", attempts: 0, lastStatus: null, lastError: null, nextAttemptAt: now, deliveredAt: null })
 */
export function recordDelivery(q: Query, d: Omit<DeliveryRecord, "id" | "createdAt"> & { id?: string }): DeliveryRecord {
  const id = d.id ?? newId("dlv");
  q.run(
    `INSERT INTO deliveries (id, rule_id, article_id, status, attempts, last_status, last_error, next_attempt_at, created_at, delivered_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (rule_id, article_id) DO NOTHING`,
    id, d.ruleId, d.articleId, d.status, d.attempts, d.lastStatus, d.lastError, d.nextAttemptAt, new Date().toISOString(), d.deliveredAt,
  );
  return toDelivery(q.get<DeliveryRow>("SELECT * FROM deliveries WHERE rule_id = ? AND article_id = ?", d.ruleId, d.articleId)!);
}

/** @example updateDelivery(q, "dlv_1", { status: "delivered", attempts: 1 }) */
export function updateDelivery(q: Query, id: string, patch: Partial<DeliveryRecord>): void {
  updateRow(q, "deliveries", "id", id, patch, DELIVERY_COLUMNS);
}

/** Newest first. @example listDeliveries(q, "alr_1", 50) */
export function listDeliveries(q: Query, ruleId?: string, limit = 50): DeliveryRecord[] {
  const rows = ruleId
    ? q.all<DeliveryRow>("SELECT * FROM deliveries WHERE rule_id = ? ORDER BY created_at DESC, id DESC LIMIT ?", ruleId, limit)
    : q.all<DeliveryRow>("SELECT * FROM deliveries ORDER BY created_at DESC, id DESC LIMIT ?", limit);
  return rows.map(toDelivery);
}

/** Pending deliveries whose next attempt is due, oldest first. @example listDueDeliveries(q, new Date().toISOString(), 100) */
export function listDueDeliveries(q: Query, nowIso: string, limit = 100): DeliveryRecord[] {
  return q
    .all<DeliveryRow>("SELECT * FROM deliveries WHERE status = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= ?) ORDER BY next_attempt_at LIMIT ?", nowIso, limit)
    .map(toDelivery);
}

/** @example createApiKey(q, "ci", sha256hex, ["read", "write"]) */
export function createApiKey(q: Query, name: string, hash: string, scopes: ApiKeyRecord["scopes"]): ApiKeyRecord {
  const id = newId("key");
  q.run("INSERT INTO api_keys (id, name, hash, scopes, created_at) VALUES (?, ?, ?, ?, ?)", id, name, hash, JSON.stringify(scopes), new Date().toISOString());
  return toKey(q.get<KeyRow>("SELECT * FROM api_keys WHERE id = ?", id)!);
}

/** Finds a key by hash (revoked keys too: check `revokedAt`). @example findApiKey(q, sha256hex) */
export function findApiKey(q: Query, hash: string): ApiKeyRecord | null {
  const r = q.get<KeyRow>("SELECT * FROM api_keys WHERE hash = ?", hash);
  return r ? toKey(r) : null;
}

/** @example listApiKeys(q) */
export function listApiKeys(q: Query): ApiKeyRecord[] {
  return q.all<KeyRow>("SELECT * FROM api_keys ORDER BY created_at, id").map(toKey);
}

/** @example revokeApiKey(q, "key_1") */
export function revokeApiKey(q: Query, id: string): boolean {
  return q.run("UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", new Date().toISOString(), id).changes > 0;
}
