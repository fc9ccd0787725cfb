/**
 * The server's Hono app: the API under `/api/v1` and the web UI, with the
 * limits every request is held to (body size, time) and errors as problems.
 */
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { timeout } from "hono/timeout";
import { HTTPException } from "hono/http-exception";
import { LibraryError } from "../store/sqlite/errors.js";
import { apiRoutes } from "./api.js";
import type { ServerContext } from "./context.js";
import { HttpProblem, problemResponse } from "./problem.js";
import { securityHeaders } from "./security.js";
import { uiRoutes } from "./ui/routes.js";

/** Builds the app over a server context. */
export function createApp(ctx: ServerContext): Hono {
  const app = new Hono();
  app.use("*", async (c, next) => {
    await next();
    ctx.metrics.request(c.req.method, c.req.routePath ?? "?", c.res.status);
  });
  app.use("*", securityHeaders());
  app.use("*", async (c, next) => {
    // A declared length over the limit: read and drop the body (up to 64 MiB) before answering 413,
    // so the client reads the answer instead of a connection closed under its upload.
    const declared = Number(c.req.header("content-length") ?? 0);
    if (declared > ctx.settings.maxBodyBytes) {
      const incoming = (c.env as { incoming?: AsyncIterable<Uint8Array> } | undefined)?.incoming;
      if (incoming && declared <= 64 * 1024 * 1024) for await (const _ of incoming) void _;
      else c.header("connection", "close");
      throw new HttpProblem(413, "Payload too large", `the body is larger than ${ctx.settings.maxBodyBytes} bytes; send fewer records a request`, "body");
    }
    await next();
  });
  app.use(
    "*",
    bodyLimit({
      maxSize: ctx.settings.maxBodyBytes,
      onError: () => {
        throw new HttpProblem(413, "Payload too large", `the body is larger than ${ctx.settings.maxBodyBytes} bytes; send fewer records a request`, "body");
      },
    }),
  );
  const limit = timeout(ctx.settings.requestTimeoutMs, () => new HTTPException(503, { message: `the request took longer than ${ctx.settings.requestTimeoutMs / 1000} s` }));
  // Reads answer from the library or from memory; the time limit is for writes and fetches (not the event stream).
  app.use("*", async (c, next) => (c.req.method === "GET" || c.req.method === "HEAD" ? next() : limit(c, next)));
  app.route("/api/v1", apiRoutes(ctx));
  app.route("/", uiRoutes(ctx));
  app.notFound((c) => problemResponse(c, new HttpProblem(404, "Not found", `no route ${c.req.method} ${c.req.path.slice(0, 200)}`)));
  app.onError((err, c) => {
    if (err instanceof HttpProblem) return problemResponse(c, err);
    if (err instanceof HTTPException) {
      if (err.status === 413) return problemResponse(c, new HttpProblem(413, "Payload too large", err.message || "the body is too large", "body"));
      return problemResponse(c, new HttpProblem(err.status as 503, err.status === 503 ? "Service unavailable" : "Error", err.message || "the request failed"));
    }
    if (err instanceof LibraryError) return problemResponse(c, new HttpProblem(503, "Library unavailable", err.message));
    console.error(err);
    return problemResponse(c, new HttpProblem(500, "Internal error", "the server failed on this request; it is logged"));
  });
  return app;
}
