/**
 * A small Server-Sent Events client for tests: connects over node:http, parses events and comments,
 * and lets a test wait for the next event that satisfies a predicate.
 */
import http from "node:http";

export interface SseEvent {
  id: string | null;
  event: string;
  data: string;
  /** performance.now() when the event was parsed. */
  at: number;
}

export class SseClient {
  readonly events: SseEvent[] = [];
  comments = 0;
  status = 0;
  headers: http.IncomingHttpHeaders = {};
  private req: http.ClientRequest | null = null;
  private waiters: { pred: (e: SseEvent) => boolean; resolve: (e: SseEvent) => void }[] = [];

  /** Opens the stream and resolves once the response headers arrived. */
  static open(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
    const c = new SseClient();
    return new Promise((resolve, reject) => {
      c.req = http.get(url, { headers: { accept: "text/event-stream", ...headers } }, (res) => {
        c.status = res.statusCode ?? 0;
        c.headers = res.headers;
        res.setEncoding("utf8");
        let buf = "";
        res.on("data", (chunk: string) => {
          buf += chunk;
          let i: number;
          while ((i = buf.indexOf("\n\n")) >= 0) {
            c.parse(buf.slice(0, i));
            buf = buf.slice(i + 2);
          }
        });
        res.on("error", () => undefined);
        resolve(c);
      });
      c.req.on("error", reject);
    });
  }

  private parse(block: string): void {
    const ev: SseEvent = { id: null, event: "message", data: "", at: performance.now() };
    let isEvent = false;
    for (const line of block.split("\n")) {
      if (line.startsWith(":")) {
        this.comments += 1;
        continue;
      }
      const [field, ...rest] = line.split(":");
      const value = rest.join(":").replace(/^ /, "");
      if (field === "id") ev.id = value;
      else if (field === "event") ev.event = value;
      else if (field === "data") (ev.data += ev.data ? `\n${value}` : value), (isEvent = true);
    }
    if (!isEvent) return;
    this.events.push(ev);
    this.waiters = this.waiters.filter((w) => (w.pred(ev) ? (w.resolve(ev), false) : true));
  }

  /** The first event (already received or upcoming) satisfying `pred`; rejects after `timeoutMs`. */
  next(pred: (e: SseEvent) => boolean, timeoutMs = 5_000): Promise<SseEvent> {
    const seen = this.events.find(pred);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("timed out waiting for an SSE event")), timeoutMs);
      this.waiters.push({ pred, resolve: (e) => (clearTimeout(timer), resolve(e)) });
    });
  }

  close(): void {
    this.req?.destroy();
  }
}
