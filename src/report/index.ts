import type { AnalyzeResult } from "../pipeline/index.js";
import { renderHtml } from "./html/page.js";
import { renderMarkdown } from "./markdown.js";

export { renderHtml, REPORT_CSP } from "./html/page.js";
export { renderStoryView } from "./html/story-view.js";
export { REPORT_STYLE } from "./html/style.js";
export { REPORT_SCRIPT, REPORT_SCRIPT_HASH } from "./html/script.js";
export { documentNames, type DocumentName, type DocumentNamer } from "./html/document-names.js";
export { renderMarkdown } from "./markdown.js";
export { escapeHtml, escapeMarkdown } from "./escape.js";

/** Output formats of `rashomon analyze`. */
export type ReportFormat = "json" | "md" | "html";

/** The JSON output: `{ documents, stories, messages }`, as the committed JSON Schema describes. */
export function renderJson(result: Pick<AnalyzeResult, "documents" | "stories" | "messages">): string {
  return `${JSON.stringify({ documents: result.documents, stories: result.stories, messages: result.messages }, null, 2)}\n`;
}

/** Renders an analysis in the given format. */
export function renderReport(result: Pick<AnalyzeResult, "documents" | "stories" | "messages">, format: ReportFormat): string {
  switch (format) {
    case "json":
      return renderJson(result);
    case "md":
      return renderMarkdown(result);
    case "html":
      return renderHtml(result);
  }
}
