/**
 * The labelled linking set: one case per line in `cases/<category>.txt` (`EXPECTED | text`, EXPECTED a
 * comma-separated list of symbols or `-`), and whole articles in `articles/*.txt` (first line
 * `# expect: …`, then title, blank line, body). Written by us; labels say what a careful reader expects.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { normalize, type Doc } from "../../src/enrich/normalize/normalize.ts";

export interface LabelledCase {
  id: string;
  category: string;
  expected: string[];
  doc: Doc;
}

const DIR = new URL(".", import.meta.url).pathname;

function symbols(s: string): string[] {
  return s.trim() === "-" ? [] : s.split(",").map((x) => x.trim()).filter(Boolean);
}

/**
 * Loads every labelled case.
 *
 * @example
 * loadCases().filter((c) => c.category === "traps").length // 50
 */
export function loadCases(): LabelledCase[] {
  const out: LabelledCase[] = [];
  for (const f of readdirSync(join(DIR, "cases")).filter((f) => f.endsWith(".txt")).sort()) {
    const category = f.replace(/\.txt$/, "");
    readFileSync(join(DIR, "cases", f), "utf8").split("\n").forEach((line, i) => {
      if (!line.trim() || line.startsWith("#")) return;
      const bar = line.indexOf(" | ");
      if (bar < 0) throw new Error(`${f}:${i + 1}: expected "SYMBOLS | text"`);
      const text = line.slice(bar + 3).trim();
      const doc = category === "paragraphs" ? normalize({ body: text }) : normalize({ title: text, body: "" });
      out.push({ id: `${category}:${i + 1}`, category, expected: symbols(line.slice(0, bar)), doc });
    });
  }
  for (const f of readdirSync(join(DIR, "articles")).filter((f) => f.endsWith(".txt")).sort()) {
    const raw = readFileSync(join(DIR, "articles", f), "utf8");
    const [head, title, , ...body] = raw.split("\n");
    const m = /^# expect:\s*(.*)$/.exec(head ?? "");
    if (!m) throw new Error(`articles/${f}: first line must be "# expect: …"`);
    out.push({ id: `articles:${f}`, category: "articles", expected: symbols(m[1]!), doc: normalize({ title: title ?? "", body: body.join("\n") }) });
  }
  return out;
}

export interface Score { tp: number; fp: number; fn: number; cases: number }

/**
 * Precision and recall from counts (1 when there is nothing to count).
 *
 * @example
 * pr({ tp: 9, fp: 1, fn: 0, cases: 5 }) // { precision: 0.9, recall: 1 }
 */
export function pr(s: Score): { precision: number; recall: number } {
  return { precision: s.tp + s.fp ? s.tp / (s.tp + s.fp) : 1, recall: s.tp + s.fn ? s.tp / (s.tp + s.fn) : 1 };
}
