/**
 * Where feature modules register their CLI commands (one import each), so that main.ts stays small.
 */
export {};
import "./analyze/analyze.ts";
import "./serve/serve.ts";
import "./serve/keys.ts";
import "./feeds/feeds.ts";
import "./store/migrate.ts";
import "./store/import.ts";
import "./prices/prices.ts";
