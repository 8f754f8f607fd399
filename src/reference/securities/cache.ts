/**
 * The compiled master is cached on disk, keyed by a hash of the source files' names, sizes and
 * modification times plus the compiler version (stat-only, so a warm start reads no source file):
 * the first load after a data change compiles (~0.3 s) and writes the cache; every later load only
 * parses JSON. The cache lives in `node_modules/.cache/impactwire/` of the checkout (the usual place
 * for build caches), or in the OS temp folder when that is not writable. It is never committed: it is
 * derived data, ~1 MB, and rebuilt automatically whenever a source file changes.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { COMPILER_VERSION, type Compiled } from "./compile.ts";
import type { SourceTexts } from "./sources.ts";

const DEFAULT_CACHE_DIRS = [fileURLToPath(new URL("../../../node_modules/.cache/impactwire/", import.meta.url)), join(tmpdir(), "impactwire-cache")];

/**
 * The hash that keys the cache: source file names and contents plus the compiler version.
 *
 * @example
 * sourceHash(readSources()) // "3f9a…" (16 hex digits)
 */
export function sourceHash(texts: SourceTexts): string {
  const h = createHash("sha256").update(`v${COMPILER_VERSION}\n`);
  for (const [name, text] of [...texts].sort(([a], [b]) => a.localeCompare(b))) h.update(name).update("\0").update(text).update("\0");
  return h.digest("hex").slice(0, 16);
}

/**
 * The cache key from file metadata: any edit, added or removed file changes it.
 *
 * @example
 * statKey("/repo/data", sourceFiles()) // "9c1e…" (16 hex digits)
 */
export function statKey(dataDir: string, files: readonly string[]): string {
  const h = createHash("sha256").update(`v${COMPILER_VERSION}\n`);
  for (const rel of files) {
    const st = statSync(join(dataDir, rel));
    h.update(`${rel}\0${st.size}\0${st.mtimeMs}\n`);
  }
  return h.digest("hex").slice(0, 16);
}

/**
 * Reads a cached compilation for `hash`, or undefined when there is none (or it is unreadable).
 *
 * @example
 * const c = readCache("3f9a…") ?? compile(texts, "3f9a…");
 */
export function readCache(hash: string, dirs: readonly string[] = DEFAULT_CACHE_DIRS): Compiled | undefined {
  for (const dir of dirs) {
    try {
      const c = JSON.parse(readFileSync(join(dir, `securities-${hash}.json`), "utf8")) as Compiled;
      if (c.hash === hash && c.version === COMPILER_VERSION) return c;
    } catch {
      // no cache here: try the next place
    }
  }
  return undefined;
}

/**
 * Writes the compilation atomically to the first writable cache folder; returns its path (or undefined).
 *
 * @example
 * writeCache(compile(texts, hash));
 */
export function writeCache(c: Compiled, dirs: readonly string[] = DEFAULT_CACHE_DIRS): string | undefined {
  for (const dir of dirs) {
    try {
      mkdirSync(dir, { recursive: true });
      const file = join(dir, `securities-${c.hash}.json`);
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify(c));
      renameSync(tmp, file);
      return file;
    } catch {
      // not writable: try the next place
    }
  }
  return undefined;
}
