import type { ArticleMetadata } from "../model/index.js";
import { normalizeDate } from "../metadata/index.js";
import { givenId } from "./ids.js";

/** A warning about one field of a record that was otherwise accepted. */
export interface RecordNote {
  /** `ingest:record-field` (a known field ignored), `ingest:record-unknown-field`, `ingest:bad-date`. */
  ruleId: string;
  reason: string;
}

/** A record of JSON Lines or of a JSON document; `line` 0 marks a lone record (the whole document). */
export type JsonlRecord =
  | { ok: true; line: number; id: string | null; format: "html" | "text"; content: string; url: string | null; given: ArticleMetadata; notes: RecordNote[] }
  | { ok: false; line: number; id: string | null; reason: string };

const STRING_FIELDS = ["title", "outlet", "url", "section", "byline", "standfirst", "language", "editor"] as const;

/**
 * Every field a record may carry: the README's `id`, `url`, `outlet`, `published`,
 * `title`, `html` | `text`, and the other metadata fields read since the start.
 * Any other field is reported as ignored.
 */
export const RECORD_FIELDS: readonly string[] = [
  "id", "url", "outlet", "published", "title", "html", "text",
  "updated", "section", "byline", "authors", "standfirst", "language", "editor",
];
const KNOWN = new Set(RECORD_FIELDS);

/** How many unknown field names (or bad `authors` entries) one message lists. */
const MAX_NAMED_FIELDS = 10;

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

/** A JSON value named for a reason: its type, and a short preview of a primitive (`a number (123)`). */
function describe(v: unknown): string {
  if (Array.isArray(v)) return "an array";
  if (v === null) return "null";
  switch (typeof v) {
    case "string": return `a string (${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)})`;
    case "number": return `a number (${Number.isFinite(v) ? String(v) : "out of range"})`;
    case "boolean": return `a boolean (${String(v)})`;
    default: return "an object";
  }
}

/** A field name as it appears in a reason: quoted, cut to 40 characters. */
const fieldName = (f: string): string => JSON.stringify(f.length > 40 ? `${f.slice(0, 40)}…` : f);

/** Null and blank strings say "no value": they are absent, not wrong. */
const absent = (v: unknown): boolean => v === undefined || v === null || (typeof v === "string" && v.trim() === "");

/**
 * Checks one record value; `line` is its line (or 1-based array position, 0 for
 * a lone record), `where` names it in reasons (empty for a lone record).
 * A known field of the wrong type, and every unknown field, is ignored with a note.
 */
export function recordFromValue(v: unknown, line: number, where: string): JsonlRecord {
  const at = where ? `${where}: ` : "";
  if (typeof v !== "object" || v === null || Array.isArray(v)) {
    return { ok: false, line, id: null, reason: `${at}not a JSON object` };
  }
  const r = v as Record<string, unknown>;
  const notes: RecordNote[] = [];
  const ignore = (field: string, why: string): void => {
    notes.push({ ruleId: "ingest:record-field", reason: `${at}field "${field}" ${why}; ignored` });
  };
  const mistyped = (field: string, expected: string): void => ignore(field, `is ${describe(r[field])}, expected ${expected}`);
  const id = givenId(r["id"]);
  if (id === null && !absent(r["id"])) mistyped("id", "a string or a number");
  const html = typeof r["html"] === "string" ? r["html"] : null;
  const txt = typeof r["text"] === "string" ? r["text"] : null;
  const content = html ?? txt;
  if (content === null) {
    const wrong = ["html", "text"].filter((f) => r[f] !== undefined).map((f) => `"${f}" is ${describe(r[f])}`);
    return { ok: false, line, id, reason: `${at}record has neither an "html" nor a "text" string${wrong.length > 0 ? ` (${wrong.join(", ")})` : ""}` };
  }
  if (content.trim() === "") return { ok: false, line, id, reason: `${at}empty input (the record's ${html !== null ? "html" : "text"} is blank)` };
  const other = html !== null ? "text" : "html";
  if (html !== null && txt !== null) ignore("text", `is not used: the record also has "html", which is read instead`);
  else if (!absent(r[other])) mistyped(other, "a string");
  const given: ArticleMetadata = {};
  for (const f of STRING_FIELDS) {
    const val = r[f];
    if (typeof val === "string" && val.trim() !== "") given[f] = val.trim();
    else if (!absent(val)) mistyped(f, "a string");
  }
  for (const f of ["published", "updated"] as const) {
    const val = r[f];
    if (absent(val)) continue;
    if (typeof val !== "string") {
      mistyped(f, "a date string");
      continue;
    }
    const iso = normalizeDate(val);
    if (iso) given[f] = iso;
    else notes.push({ ruleId: "ingest:bad-date", reason: `${at}"${f}" is not a date we can read (${JSON.stringify(val.slice(0, 60))}); ignored` });
  }
  const authors = authorsOf(r["authors"], at, notes);
  if (authors.length > 0) given.authors = authors;
  const unknown = Object.keys(r).filter((k) => !KNOWN.has(k));
  if (unknown.length > 0) {
    const named = unknown.slice(0, MAX_NAMED_FIELDS).map(fieldName).join(", ");
    const more = unknown.length > MAX_NAMED_FIELDS ? ` and ${unknown.length - MAX_NAMED_FIELDS} more` : "";
    const s = unknown.length === 1 ? "" : "s";
    notes.push({ ruleId: "ingest:record-unknown-field", reason: `${at}unknown field${s} ${named}${more} ignored (a record's fields are ${RECORD_FIELDS.join(", ")})` });
  }
  return { ok: true, line, id, format: html !== null ? "html" : "text", content, url: given.url ?? null, given, notes };
}

/** The names of a record's `authors` array; a value that is not an array, and entries that are not strings, are noted. */
function authorsOf(v: unknown, at: string, notes: RecordNote[]): string[] {
  if (absent(v)) return [];
  if (!Array.isArray(v)) {
    notes.push({ ruleId: "ingest:record-field", reason: `${at}field "authors" is ${describe(v)}, expected an array of strings; ignored` });
    return [];
  }
  const names: string[] = [];
  const bad: string[] = [];
  let badCount = 0;
  v.forEach((a, i) => {
    if (typeof a === "string") {
      if (a.trim() !== "") names.push(a.trim());
    } else if (a !== null && ++badCount <= MAX_NAMED_FIELDS) {
      bad.push(`${i + 1} (${describe(a)})`);
    }
  });
  if (badCount > 0) {
    const more = badCount > MAX_NAMED_FIELDS ? ` and ${badCount - MAX_NAMED_FIELDS} more` : "";
    const what = badCount === 1 ? "entry" : "entries";
    notes.push({ ruleId: "ingest:record-field", reason: `${at}field "authors": ${what} ${bad.join(", ")}${more} ${badCount === 1 ? "is not a string" : "are not strings"}; ignored` });
  }
  return names;
}
