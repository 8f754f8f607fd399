/**
 * Feed dates → ISO 8601 UTC. Accepts RFC 822/1123 (RSS: "Sat, 28 Nov 2026 10:00:00 GMT", "+0100",
 * US zone names, missing seconds or weekday), W3C-DTF/ISO 8601 (Atom, RDF dc:date, JSON Feed; a time
 * without zone is read as UTC) and returns null for anything else.
 */

const ISO = /^(\d{4})-(\d{2})(?:-(\d{2}))?(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;
const ZONES: Record<string, string> = { UT: "+0000", UTC: "+0000", GMT: "+0000", Z: "+0000", EST: "-0500", EDT: "-0400", CST: "-0600", CDT: "-0500", MST: "-0700", MDT: "-0600", PST: "-0800", PDT: "-0700", CET: "+0100", CEST: "+0200", BST: "+0100" };

function fromIso(s: string): number | null {
  const m = ISO.exec(s);
  if (!m) return null;
  const [, y, mo, d = "01", h = "00", mi = "00", sec = "00", frac = "", zone] = m;
  let z = zone ? zone.toUpperCase() : "Z";
  if (z !== "Z" && !z.includes(":")) z = `${z.slice(0, 3)}:${z.slice(3)}`;
  const ms = frac ? `.${frac.padEnd(3, "0").slice(0, 3)}` : "";
  const t = Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${sec}${ms}${z}`);
  return Number.isNaN(t) ? null : t;
}

function fromRfc822(s: string): number | null {
  // Drop the weekday, name the zone numerically, and insist on an explicit zone (default GMT).
  let t = s.replace(/^[A-Za-z]{2,9},?\s*/, "").replace(/\s+/g, " ").trim();
  const m = /^(\d{1,2}) ([A-Za-z]{3})[a-z]* (\d{2,4}) (\d{1,2}):(\d{2})(?::(\d{2}))?(?: ?([A-Za-z]{1,4}|[+-]\d{4}))?$/.exec(t);
  if (!m) return null;
  const [, d, mon, yRaw, h, mi, sec = "00", zoneRaw = "GMT"] = m;
  const y = yRaw!.length === 2 ? (Number(yRaw) < 50 ? `20${yRaw}` : `19${yRaw}`) : yRaw;
  const zone = /^[+-]/.test(zoneRaw) ? zoneRaw : ZONES[zoneRaw.toUpperCase()];
  if (!zone) return null;
  t = `${d} ${mon} ${y} ${h!.padStart(2, "0")}:${mi}:${sec} ${zone}`;
  const ms = Date.parse(t);
  return Number.isNaN(ms) ? null : ms;
}

/**
 * Parses a feed date; null when empty or unreadable.
 *
 * @example
 * parseFeedDate("Sat, 28 Nov 2026 10:00:00 EST") // "2026-11-28T15:00:00.000Z"
 * parseFeedDate("2026-11-28T10:00:00+01:00")     // "2026-11-28T09:00:00.000Z"
 */
export function parseFeedDate(raw: string | null | undefined): string | null {
  const s = (raw ?? "").trim();
  if (!s) return null;
  const ms = fromIso(s) ?? fromRfc822(s);
  if (ms === null) return null;
  const year = new Date(ms).getUTCFullYear();
  if (year < 1970 || year > 2200) return null;
  return new Date(ms).toISOString();
}
