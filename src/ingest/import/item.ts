/**
 * One NDJSON line → an IngestItem: `{"id", "title", "text" | "html", "url", "publishedAt", "source"}`
 * (DESIGN §6). A bad line is a clear error naming the problem; the import reports it with its line
 * number and goes on.
 */
import { ImpactwireError, EXIT } from "../../core/errors.ts";
import type { IngestItem } from "../ingestor.ts";

const FIELDS = ["id", "title", "text", "html", "url", "publishedAt", "source", "sourceId", "seenAt"] as const;

function bad(message: string): never {
  throw new ImpactwireError("import", "BAD_LINE", message, { exitCode: EXIT.input });
}

/**
 * Parses one line into an item (ids given as numbers are accepted as text).
 *
 * @example
 * parseLine('{"id":"n1","title":"Acme beats","text":"…"}') // { externalId: "n1", id: "n1", title: "Acme beats", text: "…" }
 */
export function parseLine(text: string): IngestItem {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    bad(`invalid JSON: ${(err as Error).message}`);
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) bad("expected a JSON object");
  const o = value as Record<string, unknown>;
  const item: Record<string, string> = {};
  for (const f of FIELDS) {
    const v = o[f];
    if (v === undefined || v === null) continue;
    if (f === "id" && typeof v === "number") item[f] = String(v);
    else if (typeof v !== "string") bad(`"${f}" must be a string`);
    else item[f] = v;
  }
  if (item.text === undefined && item.html === undefined) {
    bad(item.url ? "the line has a url but no text or html (import does not fetch pages)" : "the line has no text or html");
  }
  return { ...item, title: item.title ?? "", ...(item.id ? { externalId: item.id } : {}) } as IngestItem;
}
