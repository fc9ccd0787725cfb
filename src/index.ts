/**
 * Rashomon's library API. The `rashomon` command is a thin face over these functions.
 *
 * @example
 * import { analyze, renderHtml } from "rashomon";
 * const result = await analyze(["articles/"]);
 * console.log(result.documents.map((d) => d.title));
 */
export * from "./model/index.js";
export { analyze, analyzeInput, buildDocument, buildStories, runDocumentStages, DOCUMENT_STAGES } from "./pipeline/index.js";
export type { AnalyzeOptions, AnalyzeProgress, AnalyzeResult, DocumentStage, StageContext } from "./pipeline/index.js";
export { readInputs } from "./ingest/index.js";
export type { IngestOptions, IngestResult, RawInput } from "./ingest/index.js";
export { extractHtml } from "./html/index.js";
export { cleanText } from "./clean/index.js";
export { extractHtmlMetadata, extractTextMetadata } from "./metadata/index.js";
export { extractTimes, buildTimeline } from "./time/index.js";
export { extractQuotes, alignUtterances } from "./quotes/index.js";
export { groupStories } from "./stories/index.js";
export { renderReport, renderJson, renderMarkdown, renderHtml, REPORT_CSP } from "./report/index.js";
export type { ReportFormat } from "./report/index.js";
export { openStore, openSqliteStore, openPostgresStore, LibraryError } from "./store/index.js";
export type { Store, StorySummary, OpenStoreOptions } from "./store/index.js";
export { ingestStep, emptyCounts } from "./library/ingest.js";
export type { PendingInput, Counts } from "./library/ingest.js";
export { FeedPoller, checkPublicUrl } from "./feeds/index.js";
export type { Feed, FeedStore, FeedPollerOptions } from "./feeds/index.js";
export type { SearchHit, StoryPage, StoryQuery } from "./store/store.js";
export { startServer } from "./server/serve.js";
export type { ServeOptions, RunningServer } from "./server/serve.js";
