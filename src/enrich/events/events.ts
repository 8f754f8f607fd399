// PLACEHOLDER owned by the events work.
import type { Doc } from "../normalize/normalize.ts";
import type { Reference } from "../../reference/reference.ts";
import type { EnrichEvent } from "../../contract/enrichment.ts";
import type { LinkResult } from "../link/link.ts";

export function extractEvents(_doc: Doc, _ref: Reference, _linked: LinkResult): EnrichEvent[] {
  return [];
}
