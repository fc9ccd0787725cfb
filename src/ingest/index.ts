import { InputError, MessageBag, type ArticleMetadata, type InputFormat, type Message } from "../model/index.js";
import { binaryKind, binaryTextKind } from "./binary.js";
import { charsetFromContentType, decodeBytes } from "./decode.js";
import { parseFeed, type FeedItem } from "./feed.js";
import { fetchUrl } from "./fetch-url.js";
import { idFromPath, idFromUrl } from "./ids.js";
import { parseJsonDocument, parseJsonLines, type JsonlRecord } from "./jsonl.js";
import { readFileLimited, readStreamLimited, walkPath } from "./read-file.js";
import { DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS, IngestFailure } from "./sizes.js";
import { rootElement, sniffFormat } from "./sniff.js";

export { DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS, MAX_REDIRECTS } from "./sizes.js";
export { sniffFormat, type SniffedFormat } from "./sniff.js";

/** One decoded input, ready for the HTML stage or the text cleaner. */
export interface RawInput {
  /** From the record, else the file name without extension, else the URL. */
  id: string;
  /** The path, URL, `-`, or `file.jsonl#<id>` it came from. */
  input: string;
  format: InputFormat;
  /** The decoded content: HTML source, or plain text exactly as decoded (without a byte order mark). */
  content: string;
  url: string | null;
  /** Fields given with the input (a JSON Lines record, a feed item); they override extracted ones. */
  given: ArticleMetadata;
  messages: Message[];
  /** The encoding the bytes were decoded from (`utf-8`, `windows-1252`, ...); absent for record content. */
  encoding?: string;
}

/** An input that became a RawInput, or the error that stopped it. */
export type IngestResult = { ok: true; item: RawInput } | { ok: false; error: InputError };

/** Options for {@link readInputs}. */
export interface IngestOptions {
  /** Refuse inputs larger than this many bytes (default 20 MiB). */
  maxBytes?: number;
  /** Per-request timeout for URLs, in ms (default 15 s; covers redirects and the whole body). */
  timeoutMs?: number;
  /** Whether to fetch the page of a feed item that carries no content. */
  fetchFeedPages?: boolean;
  /** Where `-` reads from (default `process.stdin`). */
  stdin?: NodeJS.ReadableStream;
}

interface Limits {
  maxBytes: number;
  timeoutMs: number;
  fetchFeedPages: boolean;
  stdin: NodeJS.ReadableStream | undefined;
}

/** Where some bytes came from. */
interface Source {
  input: string;
  id: string;
  url: string | null;
  /** File name or URL path, a hint for sniffing. */
  name: string | null;
  contentType: string | null;
}

const fail = (input: string, ruleId: string, reason: string): IngestResult => ({ ok: false, error: new InputError(input, ruleId, reason) });

const isUrl = (spec: string): boolean => /^https?:\/\//i.test(spec);

/**
 * Expands input specs (files, directories, `-`, URLs, JSON Lines, feeds) into
 * decoded inputs, one result per document, never throwing for a bad input.
 * Order is deterministic: specs as given, directory entries sorted by name,
 * records and feed items in file order.
 */
export async function* readInputs(specs: string[], opts: IngestOptions = {}): AsyncGenerator<IngestResult> {
  const limits: Limits = {
    maxBytes: opts.maxBytes ?? DEFAULT_MAX_BYTES,
    timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    fetchFeedPages: opts.fetchFeedPages ?? false,
    stdin: opts.stdin,
  };
  for (const spec of specs) {
    try {
      yield* readSpec(spec, limits);
    } catch (err) {
      // Not expected: every known failure is yielded; this keeps the batch going whatever happens.
      yield fail(spec, "ingest:failed", `could not be read (${err instanceof Error ? err.message : String(err)})`);
    }
  }
}

async function* readSpec(spec: string, limits: Limits): AsyncGenerator<IngestResult> {
  if (spec === "-") {
    let bytes: Uint8Array;
    try {
      bytes = await readStreamLimited(limits.stdin ?? process.stdin, limits.maxBytes);
    } catch (err) {
      yield failure("-", err);
      return;
    }
    yield* fromBytes({ input: "-", id: "stdin", url: null, name: null, contentType: null }, bytes, limits);
    return;
  }
  if (isUrl(spec)) {
    let fetched;
    try {
      fetched = await fetchUrl(spec, limits);
    } catch (err) {
      yield failure(spec, err);
      return;
    }
    const src: Source = { input: spec, id: idFromUrl(fetched.finalUrl), url: fetched.finalUrl, name: new URL(fetched.finalUrl).pathname, contentType: fetched.contentType };
    yield* fromBytes(src, fetched.bytes, limits);
    return;
  }
  let found = 0;
  for await (const entry of walkPath(spec)) {
    found++;
    if (entry.error) {
      yield fail(entry.path, entry.error.ruleId, entry.error.message);
      continue;
    }
    let bytes: Uint8Array;
    try {
      bytes = await readFileLimited(entry.path, limits.maxBytes);
    } catch (err) {
      yield failure(entry.path, err);
      continue;
    }
    yield* fromBytes({ input: entry.path, id: idFromPath(entry.path), url: null, name: entry.path, contentType: null }, bytes, limits);
  }
  if (found === 0) yield fail(spec, "ingest:empty-dir", "directory has no files (hidden files and node_modules are skipped)");
}

function failure(input: string, err: unknown): IngestResult {
  if (err instanceof IngestFailure) return fail(input, err.ruleId, err.message);
  return fail(input, "ingest:failed", `could not be read (${err instanceof Error ? err.message : String(err)})`);
}

const hasUtf16Bom = (b: Uint8Array): boolean => b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff));

/** Checks, decodes and sniffs one input's bytes, then yields its document(s). */
async function* fromBytes(src: Source, bytes: Uint8Array, limits: Limits): AsyncGenerator<IngestResult> {
  if (bytes.length === 0) {
    yield fail(src.input, "ingest:empty", "empty input");
    return;
  }
  const kind = hasUtf16Bom(bytes) ? null : binaryKind(bytes);
  if (kind) {
    yield fail(src.input, "ingest:binary", `binary file (${kind})`);
    return;
  }
  const bag = new MessageBag(src.input);
  const decoded = decodeBytes(bytes, bag, charsetFromContentType(src.contentType));
  // UTF-16 bytes (with a BOM, or recognised without one) are full of NULs: check the decoded text instead.
  const textKind = decoded.encoding.startsWith("utf-16") ? binaryTextKind(decoded.text) : null;
  if (textKind) {
    yield fail(src.input, "ingest:binary", `binary file (${textKind})`);
    return;
  }
  if (decoded.text.trim() === "") {
    yield fail(src.input, "ingest:empty", "empty input (only whitespace)");
    return;
  }
  const mime = src.contentType ? src.contentType.split(";")[0]!.trim().toLowerCase() : null;
  const format = sniffFormat(decoded.text, { name: src.name, contentType: mime });
  if (format === "feed") {
    yield* fromFeed(src, decoded.text, bag.messages, limits);
    return;
  }
  if (format === "jsonl" || format === "json") {
    yield* fromRecords(src, format === "jsonl" ? parseJsonLines(decoded.text) : parseJsonDocument(decoded.text), bag.messages);
    return;
  }
  if (format === "xml") {
    yield fail(src.input, "ingest:unsupported-xml", `unsupported XML document (root element <${rootElement(decoded.text)}>, not a feed or a page)`);
    return;
  }
  // Spans point into the decoded text, which is the document text only for plain text.
  const messages = format === "text" ? bag.messages : bag.messages.map((m) => ({ ...m, span: null }));
  yield { ok: true, item: { id: src.id, input: src.input, format, content: decoded.text, url: src.url, given: {}, messages, encoding: decoded.encoding } };
}

/** Messages about a whole file, copied to one of its records (no span: the record's text is not the file's). */
function inherited(messages: Message[], input: string): Message[] {
  return messages.map((m) => ({ ...m, input, span: null }));
}

function* fromRecords(src: Source, records: Iterable<JsonlRecord>, fileMessages: Message[]): Generator<IngestResult> {
  let count = 0;
  for (const rec of records) {
    count++;
    const input = rec.line === 0 ? src.input : `${src.input}#${rec.id ?? rec.line}`;
    if (!rec.ok) {
      yield fail(input, "ingest:bad-record", rec.reason);
      continue;
    }
    const bag = new MessageBag(input);
    for (const note of rec.notes) bag.warn(note.ruleId, note.reason);
    yield {
      ok: true,
      item: {
        id: rec.id ?? (rec.line === 0 ? src.id : `${src.id}-${rec.line}`), input, format: rec.format, content: rec.content,
        url: rec.url ?? src.url, given: rec.given, messages: [...inherited(fileMessages, input), ...bag.messages],
      },
    };
  }
  if (count === 0) yield fail(src.input, "ingest:empty", "empty input (no records)");
}

async function* fromFeed(src: Source, xml: string, fileMessages: Message[], limits: Limits): AsyncGenerator<IngestResult> {
  let feed;
  try {
    feed = parseFeed(xml);
  } catch (err) {
    const why = (err instanceof Error ? err.message : String(err)).replace(/\s+/g, " ").slice(0, 200);
    yield fail(src.input, "ingest:bad-feed", `not a valid feed (${why})`);
    return;
  }
  if (feed.items.length === 0) {
    yield fail(src.input, "ingest:empty-feed", `feed has no items`);
    return;
  }
  for (let i = 0; i < feed.items.length; i++) {
    const item = feed.items[i]!;
    const input = `${src.input}#${i + 1}`;
    const url = item.link ? absolute(item.link, src.url) : null;
    const id = url && isUrl(url) ? idFromUrl(url) : `${src.id}-${i + 1}`;
    const given = feedGiven(item, feed.title, url);
    const bag = new MessageBag(input);
    if (item.publishedRaw && !item.published) bag.warn("ingest:bad-date", `item ${i + 1}: date "${item.publishedRaw.slice(0, 60)}" is not one we can read; ignored`);
    const messages = [...inherited(fileMessages, input), ...bag.messages];
    if (item.content !== null) {
      yield { ok: true, item: { id, input, format: item.contentFormat, content: item.content, url, given, messages } };
    } else if (limits.fetchFeedPages && url && isUrl(url)) {
      yield* fromFeedPage({ input, id, url, name: null, contentType: null }, given, messages, limits);
    } else {
      const why = url ? ` (its page ${url} is fetched only with fetchFeedPages)` : " and no link";
      yield fail(input, "ingest:empty-item", `feed item has no content${why}`);
    }
  }
}

/** Fetches the page a content-less feed item links to; the item's fields stay the given ones. */
async function* fromFeedPage(src: Source, given: ArticleMetadata, messages: Message[], limits: Limits): AsyncGenerator<IngestResult> {
  let fetched;
  try {
    fetched = await fetchUrl(src.url!, limits);
  } catch (err) {
    const rule = err instanceof IngestFailure ? err.ruleId : "ingest:failed";
    yield fail(src.input, rule, `its page ${src.url}: ${err instanceof Error ? err.message : String(err)}`);
    return;
  }
  const r = await feedPageInput({ input: src.input, id: src.id }, fetched, given, messages, limits.maxBytes);
  if (r) yield r;
}

/**
 * The input a feed item's fetched page makes: its bytes checked, decoded and
 * sniffed as any page's, with the item's `id`, `input` and `given` fields (the
 * given URL, else the page's final URL). Null for a page that is itself a feed
 * or records (not expanded); an error result for bytes that are no page.
 */
export async function feedPageInput(
  item: { input: string; id: string }, fetched: { bytes: Uint8Array; contentType: string | null; finalUrl: string },
  given: ArticleMetadata, messages: Message[], maxBytes: number = DEFAULT_MAX_BYTES,
): Promise<IngestResult | null> {
  const page: Source = { input: item.input, id: item.id, url: fetched.finalUrl, name: new URL(fetched.finalUrl).pathname, contentType: fetched.contentType };
  const limits: Limits = { maxBytes, timeoutMs: DEFAULT_TIMEOUT_MS, fetchFeedPages: false, stdin: undefined };
  for await (const r of fromBytes(page, fetched.bytes, limits)) {
    if (!r.ok) return r;
    if (r.item.format === "html" || r.item.format === "text") {
      return { ok: true, item: { ...r.item, id: item.id, input: item.input, given: { ...given, url: given.url ?? fetched.finalUrl }, messages: [...messages, ...r.item.messages] } };
    }
    return null; // a page yields one document; a page that is itself a feed or records is not expanded
  }
  return null;
}

function absolute(link: string, base: string | null): string {
  try {
    return new URL(link, base ?? undefined).href;
  } catch {
    return link;
  }
}

/** The fields a feed item gives its document (they override the ones extracted from its content). */
export function feedGiven(item: FeedItem, outlet: string | null, url: string | null): ArticleMetadata {
  const g: ArticleMetadata = {};
  if (item.title) g.title = item.title;
  if (url) g.url = url;
  if (item.published) g.published = item.published;
  if (item.updated && item.updated !== item.published) g.updated = item.updated;
  if (outlet) g.outlet = outlet;
  if (item.byline) g.byline = item.byline;
  return g;
}
