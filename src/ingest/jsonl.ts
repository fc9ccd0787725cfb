import type { ArticleMetadata } from "../model/index.js";
import { normalizeDate } from "../metadata/index.js";
import { givenId } from "./ids.js";

/** One JSON Lines record, checked, or the reason its line was refused. */
/** A record of JSON Lines or of a JSON document; `line` 0 marks a lone record (the whole document). */
export type JsonlRecord =
  | { ok: true; line: number; id: string | null; format: "html" | "text"; content: string; url: string | null; given: ArticleMetadata; notes: string[] }
  | { ok: false; line: number; id: string | null; reason: string };

const STRING_FIELDS = ["title", "outlet", "url", "section", "byline", "standfirst", "language", "editor"] as const;

/**
 * Splits JSON Lines text into records `{"id","url","outlet","published","title","html"|"text"}`.
 * Blank lines are skipped; each bad line is refused on its own with its line number.
 * A record's `text` is kept exactly as given (it becomes the document text).
 */
export function* parseJsonLines(text: string): Generator<JsonlRecord> {
  let at = 0;
  let line = 0;
  while (at < text.length) {
    let end = text.indexOf("\n", at);
    if (end < 0) end = text.length;
    line++;
    const raw = text.slice(at, end).replace(/\r$/, "");
    at = end + 1;
    if (raw.trim() === "") continue;
    let v: unknown;
    try {
      v = JSON.parse(raw);
    } catch (err) {
      yield { ok: false, line, id: null, reason: `line ${line}: not valid JSON (${(err as Error).message})` };
      continue;
    }
    yield recordFromValue(v, line, `line ${line}`);
  }
}

/**
 * Reads a whole JSON document as records: an array of record objects, or one
 * record object. Throws when the text is not JSON.
 */
export function* parseJsonDocument(text: string): Generator<JsonlRecord> {
  const v: unknown = JSON.parse(text);
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) yield recordFromValue(v[i], i + 1, `item ${i + 1}`);
  } else {
    yield recordFromValue(v, 0, "");
  }
}

/**
 * Checks one record value; `line` is its line (or 1-based array position, 0 for
 * a lone record), `where` names it in reasons (empty for a lone record).
 */
function recordFromValue(v: unknown, line: number, where: string): JsonlRecord {
  const at = where ? `${where}: ` : "";
  if (typeof v !== "object" || v === null || Array.isArray(v)) {
    return { ok: false, line, id: null, reason: `${at}not a JSON object` };
  }
  const r = v as Record<string, unknown>;
  const id = givenId(r["id"]);
  const html = typeof r["html"] === "string" ? r["html"] : null;
  const txt = typeof r["text"] === "string" ? r["text"] : null;
  const content = html ?? txt;
  if (content === null) return { ok: false, line, id, reason: `${at}record has neither an "html" nor a "text" string` };
  if (content.trim() === "") return { ok: false, line, id, reason: `${at}empty input (the record's ${html !== null ? "html" : "text"} is blank)` };
  const given: ArticleMetadata = {};
  const notes: string[] = [];
  for (const f of STRING_FIELDS) {
    const val = r[f];
    if (typeof val === "string" && val.trim() !== "") given[f] = val.trim();
  }
  for (const f of ["published", "updated"] as const) {
    const val = r[f];
    if (typeof val !== "string" || val.trim() === "") continue;
    const iso = normalizeDate(val);
    if (iso) given[f] = iso;
    else notes.push(`${at}"${f}" is not a date we can read (${JSON.stringify(val.slice(0, 60))}); ignored`);
  }
  const authors = r["authors"];
  if (Array.isArray(authors)) {
    const names = authors.filter((a): a is string => typeof a === "string" && a.trim() !== "").map((a) => a.trim());
    if (names.length > 0) given.authors = names;
  }
  return { ok: true, line, id, format: html !== null ? "html" : "text", content, url: given.url ?? null, given, notes };
}
