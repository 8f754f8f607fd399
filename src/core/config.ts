/**
 * The one typed table of configuration options (Miniflux style): each option has its environment
 * variable, type, default and documentation. `loadConfig()` reads them; `configDocs()` writes the
 * Markdown table in docs/configuration.md (`impactwire config docs`).
 */
import { ImpactwireError, EXIT } from "./errors.ts";

type Kind = "string" | "int" | "bool" | "float" | "list";

interface OptionDef<K extends Kind> {
  env: string;
  kind: K;
  default: K extends "int" | "float" ? number : K extends "bool" ? boolean : K extends "list" ? string[] : string;
  doc: string;
}

function opt<K extends Kind>(env: string, kind: K, def: OptionDef<K>["default"], doc: string): OptionDef<K> {
  return { env, kind, default: def, doc };
}

export const OPTIONS = {
  port: opt("PORT", "int", 8080, "HTTP port of `serve` / `start` (API, stream and UI)."),
  host: opt("HOST", "string", "127.0.0.1", "Address to listen on. Use 0.0.0.0 to serve other machines."),
  dataDir: opt("DATA_DIR", "string", "./var", "Folder for the embedded SQLite database and caches."),
  databaseUrl: opt("DATABASE_URL", "string", "", "PostgreSQL URL (postgres://…). Empty: embedded SQLite in DATA_DIR."),
  demoCorpus: opt("DEMO_CORPUS", "bool", true, "Load the bundled demo articles into an empty database on first start."),
  allowPrivateNetworks: opt("ALLOW_PRIVATE_NETWORKS", "bool", false, "Let feeds, article fetches and webhooks reach private, loopback and link-local addresses (SSRF guard off)."),
  fetchTimeoutMs: opt("FETCH_TIMEOUT_MS", "int", 15_000, "Total deadline of one outbound request, in milliseconds."),
  fetchConnectTimeoutMs: opt("FETCH_CONNECT_TIMEOUT_MS", "int", 5_000, "Connect deadline of one outbound request."),
  fetchHeadersTimeoutMs: opt("FETCH_HEADERS_TIMEOUT_MS", "int", 10_000, "Deadline for response headers."),
  fetchMaxBytes: opt("FETCH_MAX_BYTES", "int", 10 * 1024 * 1024, "Largest response body accepted, after decompression."),
  fetchMaxRedirects: opt("FETCH_MAX_REDIRECTS", "int", 5, "Redirects followed before giving up."),
  userAgent: opt("USER_AGENT", "string", "impactwire/0.1 (+https://github.com/impactwire/impactwire)", "User-Agent of outbound requests."),
  pollIntervalSec: opt("POLL_INTERVAL_SEC", "int", 300, "Default interval between two polls of a feed."),
  perHostDelayMs: opt("PER_HOST_DELAY_MS", "int", 1_000, "Least time between two requests to one host (politeness)."),
  fetchFullText: opt("FETCH_FULL_TEXT", "bool", false, "Fetch and extract the linked page when a feed item carries only a teaser."),
  maxArticleChars: opt("MAX_ARTICLE_CHARS", "int", 2_000_000, "Largest article text accepted for enrichment, in characters."),
  maxInputBytes: opt("MAX_INPUT_BYTES", "int", 10 * 1024 * 1024, "Largest input `analyze` reads from a file or stdin, and largest NDJSON line, in bytes (reading stops there)."),
  analyzeConcurrency: opt("ANALYZE_CONCURRENCY", "int", 4, "URL lines of `analyze --ndjson` fetched at once (output order is kept)."),
  apiKeyRequiredForReads: opt("API_READS_NEED_KEY", "bool", false, "Require an API key for read endpoints too."),
  corsOrigins: opt("CORS_ORIGINS", "list", [], "Origins allowed by CORS (comma-separated); empty: CORS off."),
  rateLimitPerMin: opt("RATE_LIMIT_PER_MIN", "int", 600, "Requests per minute per API key (or per IP without a key)."),
  streamHeartbeatMs: opt("STREAM_HEARTBEAT_MS", "int", 15_000, "Interval of the comment heartbeats on `/api/v1/stream`, in milliseconds."),
  streamPollMs: opt("STREAM_POLL_MS", "int", 1_000, "How often `serve` looks in the store for articles written by other processes (import, workers) to stream and alert on; 0 turns it off."),
  streamMaxClients: opt("STREAM_MAX_CLIENTS", "int", 1_000, "Most simultaneous `/api/v1/stream` connections; further ones get 503."),
  webhookTimeoutMs: opt("WEBHOOK_TIMEOUT_MS", "int", 10_000, "Deadline of one webhook delivery attempt, in milliseconds."),
  webhookMaxAttempts: opt("WEBHOOK_MAX_ATTEMPTS", "int", 8, "Attempts before a webhook delivery is given up (status `dead`)."),
  webhookRetryBaseMs: opt("WEBHOOK_RETRY_BASE_MS", "int", 2_000, "First retry delay of a failed webhook delivery; doubles each attempt, with jitter."),
  webhookRetryMaxMs: opt("WEBHOOK_RETRY_MAX_MS", "int", 900_000, "Cap of the webhook retry delay, in milliseconds."),
  webhookConcurrency: opt("WEBHOOK_CONCURRENCY", "int", 4, "Webhook deliveries in flight at once."),
  webhookBreakerThreshold: opt("WEBHOOK_BREAKER_THRESHOLD", "int", 5, "Consecutive failures of one webhook endpoint that open its circuit breaker."),
  webhookBreakerCooldownMs: opt("WEBHOOK_BREAKER_COOLDOWN_MS", "int", 60_000, "How long an open circuit breaker holds deliveries to its endpoint before one trial."),
  llmBaseUrl: opt("LLM_BASE_URL", "string", "", "OpenAI-compatible endpoint (…/v1). Empty: heuristic analysis only."),
  llmApiKey: opt("LLM_API_KEY", "string", "", "API key for the LLM endpoint."),
  llmModel: opt("LLM_MODEL", "string", "", "Model name for the LLM endpoint."),
  logLevel: opt("LOG_LEVEL", "string", "info", "debug, info, warn or error."),
} as const;

type Options = typeof OPTIONS;
export type Config = {
  [K in keyof Options]: Options[K]["kind"] extends "int" | "float"
    ? number
    : Options[K]["kind"] extends "bool"
      ? boolean
      : Options[K]["kind"] extends "list"
        ? string[]
        : string;
};

function parseValue(def: OptionDef<Kind>, raw: string): unknown {
  switch (def.kind) {
    case "int": {
      if (!/^-?\d+$/.test(raw.trim())) throw new ImpactwireError("config", "CONFIG_INVALID", `${def.env} must be a whole number, got "${raw}"`, { exitCode: EXIT.config });
      return Number(raw);
    }
    case "float": {
      const n = Number(raw);
      if (!Number.isFinite(n)) throw new ImpactwireError("config", "CONFIG_INVALID", `${def.env} must be a number, got "${raw}"`, { exitCode: EXIT.config });
      return n;
    }
    case "bool": {
      const v = raw.trim().toLowerCase();
      if (["1", "true", "yes", "on"].includes(v)) return true;
      if (["0", "false", "no", "off"].includes(v)) return false;
      throw new ImpactwireError("config", "CONFIG_INVALID", `${def.env} must be true or false, got "${raw}"`, { exitCode: EXIT.config });
    }
    case "list":
      return raw.split(",").map((s) => s.trim()).filter(Boolean);
    default:
      return raw;
  }
}

/**
 * Reads the configuration from environment variables (or a given record), with defaults.
 *
 * @example
 * const config = loadConfig({ PORT: "9000" });
 * config.port // 9000
 */
export function loadConfig(env: Record<string, string | undefined> = process.env, overrides: Partial<Config> = {}): Config {
  const out: Record<string, unknown> = {};
  for (const [key, def] of Object.entries(OPTIONS) as [string, OptionDef<Kind>][]) {
    const raw = env[`IMPACTWIRE_${def.env}`] ?? env[def.env];
    out[key] = raw === undefined || raw === "" ? def.default : parseValue(def, raw);
  }
  return { ...(out as Config), ...overrides };
}

/**
 * The configuration reference as a Markdown table (generated into docs/configuration.md).
 *
 * @example
 * fs.writeFileSync("docs/configuration.md", configDocs());
 */
export function configDocs(): string {
  const rows = Object.values(OPTIONS).map((d) => `| \`${d.env}\` | ${d.kind} | \`${JSON.stringify(d.default)}\` | ${d.doc} |`);
  return [
    "# Configuration",
    "",
    "Every option is an environment variable (also accepted with an `IMPACTWIRE_` prefix). Generated from `src/core/config.ts` by `impactwire config docs`.",
    "",
    "| variable | type | default | meaning |",
    "| --- | --- | --- | --- |",
    ...rows,
    "",
  ].join("\n");
}
