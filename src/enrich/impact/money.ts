/**
 * A small reader for money written in news style ("$38 billion", "$1.2bn", "US$400 million", "$12B").
 * Used for the company-size cue of the surprise driver.
 */
const SCALE: Record<string, number> = {
  trillion: 1e12, tn: 1e12, t: 1e12,
  billion: 1e9, bn: 1e9, b: 1e9,
  million: 1e6, mn: 1e6, m: 1e6,
  thousand: 1e3, k: 1e3,
};

/**
 * Reads the first money amount of `text` in dollars; `null` when there is none.
 *
 * @example
 * parseMoneyText("$38 billion") // 38_000_000_000
 */
export function parseMoneyText(text: string): number | null {
  const m = /\$\s?(\d[\d,]*(?:\.\d+)?)\s*(trillion|billion|million|thousand|tn|bn|mn|[tbmk])?\b/i.exec(text);
  if (!m) return null;
  const n = Number(m[1]!.replace(/,/g, ""));
  if (!Number.isFinite(n)) return null;
  return n * (m[2] ? SCALE[m[2].toLowerCase()] ?? 1 : 1);
}
