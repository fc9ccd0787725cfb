/**
 * The OpenAPI 3.1 description of `/api/v1`, served at `/api/v1/openapi.json`
 * and committed as `docs/openapi.json` (a test keeps the two equal, and the API
 * tests validate every response against it).
 */

const str = { type: "string" } as const;
const nullableStr = { type: ["string", "null"] } as const;
const int = { type: "integer", minimum: 0 } as const;
const span = { type: "object", required: ["start", "end"], properties: { start: int, end: int } } as const;
const problem = (description: string) => ({ description, content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } } });
const json = (description: string, ref: string) => ({ description, content: { "application/json": { schema: { $ref: `#/components/schemas/${ref}` } } } });
const security = [{ token: [] }];
const writeErrors = {
  "400": problem("A malformed request: the problem names the field and the reason; nothing of it is stored."),
  "401": problem("No token, or a wrong one."),
  "413": problem("The body is larger than the server accepts."),
  "415": problem("A content type the route does not read."),
  "429": problem("Too many writes from this client."),
};

/** The API description. */
export const OPENAPI = {
  openapi: "3.1.0",
  info: {
    title: "Rashomon",
    version: "1",
    description: "One news story through every outlet that covers it: add articles, list the stories they form, read a story's cited dossier, search documents and facts, follow feeds. Writes need the server's token (RASHOMON_TOKEN) as a Bearer token.",
  },
  servers: [{ url: "/api/v1" }],
  paths: {
    "/health": { get: { operationId: "health", summary: "Whether the server and its library answer", responses: { "200": json("The library's size.", "Health") } } },
    "/metrics": {
      get: {
        operationId: "metrics", summary: "Metrics in the Prometheus text format",
        responses: { "200": { description: "Documents, stories, ingest latency, feed errors, requests.", content: { "text/plain": { schema: str } } } },
      },
    },
    "/openapi.json": { get: { operationId: "openapi", summary: "This document", responses: { "200": { description: "OpenAPI 3.1", content: { "application/json": { schema: { type: "object" } } } } } } },
    "/stories": {
      get: {
        operationId: "listStories", summary: "Stories, most recently seen first, paged and filtered",
        parameters: [
          { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 500, default: 50 } },
          { name: "offset", in: "query", schema: { type: "integer", minimum: 0, default: 0 } },
          { name: "since", in: "query", description: "Only stories last seen on or after this date (YYYY-MM-DD or ISO time).", schema: str },
          { name: "until", in: "query", description: "Only stories first seen on or before this date.", schema: str },
          { name: "outlet", in: "query", description: "Only stories with a document from this outlet (case-insensitive).", schema: str },
          { name: "q", in: "query", description: "Only stories whose title or a document's text has all these words.", schema: str },
        ],
        responses: { "200": json("One page of stories.", "StoryPage"), "400": problem("A parameter out of range, named.") },
      },
    },
    "/stories/{id}": {
      get: {
        operationId: "getStory", summary: "A story's dossier: summary, facts, discrepancies, timeline, quotes, lineage and its documents",
        parameters: [
          { name: "id", in: "path", required: true, schema: str },
          { name: "format", in: "query", schema: { enum: ["json", "md", "html"], default: "json" } },
        ],
        responses: {
          "200": {
            description: "The dossier as JSON (the `analyze` report of this story), Markdown or a self-contained HTML page.",
            content: { "application/json": { schema: { $ref: "#/components/schemas/Report" } }, "text/markdown": { schema: str }, "text/html": { schema: str } },
          },
          "400": problem("An unknown format."),
          "404": problem("No such story."),
        },
      },
    },
    "/documents": {
      post: {
        operationId: "addDocuments", summary: "Add documents: records (one, an array, {records}), JSON Lines, one HTML or text body, or URLs to fetch ({urls})",
        security,
        parameters: ["id", "url", "outlet", "published", "title"].map((name) => ({ name, in: "query", description: `For an HTML or text body: the document's ${name}.`, schema: str })),
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: {
                oneOf: [
                  { $ref: "#/components/schemas/Record" },
                  { type: "array", items: { $ref: "#/components/schemas/Record" }, minItems: 1, maxItems: 500 },
                  { type: "object", required: ["records"], additionalProperties: false, properties: { records: { type: "array", items: { $ref: "#/components/schemas/Record" }, minItems: 1, maxItems: 500 } } },
                  { type: "object", required: ["urls"], additionalProperties: false, properties: { urls: { type: "array", items: { type: "string", format: "uri" }, minItems: 1, maxItems: 50 } } },
                ],
              },
            },
            "application/x-ndjson": { schema: str },
            "text/html": { schema: str },
            "text/plain": { schema: str },
          },
        },
        responses: {
          "201": json("Some documents were added; every document named is committed.", "IngestAnswer"),
          "200": json("Nothing new: every document was in the library already (or failed).", "IngestAnswer"),
          "202": json("Queued for the library's workers (a server started with --queue): the inputs are committed to the queue, not yet analysed.", "QueueAnswer"),
          ...writeErrors,
        },
      },
    },
    "/documents/{id}": {
      get: {
        operationId: "getDocument", summary: "A document as analysed: clean text, metadata, and quotes, speakers, times and claims with their spans",
        parameters: [{ name: "id", in: "path", required: true, schema: str }],
        responses: { "200": json("The document and its story.", "DocumentAnswer"), "404": problem("No such document.") },
      },
    },
    "/search": {
      get: {
        operationId: "search", summary: "Full-text search over documents, and the facts of the stories found",
        parameters: [
          { name: "q", in: "query", required: true, schema: str },
          { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 100, default: 20 } },
        ],
        responses: { "200": json("Documents with the passage that matched, and facts with their citations.", "SearchResult"), "400": problem("No words to search for.") },
      },
    },
    "/feeds": {
      get: { operationId: "listFeeds", summary: "Subscribed feeds and their status", responses: { "200": json("Every feed.", "FeedList") } },
      post: {
        operationId: "addFeed", summary: "Subscribe an RSS or Atom feed (an existing URL returns its feed)", security,
        requestBody: { required: true, content: { "application/json": { schema: { type: "object", required: ["url"], additionalProperties: false, properties: { url: { type: "string", format: "uri" }, intervalSeconds: { type: "integer", minimum: 1 } } } } } },
        responses: { "201": json("The feed.", "Feed"), ...writeErrors },
      },
    },
    "/feeds/{id}": {
      get: { operationId: "getFeed", summary: "One feed's status", parameters: [{ name: "id", in: "path", required: true, schema: str }], responses: { "200": json("The feed.", "Feed"), "400": problem("Not a feed id."), "404": problem("No such feed.") } },
      delete: {
        operationId: "removeFeed", summary: "Unsubscribe a feed", security, parameters: [{ name: "id", in: "path", required: true, schema: str }],
        responses: { "204": { description: "Removed." }, "400": problem("Not a feed id."), "401": problem("No token."), "404": problem("No such feed."), "429": problem("Too many writes.") },
      },
    },
    "/events": {
      get: { operationId: "events", summary: "Server-sent events: `library` each time the library changes (any process)", responses: { "200": { description: "An event stream.", content: { "text/event-stream": { schema: str } } } } },
    },
  },
  components: {
    securitySchemes: { token: { type: "http", scheme: "bearer", description: "The server's RASHOMON_TOKEN." } },
    schemas: {
      Problem: {
        type: "object", required: ["type", "title", "status", "detail"],
        properties: { type: str, title: str, status: { type: "integer" }, detail: str, field: { type: "string", description: "The request field the problem concerns." } },
      },
      Health: { type: "object", required: ["status", "documents", "stories", "generation"], properties: { status: { const: "ok" }, documents: int, stories: int, generation: int } },
      StorySummary: {
        type: "object", required: ["id", "title", "size", "outlets", "firstSeen", "lastSeen"],
        properties: { id: str, title: nullableStr, size: { type: "integer", minimum: 1 }, outlets: { type: "array", items: str }, firstSeen: nullableStr, lastSeen: nullableStr },
      },
      StoryPage: {
        type: "object", required: ["total", "limit", "offset", "stories"],
        properties: { total: int, limit: int, offset: int, stories: { type: "array", items: { $ref: "#/components/schemas/StorySummary" } } },
      },
      Record: {
        type: "object", additionalProperties: false,
        description: "A record as in JSON Lines: html or text is required.",
        properties: {
          id: { type: ["string", "number"] }, url: str, outlet: str, published: str, updated: str, title: str, html: str, text: str,
          section: str, byline: str, authors: { type: "array", items: str }, standfirst: str, language: str, editor: str,
        },
      },
      IngestAnswer: {
        type: "object", required: ["added", "skipped", "failed", "documents"],
        properties: {
          added: int, skipped: int,
          failed: { type: "array", items: { type: "object", required: ["input", "reason"], properties: { input: str, reason: str } } },
          documents: { type: "array", items: { type: "object", required: ["id", "story"], properties: { id: str, story: str } } },
        },
      },
      QueueAnswer: {
        type: "object", required: ["queued", "failed"],
        properties: { queued: int, failed: { type: "array", items: { type: "object", required: ["input", "reason"], properties: { input: str, reason: str } } } },
      },
      Document: {
        type: "object", required: ["id", "text", "title", "outlet", "published", "paragraphs"],
        properties: {
          id: str, text: str, title: nullableStr, outlet: nullableStr, published: nullableStr, url: nullableStr,
          paragraphs: { type: "array", items: { type: "object", required: ["span"], properties: { span } } },
          quotes: { type: "array", items: { type: "object", required: ["span"], properties: { span } } },
          times: { type: "array", items: { type: "object", required: ["span", "value"], properties: { span, value: str } } },
        },
      },
      DocumentAnswer: { type: "object", required: ["story", "document"], properties: { story: str, document: { $ref: "#/components/schemas/Document" } } },
      Report: {
        type: "object", required: ["documents", "stories", "messages"],
        properties: {
          documents: { type: "array", items: { $ref: "#/components/schemas/Document" } },
          stories: { type: "array", minItems: 1, maxItems: 1, items: { type: "object", required: ["id", "documents"], properties: { id: str, title: nullableStr, documents: { type: "array", items: str } } } },
          messages: { type: "array" },
        },
      },
      SearchResult: {
        type: "object", required: ["query", "documents", "facts"],
        properties: {
          query: str,
          documents: {
            type: "array",
            items: { type: "object", required: ["document", "story", "title", "outlet", "published", "span", "snippet"], properties: { document: str, story: str, title: nullableStr, outlet: nullableStr, published: nullableStr, span, snippet: str } },
          },
          facts: {
            type: "array",
            items: {
              type: "object", required: ["story", "text", "kind", "independentSources", "claims"],
              properties: { story: str, text: str, kind: str, independentSources: int, claims: { type: "array", items: { type: "object", required: ["document", "span"], properties: { document: str, span } } } },
            },
          },
        },
      },
      Feed: {
        type: "object", required: ["id", "url", "title", "intervalSeconds", "lastPolledAt", "lastSuccessAt", "lastError", "consecutiveErrors", "nextPollAt", "itemsSeen", "itemsIngested"],
        properties: {
          id: int, url: str, title: nullableStr, intervalSeconds: int, addedAt: str, lastPolledAt: nullableStr, lastSuccessAt: nullableStr, lastError: nullableStr,
          consecutiveErrors: int, nextPollAt: str, etag: nullableStr, lastModified: nullableStr, itemsSeen: int, itemsIngested: int,
        },
      },
      FeedList: { type: "object", required: ["feeds"], properties: { feeds: { type: "array", items: { $ref: "#/components/schemas/Feed" } } } },
    },
  },
} as const;
