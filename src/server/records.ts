/**
 * What `POST /api/v1/documents` accepts, checked before anything is stored: a
 * JSON record (the fields of a JSON Lines record), an array of them,
 * `{ "records": [...] }`, `{ "urls": [...] }`, JSON Lines, or one HTML or text
 * body with its fields in the query. The API is strict where the CLI warns: a
 * field of the wrong type, a date it cannot read or an unknown field refuses the
 * whole request (400, naming the field), so nothing of it is stored.
 */
import { createHash } from "node:crypto";
import type { RawInput } from "../ingest/index.js";
import { recordFromValue } from "../ingest/jsonl.js";
import type { PendingInput } from "../library/ingest.js";
import { inputHash } from "../store/hash.js";
import { badRequest } from "./problem.js";

/** Records one request may carry. */
export const MAX_RECORDS = 500;
/** URLs one request may ask to fetch. */
export const MAX_URLS = 50;

/** A request's inputs: records ready to analyse, or URLs to fetch. */
export type Submission = { kind: "records"; inputs: PendingInput[] } | { kind: "urls"; urls: string[] };

/** Reads a JSON body (already parsed) into a submission, or throws a 400 naming the field. */
export function submissionFromJson(body: unknown): Submission {
  if (body !== null && typeof body === "object" && !Array.isArray(body)) {
    const o = body as Record<string, unknown>;
    if ("urls" in o) {
      const extra = Object.keys(o).filter((k) => k !== "urls");
      if (extra.length) throw badRequest(extra[0]!, `unknown field "${extra[0]}" beside "urls"`);
      return { kind: "urls", urls: urlList(o["urls"]) };
    }
    if ("records" in o) {
      const extra = Object.keys(o).filter((k) => k !== "records");
      if (extra.length) throw badRequest(extra[0]!, `unknown field "${extra[0]}" beside "records"`);
      if (!Array.isArray(o["records"])) throw badRequest("records", `"records" must be an array of records`);
      return { kind: "records", inputs: records(o["records"], "records") };
    }
    return { kind: "records", inputs: records([o], null) };
  }
  if (Array.isArray(body)) return { kind: "records", inputs: records(body, "") };
  throw badRequest("body", "the body must be a record, an array of records, {\"records\": [...]} or {\"urls\": [...]}");
}

/** Reads JSON Lines (one record a line) into records, or throws a 400 naming the line. */
export function submissionFromJsonLines(text: string): Submission {
  const values: unknown[] = [];
  let line = 0;
  for (const raw of text.split("\n")) {
    line++;
    if (raw.trim() === "") continue;
    try {
      values.push(JSON.parse(raw));
    } catch (e) {
      throw badRequest(`line ${line}`, `line ${line} is not valid JSON (${(e as Error).message})`);
    }
  }
  return { kind: "records", inputs: records(values, "") };
}

/** One HTML or text body with its fields from the query string (`id`, `url`, `outlet`, `published`, `title`). */
export function submissionFromBody(content: string, format: "html" | "text", query: Record<string, string>): Submission {
  const rec: Record<string, unknown> = { ...query, [format]: content };
  return { kind: "records", inputs: records([rec], null) };
}

function urlList(v: unknown): string[] {
  if (!Array.isArray(v) || v.length === 0) throw badRequest("urls", `"urls" must be a non-empty array of http(s) URLs`);
  if (v.length > MAX_URLS) throw badRequest("urls", `at most ${MAX_URLS} URLs a request (got ${v.length})`);
  return v.map((u, i) => {
    if (typeof u !== "string") throw badRequest(`urls[${i}]`, `urls[${i}] is not a string`);
    let parsed: URL;
    try {
      parsed = new URL(u);
    } catch {
      throw badRequest(`urls[${i}]`, `urls[${i}] is not a URL`);
    }
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:") throw badRequest(`urls[${i}]`, `urls[${i}] is not an http(s) URL`);
    return parsed.toString();
  });
}

/** Checks each record (all of them, before any is used) and makes its input. */
function records(values: unknown[], list: string | null): PendingInput[] {
  if (values.length === 0) throw badRequest(list || "body", "no records");
  if (values.length > MAX_RECORDS) throw badRequest(list || "body", `at most ${MAX_RECORDS} records a request (got ${values.length})`);
  return values.map((v, i) => {
    const where = list === null ? "" : list === "" ? `[${i}]` : `${list}[${i}]`;
    const rec = recordFromValue(v, i + 1, "");
    if (!rec.ok) throw badRequest(fieldOf(where, rec.reason, /"(html|text)"/.test(rec.reason) ? "text" : null), `${where ? `${where}: ` : ""}${rec.reason}`);
    const note = rec.notes[0];
    if (note) throw badRequest(fieldOf(where, note.reason, null), `${where ? `${where}: ` : ""}${note.reason.replace(/; ignored$/, "").replace(/ ignored \(/, " (")}`);
    const raw: RawInput = {
      id: rec.id ?? "", input: `api:${where || "record"}`, format: rec.format, content: rec.content, url: rec.url, given: rec.given, messages: [],
    };
    // A record without an id is named by its content, so sending it again finds it stored.
    if (!raw.id) raw.id = `doc-${createHash("sha256").update(rec.content).digest("hex").slice(0, 16)}`;
    raw.input = `api:${raw.id}`;
    return { raw, hash: inputHash(raw) };
  });
}

/** The field a reason names (`records[2].published`), else the record itself. */
function fieldOf(where: string, reason: string, fallback: string | null): string {
  const named = /field "([^"]+)"|^"([^"]+)"|fields? "([^"]+)"/.exec(reason);
  const field = named?.[1] ?? named?.[2] ?? named?.[3] ?? fallback;
  if (!field) return where || "body";
  return where ? `${where}.${field}` : field;
}
