import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collect, errorOf, only } from "./test-helpers.js";

const PAGE = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Sheinbaum rejects troops</title></head>
<body><article><h1>Sheinbaum rejects troops</h1><p>MEXICO CITY (AP) — Mexican President Claudia Sheinbaum said on Saturday…</p></article></body></html>`;

const FEED = (base: string): string => `<?xml version="1.0"?>
<rss version="2.0"><channel><title>Local Wire</title>
<item><title>With content</title><link>${base}/news/with-content</link><pubDate>Sat, 03 May 2025 18:17:00 GMT</pubDate><description>&lt;p&gt;Inline body.&lt;/p&gt;</description></item>
<item><title>Needs its page</title><link>/article.html</link><pubDate>Sun, 04 May 2025 09:00:00 +0000</pubDate></item>
<item><title>Dead link</title><link>${base}/missing</link></item>
</channel></rss>`;

let server: Server;
let base: string;
let closedPort: number;
let hugeBytesSent = 0;
let hugeClosed: Promise<void>;
let hugeClosedResolve: () => void;

beforeAll(async () => {
  hugeClosed = new Promise((r) => (hugeClosedResolve = r));
  server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    const path = url.pathname;
    if (path === "/article.html") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(PAGE);
    } else if (path === "/latin1") {
      res.writeHead(200, { "content-type": "text/html; charset=ISO-8859-1" });
      res.end(Buffer.from("<html><body><p>Caf\u00e9 \u00e0 Mexico</p></body></html>", "latin1"));
    } else if (path === "/plain") {
      res.writeHead(200, { "content-type": "text/plain" }).end("Plain story text.\n\nSecond paragraph.\n");
    } else if (path.startsWith("/hop/")) {
      const n = Number(path.slice(5));
      if (n >= 3) res.writeHead(301, { location: "/article.html" }).end();
      else res.writeHead(302, { location: `${base}/hop/${n + 1}` }).end();
    } else if (path.startsWith("/loop/")) {
      res.writeHead(307, { location: `/loop/${Number(path.slice(6)) + 1}` }).end();
    } else if (path === "/slow") {
      res.writeHead(200, { "content-type": "text/html" });
      res.write("<html><body><p>Starting…");
      // never ends: the client's deadline must cut it
    } else if (path === "/huge") {
      res.writeHead(200, { "content-type": "text/plain" });
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      const pump = (): void => {
        while (!res.destroyed && hugeBytesSent < 200 * 1024 * 1024) {
          hugeBytesSent += chunk.length;
          if (!res.write(chunk)) return void res.once("drain", pump);
        }
      };
      res.on("close", () => hugeClosedResolve());
      pump();
    } else if (path === "/declared-huge") {
      res.writeHead(200, { "content-type": "text/html", "content-length": String(50_000_000) });
      res.write("<p>");
    } else if (path === "/photo") {
      res.writeHead(200, { "content-type": "image/png" }).end(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    } else if (path === "/doc.pdf") {
      res.writeHead(200, { "content-type": "application/pdf" }).end("%PDF-1.4");
    } else if (path === "/sniffed-pdf") {
      res.writeHead(200, { "content-type": "text/html" }).end("%PDF-1.4\n");
    } else if (path === "/gzip") {
      res.writeHead(200, { "content-type": "text/html", "content-encoding": "gzip" }).end(gzipSync(PAGE));
    } else if (path === "/feed") {
      res.writeHead(200, { "content-type": "application/rss+xml" }).end(FEED(base));
    } else if (path === "/records") {
      res.writeHead(200, { "content-type": "application/x-ndjson" });
      res.end(`${JSON.stringify({ id: "r1", text: "Record text." })}\n${JSON.stringify({ id: "r2", html: "<p>x</p>" })}\n`);
    } else if (path === "/empty") {
      res.writeHead(200, { "content-type": "text/html" }).end();
    } else {
      res.writeHead(404, { "content-type": "text/html" }).end("<h1>Not found</h1>");
    }
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const spare = createServer();
  await new Promise<void>((r) => spare.listen(0, "127.0.0.1", r));
  closedPort = (spare.address() as AddressInfo).port;
  await new Promise<void>((r) => spare.close(() => r()));
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

describe("URLs", () => {
  it("fetches an HTML page, with its id from the URL", async () => {
    const item = await only(`${base}/article.html`);
    expect(item).toMatchObject({ id: "article", input: `${base}/article.html`, format: "html", content: PAGE, url: `${base}/article.html`, encoding: "utf-8" });
  });

  it("decodes with the HTTP charset and reads text/plain as text", async () => {
    expect((await only(`${base}/latin1`)).content).toContain("Café à Mexico");
    expect(await only(`${base}/plain`)).toMatchObject({ format: "text", content: "Plain story text.\n\nSecond paragraph.\n", id: "plain" });
  });

  it("decompresses a gzip body", async () => {
    expect((await only(`${base}/gzip`)).content).toBe(PAGE);
  });

  it("follows a chain of redirects and reports the final URL", async () => {
    const item = await only(`${base}/hop/0`);
    expect(item.url).toBe(`${base}/article.html`);
    expect(item.input).toBe(`${base}/hop/0`);
    expect(item.content).toBe(PAGE);
  });

  it("gives up after 5 redirects", async () => {
    expect(await errorOf(`${base}/loop/0`)).toBe(`${base}/loop/0: too many redirects (more than 5)`);
  });

  it("times out a slow body with the timeout covering the whole read", async () => {
    // The wall clock is the point here (a slow server, not our CPU): 300 ms allowed, 10 s is a hang.
    const t0 = performance.now();
    expect(await errorOf(`${base}/slow`, { timeoutMs: 300 })).toBe(`${base}/slow: timed out after 300 ms`);
    expect(performance.now() - t0).toBeLessThan(10_000);
  });

  it("aborts a streaming body past the size limit", async () => {
    expect(await errorOf(`${base}/huge`, { maxBytes: 1024 * 1024 })).toBe(`${base}/huge: too large (more than the 1 MiB limit)`);
    await hugeClosed;
    expect(hugeBytesSent).toBeLessThan(20 * 1024 * 1024);
  });

  it("refuses a declared Content-Length over the limit before reading", async () => {
    expect(await errorOf(`${base}/declared-huge`)).toBe(`${base}/declared-huge: too large (50.0 MB > 20 MiB limit)`);
  });

  it("refuses images, PDFs and binary bodies", async () => {
    expect(await errorOf(`${base}/photo`)).toBe(`${base}/photo: unsupported content type image/png (an image)`);
    expect(await errorOf(`${base}/doc.pdf`)).toMatch(/unsupported content type application\/pdf \(a PDF\)/);
    expect(await errorOf(`${base}/sniffed-pdf`)).toBe(`${base}/sniffed-pdf: binary file (PDF)`);
  });

  it("reports HTTP errors, empty bodies and unreachable hosts", async () => {
    expect(await errorOf(`${base}/nothing-here`)).toBe(`${base}/nothing-here: HTTP 404 Not Found`);
    expect(await errorOf(`${base}/empty`)).toBe(`${base}/empty: empty input`);
    expect(await errorOf(`http://127.0.0.1:${closedPort}/`)).toBe(`http://127.0.0.1:${closedPort}/: connection refused`);
    expect(await errorOf("http://[bad/")).toBe("http://[bad/: not a valid URL");
  });

  it("reads JSON Lines served over HTTP", async () => {
    const rs = await collect([`${base}/records`]);
    expect(rs.map((r) => r.ok && [r.item.id, r.item.format])).toEqual([["r1", "text"], ["r2", "html"]]);
  });
});

describe("feeds over HTTP", () => {
  it("reads an RSS feed and, with fetchFeedPages, the page of an item without content", async () => {
    const rs = await collect([`${base}/feed`, `${base}/article.html`], { fetchFeedPages: true });
    expect(rs).toHaveLength(4);
    const [inline, fetched, dead, after] = rs;
    expect(inline).toMatchObject({ ok: true, item: { id: "with-content", input: `${base}/feed#1`, format: "html", content: "<p>Inline body.</p>", given: { outlet: "Local Wire", published: "2025-05-03T18:17:00Z" } } });
    expect(fetched).toMatchObject({
      ok: true,
      item: { id: "article", input: `${base}/feed#2`, format: "html", content: PAGE, url: `${base}/article.html`, given: { title: "Needs its page", url: `${base}/article.html`, published: "2025-05-04T09:00:00Z" } },
    });
    expect(!dead!.ok && dead!.error.message).toBe(`${base}/feed#3: its page ${base}/missing: HTTP 404 Not Found`);
    expect(after!.ok).toBe(true);
  });

  it("without fetchFeedPages, an item without content is an error naming its link", async () => {
    const rs = await collect([`${base}/feed`]);
    expect(rs.map((r) => r.ok)).toEqual([true, false, false]);
    expect(!rs[1]!.ok && rs[1]!.error.message).toMatch(/feed#2: feed item has no content \(its page .*\/article\.html is fetched only with fetchFeedPages\)/);
  });
});
