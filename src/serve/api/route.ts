/**
 * Declares API routes from zod schemas: the request (params, query, body) is parsed with them, the
 * answer is checked against the response schema before it is sent, the caller's key and scope are
 * enforced, and every declaration is kept for the OpenAPI document.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { ImpactwireError } from "../../core/errors.ts";
import type { Access, Guard, Principal } from "../auth/guard.ts";
import { toProblem } from "../problem.ts";

type Method = "GET" | "POST" | "PATCH" | "DELETE";
type Schema = z.ZodType;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface RouteDef<P extends Schema | undefined, Q extends Schema | undefined, B extends Schema | undefined, R extends Schema> {
  method: Method;
  url: string;
  summary: string;
  tag: string;
  access: Access;
  params?: P;
  query?: Q;
  body?: B;
  /** Success answer; `z.null()` for 204. */
  response: R;
  status?: number;
  handler: (input: { params: Out<P>; query: Out<Q>; body: Out<B>; who: Principal; req: FastifyRequest; reply: FastifyReply }) => Promise<z.input<R>>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRouteDef = RouteDef<any, any, any, Schema>;

function parse<S extends Schema | undefined>(schema: S, data: unknown, where: string): Out<S> {
  if (!schema) return undefined as Out<S>;
  const r = schema.safeParse(data);
  if (!r.success) throw new ImpactwireError("api", "INVALID_REQUEST", toProblem(r.error, where).body.detail, { status: 400 });
  return r.data as Out<S>;
}

export class ApiRoutes {
  readonly defs: AnyRouteDef[] = [];

  constructor(
    private readonly app: FastifyInstance,
    private readonly guard: Guard,
  ) {}

  /**
   * Registers one route.
   *
   * @example
   * routes.add({ method: "GET", url: "/api/v1/topics", summary: "List topics", tag: "topics", access: "read",
   *   response: TopicListSchema, handler: async () => ({ items: await store.listTopics() }) });
   */
  add<P extends Schema | undefined, Q extends Schema | undefined, B extends Schema | undefined, R extends Schema>(def: RouteDef<P, Q, B, R>): void {
    this.defs.push(def as AnyRouteDef);
    this.app.route({
      method: def.method,
      url: def.url,
      handler: async (req, reply) => {
        const who = await this.guard.check(req, reply, def.access);
        const params = parse(def.params, req.params, "path parameters") as Out<P>;
        const query = parse(def.query, req.query, "query") as Out<Q>;
        const body = parse(def.body, req.body ?? null, "body") as Out<B>;
        const result = await def.handler({ params, query, body, who, req, reply });
        const checked = def.response.safeParse(result);
        if (!checked.success) {
          throw new ImpactwireError("api", "RESPONSE_INVALID", `answer of ${def.method} ${def.url} does not match its schema`, { status: 500, cause: checked.error });
        }
        const status = reply.statusCode !== 200 ? reply.statusCode : (def.status ?? 200);
        if (checked.data === null) return reply.code(status).send();
        return reply.code(status).type("application/json; charset=utf-8").send(JSON.stringify(checked.data));
      },
    });
  }
}
