/**
 * `impactwire keys create NAME [--scopes read,write,admin]`, `keys list`, `keys revoke ID`.
 * A new key is printed once on stdout; only its sha256 is stored.
 */
import { EXIT } from "../../core/errors.ts";
import { loadConfig } from "../../core/config.ts";
import { openStore } from "../../store/open.ts";
import { generateApiKey, hashApiKey, parseScopes } from "../../serve/auth/keys.ts";
import { registerCommand } from "../main.ts";
import { parseArgs, usage } from "./args.ts";

const HELP = "Usage: impactwire keys create NAME [--scopes read,write,admin] | keys list | keys revoke ID\n";

/**
 * Runs the keys command.
 *
 * @example
 * await runKeys(["create", "ci", "--scopes", "read,write"]);
 */
export async function runKeys(args: string[]): Promise<number> {
  const p = parseArgs(args, ["scopes=", "help"]);
  const [action, arg] = p.positional;
  if (p.options.has("help") || !action) {
    process.stdout.write(HELP);
    return action ? EXIT.ok : EXIT.usage;
  }
  if (!["create", "list", "revoke"].includes(action)) throw usage(`keys: unknown action "${action}"\n${HELP}`);
  if (action !== "list" && !arg) throw usage(`keys ${action}: missing ${action === "create" ? "NAME" : "ID"}`);
  let scopes: ReturnType<typeof parseScopes> = ["read", "write"];
  const rawScopes = p.options.get("scopes");
  if (rawScopes !== undefined) {
    try {
      scopes = parseScopes(String(rawScopes));
    } catch (err) {
      throw usage(`keys: ${(err as Error).message}`);
    }
  }
  const store = await openStore(loadConfig());
  try {
    await store.migrate();
    if (action === "create") {
      const key = generateApiKey();
      const rec = await store.createApiKey(arg!, hashApiKey(key), scopes);
      process.stderr.write(`created key ${rec.id} "${rec.name}" with scopes ${rec.scopes.join(",")}; it is shown only now:\n`);
      process.stdout.write(`${key}\n`);
    } else if (action === "list") {
      for (const k of await store.listApiKeys()) {
        process.stdout.write(`${k.id}\t${k.name}\t${k.scopes.join(",")}\t${k.createdAt}\t${k.revokedAt ? `revoked ${k.revokedAt}` : "active"}\n`);
      }
    } else {
      if (!(await store.revokeApiKey(arg!))) throw usage(`keys revoke: no active key "${arg}"`);
      process.stderr.write(`revoked ${arg}\n`);
    }
    return EXIT.ok;
  } finally {
    await store.close();
  }
}

registerCommand("keys", "keys create NAME [--scopes …] | list | revoke ID: API keys", runKeys);
