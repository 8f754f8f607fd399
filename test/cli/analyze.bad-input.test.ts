/**
 * Must-show 5: every kind of bad input gives one clear line `impactwire: <module>: <message>` on stderr,
 * a documented exit code (docs/cli.md) and never a stack trace. These tests spawn the real CLI.
 */
import { mkdtempSync, openSync, writeSync, closeSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXIT } from "../../src/core/errors.ts";
import { oneCleanErrorLine, runCli, startServer } from "./helpers.ts";

let dir: string;
let server: Awaited<ReturnType<typeof startServer>>;
const LOOPBACK = { ALLOW_PRIVATE_NETWORKS: "true" };
// A short total deadline keeps these tests quick whatever timers the fetcher leaves behind.
const GUARDED = { ALLOW_PRIVATE_NETWORKS: "false", FETCH_TIMEOUT_MS: "3000" };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "iw-bad-"));
  server = await startServer((req, res) => {
    if (req.url === "/chart.png") {
      res.writeHead(200, { "content-type": "image/png" });
      res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    } else if (req.url === "/data.json") {
      res.writeHead(200, { "content-type": "application/json" });
      res.end('{"a":1}');
    } else {
      res.writeHead(404, { "content-type": "text/html" });
      res.end("<h1>Not found</h1>");
    }
  });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const file = (name: string, data: string | Buffer): string => {
  const p = join(dir, name);
  writeFileSync(p, data);
  return p;
};

async function expectFailure(args: string[], exit: number, pattern: RegExp, options: Parameters<typeof runCli>[1] = {}): Promise<void> {
  const r = await runCli(["analyze", ...args], options);
  const line = oneCleanErrorLine(r.stderr);
  expect(line).toMatch(pattern);
  expect(r.code).toBe(exit);
  expect(r.stdout).toBe("");
}

describe("impactwire analyze: bad input", () => {
  it("empty text (file and stdin)", async () => {
    await expectFailure([file("empty.txt", "")], EXIT.input, /^impactwire: analyze: .*empty\.txt is empty/);
    await expectFailure(["-"], EXIT.input, /^impactwire: analyze: standard input is empty/, { input: "  \n\n \t\n" });
  });

  it("binary bytes: a PNG image, NUL bytes, control characters", async () => {
    await expectFailure([file("img.txt", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]))], EXIT.input, /looks like a PNG image, not an article/);
    const nul = Buffer.concat([Buffer.from("Title\n\nSome words "), Buffer.alloc(64, 0), Buffer.from(" more")]);
    await expectFailure(["-"], EXIT.input, /^impactwire: analyze: standard input looks like binary data \(it contains NUL bytes\)/, { input: nul });
    const ctl = Buffer.from(Array.from({ length: 400 }, (_, i) => (i % 7 === 0 ? 0x01 : 0x61)));
    await expectFailure(["-"], EXIT.input, /too many control characters/, { input: ctl });
  });

  it("a 20 MB text file is refused before it is read", async () => {
    const p = join(dir, "huge.txt");
    const fd = openSync(p, "w");
    const block = Buffer.from("Shares of Example Corp rose after the company beat estimates. ".repeat(16_384)); // ~1 MB
    for (let written = 0; written < 20 * 1024 * 1024; written += block.length) writeSync(fd, block);
    closeSync(fd);
    await expectFailure([p], EXIT.input, /huge\.txt is larger than 10 MiB \(MAX_INPUT_BYTES\)/);
  });

  it("20 MB on stdin stops reading at the byte limit", async () => {
    const big = Buffer.alloc(20 * 1024 * 1024, "word ");
    await expectFailure(["-"], EXIT.input, /standard input is larger than 10 MiB \(MAX_INPUT_BYTES\)/, { input: big });
  });

  it("text above MAX_ARTICLE_CHARS but under the byte limit", async () => {
    await expectFailure(["-"], EXIT.input, /has 3000 characters; the limit is 1000 \(MAX_ARTICLE_CHARS\)/, {
      input: "a ".repeat(1500),
      env: { MAX_ARTICLE_CHARS: "1000" },
    });
  });

  it("invalid UTF-8", async () => {
    const latin1 = Buffer.concat([Buffer.from("Nestl"), Buffer.from([0xe9]), Buffer.from(" raises prices\n\nNestl"), Buffer.from([0xe9]), Buffer.from(" said on Thursday…")]);
    await expectFailure([file("latin1.txt", latin1)], EXIT.input, /latin1\.txt is not valid UTF-8 \(first bad byte at offset 5\)/);
  });

  it("a missing file, a directory, an unknown option, a non-http URL", async () => {
    await expectFailure([join(dir, "nope.txt")], EXIT.input, /^impactwire: analyze: cannot read .*nope\.txt: no such file$/);
    await expectFailure([dir], EXIT.input, /is a directory/);
    await expectFailure(["--frobnicate"], EXIT.usage, /unknown option --frobnicate/);
    await expectFailure(["ftp://example.com/a.txt"], EXIT.input, /only http and https URLs can be analysed/);
  });

  it("an unreachable URL", async () => {
    const closed = await startServer(() => {});
    const url = `${closed.base}/article`;
    await closed.close();
    await expectFailure([url], EXIT.fetch, /^impactwire: fetch: /, { env: LOOPBACK });
  });

  it("a URL that is not HTML or text (image/png, application/json)", async () => {
    await expectFailure([`${server.base}/chart.png`], EXIT.fetch, /chart\.png is image\/png, not an HTML page or text/, { env: LOOPBACK });
    await expectFailure([`${server.base}/data.json`], EXIT.fetch, /data\.json is application\/json, not an HTML page or text/, { env: LOOPBACK });
  });

  it("a URL answering 404", async () => {
    await expectFailure([`${server.base}/missing`], EXIT.fetch, /^impactwire: fetch: .*404/, { env: LOOPBACK });
  });

  it("a URL to a private address is refused when private networks are not allowed", async () => {
    await expectFailure([`${server.base}/article`], EXIT.fetch, /^impactwire: fetch: .*(private|loopback|not public)/i, { env: GUARDED });
    await expectFailure(["http://10.1.2.3/news/a"], EXIT.fetch, /^impactwire: fetch: .*10\.1\.2\.3/, { env: GUARDED });
  });
});
