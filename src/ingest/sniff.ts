import { rootElementStart } from "./prolog.js";

/** What an input's content is, judged from the content itself. */
export type SniffedFormat = "html" | "feed" | "jsonl" | "json" | "xml" | "text";

/** Hints that break ties when the content alone says "text". */
export interface SniffHints {
  /** File name or URL path. */
  name?: string | null;
  /** HTTP Content-Type (without parameters), if any. */
  contentType?: string | null;
}

/**
 * Skips an XML/HTML prolog of any length (`prolog.ts`) and
 * returns the name of the first element, lower-cased, or null.
 */
export function rootElement(text: string): string | null {
  const at = rootElementStart(text);
  if (at < 0) return null;
  const m = /^<([A-Za-z][A-Za-z0-9:_.-]{0,63})/.exec(text.slice(at, at + 70));
  return m ? m[1]!.toLowerCase() : null;
}

const HTML_ROOT = /<!doctype\s{1,20}html|<(?:html|head|body)[\s>]/i;
// One opening or closing tag of a common block/inline element; attributes bounded, no nesting.
const HTML_TAG = /<\/?(?:p|div|span|a|article|section|header|footer|nav|main|br|hr|h[1-6]|meta|title|link|script|style|ul|ol|li|table|tr|td|img|figure|figcaption|blockquote|strong|em|b|i)(?:\s[^<>]{0,300})?\/?>/gi;

/**
 * Whether the start of `text` looks like an HTML page or fragment: a doctype or
 * html/head/body tag, a fragment that opens with a tag, or markup dense enough
 * (ten or more tags in the first 4 KB) that it cannot be prose. Plain text that
 * quotes a few tags ("the page ran <script> ...") stays text.
 */
function looksLikeHtml(head: string): boolean {
  if (HTML_ROOT.test(head)) return true;
  HTML_TAG.lastIndex = 0;
  let tags = 0;
  while (HTML_TAG.exec(head) !== null) if (++tags >= 10) return true;
  return tags > 0 && head.trimStart().startsWith("<");
}

/** Whether the first non-blank lines of `text` are JSON objects (one is enough when it parses). */
function looksLikeJsonLines(text: string): boolean {
  let at = 0;
  let checked = 0;
  while (at < text.length && checked < 3) {
    let end = text.indexOf("\n", at);
    if (end < 0) end = text.length;
    const line = text.slice(at, end).trim();
    at = end + 1;
    if (line === "") continue;
    if (!line.startsWith("{") || !line.endsWith("}")) return false;
    try {
      const v: unknown = JSON.parse(line);
      if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
    } catch {
      return checked > 0; // a later bad line is that line's error, not a reason to read the file as text
    }
    checked++;
  }
  return checked > 0;
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

const FEED_ROOTS = new Set(["rss", "feed", "rdf:rdf"]);

/**
 * Sniffs the format of decoded content: an RSS/Atom/RDF feed (by its root
 * element), JSON Lines, a JSON document, HTML (a doctype, html/head/body tags
 * opening a fragment, or ten or more common tags in the first 4 KB), other XML (`xml`, not readable),
 * else plain text. File names and Content-Type only
 * break ties when the content looks like plain text.
 */
export function sniffFormat(text: string, hints: SniffHints = {}): SniffedFormat {
  const rootAt = rootElementStart(text);
  const root = rootAt < 0 ? null : rootElement(text.slice(rootAt, rootAt + 70));
  if (root !== null && FEED_ROOTS.has(root)) {
    // Atom's namespace is declared on its root tag, wherever the prolog ends.
    if (root !== "feed" || /xmlns\s{0,5}=\s{0,5}["']http:\/\/www\.w3\.org\/2005\/Atom/.test(text.slice(rootAt, rootAt + 4096))) return "feed";
  }
  if (root === "html") return "html";
  const head = text.slice(0, 4096);
  const start = head.trimStart();
  const name = (hints.name ?? "").toLowerCase().replace(/[?#].*$/, "");
  const type = (hints.contentType ?? "").toLowerCase();
  if (looksLikeJsonLines(text)) return "jsonl";
  if ((start.startsWith("[") || start.startsWith("{")) && isJson(text)) return "json";
  if (/\.(?:jsonl|ndjson)$/.test(name) && head.trimStart().startsWith("{")) return "jsonl";
  if (looksLikeHtml(head)) return "html";
  if (root !== null && start.startsWith("<?xml")) return "xml";
  if (/\.x?html?$/.test(name) || type === "text/html" || type === "application/xhtml+xml") return "html";
  return "text";
}
