/**
 * One GET for the poller: conditional headers, redirects followed by hand
 * (each hop checked against private addresses), one deadline for the whole
 * exchange, and the size limit enforced while the body streams.
 */
import { networkReason, refusedContentType } from "../ingest/fetch-url.js";
import { IngestFailure, MAX_REDIRECTS, concatChunks, tooLargeReason } from "../ingest/sizes.js";
import { checkPublicUrl, type Lookup } from "./public-url.js";

/** How the poller's requests are made. */
export interface HttpSettings {
  timeoutMs: number;
  maxBytes: number;
  /** Fetch private and loopback addresses too (tests, an intranet deployment). */
  allowPrivate: boolean;
  fetch: typeof fetch;
  /** Host name resolution for the private-address check (default: the system's). */
  lookup?: Lookup;
}

/** A 2xx or 304 answer. */
export interface HttpAnswer {
  status: number;
  /** Empty for a 304. */
  bytes: Uint8Array;
  contentType: string | null;
  etag: string | null;
  lastModified: string | null;
  /** The URL after redirects. */
  finalUrl: string;
}

/** A failed request: the reason, and what it says about trying again. */
export class HttpFailure extends IngestFailure {
  constructor(
    ruleId: string,
    reason: string,
    /** The HTTP status, when the server answered. */
    readonly status: number | null = null,
    /** Seconds the server asked us to wait (Retry-After), if it did. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(ruleId, reason);
  }

  /** Whether asking again later may succeed (network trouble, a timeout, 5xx, 408, 429). */
  get transient(): boolean {
    if (this.status !== null) return this.status >= 500 || this.status === 408 || this.status === 429;
    return this.ruleId === "ingest:timeout" || this.ruleId === "ingest:network";
  }
}

const USER_AGENT = "rashomon/0.1 (news article reader)";

/** Seconds in a Retry-After header (a number or an HTTP date), or null. */
function retryAfter(value: string | null, now: number): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isFinite(at) ? Math.max(0, Math.ceil((at - now) / 1000)) : null;
}

function formatMs(ms: number): string {
  return ms >= 1000 && ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

/**
 * GETs `url` with `headers` (conditional ones included). Resolves with a 2xx
 * or 304 answer; throws {@link HttpFailure} for anything else (a refused
 * private address, another status, a refused content type, too large, timeout,
 * network failure), with a reason naming it.
 */
export async function httpGet(url: string, settings: HttpSettings, headers: Record<string, string> = {}): Promise<HttpAnswer> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), settings.timeoutMs);
  try {
    let current = url;
    for (let hop = 0; ; hop++) {
      if (!settings.allowPrivate) {
        const refused = await checkPublicUrl(current, settings.lookup);
        if (refused) throw new HttpFailure("feeds:private-address", refused);
      }
      const res = await settings.fetch(current, {
        redirect: "manual", signal: controller.signal,
        headers: { "user-agent": USER_AGENT, ...headers },
      });
      const status = res.status;
      if (status >= 300 && status < 400 && status !== 304) {
        await res.body?.cancel().catch(() => {});
        const location = res.headers.get("location");
        if (!location) throw new HttpFailure("ingest:http-status", `HTTP ${status} redirect without a Location header`, status);
        if (hop >= MAX_REDIRECTS) throw new HttpFailure("ingest:too-many-redirects", `too many redirects (more than ${MAX_REDIRECTS})`);
        const next = new URL(location, current);
        if (next.protocol !== "http:" && next.protocol !== "https:") throw new HttpFailure("ingest:bad-redirect", `redirect to a non-http URL (${next.href})`);
        current = next.href;
        continue;
      }
      const answer = { status, contentType: res.headers.get("content-type"), etag: res.headers.get("etag"), lastModified: res.headers.get("last-modified"), finalUrl: current };
      if (status === 304) {
        await res.body?.cancel().catch(() => {});
        return { ...answer, bytes: new Uint8Array(0) };
      }
      if (status < 200 || status >= 300) {
        await res.body?.cancel().catch(() => {});
        throw new HttpFailure("ingest:http-status", `HTTP ${status}${res.statusText ? ` ${res.statusText}` : ""}`, status, retryAfter(res.headers.get("retry-after"), Date.now()));
      }
      const refused = refusedContentType(answer.contentType);
      if (refused) {
        await res.body?.cancel().catch(() => {});
        throw new HttpFailure("ingest:content-type", refused);
      }
      return { ...answer, bytes: await readBody(res, settings.maxBytes) };
    }
  } catch (err) {
    if (err instanceof HttpFailure) throw err;
    if (controller.signal.aborted) throw new HttpFailure("ingest:timeout", `timed out after ${formatMs(settings.timeoutMs)}`);
    if (err instanceof IngestFailure) throw new HttpFailure(err.ruleId, err.message);
    const cause = (err as { cause?: unknown })?.cause;
    throw new HttpFailure("ingest:network", networkReason(cause ?? err));
  } finally {
    clearTimeout(timer);
  }
}

/** Reads a response body (decoded), cancelling it once it passes `maxBytes`. */
async function readBody(res: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(res.headers.get("content-length"));
  const identity = !res.headers.get("content-encoding") || res.headers.get("content-encoding") === "identity";
  if (identity && Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel().catch(() => {});
    throw new IngestFailure("ingest:too-large", tooLargeReason(declared, maxBytes));
  }
  if (!res.body) return new Uint8Array(0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new IngestFailure("ingest:too-large", tooLargeReason(null, maxBytes));
    }
    chunks.push(value);
  }
  return concatChunks(chunks, total);
}
