import type { Fact } from "../model/index.js";

/** A piece of a sentence: the report's own words, or a field of the input (`field: true`) to escape and isolate. */
export interface TextPart {
  text: string;
  field: boolean;
}

/**
 * Why a fact counts the sources it does, as parts: each report it is attributed
 * to, each lineage group that states it; report names and document labels are fields.
 */
export function sourcesParts(f: Fact, label: (id: string) => string): TextPart[] {
  const own = (text: string): TextPart => ({ text, field: false });
  const field = (text: string): TextPart => ({ text, field: true });
  const labels = (ids: string[], separator: string) => ids.flatMap((id, i) => (i === 0 ? [field(label(id))] : [own(separator), field(label(id))]));
  return f.sources.flatMap((s, i) => [
    ...(i > 0 ? [own("; ")] : []),
    ...(s.kind === "report"
      ? [own("the "), field(s.name ?? ""), own(" report (repeated by "), ...labels(s.documents, ", "), own(")")]
      : s.documents.length > 1
        ? [...labels(s.documents, " + "), own(" (one wire story and its copies)")]
        : labels(s.documents.slice(0, 1), "")),
  ]);
}

