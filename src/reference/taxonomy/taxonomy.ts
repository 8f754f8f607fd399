// PLACEHOLDER owned by the classify work: replaced by the real taxonomy loader.
export interface TopicDef {
  id: string;
  label: string;
  definition: string;
}
export interface Taxonomy {
  topics: TopicDef[];
}
export function loadTaxonomy(): Taxonomy {
  return { topics: [] };
}
