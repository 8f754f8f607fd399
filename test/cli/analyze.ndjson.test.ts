/**
 * `impactwire analyze --ndjson` through the real CLI: one enrichment per line in input order with the
 * input's id; each bad line (invalid JSON, no content, wrong types, too large, invalid UTF-8, fetch failure)
 * gives an error object for that line on stdout and one message on stderr, the batch goes on, and the
 * exit code is EXIT.partial.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EnrichmentSchema } from "../../src/contract/enrichment.ts";
import { EXIT } from "../../src/core/errors.ts";
import { spawn } from "node:child_process";
import { ROOT, runCli, startServer } from "./helpers.ts";

const body = (company: string) =>
  `${company} said on Tuesday that quarterly revenue rose 12% to $2.1 billion, ahead of analysts' estimates, and raised its forecast for the full year. Shares rose 5% in early trading.`;

let dir: string;
let server: Awaited<ReturnType<typeof startServer>>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "iw-ndjson-"));
  server = await startServer((req, res) => {
    // The slow page comes first in the batch: its output must still come first.
    const delay = req.url === "/slow" ? 400 : 0;
    setTimeout(() => {
      if (req.url === "/slow" || req.url === "/fast") {
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        res.end(`<html><head><title>${req.url} page | Wire</title></head><body><article><h1>${req.url} page</h1><p>${body("Harborline Logistics")}</p><p>${body("Harborline Logistics")}</p></article></body></html>`);
      } else {
        res.writeHead(200, { "content-type": "image/png" });
        res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      }
    }, delay);
  });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("impactwire analyze --ndjson", () => {
  it("keeps order and ids, turns bad lines into error objects, and exits with EXIT.partial", async () => {
    const lines = [
      JSON.stringify({ id: "a1", title: "Harborline beats", text: body("Harborline Logistics"), publishedAt: "2026-10-29T12:00:00Z", source: "wire" }),
      '{"id": "bad-json", "title": "unterminated',
      JSON.stringify({ id: "u-slow", url: `${server.base}/slow` }),
      JSON.stringify({ id: "h1", html: `<html><head><title>Solvane names CFO | Brief</title></head><body><p>${body("Solvane Corp")}</p><p>${body("Solvane Corp")}</p></body></html>` }),
      "",
      JSON.stringify({ id: "no-content", title: "Only a title field here" }),
      JSON.stringify({ id: "wrong-type", title: 42, text: ["not", "a", "string"] }),
      JSON.stringify({ id: "u-fast", url: `${server.base}/fast` }),
      JSON.stringify({ id: "u-png", url: `${server.base}/chart.png` }),
      JSON.stringify({ id: "empty", text: "   " }),
      "[1, 2, 3]",
      JSON.stringify({ id: 7, title: "Numeric id", text: body("Crestmoor Bank") }),
      JSON.stringify({ id: "huge", text: "x ".repeat(40_000) }),
    ];
    const input = Buffer.concat([Buffer.from(lines.join("\n") + "\n"), Buffer.from([0xff, 0xfe, 0x0a]), Buffer.from(lines[0]!.replace("a1", "a2") + "\n")]);
    const p = join(dir, "in.ndjson");
    writeFileSync(p, input);
    const r = await runCli(["analyze", "--ndjson", p], { env: { ALLOW_PRIVATE_NETWORKS: "true", MAX_INPUT_BYTES: "65536" } });
    expect(r.code).toBe(EXIT.partial);

    const out = r.stdout.trimEnd().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    const summary = out.map((o) => (o.error ? `${o.id ?? "null"}:${(o.error as { code: string }).code}@${o.line}` : `${o.id}`));
    expect(summary).toEqual([
      "a1",
      "null:INVALID_JSON@2",
      "u-slow",
      "h1",
      "no-content:NO_CONTENT@6",
      "wrong-type:INVALID_FIELD@7",
      "u-fast",
      "u-png:UNSUPPORTED_CONTENT@9",
      "empty:EMPTY_INPUT@10",
      "null:NOT_AN_OBJECT@11",
      "7",
      "null:TOO_LARGE@13",
      "null:INVALID_UTF8@14",
      "a2",
    ]);
    for (const o of out.filter((x) => !x.error)) EnrichmentSchema.parse(o);
    const byId = Object.fromEntries(out.filter((o) => !o.error).map((o) => [o.id, EnrichmentSchema.parse(o)]));
    expect(byId.a1!.article).toMatchObject({ title: "Harborline beats", publishedAt: "2026-10-29T12:00:00Z", source: "wire" });
    expect(byId.h1!.article.title).toBe("Solvane names CFO");
    expect(byId["u-slow"]!.article).toMatchObject({ title: "/slow page", url: `${server.base}/slow` });

    // one stderr line per failed line, plus the summary; never a stack trace
    const errLines = r.stderr.trimEnd().split("\n");
    expect(errLines).toHaveLength(9);
    for (const l of errLines) expect(l).toMatch(/^impactwire: [a-z]+: /);
    expect(errLines).toContain('impactwire: analyze: line has none of "text", "html" or "url" (line 6, id "no-content")');
    expect(errLines.at(-1)).toBe("impactwire: analyze: 8 of 14 lines failed; the others were enriched");
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });

  it("stops quietly when the reader closes stdout early (| head)", async () => {
    const lines = Array.from({ length: 400 }, (_, i) => JSON.stringify({ id: `p${i}`, title: "Story", text: body("Harborline Logistics") }));
    const child = spawn(process.execPath, [join(ROOT, "bin", "impactwire.js"), "analyze", "--ndjson", "-"], { cwd: ROOT, stdio: ["pipe", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.stdin.on("error", () => {});
    child.stdin.end(lines.join("\n"));
    child.stdout.once("data", () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(stderr).toBe("");
    expect(code).toBe(EXIT.ok);
  });

  it("reads stdin and exits 0 when every line is good", async () => {
    const input = ["x1", "x2", "x3"].map((id) => JSON.stringify({ id, title: `Story ${id}`, text: body("Harborline Logistics") })).join("\n");
    const r = await runCli(["analyze", "--ndjson", "-"], { input });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(EXIT.ok);
    expect(r.stdout.trimEnd().split("\n").map((l) => JSON.parse(l).id)).toEqual(["x1", "x2", "x3"]);
  });
});
