/**
 * One error shape for the whole HTTP surface: RFC 9457 `application/problem+json` with a stable `code`.
 * Whatever is thrown (ImpactwireError, zod validation error, Fastify error, a bug) becomes
 * `{ type, title, status, code, detail }`. Internal failures never leak SQL text or stacks.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { ImpactwireError } from "../core/errors.ts";

export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string(),
  detail: z.string(),
});
export type Problem = z.infer<typeof ProblemSchema>;

const TITLES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  406: "Not Acceptable",
  409: "Conflict",
  413: "Payload Too Large",
  415: "Unsupported Media Type",
  422: "Unprocessable Content",
  429: "Too Many Requests",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

/**
 * Builds a problem document.
 *
 * @example
 * problem(404, "NOT_FOUND", "no article abc") // { type: "…/problems/not-found", title: "Not Found", status: 404, … }
 */
export function problem(status: number, code: string, detail: string): Problem {
  const slug = code.toLowerCase().replace(/_/g, "-");
  return { type: `https://impactwire.dev/problems/${slug}`, title: TITLES[status] ?? "Error", status, code, detail };
}

/**
 * Shorthand for an HTTP error raised by a route (module "api").
 *
 * @example
 * throw httpError(404, "ARTICLE_NOT_FOUND", `no article ${id}`);
 */
export function httpError(status: number, code: string, message: string, cause?: unknown): ImpactwireError {
  return new ImpactwireError("api", code, message, { status, cause });
}

/** Human text for one zod issue: `tickers: too many items (max 50)`; a union names its closest branch's issue. */
function describeIssue(issue: z.core.$ZodIssue, prefix: (string | number | symbol)[] = []): string {
  if (issue.code === "invalid_union" && issue.errors.length > 0) {
    const depth = (branch: z.core.$ZodIssue[]) => Math.max(0, ...branch.map((i) => i.path.length));
    const best = [...issue.errors].sort((a, b) => depth(b) - depth(a))[0]!;
    if (best.length > 0 && depth(best) > 0) return best.slice(0, 3).map((i) => describeIssue(i, [...prefix, ...issue.path])).join("; ");
  }
  const path = [...prefix, ...issue.path].map(String).join(".");
  return path ? `${path}: ${issue.message}` : issue.message;
}

/**
 * Turns anything thrown into a problem document (and whether it is an unexpected failure worth logging).
 *
 * @example
 * const { body, internal } = toProblem(new z.ZodError([]));
 */
export function toProblem(err: unknown, where = "request"): { body: Problem; internal: boolean } {
  if (err instanceof z.ZodError) {
    const detail = err.issues.slice(0, 5).map((i) => describeIssue(i)).join("; ");
    return { body: problem(400, "INVALID_REQUEST", `invalid ${where}: ${detail}`), internal: false };
  }
  if (err instanceof ImpactwireError) {
    if (err.status >= 500) return { body: problem(err.status, err.code, `${err.module}: internal error`), internal: true };
    return { body: problem(err.status, err.code, err.message), internal: false };
  }
  const fe = err as Partial<FastifyError> & { validation?: unknown };
  const status = typeof fe.statusCode === "number" ? fe.statusCode : 500;
  if (status < 500 && typeof fe.code === "string") {
    const code = fe.code.replace(/^FST_ERR_/, "").replace(/^CTP_/, "BODY_") || "BAD_REQUEST";
    return { body: problem(status, code, safeMessage(fe.message)), internal: false };
  }
  return { body: problem(500, "INTERNAL", "internal error: the request could not be completed"), internal: true };
}

/** Fastify's own client-error messages are plain; still cut them and strip anything SQL-like. */
function safeMessage(message: string | undefined): string {
  const m = (message ?? "bad request").slice(0, 300);
  return /sqlite|select |insert |syntax error|fts5/i.test(m) ? "bad request" : m;
}

/**
 * Sends a problem answer.
 *
 * @example
 * return sendProblem(reply, problem(429, "RATE_LIMITED", "slow down"));
 */
export function sendProblem(reply: FastifyReply, body: Problem): FastifyReply {
  return reply.code(body.status).type("application/problem+json; charset=utf-8").send(JSON.stringify(body));
}

/**
 * Installs the one error handler and the 404 handler on an app.
 *
 * @example
 * installProblemHandler(app);
 */
export function installProblemHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: unknown, req: FastifyRequest, reply: FastifyReply) => {
    const { body, internal } = toProblem(err);
    if (internal) req.log.error({ err }, "request failed");
    if (body.status === 429 && err instanceof ImpactwireError && typeof err.detail?.retryAfterSec === "number") {
      reply.header("Retry-After", String(err.detail.retryAfterSec));
    }
    return sendProblem(reply, body);
  });
  app.setNotFoundHandler((req: FastifyRequest, reply: FastifyReply) =>
    sendProblem(reply, problem(404, "NOT_FOUND", `no route ${req.method} ${req.url.split("?")[0]}`)),
  );
}
