/**
 * `impactwire migrate [--reenrich]`: applies pending schema migrations (they also run at every
 * start); with --reenrich, re-enriches the articles made by an older engine version.
 */
import { EXIT, ImpactwireError } from "../../core/errors.ts";
import { loadConfig } from "../../core/config.ts";
import { ENGINE_VERSION } from "../../core/version.ts";
import { loadReference } from "../../reference/reference.ts";
import { openStore } from "../../store/open.ts";
import { Pipeline } from "../../ingest/pipeline/pipeline.ts";
import { registerCommand } from "../main.ts";

const HELP = "Usage: impactwire migrate [--reenrich]\n\nApplies pending schema migrations. --reenrich: re-enrich articles enriched by another engine version.\n";

/**
 * Runs the migrate command; resolves to the exit code.
 *
 * @example
 * await runMigrate([]);
 */
export async function runMigrate(args: string[]): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) return process.stdout.write(HELP), EXIT.ok;
  const unknown = args.find((a) => a !== "--reenrich");
  if (unknown) throw new ImpactwireError("migrate", "USAGE", `unknown argument ${unknown}\n\n${HELP}`, { exitCode: EXIT.usage });
  const config = loadConfig();
  const store = await openStore(config);
  try {
    const version = await store.migrate({ onProgress: (m) => process.stderr.write(`migrate: ${m}\n`) });
    process.stdout.write(`schema version ${version}\n`);
    if (args.includes("--reenrich")) {
      const pipeline = new Pipeline({ store, reference: loadReference(), maxChars: config.maxArticleChars });
      const r = await pipeline.reenrichStale({ oneTransactionPerBatch: true, onProgress: (n) => process.stderr.write(`migrate: re-enriched ${n}\n`) });
      process.stdout.write(`re-enriched ${r.reenriched} articles with engine ${ENGINE_VERSION}${r.failed ? `, ${r.failed} failed` : ""}\n`);
      return r.failed ? EXIT.partial : EXIT.ok;
    }
    return EXIT.ok;
  } finally {
    await store.close();
  }
}

registerCommand("migrate", "apply database migrations (--reenrich: refresh enrichments of an older engine)", runMigrate);
