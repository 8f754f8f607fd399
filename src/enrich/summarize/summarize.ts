// PLACEHOLDER owned by the summarize work.
import type { Doc } from "../normalize/normalize.ts";
import type { Reference } from "../../reference/reference.ts";
import type { Findings } from "../findings.ts";

export function summarize(doc: Doc, _ref: Reference, _f: Findings): string {
  return doc.title;
}
