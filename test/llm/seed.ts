/** The seed article's own text (../shared/seed without the page's header lines), for the LLM tests. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const SEED_DIR = fileURLToPath(new URL("../../../shared/seed/", import.meta.url));

/**
 * Title and text of the seed page: skips "Back to News", "Market Impact: …", the ticker chips, the category
 * line and the repeated title; the "Analysis" heading is dropped too.
 *
 * @example
 * const { title, text } = seedArticle();
 */
export function seedArticle(): { title: string; text: string } {
  const file = readdirSync(SEED_DIR).find((f) => f.endsWith(".txt"))!;
  const lines = readFileSync(join(SEED_DIR, file), "utf8").split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const isHeader = (l: string) => l === "Back to News" || /^Market Impact:/.test(l) || /^(?:[A-Z]{1,5}){2,}$/.test(l) || /Artificial Intelligence.*&/.test(l) || l === "Analysis";
  const kept = lines.filter((l) => !isHeader(l));
  const title = kept[0]!;
  return { title, text: kept.slice(1).filter((p) => p !== title).join("\n\n") };
}
