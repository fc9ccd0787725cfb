import { describe, expect, it } from "vitest";
import { BRACKET, DOUBLE, LETTER, MARK, NONE, SPACE, charClass, classAt } from "./char-class.js";

describe("charClass", () => {
  it("classes every code unit as the scanner's regular expressions do", () => {
    const wrong: string[] = [];
    for (let c = 0; c < 65536; c++) {
      const s = String.fromCharCode(c);
      const k = charClass(c);
      if ((k & SPACE) !== 0 !== /\s/.test(s)) wrong.push(`space U+${c.toString(16)}`);
      if ((k & LETTER) !== 0 !== /[\p{L}\p{N}]/u.test(s)) wrong.push(`letter U+${c.toString(16)}`);
      if ((k & MARK) !== 0 !== /[“”"„«»‟‘’'‚‹›‛]/.test(s)) wrong.push(`mark U+${c.toString(16)}`);
    }
    expect(wrong).toEqual([]);
  });
  it("tells double marks, brackets and the edge of a region", () => {
    expect(charClass("„".charCodeAt(0)) & DOUBLE).toBeTruthy();
    expect(charClass("‚".charCodeAt(0)) & DOUBLE).toBe(0);
    expect(charClass("(".charCodeAt(0)) & BRACKET).toBeTruthy();
    expect(classAt("ab", 2)).toBe(NONE | SPACE);
    expect(classAt("ab", 1, 0, 1)).toBe(NONE | SPACE);
    expect(classAt("ab", 1) & LETTER).toBeTruthy();
  });
});
