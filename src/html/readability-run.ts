import { Readability } from "@mozilla/readability";
import type { Candidate } from "./align.js";
import { renderText } from "./render-text.js";

/** What Readability chose, as blocks of text. */
export interface ReadabilityResult {
  title: string | null;
  candidates: Candidate[];
  /** Characters of article text Readability returned. */
  length: number;
}

/**
 * Runs Readability on a parsed page (it mutates the document) and renders its
 * article element with the page renderer, so that block strings match the
 * page text exactly. Returns null when Readability finds nothing.
 */
export function runReadability(document: Document): ReadabilityResult | null {
  const reader = new Readability<Element>(document, { serializer: (el) => el as Element, disableJSONLD: true });
  const article = reader.parse();
  const content = article?.content;
  if (!article || !content) return null;
  const r = renderText(content);
  const candidates: Candidate[] = r.blocks.map((b) => ({
    text: r.text.slice(b.start, b.end),
    kind: b.ctx.caption ? "caption" : b.ctx.heading ? "heading" : "paragraph",
    linkChars: b.linkChars,
    element: b.element,
  }));
  return { title: article.title ?? null, candidates, length: r.text.length };
}
