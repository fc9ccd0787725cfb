import type { AnalyzeResult } from "../../src/pipeline/index.js";

/**
 * Every span of an analysis result that lies outside its document's text, as
 * readable problems: every `{ start, end }` object inside a document (layout,
 * metadata provenance, times, events, quotes and their cues and speakers,
 * claims, messages), every `{ document, span }` in a story (lineage, timeline,
 * facts, discrepancies, summary citations), and run messages that carry a span.
 * A story's span tied to no document (an utterance's speaker mention, in one of
 * its variants' documents) must fit the longest text of the story.
 */
export function spanErrors(result: AnalyzeResult): string[] {
  const texts = new Map(result.documents.map((d) => [d.id, d.text]));
  const byInput = new Map(result.documents.map((d) => [d.input, d.text]));
  const errors: string[] = [];
  const check = (s: { start: unknown; end: unknown }, text: string | undefined, path: string): void => {
    if (text === undefined) {
      errors.push(`${path}: a span with no document to check it against`);
      return;
    }
    const { start, end } = s;
    if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= (start as number) && (start as number) <= (end as number) && (end as number) <= text.length)) {
      errors.push(`${path}: [${String(start)}, ${String(end)}) outside a text of length ${text.length}`);
    }
  };
  const walk = (v: unknown, text: string | undefined, path: string): void => {
    if (errors.length > 20 || v === null || typeof v !== "object") return;
    if (Array.isArray(v)) {
      v.forEach((x, i) => walk(x, text, `${path}[${i}]`));
      return;
    }
    const o = v as Record<string, unknown>;
    // A DocumentSpan or an item of one document (a claim) points into that document.
    const here = typeof o.document === "string" && texts.has(o.document) ? texts.get(o.document) : text;
    if (typeof o.start === "number" || typeof o.end === "number") check(o as { start: unknown; end: unknown }, here, path);
    for (const [k, x] of Object.entries(o)) if (k !== "text" && k !== "body") walk(x, here, `${path}.${k}`);
  };
  for (const d of result.documents) walk(d, d.text, `document ${d.id}`);
  result.stories.forEach((s, i) => {
    const longest = s.documents.map((id) => texts.get(id) ?? "").reduce((a, b) => (b.length > a.length ? b : a), "");
    walk(s, longest, `story ${i} (${s.id})`);
  });
  result.messages.forEach((m, i) => {
    if (m.span) check(m.span, m.input === null ? undefined : byInput.get(m.input), `run message ${i} (${m.ruleId})`);
  });
  return errors;
}

/** Messages of one document grouped by rule: the largest group's rule and size. */
export function largestRule(messages: { ruleId: string }[]): { rule: string | null; count: number } {
  const counts = new Map<string, number>();
  for (const m of messages) counts.set(m.ruleId, (counts.get(m.ruleId) ?? 0) + 1);
  let best: { rule: string | null; count: number } = { rule: null, count: 0 };
  for (const [rule, count] of counts) if (count > best.count) best = { rule, count };
  return best;
}

/**
 * The length of `s` once escaped for a report format, counted generously: in
 * HTML `& < > " '` become entities of up to six characters; in Markdown markup
 * characters gain a backslash; in JSON `"` and `\` do; control characters become
 * six-character escapes in all three.
 */
export function escapedLength(s: string, format: "json" | "md" | "html"): number {
  const count = (re: RegExp): number => s.match(re)?.length ?? 0;
  const controls = count(/[\u0000-\u001F\u007F-\u009F\u2028\u2029]/g) * 5;
  if (format === "html") return s.length + 5 * count(/[&<>"']/g) + controls;
  if (format === "md") return s.length + count(/[\\`*_{}[\]<>#|!~$&]/g) + controls;
  return s.length + count(/["\\]/g) + controls;
}

/**
 * The most a report of an input may hold: three times the input as escaped for
 * the format, plus 2 MiB (the JSON carries the text and the body once each, and
 * a quote left open to the end of the body a third time).
 */
export function reportBound(input: string, format: "json" | "md" | "html"): number {
  return 3 * escapedLength(input, format) + 2 * 1024 * 1024;
}
