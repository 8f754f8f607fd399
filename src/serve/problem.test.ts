import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ImpactwireError } from "../core/errors.ts";
import { problem, toProblem } from "./problem.ts";

describe("toProblem", () => {
  it("turns zod errors into a 400 naming the field", () => {
    const err = z.object({ limit: z.number().max(5) }).safeParse({ limit: 9 }).error!;
    expect(toProblem(err).body).toMatchObject({ status: 400, code: "INVALID_REQUEST", title: "Bad Request" });
    expect(toProblem(err).body.detail).toMatch(/^invalid request: limit: /);
  });

  it("keeps the message of a client error and hides internals of a server error", () => {
    expect(toProblem(new ImpactwireError("api", "ARTICLE_NOT_FOUND", "no article x", { status: 404 })).body).toEqual(problem(404, "ARTICLE_NOT_FOUND", "api: no article x"));
    const internal = toProblem(new ImpactwireError("store", "STORE_FAILED", "SQLITE_ERROR: near \"x\": syntax error in SELECT", { status: 500 }));
    expect(internal.internal).toBe(true);
    expect(internal.body.detail).not.toMatch(/SQLITE|SELECT/);
    const bug = toProblem(new TypeError("cannot read properties of undefined (reading 'rows')"));
    expect(bug.body).toMatchObject({ status: 500, code: "INTERNAL" });
    expect(bug.body.detail).not.toMatch(/rows/);
  });

  it("maps Fastify client errors to their status with a stable code", () => {
    const fe = Object.assign(new Error("Unsupported Media Type: text/csv"), { statusCode: 415, code: "FST_ERR_CTP_INVALID_MEDIA_TYPE" });
    expect(toProblem(fe).body).toMatchObject({ status: 415, code: "BODY_INVALID_MEDIA_TYPE", title: "Unsupported Media Type" });
  });
});
