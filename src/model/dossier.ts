import type { DocumentSpan, Span } from "./span.js";

/** A number in a claim, with its unit and what it counts ("450,000 people killed"). */
export interface ClaimNumber {
  text: string;
  span: Span;
  value: number;
  unit: string | null;
  counts: string | null;
  /** "at least", "more than", "about", ... when the figure is a bound or an estimate. */
  qualifier?: string | null;
  /** A currency written with the figure ("€", "$", "euros"), normalised to its ISO code. */
  currency?: string | null;
}

/** One sentence of a document (headline, standfirst or body) that asserts something. */
export interface Claim {
  id: string;
  document: string;
  text: string;
  span: Span;
  /** Where the sentence stands: the headline, the standfirst or the body. */
  role?: "headline" | "standfirst" | "body";
  /** Names of the people, organizations and places it mentions. */
  entities: string[];
  numbers: ClaimNumber[];
  /** Normalized dates (TIMEX3 values) of the time expressions inside it. */
  dates: string[];
  /** Who the outlet reports it from ("the WSJ report"), or null when the outlet asserts it. */
  attribution: { source: string; span: Span } | null;
  /** Who speaks in it, when the sentence reports someone's words (a quote's speaker). */
  speaker?: string | null;
  /** Share of the sentence inside direct quotation marks (0 to 1). */
  quoted?: number;
}

/** What a fact states: an event, a time, a place, a figure, or what someone said. */
export type FactKind = "event" | "time" | "place" | "number" | "said";

/**
 * One independent source behind a fact: a report that the documents attribute it
 * to (counted once however many outlets repeat it), or a group of documents that
 * state it themselves (a wire story and its republications count once).
 */
export interface FactSource {
  kind: "report" | "documents";
  /** The report's name for `report`; null for a group of documents. */
  name: string | null;
  documents: string[];
}

/** A fact: sentences of one or more documents that state the same proposition (generated). */
export interface Fact {
  id: string;
  kind: FactKind;
  /** The fact as one document words it (the text of its representative span). */
  text: string;
  /** The sentences that state it; a document may state it in several. */
  claims: DocumentSpan[];
  documents: string[];
  /** How many independent sources state it: the length of `sources`. */
  independentSources: number;
  /** Why the count is what it is: each report and each lineage group behind the fact. */
  sources: FactSource[];
  /** The report every document attributes it to, when they all do. */
  attributedTo: string | null;
  /** For a figure, time, place or quoted phrase: what it is about (`people killed`). */
  slot?: string;
  /** The value the claims share (`3`, `2025-04-16`, `Texcoco`). */
  value?: string;
  /** The precise spans of the value or phrase inside the claims. */
  evidence?: DocumentSpan[];
  /**
   * For a fact of one document: the sentence of another document nearest to
   * stating it, and the aligner's probability that it does (below the link
   * threshold, else they would be one fact). From 0.25 up, the fact is not
   * listed among its document's unique facts: another outlet may state it.
   */
  nearest?: { document: string; span: Span; probability: number };
}

/** One side of a discrepancy. */
export interface DiscrepancySide {
  text: string;
  documents: string[];
  evidence: DocumentSpan[];
  /** Who gives this account, when the documents attribute it ("Wall Street Journal", "Claudia Sheinbaum"). */
  according?: string | null;
}

/**
 * Documents that give different values for the same slot of the same thing.
 * `kind` says on what; `compatible` marks differences in detail (both can be true:
 * a conversion, a rounding, a bound, a place inside another, figures of different times).
 */
export interface Discrepancy {
  kind: "number" | "date" | "place" | "person" | "wording" | "characterisation";
  topic: string;
  compatible: boolean;
  /** Why a difference is compatible (`conversion`, `bound`, `rounding`, `nested place`, ...). */
  reason?: string;
  sides: DiscrepancySide[];
}

/** A summary sentence with the spans it rests on (generated); each cited span states what it says. */
export interface SummarySentence {
  text: string;
  citations: DocumentSpan[];
  /** The fact it reports. */
  fact?: string;
}

/** The dossier part of a story. */
export interface DossierParts {
  facts: Fact[];
  uniqueFacts: Record<string, string[]>;
  discrepancies: Discrepancy[];
  summary: SummarySentence[];
}
