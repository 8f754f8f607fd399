// PLACEHOLDER owned by the classify work.
import type { Doc } from "../normalize/normalize.ts";
import type { Reference } from "../../reference/reference.ts";
import type { Topic } from "../../contract/enrichment.ts";
import type { LinkResult } from "../link/link.ts";

export function classify(_doc: Doc, _ref: Reference, _linked: LinkResult): Topic[] {
  return [];
}
