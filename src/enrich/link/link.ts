// PLACEHOLDER owned by the linking work (issue 3).
import type { Doc } from "../normalize/normalize.ts";
import type { Reference } from "../../reference/reference.ts";
import type { Entity, TickerLink } from "../../contract/enrichment.ts";

export interface LinkResult {
  /** Linked tickers, most relevant first; `sentiment` is 0 here and filled by the sentiment stage. */
  tickers: TickerLink[];
  entities: Entity[];
}

export function link(_doc: Doc, _ref: Reference): LinkResult {
  return { tickers: [], entities: [] };
}
