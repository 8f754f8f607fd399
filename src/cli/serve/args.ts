/**
 * A tiny option parser for the serve/keys commands: `--name value`, `--name=value`, flags, positionals.
 */
import { EXIT, ImpactwireError } from "../../core/errors.ts";

export interface Parsed {
  positional: string[];
  options: Map<string, string | true>;
}

/**
 * Parses arguments, refusing options not in `known` (value options end in "=").
 *
 * @example
 * parseArgs(["create", "ci", "--scopes", "read"], ["scopes="]) // { positional: ["create","ci"], options: Map { scopes → "read" } }
 */
export function parseArgs(args: string[], known: string[]): Parsed {
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (!a.startsWith("--")) {
      positional.push(a);
      continue;
    }
    const [name, inline] = a.slice(2).split("=", 2) as [string, string | undefined];
    const takesValue = known.includes(`${name}=`);
    if (!takesValue && !known.includes(name)) throw usage(`unknown option --${name}`);
    if (!takesValue) {
      options.set(name, true);
      continue;
    }
    const value = inline ?? args[++i];
    if (value === undefined || value.startsWith("--")) throw usage(`--${name} needs a value`);
    options.set(name, value);
  }
  return { positional, options };
}

/**
 * A usage error (exit code 2).
 *
 * @example
 * throw usage("keys: missing NAME");
 */
export function usage(message: string): ImpactwireError {
  return new ImpactwireError("cli", "USAGE", message, { exitCode: EXIT.usage });
}

/**
 * An integer option, or undefined.
 *
 * @example
 * intOption(parsed, "port") // 9000
 */
export function intOption(p: Parsed, name: string): number | undefined {
  const v = p.options.get(name);
  if (v === undefined) return undefined;
  if (v === true || !/^\d+$/.test(v)) throw usage(`--${name} must be a whole number`);
  return Number(v);
}
