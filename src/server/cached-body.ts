/**
 * An answer kept as bytes, plain and gzipped on first need: the story list is
 * answered from these while the library does not change.
 */
import { gzipSync } from "node:zlib";
import type { Context } from "hono";

/** A rendered answer, sent gzipped to clients that take it. */
export class CachedBody {
  private readonly plain: Uint8Array<ArrayBuffer>;
  private gz: Uint8Array<ArrayBuffer> | null = null;

  constructor(text: string, readonly type: string, readonly generation: number) {
    this.plain = new TextEncoder().encode(text);
  }

  /** The answer to a request. */
  send(c: Context): Response {
    if (/\bgzip\b/.test(c.req.header("accept-encoding") ?? "")) {
      this.gz ??= new Uint8Array(gzipSync(this.plain, { level: 6 }));
      return c.body(this.gz, 200, { "content-type": this.type, vary: "accept-encoding", "content-encoding": "gzip" });
    }
    return c.body(this.plain, 200, { "content-type": this.type, vary: "accept-encoding" });
  }
}

/** Cached answers by key, valid for one library generation. */
export class AnswerCache {
  private readonly entries = new Map<string, CachedBody>();

  constructor(private readonly capacity = 500) {}

  /** The cached answer for `key` at generation `g`, or null. */
  get(key: string, g: number): CachedBody | null {
    const hit = this.entries.get(key);
    return hit && hit.generation === g && g >= 0 ? hit : null;
  }

  /** Keeps an answer. */
  set(key: string, body: CachedBody): CachedBody {
    if (this.entries.size >= this.capacity) this.entries.clear();
    this.entries.set(key, body);
    return body;
  }
}
