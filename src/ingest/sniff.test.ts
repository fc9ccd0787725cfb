import { describe, expect, it } from "vitest";
import { sniffFormat } from "./sniff.js";

describe("sniffFormat", () => {
  it("keeps prose that quotes a few tags as text", () => {
    const prose = `Council closes pier <script>alert(1)</script>\n\nThe page showed <img src=x onerror="x()"> where the photo should be.\n`;
    expect(sniffFormat(prose)).toBe("text");
  });

  it("takes a fragment that opens with a tag, or dense markup, as HTML", () => {
    expect(sniffFormat("<p>One paragraph.</p>")).toBe("html");
    expect(sniffFormat(`Intro ${"<p>x</p>".repeat(6)}`)).toBe("html");
    expect(sniffFormat("<!DOCTYPE html><title>t</title>")).toBe("html");
  });
});
