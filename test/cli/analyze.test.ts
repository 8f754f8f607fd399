/**
 * `impactwire analyze` end to end through the real CLI: plain text (file, stdin), HTML (file, URL with a
 * declared charset), `--format text`, `--pretty`. Every JSON output is validated against the contract.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EnrichmentSchema } from "../../src/contract/enrichment.ts";
import { EXIT } from "../../src/core/errors.ts";
import { ROOT, runCli, startServer } from "./helpers.ts";

const ARTICLE = `Harborline Logistics tops estimates as freight volumes recover

Harborline Logistics reported third-quarter earnings on Wednesday that beat Wall Street expectations, as container volumes through its Gulf Coast terminals recovered faster than forecast.

The company earned $1.42 a share on an adjusted basis, against the $1.18 analysts had expected. Revenue rose 11% to $3.9 billion. Shares rose 6.4% in early trading.
`;
const PAGE = readFileSync(join(ROOT, "test", "extract", "wire-earnings-beat", "case.html"), "utf8");
const PAGE_TITLE = "Harborline Logistics tops quarterly estimates as freight volumes recover";
const LATIN1_TITLE = "Harborline’s €5 bet on Zoë Ångström’s terminals pays off";

let dir: string;
let server: Awaited<ReturnType<typeof startServer>>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "iw-analyze-"));
  server = await startServer((req, res) => {
    if (req.url === "/latin1") {
      // A page whose only charset declaration is the HTTP header.
      res.writeHead(200, { "content-type": "text/html; charset=windows-1252" });
      res.end(iconv.encode(PAGE.replace('<meta charset="utf-8">', "").replaceAll(PAGE_TITLE, LATIN1_TITLE), "windows-1252"));
    } else if (req.url === "/plain") {
      res.writeHead(200, { "content-type": "text/plain; charset=utf-8" });
      res.end(ARTICLE);
    } else {
      res.writeHead(404);
      res.end();
    }
  });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

function parseEnrichment(stdout: string) {
  return EnrichmentSchema.parse(JSON.parse(stdout));
}

describe("impactwire analyze", () => {
  it("plain text from a file: the first line is the title", async () => {
    const p = join(dir, "a.txt");
    writeFileSync(p, ARTICLE);
    const r = await runCli(["analyze", p]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(EXIT.ok);
    const e = parseEnrichment(r.stdout);
    expect(e.article.title).toBe("Harborline Logistics tops estimates as freight volumes recover");
    expect(e.article.wordCount).toBeGreaterThan(50);
    expect(r.stdout.split("\n").length).toBe(2); // compact: one line + newline
  });

  it("plain text from stdin, pretty-printed", async () => {
    const r = await runCli(["analyze", "-", "--pretty"], { input: ARTICLE });
    expect(r.code).toBe(EXIT.ok);
    expect(r.stdout.startsWith("{\n  ")).toBe(true);
    expect(parseEnrichment(r.stdout).article.title).toMatch(/^Harborline/);
  });

  it("an HTML file: main text extracted, boilerplate gone, metadata kept", async () => {
    const p = join(dir, "page.html");
    writeFileSync(p, PAGE);
    const r = await runCli(["analyze", p]);
    expect(r.code).toBe(EXIT.ok);
    const e = parseEnrichment(r.stdout);
    expect(e.article.title).toBe(PAGE_TITLE);
    expect(e.article.publishedAt).toBe("2026-10-29T12:41:00Z");
    expect(e.article.source).toBe("Meridian Wire");
    expect(e.summary).not.toMatch(/Advertisement|cookies|portwatcher/);
  });

  it("a URL: fetched, decoded with the HTTP charset, extracted", async () => {
    const r = await runCli(["analyze", `${server.base}/latin1`], { env: { ALLOW_PRIVATE_NETWORKS: "true" } });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(EXIT.ok);
    const e = parseEnrichment(r.stdout);
    expect(e.article.title).toBe(LATIN1_TITLE);
    expect(e.article.url).toBe(`${server.base}/latin1`);
    expect(r.stdout).not.toContain("\ufffd");
  });

  it("a text/plain URL uses the plain-text title convention", async () => {
    const r = await runCli(["analyze", `${server.base}/plain`, "--format", "json"], { env: { ALLOW_PRIVATE_NETWORKS: "true" } });
    expect(r.code).toBe(EXIT.ok);
    expect(parseEnrichment(r.stdout).article.title).toBe("Harborline Logistics tops estimates as freight volumes recover");
  });

  it("--format text prints the report laid out like the seed page", async () => {
    const r = await runCli(["analyze", "-", "--format", "text"], { input: ARTICLE });
    expect(r.code).toBe(EXIT.ok);
    expect(r.stdout).toMatch(/^Market Impact: 0\.\d\d/);
    expect(r.stdout).toContain("Harborline Logistics tops estimates as freight volumes recover");
    expect(r.stdout).toContain("Analysis");
  });

  it("--help prints the usage with the exit codes", async () => {
    const r = await runCli(["analyze", "--help"]);
    expect(r.code).toBe(EXIT.ok);
    expect(r.stdout).toContain("--ndjson");
    expect(r.stdout).toContain("Exit codes");
  });
});
