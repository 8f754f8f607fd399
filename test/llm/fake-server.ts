/**
 * A fake OpenAI-compatible chat-completions server on 127.0.0.1 (port 0) for the LLM tests. Each test
 * queues the answers it wants ("reply" JSON content, raw status/body, or "hang"); every request is recorded.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type FakeAnswer =
  | { kind: "content"; content: string; model?: string; finishReason?: string }
  | { kind: "raw"; status: number; body: string; headers?: Record<string, string> }
  | { kind: "hang" };

export interface FakeRequest {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: Record<string, unknown>;
}

export interface FakeServer {
  baseUrl: string;
  requests: FakeRequest[];
  /** Answers given in order; the last one repeats once the queue is down to it. */
  answer(...answers: FakeAnswer[]): void;
  close(): Promise<void>;
}

/** Wraps an assistant message in a chat-completions answer. */
export function completion(content: string, model = "fake-model", finishReason = "stop"): string {
  return JSON.stringify({
    id: "chatcmpl-test",
    object: "chat.completion",
    model,
    choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: finishReason }],
    usage: { prompt_tokens: 1200, completion_tokens: 300, total_tokens: 1500 },
  });
}

function respond(res: ServerResponse, a: FakeAnswer): void {
  if (a.kind === "hang") return; // never answers; the client's deadline must fire
  if (a.kind === "raw") {
    res.writeHead(a.status, { "content-type": "application/json", ...a.headers });
    res.end(a.body);
    return;
  }
  res.writeHead(200, { "content-type": "application/json" });
  res.end(completion(a.content, a.model, a.finishReason));
}

/**
 * Starts the fake server.
 *
 * @example
 * const fake = await startFakeLlm(); fake.answer({ kind: "content", content: "{}" });
 */
export async function startFakeLlm(): Promise<FakeServer> {
  let queue: FakeAnswer[] = [];
  const requests: FakeRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(text) as Record<string, unknown>;
      } catch {
        body = { unparsable: text };
      }
      requests.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body });
      const a = queue.length > 1 ? queue.shift()! : queue[0];
      respond(res, a ?? { kind: "raw", status: 500, body: '{"error":{"message":"no answer queued"}}' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    answer(...answers) {
      queue = answers;
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
