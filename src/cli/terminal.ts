/**
 * Text from the library (titles, outlets, ids, reasons) made safe to print:
 * control characters are escaped so a title cannot move the cursor, recolour
 * or clear the screen, and Unicode direction controls are balanced and
 * isolated so a title cannot reorder what is printed after it.
 */

/** Embedding and override initiators: LRE, RLE, LRO, RLO (closed by PDF). */
const EMBEDDINGS = new Set([0x202a, 0x202b, 0x202d, 0x202e]);
const PDF = 0x202c;
/** Isolate initiators: LRI, RLI, FSI (closed by PDI). */
const ISOLATES = new Set([0x2066, 0x2067, 0x2068]);
const PDI = 0x2069;
const FSI = "\u2068";
/** Right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko, ... and their presentation forms). */
const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;
const NAMED: Record<number, string> = { 0x09: "\\t", 0x0a: "\\n", 0x0d: "\\r" };

/** Whether a code point is a C0 or C1 control, DEL, or a line or paragraph separator. */
function isControl(c: number): boolean {
  return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029;
}

function escapeControl(c: number): string {
  return NAMED[c] ?? (c < 0x100 ? `\\x${c.toString(16).toUpperCase().padStart(2, "0")}` : `\\u${c.toString(16).toUpperCase().padStart(4, "0")}`);
}

/**
 * One field of terminal output: control characters escaped (`\x1B`, `\n`, ...);
 * direction controls kept only when balanced (unmatched PDF and PDI dropped,
 * open ones closed at the end); and a field with direction controls or
 * right-to-left letters wrapped in FSI ... PDI, so it is laid out on its own
 * and leaves the direction of what follows alone. Plain text comes back as is.
 */
export function terminalText(text: string): string {
  let out = "";
  const open: ("embedding" | "isolate")[] = [];
  let directional = false;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (isControl(c)) out += escapeControl(c);
    else if (EMBEDDINGS.has(c) || ISOLATES.has(c)) {
      open.push(EMBEDDINGS.has(c) ? "embedding" : "isolate");
      out += ch;
      directional = true;
    } else if (c === PDF) {
      if (open.at(-1) === "embedding") {
        open.pop();
        out += ch;
      }
    } else if (c === PDI) {
      // A PDI closes its isolate and every embedding opened inside it.
      const k = open.lastIndexOf("isolate");
      if (k >= 0) {
        open.length = k;
        out += ch;
      }
    } else out += ch;
  }
  while (open.length) out += open.pop() === "embedding" ? "\u202c" : "\u2069";
  return directional || RTL.test(out) ? `${FSI}${out}\u2069` : out;
}

/**
 * JSON text safe for a terminal, with the same value: escapes the characters
 * `JSON.stringify` leaves raw that a terminal acts on (DEL, C1 controls, line
 * and paragraph separators, direction controls).
 */
export function terminalJson(json: string): string {
  return json.replace(/[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
