import type { Claim } from "./dossier.js";
import type { Message } from "./message.js";
import type { DocumentSpan, Span } from "./span.js";

/** How the input was given: an HTML page or plain text (clutter possibly included). */
export type InputFormat = "html" | "text";

/** A block of the clean body. */
export interface Paragraph {
  span: Span;
  kind: "paragraph" | "heading";
}

/** A photo caption set aside from the body, with its credit where it has one. */
export interface Caption {
  span: Span;
  text: string;
  credit: string | null;
}

/** A stretch of `text` left out of the body, and why (`navigation`, `related-links`, `video`, ...). */
export interface Removed {
  span: Span;
  reason: string;
  /** The rule that removed it. */
  rule: string;
}

/** "MEXICO CITY (AP) —": the place a story was filed from and the agency that filed it. */
export interface Dateline {
  place: string | null;
  agency: string | null;
  span: Span;
}

/**
 * A metadata value with the place it came from: a span into `text`, or, for HTML,
 * the markup source (`json-ld`, `meta:og:title`, ...). Kept beside the plain
 * value on the document under `provenance`.
 */
export interface FieldProvenance {
  span: Span | null;
  source: string;
}

/** A person, organization or place mention resolved by the entities stage. */
export interface EntityRef {
  name: string;
  mention: { text: string; span: Span } | null;
  role: string | null;
  kind: "person" | "organization" | "place" | "unknown";
  /** False for an unnamed speaker kept by its description ("a White House spokesperson", "they"). */
  named?: boolean;
}

/** A direct, indirect or mixed quote (issue: who said what). */
export interface Quote {
  id: string;
  kind: "direct" | "indirect" | "mixed";
  text: string;
  span: Span;
  cue: { text: string; span: Span } | null;
  speaker: EntityRef | null;
  reportedBy: string | null;
}

/** A normalized time expression (TIMEX3-style value and type). */
export interface TimeExpression {
  text: string;
  span: Span;
  value: string;
  type: "DATE" | "TIME" | "DURATION" | "SET";
  /** What the value was anchored on: `publication`, `narrative:<span>`, `absolute`, ... */
  anchor: string | null;
  rule?: string;
}

/** A clause tied to the date it happened. */
export interface DatedEvent {
  date: string;
  text: string;
  span: Span;
  /** Dated from a publication date the document does not give (its story's, see the pipeline's story anchor). */
  inferred?: boolean;
}

/** One article, cleaned and described. Every span points into `text`. */
export interface RashomonDocument {
  id: string;
  /** The input it came from: a path, a URL, `-`, or `file.jsonl#id`. */
  input: string;
  format: InputFormat;
  /** For plain text, exactly the decoded input; for HTML, the page rendered as text. */
  text: string;
  title: string | null;
  standfirst: string | null;
  section: string | null;
  byline: string | null;
  authors: string[];
  agencies: string[];
  outlet: string | null;
  dateline: Dateline | null;
  /** ISO 8601; without a zone when the source gives none (no invented offset). */
  published: string | null;
  updated: string | null;
  editor: string | null;
  /** ISO 639-1 code, or null when unsure. */
  language: string | null;
  url: string | null;
  /** The clean article: its paragraphs' text joined by blank lines. */
  body: string;
  paragraphs: Paragraph[];
  captions: Caption[];
  removed: Removed[];
  /** Where each metadata field came from. */
  provenance: Record<string, FieldProvenance>;
  messages: Message[];
  quotes?: Quote[];
  times?: TimeExpression[];
  events?: DatedEvent[];
  /** Sentences or clauses of the body that assert something (set by the dossier stage). */
  claims?: Claim[];
}

/** An item built from several sources: it has no span of its own. */
export interface Generated {
  derivedFrom: DocumentSpan[];
}
