import { cleanText } from "../clean/index.js";
import { extractHtml } from "../html/index.js";
import type { RawInput } from "../ingest/index.js";
import { extractTextMetadata } from "../metadata/index.js";
import {
  InputError,
  mergeMetadata,
  type ArticleLayout,
  type ArticleMetadata,
  type Message,
  type RashomonDocument,
} from "../model/index.js";
import type { CpuBudget } from "./budget.js";
import { errorText } from "./error-text.js";
import { DOCUMENT_STAGES } from "./stages.js";

export { errorText } from "./error-text.js";

/**
 * Turns one decoded input into a clean, described document (extraction and
 * metadata only). When `budget` is spent by the extraction, metadata from the
 * text is skipped (with a message) and so, in `analyzeInput`, are the later stages.
 */
export function buildDocument(raw: RawInput, budget?: CpuBudget): RashomonDocument {
  const messages: Message[] = [...raw.messages];
  let layout: ArticleLayout;
  let markup: ArticleMetadata = {};
  try {
    if (raw.format === "html") {
      const out = extractHtml(raw.content, { url: raw.url, input: raw.input });
      layout = out.layout;
      markup = out.metadata;
      messages.push(...out.messages);
    } else {
      const out = cleanText(raw.content, raw.input);
      layout = out.layout;
      messages.push(...out.messages);
    }
  } catch (err) {
    throw new InputError(raw.input, `extract:failed`, `could not extract the article (${errorText(err)})`);
  }
  if (layout.paragraphs.length === 0) {
    const why = messages.find((m) => m.ruleId.endsWith(":no-article"))?.reason ?? "nothing in it reads as article text";
    throw new InputError(raw.input, "extract:no-article", `no article found (${why.replace(`${raw.input}: `, "")})`);
  }
  let fromText: ArticleMetadata = {};
  if (budget?.spent()) messages.push(budget.message(raw.input, "extract", ["metadata", ...DOCUMENT_STAGES.map((s) => s.name)]));
  else fromText = safeTextMetadata(layout, raw.input, messages);
  const meta = mergeMetadata(raw.given, markup, fromText);
  for (const m of messages) if (m.input === null) m.input = raw.input;
  const body = layout.paragraphs.map((p) => layout.text.slice(p.span.start, p.span.end)).join("\n\n");
  return {
    id: raw.id,
    input: raw.input,
    format: raw.format,
    text: layout.text,
    title: meta.title ?? null,
    standfirst: meta.standfirst ?? null,
    section: meta.section ?? null,
    byline: meta.byline ?? null,
    authors: meta.authors ?? [],
    agencies: meta.agencies ?? [],
    outlet: meta.outlet ?? null,
    dateline: meta.dateline ?? null,
    published: meta.published ?? null,
    updated: meta.updated ?? null,
    editor: meta.editor ?? null,
    language: meta.language ?? null,
    url: meta.url ?? raw.url ?? null,
    body,
    paragraphs: layout.paragraphs,
    captions: layout.captions,
    removed: layout.removed,
    provenance: meta.provenance ?? {},
    messages,
  };
}

function safeTextMetadata(layout: ArticleLayout, input: string, messages: Message[]): ArticleMetadata {
  try {
    return extractTextMetadata(layout);
  } catch (err) {
    messages.push({ ruleId: "metadata:failed", severity: "warning", reason: `metadata from text failed: ${errorText(err)}`, input, span: null });
    return {};
  }
}
