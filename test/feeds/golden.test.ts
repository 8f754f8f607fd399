/**
 * Issue 4, must-show 1: golden feed tests. Every document in ok/ is served by a loopback HTTP server,
 * fetched with safeFetch and parsed; the result must equal `<case>.expected.json` (the server origin is
 * written as http://127.0.0.1:PORT). Every document in not-ok/ must fail with the code and message in its
 * `<case>.expected.json`. Regenerate expectations (then review the diff!) with UPDATE_GOLDEN=1.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { safeFetch } from "../../src/ingest/fetch/fetch.ts";
import { parseFeed } from "../../src/ingest/feeds/parse.ts";
import { ImpactwireError } from "../../src/core/errors.ts";
import type { TestServer } from "../fetch/server.ts";
import { FIXTURES, caseName, fixtureFiles, startFeedServer } from "./serve.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startFeedServer();
});
afterAll(() => server.close());

async function fetchAndParse(dir: string, file: string) {
  const res = await safeFetch(`${server.origin}/${dir}/${file}`, { allowPrivate: true });
  return parseFeed(res.body, { url: res.url, contentType: res.contentType });
}

describe("ok feeds match their golden files", () => {
  it.each(fixtureFiles("ok"))("%s", async (file) => {
    const feed = await fetchAndParse("ok", file);
    const actual = JSON.parse(JSON.stringify(feed).replaceAll(server.origin, "http://127.0.0.1:PORT"));
    const expectedPath = join(FIXTURES, "ok", `${caseName(file)}.expected.json`);
    if (process.env.UPDATE_GOLDEN || !existsSync(expectedPath)) {
      if (!process.env.UPDATE_GOLDEN) throw new Error(`missing ${expectedPath} (run with UPDATE_GOLDEN=1, then review it)`);
      writeFileSync(expectedPath, `${JSON.stringify(actual, null, 2)}\n`);
    }
    expect(actual).toEqual(JSON.parse(readFileSync(expectedPath, "utf8")));
  });
});

describe("not-ok feeds fail with a clear error", () => {
  it.each(fixtureFiles("not-ok"))("%s", async (file) => {
    const expected = JSON.parse(readFileSync(join(FIXTURES, "not-ok", `${caseName(file)}.expected.json`), "utf8")) as { code: string; message: string };
    const err = await fetchAndParse("not-ok", file).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ImpactwireError);
    expect((err as ImpactwireError).code).toBe(expected.code);
    expect((err as ImpactwireError).message).toContain(expected.message);
    expect((err as ImpactwireError).message).toMatch(/^feed: /);
  });
});
