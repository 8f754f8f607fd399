/** Spawns the real CLI (`node bin/impactwire.js …`) and collects its exit code and output. */
import { spawn } from "node:child_process";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";

export const ROOT = join(import.meta.dirname, "..", "..");

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `impactwire <args>` with optional stdin and extra environment variables.
 *
 * @example
 * const r = await runCli(["analyze", "-"], { input: "Title\n\nBody" });
 */
export function runCli(args: string[], options: { input?: string | Buffer; env?: Record<string, string> } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, "bin", "impactwire.js"), ...args], {
      cwd: ROOT,
      env: { ...process.env, DEBUG: "", NODE_OPTIONS: "", ...options.env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (d: Buffer) => out.push(d));
    child.stderr.on("data", (d: Buffer) => err.push(d));
    child.on("error", reject);
    child.stdin.on("error", () => {}); // the CLI may stop reading early (input too large): that is the point
    child.on("close", (code) => resolve({ code, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") }));
    if (options.input !== undefined) child.stdin.end(options.input);
    else child.stdin.end();
  });
}

/**
 * Starts a 127.0.0.1 HTTP server for the URL tests.
 *
 * @example
 * const { url, close } = await startServer((req, res) => res.end("hi"));
 */
export async function startServer(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ base: string; server: Server; close: () => Promise<void> }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    server,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Asserts the shape required of every CLI failure: exactly one line, prefixed, and no stack trace. */
export function oneCleanErrorLine(stderr: string): string {
  const lines = stderr.trimEnd().split("\n");
  if (lines.length !== 1) throw new Error(`expected one stderr line, got ${lines.length}:\n${stderr}`);
  if (!/^impactwire: [a-z]+: \S/.test(lines[0]!)) throw new Error(`stderr line is not "impactwire: <module>: <message>": ${lines[0]}`);
  if (/^\s+at .+[:(]/m.test(stderr) || /node:internal|\.ts:\d+:\d+/.test(stderr)) throw new Error(`stack trace on stderr:\n${stderr}`);
  return lines[0]!;
}
