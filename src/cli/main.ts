/**
 * The `impactwire` command line: parses the command and dispatches to its module.
 * Every failure is printed as one clear line (`impactwire: <module>: <message>`) with a documented exit code.
 */
import { ImpactwireError, EXIT, asImpactwireError } from "../core/errors.ts";
import { ENGINE_VERSION } from "../core/version.ts";
import { enrichmentJsonSchema } from "../contract/enrichment.ts";
import { configDocs } from "../core/config.ts";

type Command = (args: string[]) => Promise<number>;

const COMMANDS: Record<string, { summary: string; run: Command }> = {
  schema: {
    summary: "print the enrichment contract as JSON Schema",
    run: async () => {
      process.stdout.write(`${JSON.stringify(enrichmentJsonSchema(), null, 2)}\n`);
      return EXIT.ok;
    },
  },
  config: {
    summary: "config docs: print the configuration reference (Markdown)",
    run: async () => {
      process.stdout.write(configDocs());
      return EXIT.ok;
    },
  },
};

/**
 * Registers a sub-command (each feature module adds its own from src/cli/commands.ts).
 *
 * @example
 * registerCommand("analyze", "analyse one article", runAnalyze);
 */
export function registerCommand(name: string, summary: string, run: Command): void {
  COMMANDS[name] = { summary, run };
}

function usage(): string {
  const rows = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`);
  return `impactwire ${ENGINE_VERSION} — financial-news intelligence\n\nUsage: impactwire <command> [options]\n\nCommands:\n${rows.join("\n")}\n`;
}

/**
 * Runs the CLI with the given arguments and resolves to the process exit code.
 *
 * @example
 * process.exitCode = await main(["analyze", "article.txt", "--format", "text"]);
 */
export async function main(argv: string[]): Promise<number> {
  try {
    await import("./commands.ts");
  } catch (err) {
    process.stderr.write(`impactwire: internal: cannot load commands: ${(err as Error).message}\n`);
    return EXIT.internal;
  }
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(usage());
    return name ? EXIT.ok : EXIT.usage;
  }
  if (name === "--version" || name === "-v") {
    process.stdout.write(`${ENGINE_VERSION}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`impactwire: unknown command "${name}"\n\n${usage()}`);
    return EXIT.usage;
  }
  try {
    return await command.run(rest);
  } catch (err) {
    const e = err instanceof ImpactwireError ? err : asImpactwireError(err);
    process.stderr.write(`impactwire: ${e.message}\n`);
    if (e.exitCode === EXIT.internal && process.env.DEBUG) process.stderr.write(`${(err as Error).stack ?? ""}\n`);
    return e.exitCode;
  }
}
