import { createHash } from "node:crypto";
import type { RashomonDocument } from "../model/index.js";

/** Content hash of a document: SHA-256 of its text (the same article ingested twice hashes the same). */
export function contentHash(doc: RashomonDocument): string {
  return createHash("sha256").update(doc.text).digest("hex");
}

/** What of a decoded input (`RawInput` of the ingest stage) decides the document analysis makes of it. */
export interface HashedInput {
  id: string;
  format: string;
  content: string;
  url: string | null;
  given: object;
}

/**
 * Hash of a decoded input, computed before analysis: SHA-256 of its id, format,
 * URL, given fields and decoded content (not of where it was read from, so a
 * moved file hashes the same). Equal hashes mean analysis would make the same
 * document, so an input whose hash is stored can be skipped without analysing it.
 */
export function inputHash(input: HashedInput): string {
  const h = createHash("sha256");
  h.update(canonicalJson({ id: input.id, format: input.format, url: input.url, given: input.given }));
  h.update("\0");
  h.update(input.content);
  return h.digest("hex");
}

/** JSON with object keys sorted, so equal values serialise equally. */
function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(",")}]`;
  if (v && typeof v === "object") {
    const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonicalJson(x)}`).join(",")}}`;
  }
  return JSON.stringify(v) ?? "null";
}
