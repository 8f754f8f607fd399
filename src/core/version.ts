/** The enrichment engine's version; stamped on every enrichment document. Bump when output changes. */
export const ENGINE_VERSION = "0.1.0";
/** The enrichment contract's schema version. */
export const SCHEMA_VERSION = "1";
