/**
 * The finance sentiment lexicon (our own writing, in data/lexicon/): weighted words and phrases
 * ("beat estimates" +2.5, "cut guidance" −2.5, "plunged" −2.5 scaled by "…12%"), and the modifiers
 * that change the next phrase (negators "did not", intensifiers "sharply", diminishers "slightly").
 * Loaded once per process into one phrase trie.
 */
import { readFileSync } from "node:fs";
import { ImpactwireError, EXIT } from "../../core/errors.ts";
import { PhraseMatcher } from "./phrases.ts";

export type LexKind = "polar" | "negator" | "intensifier" | "diminisher";

export interface LexEntry {
  kind: LexKind;
  /** Polarity weight (−3..3) for `polar`; multiplier for modifiers. */
  weight: number;
  /** A price-move word: scaled by the percentage that follows ("fell 12%"). */
  move: boolean;
  /** Counts only when a percentage follows ("up 4%"). */
  needsPercent: boolean;
  phrase: string;
}

export interface Lexicon {
  /** Polar phrases and their weights (lower-case, as written in the data). */
  words: Map<string, number>;
  /** Every phrase (polar and modifiers) in one trie. */
  matcher: PhraseMatcher<LexEntry>;
}

const DATA_DIR = new URL("../../../data/lexicon/", import.meta.url);

function fail(file: string, line: number, message: string): never {
  throw new ImpactwireError("lexicon", "LEXICON_INVALID", `${file}:${line}: ${message}`, { exitCode: EXIT.config });
}

function rows(text: string, file: string, each: (cols: string[], line: number) => void): void {
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.trim();
    if (!raw || raw.startsWith("#")) continue;
    const cols = raw.split("\t").map((c) => c.trim());
    if (cols.length < 2) fail(file, i + 1, `expected TAB-separated columns, got "${raw}"`);
    each(cols, i + 1);
  }
}

/**
 * Builds a lexicon from the text of the polar list and the modifier list (TSV).
 *
 * @example
 * const lex = parseLexicon("beat\t2\nfell\t-1.2\tm\n", "not\tnegator\t-0.7\n");
 * lex.words.get("beat") // 2
 */
export function parseLexicon(polarTsv: string, modifiersTsv: string, names = ["finance.tsv", "modifiers.tsv"]): Lexicon {
  const words = new Map<string, number>();
  const matcher = new PhraseMatcher<LexEntry>();
  rows(polarTsv, names[0]!, (cols, line) => {
    const weight = Number(cols[1]);
    if (!Number.isFinite(weight) || Math.abs(weight) > 3) fail(names[0]!, line, `weight must be a number in −3..3, got "${cols[1]}"`);
    const flags = cols[2] ?? "";
    if (/[^mp]/.test(flags)) fail(names[0]!, line, `unknown flag in "${flags}" (m, p)`);
    const phrase = cols[0]!.toLowerCase();
    words.set(phrase, weight);
    matcher.add(phrase, { kind: "polar", weight, move: flags.includes("m"), needsPercent: flags.includes("p"), phrase });
  });
  rows(modifiersTsv, names[1]!, (cols, line) => {
    const kind = cols[1] as LexKind;
    if (kind !== "negator" && kind !== "intensifier" && kind !== "diminisher") fail(names[1]!, line, `unknown kind "${cols[1]}"`);
    const weight = Number(cols[2]);
    if (!Number.isFinite(weight)) fail(names[1]!, line, `factor must be a number, got "${cols[2]}"`);
    const phrase = cols[0]!.toLowerCase();
    matcher.add(phrase, { kind, weight, move: false, needsPercent: false, phrase });
  });
  return { words, matcher };
}

let cached: Lexicon | undefined;

/**
 * Loads (once per process) the bundled lexicon from data/lexicon/.
 *
 * @example
 * loadLexicon().words.get("downgrade") // -1.8
 */
export function loadLexicon(): Lexicon {
  if (cached) return cached;
  let polar: string;
  let modifiers: string;
  try {
    polar = readFileSync(new URL("finance.tsv", DATA_DIR), "utf8");
    modifiers = readFileSync(new URL("modifiers.tsv", DATA_DIR), "utf8");
  } catch (cause) {
    throw new ImpactwireError("lexicon", "LEXICON_MISSING", `cannot read the sentiment lexicon in ${DATA_DIR.pathname}`, { cause, exitCode: EXIT.config });
  }
  cached = parseLexicon(polar, modifiers);
  return cached;
}
