// PLACEHOLDER owned by the impact work.
import type { Doc } from "../normalize/normalize.ts";
import type { Reference } from "../../reference/reference.ts";
import type { Impact } from "../../contract/enrichment.ts";
import type { Findings } from "../findings.ts";

export function scoreImpact(_doc: Doc, _ref: Reference, _f: Findings): Impact {
  return { score: 0, direction: "neutral", horizon: "1d", drivers: [{ factor: "none", contribution: 0, detail: "" }] };
}
