/**
 * Company-name normalisation: legal suffixes ("Inc.", "Corp.", "plc", "N.V.", "AG", "Class A", "/DE/")
 * are removed so that "NVIDIA CORP", "Nvidia Corporation" and "Nvidia" meet on one alias.
 */

const LEGAL = new Set(
  [
    "inc", "incorporated", "corp", "corporation", "co", "cos", "company", "companies", "ltd", "limited", "plc", "llc", "lp",
    "l.p", "llp", "n.v", "nv", "s.a", "sa", "ag", "se", "asa", "ab", "oyj", "spa", "s.p.a", "bv", "b.v", "kgaa", "a/s",
    "aktiengesellschaft", "sab", "s.a.b", "cv", "c.v", "de", "the", "new", "tbk", "pt", "bhd", "berhad", "pcl", "a.s",
    "s.a.a", "saa", "ord", "adr", "ads", "reit", "l.l.c", "pbc", "trust", "fund",
  ],
);
const GROUPISH = new Set(["holdings", "holding", "group", "hldgs"]);
const CLASS_RE = /\b(class|cl|series)\s+[a-z]\b.*$/i;
const SLASH_RE = /\s*\/[^/]*\/?\s*$/;

function words(name: string): string[] {
  return name.replace(/[,()]/g, " ").split(/\s+/).filter(Boolean);
}

function stripEnd(ws: string[], set: Set<string>, keep = 1): string[] {
  const out = ws.slice();
  while (out.length > keep) {
    const last = out[out.length - 1]!.toLowerCase().replace(/\.$/, "");
    if (!set.has(last)) break;
    out.pop();
  }
  return out;
}

/**
 * Removes legal forms from a company name; with `core`, also "Holdings", "Group" and the like.
 *
 * @example
 * stripLegal("Meta Platforms, Inc.") // "Meta Platforms"
 * stripLegal("Alibaba Group Holding Ltd", true) // "Alibaba"
 */
export function stripLegal(name: string, core = false): string {
  let n = name.trim();
  for (let i = 0; i < 3 && SLASH_RE.test(n); i++) n = n.replace(SLASH_RE, "");
  n = n.replace(CLASS_RE, "").replace(/\bA\s+S$/i, "").replace(/\bS\.?\s?A\.?\s*$/i, (m) => (n.trim().split(/\s+/).length > 1 ? "" : m));
  let ws = words(n);
  if (ws.length > 1 && ws[0]!.toLowerCase() === "the") ws = ws.slice(1);
  ws = stripEnd(ws, LEGAL);
  if (core) {
    for (let i = 0; i < 3; i++) ws = stripEnd(stripEnd(ws, GROUPISH), LEGAL);
  }
  while (ws.length > 1 && /^[&,.]+$/.test(ws[ws.length - 1]!)) ws.pop();
  return ws.join(" ").replace(/[.,]+$/, "");
}

const SMALL = new Set(["of", "and", "the", "for", "de", "la", "in", "on", "at", "to", "a"]);

/**
 * Turns an ALL-CAPS filing name into a readable one; mixed-case names are kept as written.
 *
 * @example
 * displayCase("TOYOTA MOTOR") // "Toyota Motor"
 * displayCase("Meta Platforms") // "Meta Platforms"
 */
export function displayCase(name: string): string {
  if (/\p{Ll}/u.test(name)) return name;
  return name
    .split(/\s+/)
    .map((w, i) => {
      const lw = w.toLowerCase();
      if (i > 0 && SMALL.has(lw)) return lw;
      if (w.length <= 3 || !/[AEIOUY]/.test(w) || /[&.]/.test(w)) return w;
      return w[0] + lw.slice(1);
    })
    .join(" ");
}
