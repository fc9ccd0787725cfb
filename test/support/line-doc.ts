import { lineSpans } from "../../src/model/index.js";

/** A document written one sentence a line (as ECB+ stores its articles), each line a paragraph, for stage tests. */
export function lineDoc(...ls: string[]): { id: string; text: string; paragraphs: { span: { start: number; end: number }; kind: "paragraph" }[] } {
  const text = ls.join("\n");
  return { id: "t", text, paragraphs: lineSpans(text).map((span) => ({ span, kind: "paragraph" as const })) };
}
