/**
 * `PriceSource`: where daily bars come from (a CSV/NDJSON file today; a market-data provider later).
 * Bars feed the ticker page's chart, the article page's event study and impact calibration.
 */
import type { PriceBar } from "../store/store.ts";

export interface PriceProblem {
  line: number;
  message: string;
}

export interface PriceSource {
  /** Yields the bars it holds; problems (bad lines) are reported to `onProblem` and skipped. */
  bars(onProblem: (p: PriceProblem) => void): AsyncIterable<PriceBar>;
}
