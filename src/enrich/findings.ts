/** What the stages before impact/summary/analysis have found; handed to the later stages. */
import type { EnrichEvent, Story, Topic } from "../contract/enrichment.ts";
import type { LinkResult } from "./link/link.ts";
import type { SentimentResult } from "./sentiment/sentiment.ts";

export interface Findings {
  linked: LinkResult;
  topics: Topic[];
  sentiment: SentimentResult;
  events: EnrichEvent[];
  story: Story;
}
