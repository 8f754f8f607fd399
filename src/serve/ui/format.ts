/** Small, pure formatting helpers shared by the UI pages (numbers, times, bands). */

/** Impact bands used for badge colours and labels (DESIGN §4: ~0.5 ≈ twice the typical daily range). */
export type Band = "extreme" | "high" | "medium" | "low" | "minimal";

/**
 * The band of an impact score.
 *
 * @example
 * impactBand(0.44) // "medium"
 */
export function impactBand(score: number): Band {
  if (score >= 0.8) return "extreme";
  if (score >= 0.55) return "high";
  if (score >= 0.3) return "medium";
  if (score >= 0.12) return "low";
  return "minimal";
}

/**
 * A score in [0,1] with two decimals, as the seed shows it.
 *
 * @example
 * fmtScore(0.4412) // "0.44"
 */
export function fmtScore(score: number): string {
  return (Math.round(score * 100) / 100).toFixed(2);
}

/**
 * A signed number with two decimals ("+0.42", "−0.10", "0.00").
 *
 * @example
 * fmtSigned(-0.1) // "−0.10"
 */
export function fmtSigned(v: number): string {
  const r = Math.round(v * 100) / 100;
  if (r === 0) return "0.00";
  return (r > 0 ? "+" : "−") + Math.abs(r).toFixed(2);
}

/**
 * A signed percentage with one decimal ("+2.1%").
 *
 * @example
 * fmtPct(0.0213) // "+2.1%"
 */
export function fmtPct(ratio: number): string {
  const p = Math.round(ratio * 1000) / 10;
  if (p === 0) return "0.0%";
  return (p > 0 ? "+" : "−") + Math.abs(p).toFixed(1) + "%";
}

/** Sentiment class for colouring: pos, neg or neu. */
export function sentimentClass(v: number): "pos" | "neg" | "neu" {
  if (v >= 0.1) return "pos";
  if (v <= -0.1) return "neg";
  return "neu";
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * An absolute time in UTC, short and unambiguous ("Nov 28, 2026 14:05 UTC").
 *
 * @example
 * fmtTime("2026-11-28T14:05:00Z") // "Nov 28, 2026 14:05 UTC"
 */
export function fmtTime(iso: string | null | undefined): string {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  const hh = String(d.getUTCHours()).padStart(2, "0");
  const mm = String(d.getUTCMinutes()).padStart(2, "0");
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()} ${hh}:${mm} UTC`;
}

/**
 * A relative time ("5 min ago", "3 h ago", "2 d ago") against `now`.
 *
 * @example
 * relTime("2026-11-28T11:00:00Z", new Date("2026-11-28T14:00:00Z")) // "3 h ago"
 */
export function relTime(iso: string | null | undefined, now: Date = new Date()): string {
  if (!iso) return "";
  const t = new Date(iso).getTime();
  if (Number.isNaN(t)) return "";
  const s = Math.round((now.getTime() - t) / 1000);
  if (s < 0) return fmtTime(iso);
  if (s < 60) return "just now";
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86_400) return `${Math.floor(s / 3600)} h ago`;
  if (s < 30 * 86_400) return `${Math.floor(s / 86_400)} d ago`;
  return fmtTime(iso).replace(/ \d\d:\d\d UTC$/, "");
}

/**
 * Human label of an event type ("merger_acquisition" → "Merger & acquisition").
 *
 * @example
 * eventLabel("rating_change") // "Rating change"
 */
export function eventLabel(type: string): string {
  const special: Record<string, string> = { merger_acquisition: "Merger & acquisition", cyber_incident: "Cyber incident" };
  if (special[type]) return special[type];
  const s = type.replace(/_/g, " ");
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * Human label of an impact driver factor ("event_severity" → "Event severity").
 *
 * @example
 * factorLabel("novelty") // "Novelty"
 */
export function factorLabel(factor: string): string {
  const s = factor.replace(/[_-]+/g, " ").replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  return s.charAt(0).toUpperCase() + s.slice(1);
}
