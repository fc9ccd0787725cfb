/**
 * A local HTTP server for the feed tests: routes set by the test, validators
 * (ETag, Last-Modified) honoured where asked, and every request logged with
 * its timing and how many requests were in flight at once.
 */
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** One logged request. */
export interface Logged {
  path: string;
  headers: IncomingHttpHeaders;
  /** performance.now() when it arrived and when its answer was finished. */
  start: number;
  end: number;
  status: number;
}

/** What a route answers. */
export interface Answer {
  status?: number;
  headers?: Record<string, string>;
  body?: string;
  /** Answers nothing at all (the client's deadline must end it). */
  hang?: boolean;
}

/** A route: an answer, or a function of the request making one. */
export type Route = Answer | ((req: { path: string; query: URLSearchParams; headers: IncomingHttpHeaders }) => Answer);

/** A running test server. */
export interface TestServer {
  base: string;
  /** Set or replace the route of a path (without query). */
  route(path: string, r: Route): void;
  log: Logged[];
  /** Most requests in flight at once. */
  maxConcurrent: () => number;
  close(): Promise<void>;
}

/**
 * A feed answer honouring conditional requests: 304 when If-None-Match holds
 * the ETag, or If-Modified-Since equals Last-Modified.
 */
export function conditional(body: string, etag: string | null, lastModified: string | null, type = "application/rss+xml"): Route {
  return ({ headers }) => {
    const validators: Record<string, string> = {};
    if (etag) validators["etag"] = etag;
    if (lastModified) validators["last-modified"] = lastModified;
    if ((etag && headers["if-none-match"] === etag) || (!etag && lastModified && headers["if-modified-since"] === lastModified)) {
      return { status: 304, headers: validators };
    }
    return { status: 200, headers: { "content-type": type, ...validators }, body };
  };
}

/** An RSS feed of items (`description` omitted when null: the item has no content). */
export function rss(title: string, items: { title: string; link: string; date?: string; description?: string | null }[]): string {
  const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const body = items.map((i) => `<item><title>${esc(i.title)}</title><link>${esc(i.link)}</link>${i.date ? `<pubDate>${i.date}</pubDate>` : ""}${i.description ? `<description>${esc(i.description)}</description>` : ""}</item>`);
  return `<?xml version="1.0"?>\n<rss version="2.0"><channel><title>${esc(title)}</title>\n${body.join("\n")}\n</channel></rss>`;
}

/** Starts a server on 127.0.0.1 at a free port; each answer is delayed by `latencyMs`. */
export async function startServer(latencyMs = 15): Promise<TestServer> {
  const routes = new Map<string, Route>();
  const log: Logged[] = [];
  let inFlight = 0;
  let max = 0;
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    const entry: Logged = { path: url.pathname + url.search, headers: req.headers, start: performance.now(), end: 0, status: 0 };
    log.push(entry);
    max = Math.max(max, ++inFlight);
    const route = routes.get(url.pathname);
    const answer: Answer = route === undefined ? { status: 404, body: "not found" } : typeof route === "function" ? route({ path: url.pathname, query: url.searchParams, headers: req.headers }) : route;
    res.on("close", () => {
      inFlight--;
      entry.end = performance.now();
    });
    if (answer.hang) return;
    setTimeout(() => {
      entry.status = answer.status ?? 200;
      res.writeHead(entry.status, { "content-type": "text/html; charset=utf-8", ...answer.headers });
      res.end(answer.body ?? "");
    }, latencyMs);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base, log, route: (path, r) => void routes.set(path, r), maxConcurrent: () => max,
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}
