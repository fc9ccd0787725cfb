import { describe, expect, it } from "vitest";
import { terminalJson, terminalText } from "./terminal.js";

/** Embedding depth left open at the end of a string, by the Unicode bidi rules for explicit controls (-1 if a closer has no opener). */
function openDirection(s: string): number {
  const stack: string[] = [];
  for (const ch of s) {
    if ("\u202a\u202b\u202d\u202e".includes(ch)) stack.push("e");
    else if ("\u2066\u2067\u2068".includes(ch)) stack.push("i");
    else if (ch === "\u202c") {
      if (stack.at(-1) !== "e") return -1;
      stack.pop();
    } else if (ch === "\u2069") {
      const k = stack.lastIndexOf("i");
      if (k < 0) return -1;
      stack.length = k;
    }
  }
  return stack.length;
}

describe("terminalText", () => {
  it("leaves plain text, accents and other scripts alone", () => {
    for (const s of ["Vell Harbour bridge closed", "Café crème à Zürich", "東京で地震", ""]) expect(terminalText(s)).toBe(s);
  });

  it("escapes C0 and C1 controls and DEL, so no escape sequence reaches the terminal", () => {
    const out = terminalText("a\u001b[31mred\u001b[0m\u0007\u009b2J\u007f\r\n\tz\u2028");
    expect(out).toBe("a\\x1B[31mred\\x1B[0m\\x07\\x9B2J\\x7F\\r\\n\\tz\\u2028");
    expect(out).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
  });

  it("closes direction controls a field leaves open, drops closers without openers, and isolates the field", () => {
    for (const s of ["\u202eevil", "a\u2067b", "\u202a\u202bx\u202c", "\u2067\u202einner\u2069\u202c after", "\u202d".repeat(200)]) {
      const out = terminalText(s);
      expect(openDirection(out), JSON.stringify(out)).toBe(0);
      expect(out.startsWith("\u2068") && out.endsWith("\u2069")).toBe(true);
    }
    expect(terminalText("\u202eevil")).toBe("\u2068\u202eevil\u202c\u2069");
    expect(terminalText("\u2069\u202cstray closers")).toBe("stray closers");
  });

  it("isolates right-to-left text so it cannot reorder the next field", () => {
    expect(terminalText("חדשות 12")).toBe("\u2068חדשות 12\u2069");
    expect(terminalText("الجزيرة")).toBe("\u2068الجزيرة\u2069");
  });
});

describe("terminalJson", () => {
  it("escapes what JSON.stringify leaves raw, keeping the same value", () => {
    const value = { title: "x\u009b2J\u202e\u2066y\u2028\u007f" };
    const out = terminalJson(JSON.stringify(value));
    expect(out).not.toMatch(/[\u007f-\u009f\u2028\u202a-\u202e\u2066-\u2069]/);
    expect(JSON.parse(out)).toEqual(value);
  });
});
