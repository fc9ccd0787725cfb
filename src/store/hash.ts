import { createHash } from "node:crypto";
import type { RashomonDocument } from "../model/index.js";

/** Content hash of a document: SHA-256 of its text (the same article ingested twice hashes the same). */
export function contentHash(doc: RashomonDocument): string {
  return createHash("sha256").update(doc.text).digest("hex");
}
