/**
 * `impactwire serve` (API, stream, alerts, UI, feed poller in one process) and `impactwire start`
 * (the same, loading the bundled demo corpus into an empty database first when DEMO_CORPUS is on).
 */
import { EXIT } from "../../core/errors.ts";
import { loadConfig, type Config } from "../../core/config.ts";
import { startServer } from "../../serve/server.ts";
import { registerCommand } from "../main.ts";
import { intOption, parseArgs } from "./args.ts";

const HELP = `Usage: impactwire serve|start [--port N] [--host ADDRESS] [--no-poll]

Serves the API (/api/v1), the live stream, alert webhooks and the web UI on one port.
'start' also loads the demo corpus into an empty database (DEMO_CORPUS=false turns that off).
`;

async function run(args: string[], demo: boolean): Promise<number> {
  const p = parseArgs(args, ["port=", "host=", "no-poll", "help"]);
  if (p.options.has("help")) {
    process.stdout.write(HELP);
    return EXIT.ok;
  }
  const port = intOption(p, "port");
  const host = p.options.get("host");
  const overrides: Partial<Config> = { ...(port !== undefined ? { port } : {}), ...(typeof host === "string" ? { host } : {}) };
  const config = loadConfig(process.env, overrides);
  const server = await startServer(config, { demo: demo && config.demoCorpus, poller: !p.options.has("no-poll") });
  process.stderr.write(`impactwire: serving on ${server.url} (API ${server.url}/api/v1, docs ${server.url}/api/v1/openapi.json)\n`);
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      process.stderr.write(`impactwire: ${signal}, shutting down\n`);
      void server.close().finally(resolve);
    };
    process.once("SIGINT", () => stop("SIGINT"));
    process.once("SIGTERM", () => stop("SIGTERM"));
  });
  return EXIT.ok;
}

/**
 * Runs `serve`.
 *
 * @example
 * process.exitCode = await runServe(["--port", "9000"]);
 */
export async function runServe(args: string[]): Promise<number> {
  return run(args, false);
}

/**
 * Runs `start` (serve + demo corpus on first run).
 *
 * @example
 * process.exitCode = await runStart([]);
 */
export async function runStart(args: string[]): Promise<number> {
  return run(args, true);
}

registerCommand("serve", "serve the API, live stream, alerts and web UI (with the feed poller)", runServe);
registerCommand("start", "serve, loading the demo corpus into an empty database first", runStart);
