import type { DocumentSpan, Span } from "./span.js";

/** A number in a claim, with its unit and what it counts ("450,000 people killed"). */
export interface ClaimNumber {
  text: string;
  span: Span;
  value: number;
  unit: string | null;
  counts: string | null;
}

/** One sentence or clause of a document's body that asserts something. */
export interface Claim {
  id: string;
  document: string;
  text: string;
  span: Span;
  /** Names of the people, organizations and places it mentions. */
  entities: string[];
  numbers: ClaimNumber[];
  /** Normalized dates (TIMEX3 values) of the time expressions inside it. */
  dates: string[];
  /** Who the outlet reports it from ("the WSJ report"), or null when the outlet asserts it. */
  attribution: { source: string; span: Span } | null;
}

/** A fact: claims of one or more documents that state the same thing (generated). */
export interface Fact {
  id: string;
  text: string;
  claims: DocumentSpan[];
  documents: string[];
  /** How many independent source groups (from lineage) state it. */
  independentSources: number;
  /** The source every document attributes it to, when they all do. */
  attributedTo: string | null;
  /** For a fact finer than a sentence, the detail its claims share (`date:2025-04-16`, `number:45 minute`, `source:wall street journal`). */
  anchor?: string;
}

/** One side of a discrepancy. */
export interface DiscrepancySide {
  text: string;
  documents: string[];
  evidence: DocumentSpan[];
}

/** Aligned claims or quotes that disagree. `kind` says on what; `compatible` marks differences in detail. */
export interface Discrepancy {
  kind: "number" | "date" | "place" | "person" | "wording";
  topic: string;
  compatible: boolean;
  sides: DiscrepancySide[];
}

/** A summary sentence with the spans it rests on (generated). */
export interface SummarySentence {
  text: string;
  citations: DocumentSpan[];
}

/** The dossier part of a story. */
export interface DossierParts {
  facts: Fact[];
  uniqueFacts: Record<string, string[]>;
  discrepancies: Discrepancy[];
  summary: SummarySentence[];
}
