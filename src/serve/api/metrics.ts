/**
 * Process metrics in the Prometheus text format (`GET /metrics`): HTTP request counts and latency
 * histograms per route, articles ingested, stream clients, webhook deliveries.
 */
const BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

interface Histogram {
  counts: number[];
  sum: number;
  count: number;
}

function esc(v: string): string {
  return v.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");
}

export class Metrics {
  private readonly requests = new Map<string, number>();
  private readonly latency = new Map<string, Histogram>();
  private readonly counters = new Map<string, number>();
  /** Gauges read at scrape time. */
  private readonly gauges = new Map<string, { help: string; read: () => number }>();

  /**
   * Records one finished HTTP request.
   *
   * @example
   * metrics.observeRequest("GET", "/api/v1/articles", 200, 0.0031);
   */
  observeRequest(method: string, route: string, status: number, seconds: number): void {
    const key = `method="${esc(method)}",route="${esc(route)}",status="${status}"`;
    this.requests.set(key, (this.requests.get(key) ?? 0) + 1);
    const hkey = `method="${esc(method)}",route="${esc(route)}"`;
    const h = this.latency.get(hkey) ?? { counts: BUCKETS.map(() => 0), sum: 0, count: 0 };
    BUCKETS.forEach((b, i) => {
      if (seconds <= b) h.counts[i] = (h.counts[i] ?? 0) + 1;
    });
    h.sum += seconds;
    h.count += 1;
    this.latency.set(hkey, h);
  }

  /**
   * Adds to a labelled counter (`impactwire_articles_ingested_total{status="created"}`).
   *
   * @example
   * metrics.inc("impactwire_webhook_deliveries_total", { outcome: "delivered" });
   */
  inc(name: string, labels: Record<string, string> = {}, by = 1): void {
    const key = `${name}{${Object.entries(labels).map(([k, v]) => `${k}="${esc(v)}"`).join(",")}}`;
    this.counters.set(key, (this.counters.get(key) ?? 0) + by);
  }

  /**
   * Registers a gauge read at scrape time.
   *
   * @example
   * metrics.gauge("impactwire_stream_clients", "open SSE connections", () => hub.size);
   */
  gauge(name: string, help: string, read: () => number): void {
    this.gauges.set(name, { help, read });
  }

  /**
   * The exposition text.
   *
   * @example
   * reply.type("text/plain; version=0.0.4").send(metrics.render());
   */
  render(): string {
    const out: string[] = [];
    out.push("# HELP impactwire_http_requests_total HTTP requests by method, route and status.", "# TYPE impactwire_http_requests_total counter");
    for (const [k, v] of this.requests) out.push(`impactwire_http_requests_total{${k}} ${v}`);
    out.push("# HELP impactwire_http_request_duration_seconds HTTP request latency.", "# TYPE impactwire_http_request_duration_seconds histogram");
    for (const [k, h] of this.latency) {
      BUCKETS.forEach((b, i) => out.push(`impactwire_http_request_duration_seconds_bucket{${k},le="${b}"} ${h.counts[i]}`));
      out.push(`impactwire_http_request_duration_seconds_bucket{${k},le="+Inf"} ${h.count}`);
      out.push(`impactwire_http_request_duration_seconds_sum{${k}} ${h.sum}`, `impactwire_http_request_duration_seconds_count{${k}} ${h.count}`);
    }
    const names = new Set([...this.counters.keys()].map((k) => k.slice(0, k.indexOf("{"))));
    for (const name of names) {
      out.push(`# TYPE ${name} counter`);
      for (const [k, v] of this.counters) if (k.startsWith(`${name}{`)) out.push(`${k.endsWith("{}") ? name : k} ${v}`);
    }
    for (const [name, g] of this.gauges) out.push(`# HELP ${name} ${g.help}`, `# TYPE ${name} gauge`, `${name} ${g.read()}`);
    return `${out.join("\n")}\n`;
  }
}
