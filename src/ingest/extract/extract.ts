// PLACEHOLDER owned by the extract work: HTML → main text (Readability + fallback).
export interface Extracted {
  title: string;
  text: string;
}
export function htmlToText(html: string): Extracted {
  return { title: "", text: html.replace(/<[^>]*>/g, " ") };
}
