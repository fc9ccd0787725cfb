import type { EntityRef } from "./document.js";
import type { DossierParts } from "./dossier.js";
import type { DocumentSpan } from "./span.js";

/** How one document depends on another document or on a cited source. */
export interface LineageEdge {
  from: string;
  to: string;
  kind: "copy" | "rewrite" | "cites" | "credits";
  evidence: DocumentSpan[];
}

/** A story's source graph. */
export interface Lineage {
  edges: LineageEdge[];
  independentGroups: string[][];
}

/** One entry of a story's merged timeline (generated: it cites its evidence). */
export interface TimelineEntry {
  date: string;
  granularity: string;
  text: string;
  documents: string[];
  evidence: DocumentSpan[];
  conflict: boolean;
  /** Every account of it is dated from a publication date its document does not give (an undated document read at its story's date). */
  inferred?: boolean;
}

/** One utterance as several outlets quote it. */
export interface Utterance {
  id: string;
  speaker: EntityRef | null;
  variants: { document: string; quote: string; text: string }[];
  differences: { variants: string[]; words: string[] }[];
}

/** A group of documents that cover one event; the dossier parts are filled in by the dossier stage. */
export interface Story extends Partial<DossierParts> {
  id: string;
  title: string | null;
  documents: string[];
  firstSeen: string | null;
  lastSeen: string | null;
  outlets: string[];
  lineage?: Lineage;
  timeline?: TimelineEntry[];
  utterances?: Utterance[];
}
