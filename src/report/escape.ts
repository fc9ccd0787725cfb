/**
 * Escaping for every format the reports write. Text from inputs (ids, titles,
 * outlets, URLs, speakers, quotes, facts, ...) is untrusted: it goes into HTML
 * through the `html` template tag, into Markdown through the `md` template tag,
 * and into Mermaid through `mermaidLabel`, so a renderer escapes nothing itself.
 *
 * Unicode direction controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F,
 * U+061C) must not reach text outside their field: HTML keeps them (legitimate
 * right-to-left text needs them) but balances them and isolates each field in
 * `<bdi>`; Markdown has no isolation, so there they become visible `\u202E`.
 */

// ---------------------------------------------------------------- Unicode direction controls

/** Embedding and override initiators: LRE, RLE, LRO, RLO (closed by PDF, U+202C). */
const EMBEDDINGS = new Set(["\u202A", "\u202B", "\u202D", "\u202E"]);
/** Isolate initiators: LRI, RLI, FSI (closed by PDI, U+2069). */
const ISOLATES = new Set(["\u2066", "\u2067", "\u2068"]);
const PDF = "\u202C";
const PDI = "\u2069";

/**
 * Balances a field's direction controls so that none can act after its end: a
 * closer without its opener is dropped (a stray PDI would otherwise close the
 * `<bdi>` around the field, as Chromium shows), and openers left open are closed.
 */
export function balanceBidi(value: string): string {
  if (!/[\u202A-\u202E\u2066-\u2069]/.test(value)) return value;
  const open: string[] = [];
  let out = "";
  for (const c of value) {
    if (EMBEDDINGS.has(c) || ISOLATES.has(c)) {
      open.push(c);
    } else if (c === PDF) {
      // Unicode bidi rule X7: a PDF closes only an embedding opened inside the current isolate.
      if (open.length === 0 || !EMBEDDINGS.has(open[open.length - 1]!)) continue;
      open.pop();
    } else if (c === PDI) {
      // Rule X6a: a PDI closes the innermost open isolate and every embedding opened inside it.
      const at = open.findLastIndex((o) => ISOLATES.has(o));
      if (at < 0) continue;
      open.length = at;
    }
    out += c;
  }
  for (let i = open.length - 1; i >= 0; i--) out += ISOLATES.has(open[i]!) ? PDI : PDF;
  return out;
}

// ---------------------------------------------------------------- HTML

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
  "`": "&#96;",
};

/** Escapes text for HTML element content and quoted attribute values (article text is untrusted). */
export function escapeHtml(value: string | null | undefined): string {
  if (value === null || value === undefined) return "";
  return value.replace(/[&<>"'`]/g, (c) => HTML_ESCAPES[c]!);
}

/** Markup that is safe to insert as it is: written by `html`, or trusted by `rawHtml`. */
export class Html {
  constructor(readonly html: string) {}
  toString(): string {
    return this.html;
  }
}

/** Marks markup written by the program itself (never input text) as safe to insert. */
export function rawHtml(trusted: string): Html {
  return new Html(trusted);
}

/** What an `html` template accepts in a hole: text (escaped), markup, numbers, lists of these, or nothing. */
export type HtmlValue = string | number | Html | null | undefined | false | readonly HtmlValue[];

type HtmlHole = "content" | "attribute" | "bare";
const HTML_HOLES = new WeakMap<TemplateStringsArray, HtmlHole[]>();
const VOID_ELEMENTS = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);
/** Elements whose text cannot hold `<bdi>`: the page title, SVG and its text elements (also in fragments of an SVG). */
const BARE_ELEMENTS = new Set(["title", "svg", "g", "text", "tspan", "textpath", "desc"]);

/**
 * Writes HTML with every interpolated string escaped for where it lands: in a
 * quoted attribute value it is escaped; in element content it is escaped, its
 * direction controls balanced, and it is isolated in `<bdi>` so that it cannot
 * reorder the text around it; inside `<title>` and SVG (where `<bdi>` cannot go,
 * and each text element holds one field) it is escaped and balanced. `Html`
 * values are inserted as they are; arrays are concatenated. An interpolation
 * inside a tag but outside a quoted attribute value throws.
 */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  const holes = htmlHoles(strings);
  let out = strings[0]!;
  values.forEach((v, i) => {
    out += htmlValue(v, holes[i]!);
    out += strings[i + 1]!;
  });
  return new Html(out);
}

/**
 * Text that fills a block alone (a body paragraph, the page source): escaped but
 * not isolated, since the block already bounds its direction controls, and
 * isolating its pieces (around citation anchors) would break right-to-left order.
 */
export function blockText(value: string): Html {
  return new Html(escapeHtml(value));
}

/** Joins items for element content: each string item escaped and isolated on its own, separators as plain text. */
export function htmlList(items: readonly (string | Html)[], separator: string): Html {
  return new Html(items.map((x) => htmlValue(x, "content")).join(escapeHtml(separator)));
}

function htmlValue(v: HtmlValue, hole: HtmlHole): string {
  if (v === null || v === undefined || v === false) return "";
  if (v instanceof Html) return v.html;
  if (typeof v === "number") return String(v);
  if (Array.isArray(v)) return v.map((x) => htmlValue(x, hole)).join("");
  const s = v as string;
  if (hole === "attribute") return escapeHtml(s);
  if (s === "") return "";
  const text = escapeHtml(balanceBidi(s));
  return hole === "bare" ? text : `<bdi>${text}</bdi>`;
}

/** Where each hole of a template lands, read once per call site from the template's own markup. */
function htmlHoles(strings: TemplateStringsArray): HtmlHole[] {
  const cached = HTML_HOLES.get(strings);
  if (cached) return cached;
  const holes: HtmlHole[] = [];
  const stack: string[] = [];
  let inTag = false;
  let tag = "";
  let quote: string | null = null;
  strings.forEach((s, i) => {
    for (let k = 0; k < s.length; k++) {
      const c = s[k]!;
      if (!inTag) {
        // A tag starts at `<` before a letter, `/` or `!`; any other `<` is text.
        if (c === "<" && /[A-Za-z/!]/.test(s[k + 1] ?? "")) {
          inTag = true;
          tag = "";
        }
      } else if (quote) {
        if (c === quote) quote = null;
        tag += c;
      } else if (c === '"' || c === "'") {
        quote = c;
        tag += c;
      } else if (c === ">") {
        inTag = false;
        const m = /^(\/?)([A-Za-z][\w-]*)/.exec(tag);
        if (m) {
          const name = m[2]!.toLowerCase();
          if (m[1]) {
            const at = stack.lastIndexOf(name);
            if (at >= 0) stack.length = at;
          } else if (!VOID_ELEMENTS.has(name) && !tag.endsWith("/")) {
            stack.push(name);
          }
        }
      } else {
        tag += c;
      }
    }
    if (i === strings.length - 1) return;
    if (inTag && !quote) throw new Error(`html: a hole inside a tag must be in a quoted attribute value (after ${JSON.stringify(s.slice(-40))})`);
    holes.push(inTag ? "attribute" : stack.some((e) => BARE_ELEMENTS.has(e)) ? "bare" : "content");
    if (inTag) tag += "x";
  });
  HTML_HOLES.set(strings, holes);
  return holes;
}

/** An id part kept as it is: letters, digits and `_`, with single `-` inside. */
const PLAIN_ID_PART = /^[A-Za-z0-9_]+(?:-[A-Za-z0-9_]+)*$/;

/**
 * A string safe to use as an HTML id (letters, digits, `-` and `_` only) in which
 * distinct parts give distinct ids: a part other than a plain one (`copy-1`,
 * `000_4e49`) is written as `-` and its characters, any but a letter or digit as
 * `_hex_` (`a b` → `-a_20_b`), so it cannot equal a plain part, and no part
 * contains the `--` that joins them.
 */
export function htmlId(...parts: string[]): string {
  return parts
    .map((p) => (PLAIN_ID_PART.test(p) ? p : `-${[...p].map((c) => (/[A-Za-z0-9]/.test(c) ? c : `_${c.codePointAt(0)!.toString(16)}_`)).join("")}`))
    .join("--");
}

// ---------------------------------------------------------------- Markdown

/** Line endings of CommonMark (CR alone included) and of Unicode: all would end a table row or a line. */
const LINE_BREAKS = /\r\n|[\n\r\v\f\u0085\u2028\u2029]/g;
/** Direction controls, and C0/C1 controls (terminal escape sequences when the file is printed). */
const INVISIBLE_CONTROLS = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
/** ASCII punctuation with an inline meaning in CommonMark, GFM (tables, strikethrough, autolinks) or GitHub (math); `&` where it starts an entity (`&amp;`). */
const MARKDOWN_INLINE = /[\\`*_{}[\]<>#|!~$]|&(?=#?[A-Za-z0-9]+;)/g;

/** A control character written as a visible escape (`\u202E`). */
function visibleControl(c: string): string {
  return `\\u${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
}

/**
 * Escapes text for Markdown inline content (text, headings, link text, table
 * cells): markup characters are backslash-escaped, line breaks become spaces,
 * and direction and other control characters become visible escapes (`\u202E`).
 */
export function escapeMarkdown(value: string | null | undefined): string {
  if (value === null || value === undefined) return "";
  return value
    .replace(LINE_BREAKS, " ")
    .replace(MARKDOWN_INLINE, (c) => `\\${c}`)
    .replace(INVISIBLE_CONTROLS, visibleControl);
}

/**
 * Escapes text for the start of a Markdown block (a paragraph, a list item's or
 * a quote's first line): as inline text, and leading spaces (an indented code
 * block) and list, heading or rule markers (`-`, `+`, `=`, `1.`, `1)`) made inert.
 */
export function escapeMarkdownBlock(value: string | null | undefined): string {
  return escapeMarkdown(value)
    .replace(/^[ \t]+/, "")
    .replace(/^[-+=]/, (c) => `\\${c}`)
    .replace(/^(\d{1,9})([.)])/, "$1\\$2");
}

/** Text as a Markdown code span, fenced by more backticks than it contains. */
export function markdownCode(value: string): string {
  const text = value.replace(LINE_BREAKS, " ").replace(INVISIBLE_CONTROLS, visibleControl);
  if (text === "") return "";
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const fence = "`".repeat(longest + 1);
  const pad = /^[` ]|[` ]$/.test(text) ? " " : "";
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** Markdown that is safe to insert as it is: written by `md`, or trusted by `rawMarkdown`. */
export class Markdown {
  constructor(readonly markdown: string) {}
  toString(): string {
    return this.markdown;
  }
}

/** Marks Markdown written by the program itself (never input text) as safe to insert. */
export function rawMarkdown(trusted: string): Markdown {
  return new Markdown(trusted);
}

/** What an `md` template accepts in a hole: text (escaped), Markdown, numbers, lists of these, or nothing. */
export type MarkdownValue = string | number | Markdown | null | undefined | false | readonly MarkdownValue[];

/** What may come before a block's text on its line: indentation, list and quote markers. */
const BLOCK_PREFIX = /^(?:[ \t]*(?:[-+*>]|\d{1,9}[.)]))*[ \t]*$/;

/**
 * Writes Markdown with every interpolated string escaped: as the start of a block
 * when only indentation and list or quote markers come before it on its line,
 * else as inline text (`escapeMarkdown`). `Markdown` values are inserted as
 * they are; arrays are concatenated.
 */
export function md(strings: TemplateStringsArray, ...values: MarkdownValue[]): Markdown {
  let out = strings[0]!;
  values.forEach((v, i) => {
    out += markdownValue(v, BLOCK_PREFIX.test(out.slice(out.lastIndexOf("\n") + 1)));
    out += strings[i + 1]!;
  });
  return new Markdown(out);
}

/** Joins items as inline Markdown: each string item escaped, separators as they are. */
export function markdownList(items: readonly (string | Markdown)[], separator: string): Markdown {
  return new Markdown(items.map((x) => markdownValue(x, false)).join(separator));
}

function markdownValue(v: MarkdownValue, blockStart: boolean): string {
  if (v === null || v === undefined || v === false) return "";
  if (v instanceof Markdown) return v.markdown;
  if (typeof v === "number") return String(v);
  if (Array.isArray(v)) return v.map((x, i) => markdownValue(x, blockStart && i === 0)).join("");
  return blockStart ? escapeMarkdownBlock(v as string) : escapeMarkdown(v as string);
}

// ---------------------------------------------------------------- Mermaid

/**
 * Text for a Mermaid label inside `["…"]` or `|…|`: line breaks become spaces,
 * control characters visible escapes, and every character but a letter, a mark,
 * a digit, a space or `.,:_/-` a Mermaid entity (`#34;`), so nothing in it can
 * close the label, the statement, the diagram's code fence, or become HTML.
 */
export function mermaidLabel(value: string): string {
  return value
    .replace(LINE_BREAKS, " ")
    .replace(INVISIBLE_CONTROLS, visibleControl)
    .replace(/[^\p{L}\p{M}\p{N} .,:_/-]/gu, (c) => `#${c.codePointAt(0)};`);
}
