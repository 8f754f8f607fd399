/**
 * Migration 0006 — the SimHash band table goes: near-duplicate candidates now come from an in-memory
 * band index kept by the store and synced from `articles` (src/store/sqlite/similar.ts). Its eight
 * rows per article landed on ~2,000 different band keys, so that every import batch of 250 articles
 * dirtied over a thousand pages of it (most of the WAL written per commit) for a table no query reads.
 */
import type { Migration } from "./index.ts";

const sqlite = /* sql */ `
DROP TABLE IF EXISTS simhash_bands;
`;

export const migration: Migration = { version: 6, name: "drop_simhash_bands", sqlite };
