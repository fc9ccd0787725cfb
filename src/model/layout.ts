import type { Caption, Paragraph, Removed } from "./document.js";
import type { Span } from "./span.js";

/** Kinds of metadata line a layout stage can point out for the metadata stage to read. */
export type LayoutFieldKind =
  | "title"
  | "standfirst"
  | "byline"
  | "published"
  | "updated"
  | "section"
  | "dateline"
  | "editor"
  | "credit"
  | "outlet"
  | "author-bio";

/** A metadata line (or part of one) found in the text, and the rule that found it. */
export interface LayoutField {
  kind: LayoutFieldKind;
  span: Span;
  rule: string;
}

/**
 * What the HTML extractor and the plain-text cleaner both produce: the document
 * text and how it divides into body, captions, clutter and metadata lines.
 * Every span points into `text`.
 */
export interface ArticleLayout {
  text: string;
  paragraphs: Paragraph[];
  captions: Caption[];
  removed: Removed[];
  title: Span | null;
  standfirst: Span | null;
  fields: LayoutField[];
}
