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

  it("sees past a prolog of any length to the root element", () => {
    const rss = '<rss version="2.0"><channel><item><title>T</title></item></channel></rss>';
    const comment = `<!--${"x".repeat(70_000)}-->`;
    expect(sniffFormat(`<?xml version="1.0"?>${comment}${rss}`)).toBe("feed");
    expect(sniffFormat(`<!DOCTYPE rss [${comment}<!ENTITY a "]>" >]>${rss}`)).toBe("feed");
    expect(sniffFormat(`<!DOCTYPE rss SYSTEM "x]>[.dtd" ${" ".repeat(70_000)}>${rss}`)).toBe("feed");
    expect(sniffFormat(`${"<?pi x?>\n".repeat(10_000)}<feed xmlns="http://www.w3.org/2005/Atom"><entry/></feed>`)).toBe("feed");
    expect(sniffFormat(`${" ".repeat(70_000)}<feed><entry/></feed>`)).not.toBe("feed");
    expect(sniffFormat(`${comment}<html><body><p>Page</p></body></html>`)).toBe("html");
    expect(sniffFormat(`<?xml version="1.0"?>${comment}<urlset><url/></urlset>`)).toBe("xml");
  });
});
