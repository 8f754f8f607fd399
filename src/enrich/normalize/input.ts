/**
 * A fast path for the article input schema: most inputs are plain objects of short strings, which the
 * field rules below (read from `ArticleInputSchema` itself: optional/default strings with length
 * bounds) accept without going through zod. Anything else — a wrong type, a bound crossed, a schema
 * shape the rules do not know — goes to `ArticleInputSchema.safeParse`, which gives the same data or
 * the error message.
 */
import { ArticleInputSchema } from "../../contract/article.ts";

interface FieldRule {
  key: string;
  optional: boolean;
  defaultValue: string | undefined;
  min: number;
  max: number;
}

type Parsed = ReturnType<typeof ArticleInputSchema.parse>;

interface ZodLike {
  _zod: { def: { type: string; innerType?: ZodLike; defaultValue?: unknown; checks?: { _zod: { def: { check: string; minimum?: number; maximum?: number } } }[] } };
}

function ruleOf(key: string, schema: ZodLike): FieldRule | null {
  const def = schema._zod.def;
  const wrapped = def.type === "optional" || def.type === "default";
  const inner = wrapped ? def.innerType : schema;
  if (!inner || inner._zod.def.type !== "string") return null;
  if (def.type === "default" && typeof def.defaultValue !== "string") return null;
  const rule: FieldRule = { key, optional: def.type === "optional", defaultValue: def.type === "default" ? (def.defaultValue as string) : undefined, min: 0, max: Infinity };
  for (const c of inner._zod.def.checks ?? []) {
    const d = c._zod.def;
    if (d.check === "min_length" && typeof d.minimum === "number") rule.min = d.minimum;
    else if (d.check === "max_length" && typeof d.maximum === "number") rule.max = d.maximum;
    else return null;
  }
  return rule;
}

function rulesOf(): FieldRule[] | null {
  // Object-level rules (a refinement, a strict or passthrough object) are zod's alone: no fast path.
  const objectDef = (ArticleInputSchema as unknown as { _zod: { def: { checks?: unknown[]; catchall?: unknown } } })._zod.def;
  if (objectDef.checks?.length || objectDef.catchall !== undefined) return null;
  const rules: FieldRule[] = [];
  for (const [key, schema] of Object.entries(ArticleInputSchema.shape)) {
    const rule = ruleOf(key, schema as unknown as ZodLike);
    if (!rule) return null;
    rules.push(rule);
  }
  return rules;
}

const RULES = rulesOf();

/**
 * The parsed input when it passes the field rules, else undefined (then zod decides).
 *
 * @example
 * fastParse({ title: "Fed holds rates", text: "…" }) // { title: "Fed holds rates", text: "…" }
 * fastParse({ title: 42 }) // undefined
 */
export function fastParse(input: unknown): Parsed | undefined {
  if (!RULES || typeof input !== "object" || input === null || Array.isArray(input)) return undefined;
  const source = input as Record<string, unknown>;
  const out: Record<string, string> = {};
  for (const r of RULES) {
    const v = source[r.key];
    if (v === undefined) {
      if (r.defaultValue !== undefined) out[r.key] = r.defaultValue;
      else if (!r.optional) return undefined;
      continue;
    }
    if (typeof v !== "string" || v.length < r.min || v.length > r.max) return undefined;
    out[r.key] = v;
  }
  return out as Parsed;
}
