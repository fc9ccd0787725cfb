import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storyPage, storyTitle } from "../feeds/fixtures.js";
import { startServer as startLocalServer, type TestServer } from "../feeds/test-server.js";
import { openapiProblems } from "./openapi-check.js";
import { OPENAPI } from "./openapi.js";
import { ServeError, startServer, type RunningServer } from "./serve.js";

const SEEDS = fileURLToPath(new URL("../../../shared/seeds/", import.meta.url));
const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const TOKEN = "test-token-123";

/** The seeds as API records (plain text, id from the file name). */
function seedRecords(): { id: string; text: string }[] {
  return readdirSync(SEEDS).filter((f) => f.endsWith(".txt")).sort().map((f) => ({ id: f.replace(/\.txt$/, ""), text: readFileSync(join(SEEDS, f), "utf8") }));
}

/** A local server with one article page at /a/4 (and nothing else). */
async function startPageServer(): Promise<TestServer> {
  const pages = await startLocalServer(0);
  pages.route("/a/4", { headers: { "content-type": "text/html; charset=utf-8" }, body: storyPage(4) });
  return pages;
}

describe("the HTTP API", () => {
  let server: RunningServer;
  const checked: string[] = [];

  /** A request whose response is checked against the OpenAPI document. */
  async function call(method: string, path: string, init: { body?: string; type?: string; token?: string | null } = {}) {
    const headers: Record<string, string> = {};
    if (init.type) headers["content-type"] = init.type;
    if (init.token !== null && (init.token ?? (method !== "GET" ? TOKEN : undefined))) headers["authorization"] = `Bearer ${init.token ?? TOKEN}`;
    const res = await fetch(`${server.url}${path}`, { method, headers, body: init.body });
    const text = await res.text();
    const problems = openapiProblems(method, path, res.status, res.headers.get("content-type"), text);
    expect(problems, `${method} ${path}`).toBe("");
    checked.push(`${method} ${path.split("?")[0]} ${res.status}`);
    return { status: res.status, type: res.headers.get("content-type") ?? "", text, json: () => JSON.parse(text) };
  }
  const post = (path: string, value: unknown, token?: string | null) => call("POST", path, { body: JSON.stringify(value), type: "application/json", token });

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "rashomon-api-"));
    server = await startServer({ db: join(dir, "library.db"), port: 0, token: TOKEN, pollFeeds: false, allowPrivate: true, maxBodyBytes: 1024 * 1024, writesPerMinute: 1000 });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
  });

  it("serves the committed OpenAPI document", async () => {
    const r = await call("GET", "/api/v1/openapi.json");
    expect(r.json()).toEqual(OPENAPI);
    expect(JSON.parse(readFileSync(join(ROOT, "docs/openapi.json"), "utf8"))).toEqual(OPENAPI);
  });

  it("refuses writes without the token, oversized bodies and malformed records, storing nothing of them", async () => {
    const before = (await call("GET", "/api/v1/health")).json();
    const record = seedRecords()[0]!;
    expect((await post("/api/v1/documents", record, null)).status).toBe(401);
    expect((await post("/api/v1/documents", record, "wrong-token")).status).toBe(401);
    const big = await post("/api/v1/documents", { ...record, text: "Word ".repeat(300_000) });
    expect(big.status).toBe(413);
    expect(big.type).toContain("application/problem+json");
    // One good record beside a bad one: the whole request is refused, naming the field.
    const bad = await post("/api/v1/documents", { records: [record, { id: "x", text: "Some text here.", published: "not a date" }] });
    expect(bad.status).toBe(400);
    expect(bad.json()).toMatchObject({ status: 400, field: "records[1].published" });
    const typed = await post("/api/v1/documents", [{ id: "y", text: 42 }]);
    expect(typed.status).toBe(400);
    expect(typed.json().field).toBe("[0].text");
    const unknown = await post("/api/v1/documents", { text: "Some text.", colour: "red" });
    expect(unknown.json()).toMatchObject({ status: 400, field: "colour" });
    const notJson = await call("POST", "/api/v1/documents", { body: "{", type: "application/json" });
    expect(notJson.json()).toMatchObject({ status: 400, field: "body" });
    expect((await call("POST", "/api/v1/documents", { body: "x", type: "image/png" })).status).toBe(415);
    const after = (await call("GET", "/api/v1/health")).json();
    expect(after).toEqual(before);
  });

  it("adds the seeds (acknowledged once committed), groups them into one story and lists it", async () => {
    const first = await post("/api/v1/documents", { records: seedRecords() });
    expect(first.status).toBe(201);
    const answer = first.json();
    expect(answer.added).toBe(5);
    expect(new Set(answer.documents.map((d: { story: string }) => d.story)).size).toBe(1);
    const again = await post("/api/v1/documents", seedRecords());
    expect(again.status).toBe(200);
    expect(again.json()).toMatchObject({ added: 0, skipped: 5 });
    expect(again.json().documents).toHaveLength(5);
    const list = (await call("GET", "/api/v1/stories?limit=10")).json();
    expect(list.total).toBe(1);
    expect(list.stories[0].size).toBe(5);
    expect((await call("GET", "/api/v1/stories?q=sovereignty")).json().total).toBe(1);
    expect((await call("GET", "/api/v1/stories?q=volcano")).json().total).toBe(0);
    expect((await call("GET", "/api/v1/stories?since=2030-01-01")).json().total).toBe(0);
    expect((await call("GET", "/api/v1/stories?outlet=DW")).json().total).toBe(1);
    expect((await call("GET", "/api/v1/stories?limit=0")).json()).toMatchObject({ status: 400, field: "limit" });
    expect((await call("GET", "/api/v1/stories?since=yesterday")).json()).toMatchObject({ status: 400, field: "since" });
  });

  it("fetches submitted URLs and adds their pages", async () => {
    const pages = await startPageServer();
    try {
      const r = await post("/api/v1/documents", { urls: [`${pages.base}/a/4`, `${pages.base}/missing`] });
      expect(r.status).toBe(201);
      expect(r.json().added).toBe(1);
      expect(r.json().failed).toHaveLength(1);
      expect(r.json().failed[0].input).toContain("/missing");
      const doc = (await call("GET", `/api/v1/documents/${r.json().documents[0].id}`)).json();
      expect(doc.document.title).toBe(storyTitle(4));
      expect((await post("/api/v1/documents", { urls: ["file:///etc/passwd"] })).json()).toMatchObject({ status: 400, field: "urls[0]" });
    } finally {
      await pages.close();
    }
  });

  it("adds one text body with its fields from the query", async () => {
    const r = await call("POST", "/api/v1/documents?id=pier&outlet=Harbour%20Gazette&published=2025-06-01", {
      body: "Council closes pier\n\nThe harbour master said the pier would stay shut until repairs end in spring, after divers found corroded piles.",
      type: "text/plain",
    });
    expect(r.status).toBe(201);
    const doc = (await call("GET", "/api/v1/documents/pier")).json();
    expect(doc.document.outlet).toBe("Harbour Gazette");
    expect((await call("GET", "/api/v1/documents/none")).status).toBe(404);
  });

  it("serves a story's dossier as JSON, Markdown and HTML, and a document with its spans", async () => {
    const id = (await call("GET", "/api/v1/stories?q=sovereignty")).json().stories[0].id;
    const dossier = (await call("GET", `/api/v1/stories/${id}`)).json();
    expect(dossier.stories[0].summary.length).toBeGreaterThan(0);
    expect(dossier.stories[0].facts.length).toBeGreaterThan(0);
    const md = await call("GET", `/api/v1/stories/${id}?format=md`);
    expect(md.type).toContain("text/markdown");
    const page = await call("GET", `/api/v1/stories/${id}?format=html`);
    expect(page.text).toContain("<!doctype html>");
    expect((await call("GET", `/api/v1/stories/${id}?format=pdf`)).json()).toMatchObject({ status: 400, field: "format" });
    expect((await call("GET", "/api/v1/stories/story-999")).status).toBe(404);
    // The view is kept in the library: `rashomon story` reads the same report instead of building it again.
    await expect.poll(async () => (await server.ctx.store.getStoryView(id))?.key ?? null).not.toBeNull();
    const cli = spawnSync(process.execPath, [join(ROOT, "bin/rashomon.js"), "story", id, "--db", server.ctx.settings.library, "--format", "json"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    expect(cli.status, cli.stderr).toBe(0);
    expect(JSON.parse(cli.stdout)).toEqual(dossier);
    const doc = (await call("GET", `/api/v1/documents/${dossier.documents[0].id}`)).json();
    expect(doc.story).toBe(id);
    for (const q of doc.document.quotes) expect(doc.document.text.slice(q.span.start, q.span.end).length).toBeGreaterThan(0);
  });

  it("searches documents and facts, each hit citing a passage that holds the word", async () => {
    const r = (await call("GET", "/api/v1/search?q=sovereignty")).json();
    expect(r.documents.length).toBeGreaterThanOrEqual(3);
    for (const h of r.documents) expect(h.snippet.toLowerCase()).toContain("sovereign");
    expect(r.facts.length).toBeGreaterThan(0);
    for (const f of r.facts) expect(f.text.toLowerCase()).toContain("sovereign");
    expect((await call("GET", "/api/v1/search?q=")).json()).toMatchObject({ status: 400, field: "q" });
  });

  it("subscribes, lists, reads and removes feeds", async () => {
    const bad = await post("/api/v1/feeds", { url: "ftp://example.org/feed" });
    expect(bad.json()).toMatchObject({ status: 400, field: "url" });
    expect((await post("/api/v1/feeds", { url: "http://127.0.0.1:9/feed.xml" }, null)).status).toBe(401);
    const feed = (await post("/api/v1/feeds", { url: "http://127.0.0.1:9/feed.xml", intervalSeconds: 60 })).json();
    expect(feed.intervalSeconds).toBe(60);
    expect((await call("GET", "/api/v1/feeds")).json().feeds.map((f: { id: number }) => f.id)).toEqual([feed.id]);
    expect((await call("GET", `/api/v1/feeds/${feed.id}`)).json().url).toBe("http://127.0.0.1:9/feed.xml");
    expect((await call("DELETE", `/api/v1/feeds/${feed.id}`, { token: null })).status).toBe(401);
    expect((await call("DELETE", `/api/v1/feeds/${feed.id}`)).status).toBe(204);
    expect((await call("GET", `/api/v1/feeds/${feed.id}`)).status).toBe(404);
    expect((await call("GET", "/api/v1/feeds/abc")).status).toBe(400);
  });

  it("answers health and metrics", async () => {
    expect((await call("GET", "/api/v1/health")).json()).toMatchObject({ status: "ok", documents: 7 });
    const m = await call("GET", "/api/v1/metrics");
    expect(m.text).toMatch(/^rashomon_documents 7$/m);
    expect(m.text).toMatch(/^rashomon_ingest_seconds_count \d+$/m);
    expect(m.text).toMatch(/^rashomon_feed_errors 0$/m);
    const notFound = await fetch(`${server.url}/api/v1/nothing`);
    expect(notFound.headers.get("content-type")).toContain("application/problem+json");
  });

  it("covered every operation of the OpenAPI document", () => {
    const ops = Object.entries(OPENAPI.paths).flatMap(([p, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${p}`));
    const seen = new Set(checked.map((c) => c.replace(/ \d+$/, "").replace(/\/api\/v1/, "")));
    const templ = (s: string) => s.replace(/\/(stories|documents|feeds)\/[^/ ]+$/, "/$1/{id}");
    const covered = new Set([...seen].map(templ));
    expect(ops.filter((o) => !covered.has(o) && !o.endsWith("/events"))).toEqual([]);
  });
});

describe("the server's safety settings", () => {
  it("refuses to listen beyond loopback without a token", async () => {
    const dir = mkdtempSync(join(tmpdir(), "rashomon-api-"));
    await expect(startServer({ db: join(dir, "l.db"), host: "0.0.0.0", port: 0, pollFeeds: false })).rejects.toBeInstanceOf(ServeError);
  });

  it("refuses URLs and feeds on private or loopback addresses unless allowed", async () => {
    const dir = mkdtempSync(join(tmpdir(), "rashomon-api-"));
    const pages = await startPageServer();
    const server = await startServer({ db: join(dir, "l.db"), port: 0, token: TOKEN, pollFeeds: false });
    try {
      const headers = { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" };
      const r = await fetch(`${server.url}/api/v1/documents`, { method: "POST", headers, body: JSON.stringify({ urls: [`${pages.base}/a/4`] }) });
      const body = await r.json();
      expect(body.added).toBe(0);
      expect(body.failed[0].reason).toMatch(/loopback|private/);
      expect(pages.log).toHaveLength(0);
      const f = await fetch(`${server.url}/api/v1/feeds`, { method: "POST", headers, body: JSON.stringify({ url: `${pages.base}/feed.xml` }) });
      expect(f.status).toBe(400);
      expect((await f.json()).field).toBe("url");
    } finally {
      await server.close();
      await pages.close();
    }
  });

  it("limits writes per client", async () => {
    const dir = mkdtempSync(join(tmpdir(), "rashomon-api-"));
    const server = await startServer({ db: join(dir, "l.db"), port: 0, token: TOKEN, pollFeeds: false, writesPerMinute: 2 });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) {
        const r = await fetch(`${server.url}/api/v1/documents`, { method: "POST", headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" }, body: JSON.stringify({ id: `d${i}`, text: `Text number ${i} about the harbour.` }) });
        statuses.push(r.status);
      }
      expect(statuses).toEqual([201, 201, 429]);
    } finally {
      await server.close();
    }
  });
});
