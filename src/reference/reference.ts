/**
 * Reference data every enrichment stage reads: the securities master (with aliases and the matching
 * automaton), the topic taxonomy and the sentiment lexicon. Loaded once per process from the compiled
 * form; `enrich` receives it as an argument so that it stays a pure function.
 */
import type { SecurityMaster } from "./securities/master.ts";
import type { Taxonomy } from "./taxonomy/taxonomy.ts";
import type { Lexicon } from "./lexicon/lexicon.ts";
import { loadSecurityMaster } from "./securities/master.ts";
import { loadTaxonomy } from "./taxonomy/taxonomy.ts";
import { loadLexicon } from "./lexicon/lexicon.ts";

export interface Reference {
  securities: SecurityMaster;
  taxonomy: Taxonomy;
  lexicon: Lexicon;
}

let cached: Reference | undefined;

/**
 * Loads (once per process) the compiled reference data.
 *
 * @example
 * const ref = loadReference();
 * const doc = enrich({ title: "…", text: "…" }, ref);
 */
export function loadReference(): Reference {
  cached ??= { securities: loadSecurityMaster(), taxonomy: loadTaxonomy(), lexicon: loadLexicon() };
  return cached;
}
