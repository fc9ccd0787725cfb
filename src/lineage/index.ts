/** Lineage: credited agencies, cited outlets and reports, copies and rewrites, independent groups. */
export { findCues, bodyRanges, ownWordRanges } from "./cues.js";
export type { SourceCue } from "./cues.js";
export { AGENCIES, OUTLETS, canonicalAgency } from "./sources.js";
export type { SourceName } from "./sources.js";
export {
  buildLineage, findCopyLinks, findCopyLinksAllPairs, independentGroups, documentLineage, sourceNode, isSource, DEFAULT_COPY_THRESHOLDS,
} from "./graph.js";
export type { CopyLink, CopyThresholds, DocumentLineage } from "./graph.js";
