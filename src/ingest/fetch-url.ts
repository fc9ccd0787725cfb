import http from "node:http";
import https from "node:https";
import zlib from "node:zlib";
import type { Readable } from "node:stream";
import { concatChunks, IngestFailure, MAX_REDIRECTS, tooLargeReason } from "./sizes.js";

/** The body of a fetched URL. */
export interface Fetched {
  bytes: Uint8Array;
  /** The Content-Type header value (with parameters), if sent. */
  contentType: string | null;
  /** The URL after redirects. */
  finalUrl: string;
}

/** Limits for {@link fetchUrl}. */
export interface FetchLimits {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects?: number;
}

const ACCEPTED_TYPES = [
  "text/html", "application/xhtml+xml", "text/plain", "text/xml", "application/xml",
  "application/rss+xml", "application/atom+xml", "application/rdf+xml",
  "application/jsonl", "application/x-jsonlines", "application/jsonlines", "application/x-ndjson",
  "application/ndjson", "application/json-lines", "application/json",
];

/** Why a Content-Type is refused, or null when it is a kind of text we read. A missing type is sniffed. */
export function refusedContentType(contentType: string | null): string | null {
  if (!contentType) return null;
  const type = contentType.split(";")[0]!.trim().toLowerCase();
  if (type === "" || ACCEPTED_TYPES.includes(type)) return null;
  if (type.startsWith("text/") || type.endsWith("+xml")) return null;
  const what = type.startsWith("image/") ? "an image" : type === "application/pdf" ? "a PDF" :
    type.startsWith("video/") ? "a video" : type.startsWith("audio/") ? "audio" :
    type === "application/octet-stream" ? "binary data" : "not a page we can read";
  return `unsupported content type ${type} (${what})`;
}

/** Plain words for common network errors. */
export function networkReason(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  switch (e?.code) {
    case "ERR_INVALID_URL": return "not a valid URL";
    case "ECONNREFUSED": return "connection refused";
    case "ENOTFOUND": case "EAI_AGAIN": return "host not found";
    case "ECONNRESET": return "connection reset";
    case "EHOSTUNREACH": case "ENETUNREACH": return "host unreachable";
    case "CERT_HAS_EXPIRED": case "DEPTH_ZERO_SELF_SIGNED_CERT": case "UNABLE_TO_VERIFY_LEAF_SIGNATURE":
      return `TLS certificate error (${e.code})`;
    default: return e?.message ? e.message : String(err);
  }
}

/** Content decoding for gzip/deflate/br bodies, else the stream itself. */
function decodedBody(res: http.IncomingMessage): Readable {
  const enc = String(res.headers["content-encoding"] ?? "").trim().toLowerCase();
  if (enc === "gzip" || enc === "x-gzip") return res.pipe(zlib.createGunzip());
  if (enc === "deflate") return res.pipe(zlib.createInflate());
  if (enc === "br") return res.pipe(zlib.createBrotliDecompress());
  return res;
}

/**
 * Fetches an http(s) URL with node's http client: one deadline (`timeoutMs`)
 * for connecting, every redirect and the whole body; redirects followed by hand
 * up to {@link MAX_REDIRECTS}; the size limit enforced on the decoded body while
 * it streams (the request is aborted beyond it); non-2xx statuses and non-text
 * content types refused. Throws {@link IngestFailure} with the reason.
 * Our own code rather than `fetch`, so that the byte limit and abort apply to the
 * socket itself and redirects stay under our control.
 */
export async function fetchUrl(url: string, limits: FetchLimits): Promise<Fetched> {
  const maxRedirects = limits.maxRedirects ?? MAX_REDIRECTS;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  try {
    let current = url;
    for (let hop = 0; ; hop++) {
      const res = await request(current, controller.signal, limits.timeoutMs);
      const status = res.statusCode ?? 0;
      if (status >= 300 && status < 400 && status !== 304) {
        res.resume();
        const location = res.headers.location;
        if (!location) throw new IngestFailure("ingest:http-status", `HTTP ${status} redirect without a Location header`);
        if (hop >= maxRedirects) throw new IngestFailure("ingest:too-many-redirects", `too many redirects (more than ${maxRedirects})`);
        const next = new URL(location, current);
        if (next.protocol !== "http:" && next.protocol !== "https:") {
          throw new IngestFailure("ingest:bad-redirect", `redirect to a non-http URL (${next.href})`);
        }
        current = next.href;
        continue;
      }
      if (status < 200 || status >= 300) {
        res.resume();
        throw new IngestFailure("ingest:http-status", `HTTP ${status}${res.statusMessage ? ` ${res.statusMessage}` : ""}`);
      }
      const contentType = typeof res.headers["content-type"] === "string" ? res.headers["content-type"] : null;
      const refused = refusedContentType(contentType);
      if (refused) {
        res.destroy();
        throw new IngestFailure("ingest:content-type", refused);
      }
      const declared = Number(res.headers["content-length"]);
      const identity = !res.headers["content-encoding"] || res.headers["content-encoding"] === "identity";
      if (identity && Number.isFinite(declared) && declared > limits.maxBytes) {
        res.destroy();
        throw new IngestFailure("ingest:too-large", tooLargeReason(declared, limits.maxBytes));
      }
      const bytes = await readBody(res, limits, controller.signal);
      return { bytes, contentType, finalUrl: current };
    }
  } catch (err) {
    if (err instanceof IngestFailure) throw err;
    if (controller.signal.aborted) throw new IngestFailure("ingest:timeout", `timed out after ${formatMs(limits.timeoutMs)}`);
    throw new IngestFailure("ingest:network", networkReason(err));
  } finally {
    clearTimeout(timer);
  }
}

function formatMs(ms: number): string {
  return ms >= 1000 && ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

function request(url: string, signal: AbortSignal, timeoutMs: number): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    const lib = url.startsWith("https:") ? https : http;
    const req = lib.get(url, {
      signal,
      timeout: timeoutMs,
      headers: {
        "user-agent": "rashomon/0.1 (news article reader)",
        accept: "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,text/plain;q=0.9,*/*;q=0.5",
        "accept-encoding": "gzip, deflate, br",
      },
    });
    req.on("response", resolve);
    req.on("error", reject);
    req.on("timeout", () => req.destroy(new Error("socket timeout")));
  });
}

/** Reads a response body, aborting once it passes the size limit or the deadline. */
function readBody(res: http.IncomingMessage, limits: FetchLimits, signal: AbortSignal): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const body = decodedBody(res);
    const chunks: Uint8Array[] = [];
    let total = 0;
    let settled = false;
    const fail = (err: unknown): void => {
      if (settled) return;
      settled = true;
      signal.removeEventListener("abort", onAbort);
      res.destroy();
      if (body !== res) body.destroy();
      reject(err);
    };
    const onAbort = (): void => fail(new Error("aborted"));
    signal.addEventListener("abort", onAbort, { once: true });
    body.on("data", (chunk: Buffer) => {
      total += chunk.length;
      if (total > limits.maxBytes) {
        fail(new IngestFailure("ingest:too-large", tooLargeReason(null, limits.maxBytes)));
        return;
      }
      chunks.push(chunk);
    });
    body.on("error", (err) => fail(err));
    res.on("error", (err) => fail(err));
    if (body === res) res.on("close", () => fail(new Error("connection closed before the body was complete")));
    body.on("end", () => {
      if (settled) return;
      settled = true;
      signal.removeEventListener("abort", onAbort);
      resolve(concatChunks(chunks, total));
    });
  });
}
