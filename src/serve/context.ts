/** What every HTTP module (API, stream, alerts, UI) is given by the server. */
import type { Config } from "../core/config.ts";
import type { Reference } from "../reference/reference.ts";
import type { Store } from "../store/store.ts";
import type { Ingestor } from "../ingest/ingestor.ts";

export interface ServeContext {
  config: Config;
  store: Store;
  reference: Reference;
  ingestor: Ingestor;
}
