/**
 * `--name value` options of the benchmark scripts.
 *
 * @example
 * const n = arg("n", 100_000); // `--n 1_000_000` → 1000000
 */
export function arg(name: string, def: number): number;
export function arg(name: string, def: string): string;
export function arg(name: string, def: number | string): number | string {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? process.argv[i + 1] : undefined;
  if (v === undefined) return def;
  return typeof def === "number" ? Number(v.replace(/_/g, "")) : v;
}
