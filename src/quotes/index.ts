/**
 * The quotes stage: who said what. Direct, indirect and mixed quotes of a
 * document with cue, speaker and the quote that reports them, and the
 * utterances that several outlets quote.
 */
export { extractQuotes } from "./extract.js";
export type { ExtractedQuote } from "./extract.js";
export type { QuoteSpeaker } from "./attribute.js";
export { alignUtterances } from "./align.js";
export type { AlignedUtterance } from "./align.js";
export { pairQuoteMarks } from "./marks.js";
export type { MarkedQuote } from "./marks.js";
