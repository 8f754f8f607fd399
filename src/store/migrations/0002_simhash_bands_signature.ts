/**
 * Migration 0002 — near-duplicate lookup without touching `articles`: each band row carries the
 * full signature, so that candidates are filtered by Hamming distance before any article is read,
 * and the per-article secondary index is dropped (a revision deletes its old band rows by key).
 */
import type { Migration } from "./index.ts";

const hexByte = (b: number): string => {
  const digit = (i: number): string => `(instr('0123456789abcdef', lower(substr(simhash, ${i}, 1))) - 1)`;
  return `${b * 256} + ${digit(2 * b + 1)} * 16 + ${digit(2 * b + 2)}`;
};

const sqlite = /* sql */ `
DROP TABLE simhash_bands;
CREATE TABLE simhash_bands (
  band_key INTEGER NOT NULL,
  ts INTEGER NOT NULL,
  article_pk INTEGER NOT NULL,
  simhash TEXT NOT NULL,
  PRIMARY KEY (band_key, ts, article_pk)
) WITHOUT ROWID;
${Array.from({ length: 8 }, (_, b) => `INSERT INTO simhash_bands (band_key, ts, article_pk, simhash) SELECT ${hexByte(b)}, sort_key / 1048576, pk, simhash FROM articles;`).join("\n")}
`;

export const migration: Migration = { version: 2, name: "simhash_bands_signature", sqlite };
