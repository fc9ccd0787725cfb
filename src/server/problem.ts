/**
 * Errors of the HTTP API as RFC 9457 problem details (`application/problem+json`):
 * a status, a title, what went wrong, and the request field it concerns.
 */
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/** The body of an error response. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  /** The request field the problem concerns (`records[2].published`, `q`, `limit`). */
  field?: string;
}

/** An error a route throws to answer with a problem. */
export class HttpProblem extends Error {
  constructor(readonly status: ContentfulStatusCode, readonly title: string, readonly detail: string, readonly field?: string) {
    super(detail);
  }

  /** The problem body. */
  toJSON(): Problem {
    const slug = this.title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
    return { type: `https://rashomon.invalid/problems/${slug}`, title: this.title, status: this.status, detail: this.detail, ...(this.field ? { field: this.field } : {}) };
  }
}

/** A 400 naming the field and the reason. */
export function badRequest(field: string, detail: string): HttpProblem {
  return new HttpProblem(400, "Bad request", detail, field);
}

/** A 404 for something that is not in the library. */
export function notFound(detail: string): HttpProblem {
  return new HttpProblem(404, "Not found", detail);
}

/** Answers with a problem. */
export function problemResponse(c: Context, p: HttpProblem): Response {
  return c.body(JSON.stringify(p.toJSON()), p.status, { "content-type": "application/problem+json; charset=utf-8" });
}
