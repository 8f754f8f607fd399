/**
 * How prominent an event is in its article. News leads with its main event; history and asides come
 * later. Used to weight events in the impact score, the winners/losers and the summary.
 */
import type { EnrichEvent } from "../../contract/enrichment.ts";
import type { Doc } from "../normalize/normalize.ts";

/**
 * How prominent an event is in the article: news leads with its main event, so an event in the title
 * or the first three body sentences counts fully, the next two sentences at 0.6, and background
 * further down (history, analysts' asides) at 0.2.
 *
 * @example
 * prominence(doc, event) // 1 for an event in the lead
 */
export function prominence(doc: Pick<Doc, "sentences" | "bodyStart"> | undefined, e: Pick<EnrichEvent, "evidence">): number {
  if (!doc || e.evidence.start < doc.bodyStart) return 1;
  let first = -1;
  let i = -1;
  for (let k = 0; k < doc.sentences.length; k++) {
    const s = doc.sentences[k]!;
    if (s.start < doc.bodyStart) continue;
    if (first < 0) first = k;
    if (e.evidence.start < s.end) {
      i = k - first;
      break;
    }
  }
  return i < 0 || i <= 2 ? 1 : i <= 4 ? 0.6 : 0.2;
}

