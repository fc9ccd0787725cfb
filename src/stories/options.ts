/** Options of the streaming story grouper and their tuned defaults. */
import { DEFAULT_WEIGHTS, type FeatureWeights } from "./features.js";
import type { ChannelShares } from "./vectors.js";

/** The least a document must carry to be grouped. */
export interface GroupInput {
  id: string;
  /** The text to group on (the clean body when there is one). */
  text: string;
  title?: string | null;
  published?: string | null;
  outlet?: string | null;
}

/** Tuning of the streaming grouper. */
export interface GrouperOptions {
  /** Link (see `linkTopK`) between a document and a story needed to join it. */
  threshold: number;
  /** Shares of the word, name, number and year cosines in the similarity. */
  shares: ChannelShares;
  /** Below this name cosine (both documents naming someone), a pair's similarity is multiplied by `namePenalty`. */
  nameGate: number;
  namePenalty: number;
  /** A candidate story is checked for a merge when the new document links to it at least this much. */
  mergeGate: number;
  /** Check a story for a split when its size is a multiple of this (0: never) and at least `splitMin`. */
  splitEvery: number;
  splitMin: number;
  /** Members each part of a split must have. */
  splitMinPart: number;
  /** Split when the link between the two groups is below this and below `splitRatio` times each group's own link. */
  splitThreshold: number;
  splitRatio: number;
  /** Average link between two stories needed to merge them. */
  mergeThreshold: number;
  /** Days after its last document that a story stops taking new ones. */
  windowDays: number;
  weights: FeatureWeights;
  /** Scoring a story: mean of this many best document-to-member similarities (at least `maxMembers`: average link). */
  linkTopK: number;
  /** Member document vectors kept per story, and terms kept per member. */
  maxMembers: number;
  memberTerms: number;
  /** Terms kept per story centroid. */
  centroidTerms: number;
  /** Terms of a story that go into the inverted index. */
  indexTerms: number;
  /** Terms of a new document used to look up candidates. */
  queryTerms: number;
  /** Candidate stories scored exactly, best index hits first. */
  maxCandidates: number;
  /** Candidates whose index score is below this share of the best one's are not scored. */
  minHitShare: number;
  /** Postings longer than this are not followed (common terms). */
  maxPosting: number;
}

/** Defaults tuned on the ECB+ train topics with the fixed term statistics, checked on dev (bench:cluster --tune). */
export const DEFAULT_GROUPER_OPTIONS: GrouperOptions = {
  threshold: 0.14,
  mergeThreshold: 0.28,
  mergeGate: 0.2,
  splitEvery: 2,
  splitMin: 6,
  splitMinPart: 2,
  splitThreshold: 0.32,
  splitRatio: 0.8,
  shares: [0.3, 0.4, 0.2, 0.1],
  nameGate: 0.05,
  namePenalty: 0.45,
  windowDays: 3,
  weights: DEFAULT_WEIGHTS,
  centroidTerms: 200,
  linkTopK: 30,
  maxMembers: 30,
  memberTerms: 100,
  indexTerms: 40,
  queryTerms: 30,
  maxPosting: 100,
  minHitShare: 0.3,
  maxCandidates: 20,
};

/**
 * Version of the grouping (algorithm, defaults and term statistics). A library
 * records the version its stories were made with and regroups once when it changes.
 */
export const GROUPING_VERSION = 1;
