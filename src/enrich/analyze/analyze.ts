// PLACEHOLDER owned by the analyze work.
import type { Doc } from "../normalize/normalize.ts";
import type { Reference } from "../../reference/reference.ts";
import type { Analysis, Impact } from "../../contract/enrichment.ts";
import type { Findings } from "../findings.ts";
import { ENGINE_VERSION } from "../../core/version.ts";

export function analyze(_doc: Doc, _ref: Reference, _f: Findings & { impact: Impact; summary: string }): Analysis {
  return { takeaway: "-", sections: [], winners: [], losers: [], risks: [], contrarian: "", outlook: "", generator: `heuristic@${ENGINE_VERSION}` };
}
