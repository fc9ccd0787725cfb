/**
 * The web UI's routes: pages over the same library API the HTTP API uses, and
 * the forms that write (following a feed, adding articles), which need the
 * token's cookie from the server's own pages.
 */
import { Hono, type Context } from "hono";
import { setCookie } from "hono/cookie";
import { REPORT_SCRIPT, REPORT_STYLE } from "../../report/index.js";
import { html } from "../../report/escape.js";
import type { Span } from "../../model/index.js";
import { ingestSubmission, queueSubmission, searchLibrary } from "../api.js";
import type { ServerContext } from "../context.js";
import { HttpProblem } from "../problem.js";
import { submissionFromBody, submissionFromJson, submissionFromJsonLines, type Submission } from "../records.js";
import { hasToken, TOKEN_COOKIE, tokenMatches } from "../security.js";
import { sendView } from "../story-views.js";
import { AnswerCache, CachedBody } from "../cached-body.js";
import { APP_CSS, APP_JS } from "./assets.js";
import { documentPage, errorPage, feedsPage, ingestPage, searchPage, storyListPage, storyPage } from "./pages.js";

const CACHE = "public, max-age=300";

/** The UI routes. */
export function uiRoutes(ctx: ServerContext): Hono {
  const ui = new Hono();
  const asset = (body: string, type: string) => (c: Context) => c.body(body, 200, { "content-type": type, "cache-control": CACHE });
  ui.get("/assets/app.css", asset(APP_CSS, "text/css; charset=utf-8"));
  ui.get("/assets/app.js", asset(APP_JS, "text/javascript; charset=utf-8"));
  ui.get("/assets/report.css", asset(REPORT_STYLE, "text/css; charset=utf-8"));
  ui.get("/assets/report.js", asset(REPORT_SCRIPT, "text/javascript; charset=utf-8"));

  // The story list's first pages are answered from memory while the library does not change.
  const lists = new AnswerCache();
  ui.get("/", async (c) => {
    const query = {
      limit: 30, offset: Math.max(0, Math.min(1e9, Number(c.req.query("offset") ?? 0) || 0)),
      text: c.req.query("q")?.slice(0, 200) || undefined, outlet: c.req.query("outlet")?.slice(0, 200) || undefined,
      since: dateParam(c.req.query("since")), until: dateParam(c.req.query("until")),
    };
    const key = JSON.stringify(query);
    const g = ctx.generation();
    const hit = lists.get(key, g);
    if (hit) return hit.send(c);
    const body = storyListPage(await ctx.store.queryStories(query), query);
    return lists.set(key, new CachedBody(body, "text/html; charset=utf-8", g)).send(c);
  });

  ui.get("/stories/:id", async (c) => {
    const view = await ctx.views.get(c.req.param("id"));
    if (!view) return c.html(errorPage(404, `There is no story ${c.req.param("id")} in this library.`), 404);
    return sendView(c, view, "page", "text/html; charset=utf-8", () => storyPage(view));
  });

  ui.get("/documents/:id", async (c) => {
    const found = await ctx.store.getDocument(c.req.param("id"));
    if (!found) return c.html(errorPage(404, `There is no document ${c.req.param("id")} in this library.`), 404);
    const at = /^(\d+)-(\d+)$/.exec(c.req.query("at") ?? "");
    const hit: Span | null = at ? { start: Number(at[1]), end: Number(at[2]) } : null;
    return c.html(documentPage(found.document, found.story, hit));
  });

  ui.get("/search", async (c) => {
    const q = (c.req.query("q") ?? "").slice(0, 500);
    return c.html(searchPage(q, q.trim() ? await searchLibrary(ctx, q, 20) : null));
  });

  ui.get("/feeds", async (c) => c.html(feedsPage(await ctx.store.feeds.listFeeds(), hasToken(c, ctx.settings.token))));
  ui.post("/feeds", async (c) => {
    if (!hasToken(c, ctx.settings.token)) return c.html(feedsPage(await ctx.store.feeds.listFeeds(), false, notice("Enter the token first.")), 401);
    const form = await c.req.parseBody();
    const url = typeof form["url"] === "string" ? form["url"].trim() : "";
    const minutes = Number(form["minutes"] ?? 15);
    let message;
    try {
      if (!ctx.settings.allowPrivate) {
        const { checkPublicUrl } = await import("../../feeds/index.js");
        const refused = await checkPublicUrl(url);
        if (refused) throw new Error(refused);
      }
      await ctx.writes(() => ctx.store.feeds.addFeed(url, { intervalSeconds: Math.max(1, Math.round((Number.isFinite(minutes) ? minutes : 15) * 60)) }));
      ctx.onFeedsChanged?.();
      message = notice(`Following ${url}.`);
    } catch (e) {
      message = html`<p class="error-box">${e instanceof Error ? e.message : String(e)}</p>`;
    }
    return c.html(feedsPage(await ctx.store.feeds.listFeeds(), true, message));
  });
  ui.post("/feeds/:id/remove", async (c) => {
    if (!hasToken(c, ctx.settings.token)) return c.html(errorPage(401, "Enter the token first."), 401);
    const id = Number(c.req.param("id"));
    if (Number.isInteger(id)) await ctx.writes(() => ctx.store.feeds.removeFeed(id));
    return c.redirect("/feeds", 303);
  });

  ui.get("/ingest", (c) => c.html(ingestPage(hasToken(c, ctx.settings.token))));
  ui.post("/ingest", async (c) => {
    if (!hasToken(c, ctx.settings.token)) return c.html(ingestPage(false, notice("Enter the token first.")), 401);
    const form = await c.req.parseBody({ all: true });
    const submissions: Submission[] = [];
    try {
      submissions.push(...(await formSubmissions(form)));
    } catch (e) {
      const detail = e instanceof HttpProblem ? e.detail : String(e);
      return c.html(ingestPage(true, html`<p class="error-box">${detail}</p>`), 400);
    }
    if (submissions.length === 0) return c.html(ingestPage(true, html`<p class="error-box">Give URLs, text or files.</p>`), 400);
    if (ctx.enqueue) {
      let queued = 0;
      const refused: string[] = [];
      for (const s of submissions) {
        const a = await queueSubmission(ctx, s);
        queued += a.queued;
        refused.push(...a.failed.map((f) => `${f.input}: ${f.reason}`));
      }
      return c.html(ingestPage(true, html`<div class="notice"><p>${queued} queued for the workers, ${refused.length} failed.</p>${refused.length ? html`<ul>${refused.slice(0, 20).map((f) => html`<li>${f}</li>`)}</ul>` : ""}</div>`));
    }
    let added = 0, skipped = 0;
    const failed: string[] = [];
    const stories = new Set<string>();
    for (const s of submissions) {
      const a = await ctx.writes(() => ingestSubmission(ctx, s));
      added += a.added;
      skipped += a.skipped;
      failed.push(...a.failed.map((f) => `${f.input}: ${f.reason}`));
      for (const d of a.documents) stories.add(d.story);
    }
    await ctx.watcher.tick();
    const links = [...stories].slice(0, 20).map((s) => html`<li><a href="/stories/${encodeURIComponent(s)}">${s}</a></li>`);
    return c.html(ingestPage(true, html`<div class="notice"><p>${added} added, ${skipped} already in the library, ${failed.length} failed.</p>${failed.length ? html`<ul>${failed.slice(0, 20).map((f) => html`<li>${f}</li>`)}</ul>` : ""}${links.length ? html`<p>Stories:</p><ul>${links}</ul>` : ""}</div>`));
  });

  ui.get("/login", (c) => login(c, ctx, c.req.query("token")));
  ui.post("/login", async (c) => {
    const form = await c.req.parseBody();
    return login(c, ctx, typeof form["token"] === "string" ? form["token"] : undefined);
  });
  return ui;
}

/** Sets the token's cookie when the token is right, and goes back to the start page. */
function login(c: Context, ctx: ServerContext, token: string | undefined): Response {
  if (!tokenMatches(token, ctx.settings.token)) return c.html(errorPage(401, "That is not this server's token."), 401);
  setCookie(c, TOKEN_COOKIE, ctx.settings.token, { httpOnly: true, sameSite: "Strict", path: "/" });
  return c.redirect("/", 303);
}

function notice(text: string) {
  return html`<p class="notice">${text}</p>`;
}

function dateParam(v: string | undefined): string | undefined {
  return v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined;
}

/** The inputs of the add-articles form: URLs, pasted text or HTML with its fields, and files (by their extension). */
async function formSubmissions(form: Record<string, unknown>): Promise<Submission[]> {
  const out: Submission[] = [];
  const one = (v: unknown) => (Array.isArray(v) ? v[0] : v);
  const urls = String(one(form["urls"]) ?? "").split(/\s+/).filter(Boolean);
  if (urls.length) out.push(submissionFromJson({ urls }));
  const text = String(one(form["text"]) ?? "");
  if (text.trim()) {
    const fields: Record<string, string> = {};
    for (const k of ["outlet", "title", "published"]) {
      const v = String(one(form[k]) ?? "").trim();
      if (v) fields[k] = v;
    }
    out.push(submissionFromBody(text, /^\s*</.test(text) ? "html" : "text", fields));
  }
  const files = ([] as unknown[]).concat(form["files"] ?? []).filter((f): f is File => f instanceof File && f.size > 0);
  for (const f of files) {
    const content = await f.text();
    const name = f.name.replace(/[^\w.-]+/g, "_").slice(0, 80);
    if (/\.(jsonl|ndjson)$/i.test(name)) out.push(submissionFromJsonLines(content));
    else out.push(submissionFromBody(content, /\.x?html?$/i.test(name) || /^\s*</.test(content) ? "html" : "text", { id: name.replace(/\.[^.]+$/, "") }));
  }
  return out;
}
