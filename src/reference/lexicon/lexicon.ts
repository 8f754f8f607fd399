// PLACEHOLDER owned by the sentiment work: replaced by the real lexicon loader.
export interface Lexicon {
  words: Map<string, number>;
}
export function loadLexicon(): Lexicon {
  return { words: new Map() };
}
