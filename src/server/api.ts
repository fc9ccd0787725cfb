/**
 * The HTTP API under `/api/v1`: thin typed routes over the library API the CLI
 * uses (the store, `ingestStep`, the report renderers). Every error is a
 * problem (`problem.ts`); every write needs the token and is acknowledged only
 * once committed.
 */
import { Hono, type Context } from "hono";
import { streamSSE } from "hono/streaming";
import { readInputs } from "../ingest/index.js";
import { emptyCounts, ingestStep, type PendingInput } from "../library/ingest.js";
import type { Message, RashomonDocument, Story } from "../model/index.js";
import { REPORT_CSP, renderHtml, renderMarkdown } from "../report/index.js";
import { inputHash } from "../store/hash.js";
import { FeedInputError } from "../store/feeds.js";
import type { ServerContext } from "./context.js";
import { OPENAPI } from "./openapi.js";
import { badRequest, HttpProblem, notFound } from "./problem.js";
import { submissionFromBody, submissionFromJson, submissionFromJsonLines, type Submission } from "./records.js";
import { requireToken } from "./security.js";
import { sendView, StoryViews } from "./story-views.js";
import { AnswerCache, CachedBody } from "./cached-body.js";

/** What an ingest request did. */
export interface IngestAnswer {
  added: number;
  skipped: number;
  failed: { input: string; reason: string }[];
  documents: { id: string; story: string }[];
}

/** The `/api/v1` routes. */
export function apiRoutes(ctx: ServerContext): Hono {
  const api = new Hono();
  const openapi = JSON.stringify(OPENAPI, null, 2);
  // The story listing is answered from memory while the library does not change (keyed by the query).
  const listings = new AnswerCache();

  api.get("/openapi.json", (c) => c.body(openapi, 200, { "content-type": "application/json; charset=utf-8" }));

  api.get("/health", async (c) => {
    const [documents, page, generation] = await Promise.all([ctx.store.countDocuments(), ctx.store.queryStories({ limit: 1 }), ctx.store.generation()]);
    return c.json({ status: "ok", documents, stories: page.total, generation });
  });

  api.get("/metrics", async (c) => {
    const [documents, page, feeds] = await Promise.all([ctx.store.countDocuments(), ctx.store.queryStories({ limit: 1 }), ctx.store.feeds.listFeeds()]);
    const failing = feeds.filter((f) => f.lastError !== null);
    const text = ctx.metrics.render({ documents, stories: page.total }, { total: feeds.length, failing: failing.length, errors: feeds.reduce((n, f) => n + f.consecutiveErrors, 0) });
    return c.body(text, 200, { "content-type": "text/plain; version=0.0.4; charset=utf-8" });
  });

  api.get("/stories", async (c) => {
    const q = storyQuery(c);
    const key = JSON.stringify(q);
    const g = ctx.generation();
    const cached = listings.get(key, g);
    if (cached) return cached.send(c);
    const page = await ctx.store.queryStories(q);
    const body = JSON.stringify({ total: page.total, limit: q.limit, offset: q.offset, stories: page.stories });
    return listings.set(key, new CachedBody(body, "application/json; charset=utf-8", g)).send(c);
  });

  api.get("/stories/:id", async (c) => {
    const format = c.req.query("format") ?? "json";
    if (!["json", "md", "html"].includes(format)) throw badRequest("format", `format must be json, md or html (got ${JSON.stringify(format.slice(0, 20))})`);
    const view = await ctx.views.get(c.req.param("id"), true);
    if (!view) throw notFound(`no story ${JSON.stringify(c.req.param("id"))} in the library`);
    // The Markdown and HTML forms are rendered, once, from the story's JSON report.
    const result = () => JSON.parse(StoryViews.json(view)) as { documents: RashomonDocument[]; stories: Story[]; messages: Message[] };
    if (format === "md") return sendView(c, view, "md", "text/markdown; charset=utf-8", () => renderMarkdown(result()));
    // The self-contained report carries its own policy (its one script, allowed by hash).
    if (format === "html") return sendView(c, view, "html", "text/html; charset=utf-8", () => renderHtml(result(), view.title ?? "Rashomon story"), { "content-security-policy": REPORT_CSP });
    return sendView(c, view, "json", "application/json; charset=utf-8", () => StoryViews.json(view));
  });

  api.get("/documents/:id", async (c) => {
    const found = await ctx.store.getDocument(c.req.param("id"));
    if (!found) throw notFound(`no document ${JSON.stringify(c.req.param("id"))} in the library`);
    return c.json({ story: found.story, document: found.document });
  });

  api.post("/documents", requireToken(ctx), async (c) => {
    const submission = await readSubmission(c);
    if (ctx.enqueue) return c.json(await queueSubmission(ctx, submission), 202);
    const started = performance.now();
    const answer = await ctx.writes(() => ingestSubmission(ctx, submission));
    ctx.metrics.ingest((performance.now() - started) / 1000, answer.added, answer.failed.length);
    await ctx.watcher.tick();
    return c.json(answer, answer.added > 0 ? 201 : 200);
  });

  api.get("/search", async (c) => {
    const q = c.req.query("q") ?? "";
    if (!q.trim()) throw badRequest("q", "give the words to search for in q");
    if (q.length > 500) throw badRequest("q", "q is longer than 500 characters");
    const limit = intParam(c, "limit", 20, 1, 100);
    return c.json(await searchLibrary(ctx, q, limit));
  });

  api.get("/feeds", async (c) => c.json({ feeds: await ctx.store.feeds.listFeeds() }));
  api.get("/feeds/:id", async (c) => {
    const feed = await ctx.store.feeds.getFeed(feedId(c));
    if (!feed) throw notFound(`no feed ${c.req.param("id")}`);
    return c.json(feed);
  });
  api.post("/feeds", requireToken(ctx), async (c) => {
    const body = await jsonBody(c);
    if (body === null || typeof body !== "object" || Array.isArray(body)) throw badRequest("body", 'the body must be {"url": "...", "intervalSeconds": 900}');
    const { url, intervalSeconds, ...extra } = body as Record<string, unknown>;
    const unknown = Object.keys(extra)[0];
    if (unknown) throw badRequest(unknown, `unknown field "${unknown}" (a feed has url and intervalSeconds)`);
    if (typeof url !== "string") throw badRequest("url", "url must be the feed's http(s) URL");
    if (intervalSeconds !== undefined && typeof intervalSeconds !== "number") throw badRequest("intervalSeconds", "intervalSeconds must be a number of seconds");
    if (!ctx.settings.allowPrivate) {
      const { checkPublicUrl } = await import("../feeds/index.js");
      const refused = await checkPublicUrl(url);
      if (refused) throw badRequest("url", refused);
    }
    try {
      const feed = await ctx.writes(() => ctx.store.feeds.addFeed(url, intervalSeconds === undefined ? {} : { intervalSeconds }));
      ctx.onFeedsChanged?.();
      return c.json(feed, 201);
    } catch (e) {
      if (e instanceof FeedInputError) throw badRequest(/interval/.test(e.message) ? "intervalSeconds" : "url", e.message);
      throw e;
    }
  });
  api.delete("/feeds/:id", requireToken(ctx), async (c) => {
    const removed = await ctx.writes(() => ctx.store.feeds.removeFeed(feedId(c)));
    if (!removed) throw notFound(`no feed ${c.req.param("id")}`);
    return c.body(null, 204);
  });

  api.get("/events", (c) =>
    streamSSE(c, async (stream) => {
      let wake: (() => void) | null = null;
      const queue: string[] = [];
      const stop = ctx.watcher.subscribe((change) => {
        queue.push(JSON.stringify(change));
        wake?.();
      });
      stream.onAbort(() => {
        stop();
        wake?.();
      });
      await stream.writeSSE({ event: "hello", data: JSON.stringify({ generation: ctx.generation() }) });
      while (!stream.aborted) {
        if (queue.length === 0) await new Promise<void>((r) => ((wake = r), setTimeout(r, 15_000).unref()));
        wake = null;
        if (stream.aborted) break;
        if (queue.length === 0) await stream.writeSSE({ event: "ping", data: "{}" });
        while (queue.length) await stream.writeSSE({ event: "library", data: queue.shift()! });
      }
      stop();
    }),
  );
  return api;
}

/** The story query of a request's parameters, checked. */
function storyQuery(c: Context): { limit: number; offset: number; since?: string; until?: string; outlet?: string; text?: string } {
  const out: { limit: number; offset: number; since?: string; until?: string; outlet?: string; text?: string } = {
    limit: intParam(c, "limit", 50, 1, 500), offset: intParam(c, "offset", 0, 0, 1_000_000_000),
  };
  for (const name of ["since", "until"] as const) {
    const v = c.req.query(name);
    if (v === undefined || v === "") continue;
    if (!/^\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(v) || Number.isNaN(Date.parse(v.slice(0, 10)))) throw badRequest(name, `${name} must be a date (YYYY-MM-DD or an ISO 8601 time)`);
    out[name] = v;
  }
  const outlet = c.req.query("outlet");
  if (outlet) out.outlet = outlet.slice(0, 200);
  const text = c.req.query("q");
  if (text) out.text = text.slice(0, 500);
  return out;
}

function intParam(c: Context, name: string, fallback: number, min: number, max: number): number {
  const v = c.req.query(name);
  if (v === undefined || v === "") return fallback;
  if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) throw badRequest(name, `${name} must be a whole number from ${min} to ${max}`);
  return Number(v);
}

function feedId(c: Context): number {
  const v = c.req.param("id") ?? "";
  if (!/^\d{1,15}$/.test(v)) throw badRequest("id", "a feed id is a number");
  return Number(v);
}

async function jsonBody(c: Context): Promise<unknown> {
  const text = await c.req.text();
  try {
    return JSON.parse(text);
  } catch (e) {
    throw badRequest("body", `the body is not valid JSON (${(e as Error).message})`);
  }
}

/** Reads a documents request by its content type. */
async function readSubmission(c: Context): Promise<Submission> {
  const type = (c.req.header("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type === "application/json" || type === "") return submissionFromJson(await jsonBody(c));
  if (type === "application/x-ndjson" || type === "application/jsonl" || type === "application/jsonlines") return submissionFromJsonLines(await c.req.text());
  if (type === "text/html" || type === "text/plain") {
    const query = c.req.query();
    for (const k of Object.keys(query)) if (!["id", "url", "outlet", "published", "title"].includes(k)) throw badRequest(k, `unknown query parameter "${k}" (id, url, outlet, published, title)`);
    return submissionFromBody(await c.req.text(), type === "text/html" ? "html" : "text", query);
  }
  throw new HttpProblem(415, "Unsupported media type", `send application/json, application/x-ndjson, text/html or text/plain (got ${type.slice(0, 60)})`, "content-type");
}

/** A submission's inputs, with the URLs fetched (each refused or failed URL named in `failed`). */
async function submissionInputs(ctx: ServerContext, submission: Submission): Promise<{ inputs: PendingInput[]; failed: { input: string; reason: string }[] }> {
  const failed: { input: string; reason: string }[] = [];
  if (submission.kind !== "urls") return { inputs: submission.inputs, failed };
  const inputs: PendingInput[] = [];
  const { checkPublicUrl } = await import("../feeds/index.js");
  for (const url of submission.urls) {
    const refused = ctx.settings.allowPrivate ? null : await checkPublicUrl(url);
    if (refused) {
      failed.push({ input: url, reason: refused });
      continue;
    }
    for await (const r of readInputs([url], { maxBytes: ctx.settings.maxFetchBytes, timeoutMs: ctx.settings.fetchTimeoutMs })) {
      if (r.ok) inputs.push({ raw: r.item, hash: inputHash(r.item) });
      else failed.push({ input: r.error.input, reason: r.error.toMessage().reason });
    }
  }
  return { inputs, failed };
}

/** What a queued submission did: inputs queued for `rashomon worker` processes (committed), and the ones that failed. */
export interface QueueAnswer {
  queued: number;
  failed: { input: string; reason: string }[];
}

/** Queues a submission's inputs for the library's workers (a PostgreSQL library served with --queue). */
export async function queueSubmission(ctx: ServerContext, submission: Submission): Promise<QueueAnswer> {
  const { inputs, failed } = await submissionInputs(ctx, submission);
  await ctx.enqueue!(inputs.map((p) => ({ ...p, referenceDate: p.referenceDate ?? null })));
  return { queued: inputs.length, failed };
}

/** Analyses and stores a submission's inputs (fetching URLs first), returning what happened to each. */
export async function ingestSubmission(ctx: ServerContext, submission: Submission): Promise<IngestAnswer> {
  const { inputs, failed } = await submissionInputs(ctx, submission);
  const errors: Message[] = [];
  const counts = emptyCounts();
  const stories: Record<string, string> = {};
  for (let i = 0; i < inputs.length; i += 50) {
    const step = await ingestStep(ctx.store, inputs.slice(i, i + 50), {}, counts, errors);
    Object.assign(stories, step.stories);
  }
  for (const e of errors) failed.push({ input: e.input ?? "", reason: e.reason });
  // Inputs skipped as already stored are found by id, so the answer names every document's story.
  const missing = inputs.map((p) => p.raw.id).filter((id) => !(id in stories));
  for (const id of missing) {
    const found = await ctx.store.getDocument(id);
    if (found) stories[id] = found.story;
  }
  const documents = Object.entries(stories).map(([id, story]) => ({ id, story }));
  return { added: counts.added, skipped: counts.skipped, failed, documents };
}

/** Documents and facts matching the words: documents by full-text search, facts from the dossiers of the stories found. */
export async function searchLibrary(ctx: ServerContext, q: string, limit: number) {
  const documents = await ctx.store.search(q, { limit });
  const { queryWords } = await import("../store/queries.js");
  const words = queryWords(q);
  const facts: { story: string; text: string; kind: string; independentSources: number; claims: { document: string; span: { start: number; end: number } }[] }[] = [];
  const stories = [...new Set(documents.map((d) => d.story))].slice(0, 5);
  for (const id of stories) {
    const view = await ctx.views.get(id);
    for (const f of view?.facts ?? []) {
      const lower = f.text.toLowerCase();
      if (words.every((w) => lower.includes(w.slice(0, Math.max(4, w.length - 3))))) {
        facts.push({ story: id, text: f.text, kind: f.kind, independentSources: f.independentSources, claims: f.claims.map((c) => ({ document: c.document, span: c.span })) });
      }
    }
  }
  return { query: q, documents, facts: facts.slice(0, limit) };
}
