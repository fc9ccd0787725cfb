/**
 * Safe by default: writes need the token (a Bearer header for the API, the
 * cookie the UI sets for its forms, which also must come from the server's own
 * pages), writes per client are rate-limited, and every response carries a
 * strict Content-Security-Policy.
 */
import { timingSafeEqual } from "node:crypto";
import type { Context, MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import type { ServerContext } from "./context.js";
import { HttpProblem } from "./problem.js";

/** The cookie that carries the token for the UI's forms. */
export const TOKEN_COOKIE = "rashomon_token";

/** Whether `given` is the token, compared in constant time. */
export function tokenMatches(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Whether the request carries the token (header, or cookie from a same-origin page). */
export function hasToken(c: Context, token: string): boolean {
  const auth = c.req.header("authorization") ?? "";
  const bearer = /^Bearer\s+(.+)$/i.exec(auth)?.[1]?.trim();
  if (bearer !== undefined) return tokenMatches(bearer, token);
  const cookie = getCookie(c, TOKEN_COOKIE);
  if (cookie === undefined) return false;
  // The cookie is SameSite=Strict, so other sites' pages never send it; a request that names another origin is refused as well.
  const origin = c.req.header("origin");
  const host = c.req.header("host");
  if (origin && origin !== "null" && host && URL.canParse(origin) && new URL(origin).host !== host) return false;
  return tokenMatches(cookie, token);
}

/** Answers 401 unless the request carries the token; then applies the rate limit. */
export function requireToken(ctx: ServerContext): MiddlewareHandler {
  const limiter = new RateLimiter(ctx.settings.writesPerMinute);
  return async (c, next) => {
    if (!hasToken(c, ctx.settings.token)) {
      c.header("www-authenticate", 'Bearer realm="rashomon"');
      throw new HttpProblem(401, "Unauthorized", "writes need the server's token: send Authorization: Bearer <RASHOMON_TOKEN>", "authorization");
    }
    const client = clientKey(c);
    const wait = limiter.take(client);
    if (wait > 0) {
      c.header("retry-after", String(Math.ceil(wait / 1000)));
      throw new HttpProblem(429, "Too many requests", `more than ${ctx.settings.writesPerMinute} writes a minute from this client; retry in ${Math.ceil(wait / 1000)} s`);
    }
    await next();
  };
}

/** The client a request comes from (its socket's address). */
function clientKey(c: Context): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? "unknown";
}

/** A token bucket per client: `perMinute` writes, refilled continuously. */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly perMinute: number, private readonly now: () => number = Date.now) {}

  /** Takes one write for `client`: 0 when allowed, else the ms to wait. */
  take(client: string): number {
    const t = this.now();
    const b = this.buckets.get(client) ?? { tokens: this.perMinute, at: t };
    b.tokens = Math.min(this.perMinute, b.tokens + ((t - b.at) * this.perMinute) / 60_000);
    b.at = t;
    this.buckets.set(client, b);
    if (this.buckets.size > 10_000) this.buckets.clear();
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - b.tokens) * 60_000) / this.perMinute);
  }
}

/** The CSP of the server's pages: only the app's own script and styles, no frames, no other origin. */
export const APP_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/** Headers every response carries. */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    c.header("x-content-type-options", "nosniff");
    c.header("referrer-policy", "same-origin");
    if (!c.res.headers.get("content-security-policy")) c.header("content-security-policy", APP_CSP);
  };
}
