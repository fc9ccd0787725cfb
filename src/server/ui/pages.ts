/**
 * The web UI's pages, rendered on the server from the library API: the story
 * list, a story (the report's views), a document, search, feeds and adding
 * articles. Every piece of article text goes through the escaping templates.
 */
import type { RashomonDocument, Span } from "../../model/index.js";
import { html, htmlList, rawHtml, type Html } from "../../report/escape.js";
import type { Feed } from "../../store/feeds.js";
import type { SearchHit, StoryPage, StoryQuery } from "../../store/queries.js";
import type { StoryView } from "../story-views.js";
import { page, shownDate } from "./layout.js";
import { markedDocument } from "./marked-text.js";

/** The story list: newest and most recently updated first, with filters, pages and live updates. */
export function storyListPage(result: StoryPage, query: StoryQuery & { limit: number; offset: number }): string {
  const items = result.stories.map(
    (s) => html`<li><h2><a href="/stories/${encodeURIComponent(s.id)}">${s.title ?? "Untitled story"}</a></h2>
<div class="meta">${s.size} document${s.size === 1 ? "" : rawHtml("s")} · ${shownDate(s.firstSeen)}${s.lastSeen && s.lastSeen !== s.firstSeen ? html` – ${shownDate(s.lastSeen)}` : ""}</div>
<div>${s.outlets.slice(0, 12).map((o) => html`<span class="pill">${o}</span>`)}${s.outlets.length > 12 ? html`<span class="pill">+${s.outlets.length - 12}</span>` : ""}</div></li>`,
  );
  const link = (offset: number) => {
    const p = new URLSearchParams();
    for (const k of ["q", "outlet", "since", "until"] as const) {
      const v = k === "q" ? query.text : query[k];
      if (v) p.set(k, v);
    }
    if (offset) p.set("offset", String(offset));
    return `/?${p}`;
  };
  const prev = query.offset > 0 ? html`<a href="${link(Math.max(0, query.offset - query.limit))}" rel="prev">← Newer</a>` : "";
  const next = query.offset + query.limit < result.total ? html`<a href="${link(query.offset + query.limit)}" rel="next">Older →</a>` : "";
  return page("Stories", html`<h1>Stories</h1>
<form class="filters" method="get" action="/" role="search">
<label>Words <input name="q" value="${query.text ?? ""}" type="search"></label>
<label>Outlet <input name="outlet" value="${query.outlet ?? ""}"></label>
<label>Since <input name="since" type="date" value="${query.since ?? ""}"></label>
<button type="submit">Filter</button>
</form>
<p class="meta"><span id="story-count">${result.total} stor${result.total === 1 ? "y" : rawHtml("ies")}</span> · <span id="live-status" class="live" aria-live="polite"></span></p>
<ul class="story-list" id="story-list">${items.length ? items : html`<li>No stories yet. <a href="/ingest">Add articles</a> or <a href="/feeds">follow a feed</a>.</li>`}</ul>
<nav class="pager" aria-label="Pages">${prev}${next}</nav>`, { current: "stories" });
}

/** A story's page: the dossier with the report's views. */
export function storyPage(view: StoryView): string {
  const title = view.title ?? "Untitled story";
  return page(title, html`<p class="hint"><a href="/">← All stories</a></p><h1>${title}</h1><div class="story-page">${rawHtml(view.fragment)}</div>`, {
    current: "stories", extraStyle: "report", extraScript: "/assets/report.js",
  });
}

/** A document's page: its clean text with quotes, times, claims and removed clutter marked, and the way back to its story. */
export function documentPage(doc: RashomonDocument, story: string, hit: Span | null): string {
  const quotes = (doc.quotes ?? []).slice(0, 200).map((q) => html`<li>“${q.text}” <span class="meta">— ${q.speaker?.name ?? "speaker unknown"}${q.speaker?.role ? html`, ${q.speaker.role}` : ""}</span></li>`);
  return page(doc.title ?? doc.id, html`<p class="hint"><a href="/stories/${encodeURIComponent(story)}">← Back to its story</a></p>
<h1>${doc.title ?? doc.id}</h1>
<p class="meta">${doc.outlet ?? "outlet unknown"} · ${shownDate(doc.published)}${doc.authors.length ? html` · ${htmlList(doc.authors, ", ")}` : ""}${doc.url ? html` · <a href="${safeUrl(doc.url)}" rel="noreferrer noopener">original</a>` : ""}</p>
<p class="legend"><span class="quote">quote</span><span class="time">time</span><span class="claim">claim</span><span class="removed">removed clutter</span></p>
<div class="doc-text">${markedDocument(doc, hit)}</div>
${quotes.length ? html`<h2>Quotes and speakers</h2><ul>${quotes}</ul>` : ""}`);
}

/** An http(s) URL for a link, else "#": a document's URL never becomes a `javascript:` link. */
function safeUrl(url: string): string {
  return /^https?:\/\//i.test(url) ? url : "#";
}

/** The search page with its results. */
export function searchPage(q: string, result: { documents: SearchHit[]; facts: { story: string; text: string; independentSources: number; claims: { document: string; span: Span }[] }[] } | null): string {
  const docs = (result?.documents ?? []).map(
    (h) => html`<li><a href="/documents/${encodeURIComponent(h.document)}?at=${h.span.start}-${h.span.end}#hit">${h.title ?? h.document}</a> <span class="meta">${h.outlet ?? ""} · ${shownDate(h.published)}</span><br>${h.snippet}</li>`,
  );
  const facts = (result?.facts ?? []).map(
    (f) => html`<dt>${f.text}</dt><dd class="meta">${f.independentSources} independent source${f.independentSources === 1 ? "" : rawHtml("s")} · ${f.claims
      .slice(0, 8)
      .map((c) => html`<a href="/documents/${encodeURIComponent(c.document)}?at=${c.span.start}-${c.span.end}#hit">${c.document}</a> `)} · <a href="/stories/${encodeURIComponent(f.story)}">story</a></dd>`,
  );
  return page(q ? `Search: ${q}` : "Search", html`<h1>Search</h1>
<form class="filters" method="get" action="/search" role="search"><label>Words <input name="q" type="search" value="${q}" required></label><button type="submit">Search</button></form>
${result ? html`<h2>Documents (${docs.length})</h2><ul class="hits">${docs.length ? docs : html`<li>No document has all these words.</li>`}</ul>
<h2>Facts (${facts.length})</h2>${facts.length ? html`<dl class="facts">${facts}</dl>` : html`<p class="meta">No fact of the stories found states these words.</p>`}` : ""}`, { current: "search" });
}

/** The feeds page: each feed's status, a form to follow one, and removal. */
export function feedsPage(feeds: Feed[], canWrite: boolean, message: Html | null = null): string {
  const rows = feeds.map(
    (f) => html`<tr><td><a href="${safeUrl(f.url)}" rel="noreferrer noopener">${f.title ?? f.url}</a><br><span class="meta">${f.url}</span></td>
<td class="${f.lastError ? "status-error" : "status-ok"}">${f.lastError ? html`error ×${f.consecutiveErrors}: ${f.lastError}` : f.lastSuccessAt ? "ok" : "not polled yet"}</td>
<td>${shownDate(f.lastPolledAt)}</td><td>${shownDate(f.nextPollAt)}</td><td>${f.itemsIngested} / ${f.itemsSeen}</td>
<td>${canWrite ? html`<form method="post" action="/feeds/${f.id}/remove"><button class="secondary" type="submit" aria-label="Stop following ${f.title ?? f.url}">Remove</button></form>` : ""}</td></tr>`,
  );
  return page("Feeds", html`<h1>Feeds</h1>${message ?? ""}
${canWrite ? html`<form class="inline" method="post" action="/feeds"><label>Feed URL (RSS or Atom) <input name="url" type="url" required size="50"></label><label>Every (minutes) <input name="minutes" type="number" min="1" value="15"></label><button type="submit">Follow</button></form>` : tokenHint()}
<div class="table-wrap"><table class="feeds"><thead><tr><th>Feed</th><th>Status</th><th>Last polled</th><th>Next poll</th><th>Ingested / seen</th><th></th></tr></thead>
<tbody>${rows.length ? rows : html`<tr><td colspan="6">No feeds yet.</td></tr>`}</tbody></table></div>`, { current: "feeds" });
}

/** The page to add articles: URLs, pasted text, or files. */
export function ingestPage(canWrite: boolean, message: Html | null = null): string {
  return page("Add articles", html`<h1>Add articles</h1>${message ?? ""}
${canWrite ? html`<form method="post" action="/ingest" enctype="multipart/form-data">
<p><label>URLs, one a line <textarea name="urls" rows="3" placeholder="https://…"></textarea></label></p>
<p><label>Or paste an article's text (or HTML) <textarea name="text" rows="10"></textarea></label></p>
<p class="filters"><label>Outlet <input name="outlet"></label><label>Title <input name="title"></label><label>Published <input name="published" type="date"></label></p>
<p><label>Or upload files (HTML, text, JSON Lines) <input name="files" type="file" multiple></label></p>
<button type="submit">Add</button></form>` : tokenHint()}`, { current: "ingest" });
}

/** How to unlock writing in the browser. */
function tokenHint(): Html {
  return html`<div class="notice"><p>Adding needs the server's token. Open the link <code>rashomon serve</code> printed, or enter the token:</p>
<form class="inline" method="post" action="/login"><label>Token <input name="token" type="password" autocomplete="off" required></label><button type="submit">Unlock</button></form></div>`;
}

/** A page for an error the UI met. */
export function errorPage(status: number, detail: string): string {
  return page(`Error ${status}`, html`<h1>${status === 404 ? "Not found" : "Something went wrong"}</h1><p class="error-box">${detail}</p><p><a href="/">Back to the stories</a></p>`);
}
