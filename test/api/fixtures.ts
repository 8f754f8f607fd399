/**
 * Articles written for the API tests (our own text). Each names a listed company plainly so the
 * linker has something to find, and says something with a clear tone.
 */
export const ARTICLES = {
  apple: {
    id: "t-apple-1",
    source: "Test Wire",
    publishedAt: "2026-11-20T14:00:00Z",
    title: "Apple beats quarterly earnings estimates as iPhone sales jump",
    text:
      "Apple Inc. (NASDAQ: AAPL) reported quarterly earnings well above analyst estimates on Thursday, helped by strong iPhone sales and record services revenue. " +
      "Apple said revenue rose 12% to $102 billion and raised its dividend. Shares of Apple climbed 4% in after-hours trading as investors cheered the results. " +
      "The company also said its new Wi-Fi chips will ship next year.",
  },
  microsoft: {
    id: "t-msft-1",
    source: "Test Wire",
    publishedAt: "2026-11-20T15:00:00Z",
    title: "Microsoft agrees to acquire cloud security firm for $4 billion",
    text:
      "Microsoft Corp. (NASDAQ: MSFT) agreed to acquire a cloud security company for $4 billion in cash, the software maker said on Thursday. " +
      "Microsoft expects the deal to close next quarter subject to regulatory approval. Analysts said the acquisition strengthens Microsoft's security business.",
  },
  tesla: {
    id: "t-tsla-1",
    source: "Other Wire",
    publishedAt: "2026-11-20T16:00:00Z",
    title: "Tesla recalls 200,000 vehicles over brake defect, shares fall",
    text:
      "Tesla Inc. (NASDAQ: TSLA) is recalling about 200,000 vehicles because of a brake defect that raises the risk of a crash, the U.S. safety regulator said. " +
      "Shares of Tesla fell 6% after the announcement. The recall is the latest in a series of quality problems that have hurt the carmaker.",
  },
  fed: {
    id: "t-fed-1",
    source: "Other Wire",
    publishedAt: "2026-11-20T18:00:00Z",
    title: "Federal Reserve holds interest rates steady and signals patience",
    text:
      "The Federal Reserve left its benchmark interest rate unchanged on Wednesday and signalled it would be patient before cutting rates again. " +
      "Policymakers said inflation remains elevated while the labour market is cooling gradually. Treasury yields edged lower after the decision.",
  },
} as const;

/**
 * A plain article with a unique title (for pagination and stream tests).
 *
 * @example
 * numbered(3, "2026-11-21T10:00:00Z")
 */
export function numbered(n: number, publishedAt: string, tag = "batch") {
  return {
    id: `t-${tag}-${n}`,
    source: "Number Wire",
    publishedAt,
    title: `Harbor logistics report number ${n} for ${tag}`,
    text: `Port operators published shipping volume report number ${n} for the ${tag} series. Container throughput was broadly stable this week, operators said, with routine maintenance at two terminals.`,
  };
}
