import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { cleanText } from "../clean/index.js";
import { extractTextMetadata } from "./text-metadata.js";
import { parseTextDate } from "./text-dates.js";
import { detectLanguage } from "./language.js";

const dir = fileURLToPath(new URL("../../../shared/seeds/", import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith(".txt")).sort();
function meta(prefix: string) {
  const f = files.find((x) => x.startsWith(prefix))!;
  const text = readFileSync(dir + f, "utf8");
  const layout = cleanText(text, f).layout;
  return { text, layout, m: extractTextMetadata(layout) };
}

describe("extractTextMetadata on the seeds", () => {
  it("000: AP story with dateline and posted/updated times", () => {
    const { m, text } = meta("000");
    expect(m.title).toBe("Mexico’s president says she rejected Trump’s plan to send US troops across the border");
    expect(m.agencies).toEqual(["AP"]);
    expect(m.authors).toEqual([]);
    expect(m.byline).toBe("By The Associated Press");
    expect(m.dateline?.place).toBe("MEXICO CITY");
    expect(m.dateline?.agency).toBe("AP");
    expect(m.published).toBe("2025-05-03T18:17");
    expect(m.updated).toBe("2025-05-03T21:56");
    expect(m.language).toBe("en");
    const p = m.provenance!.published!;
    expect(text.slice(p.span!.start, p.span!.end)).toBe("Posted May 3, 2025 6:17 pm.");
  });

  it("001: DW with section, byline with agencies, editor and outlet", () => {
    const { m, text } = meta("001");
    expect(m.title).toBe("Mexican president says she rejected Trump troops offer");
    expect(m.outlet).toBe("DW");
    expect(m.authors).toEqual(["Karl Sexton"]);
    expect(m.agencies).toEqual(["AFP", "EFE"]);
    expect(m.published).toBe("2025-05-03");
    expect(m.section).toBe("Politics / Mexico");
    expect(m.standfirst).toMatch(/^Claudia Sheinbaum said Donald Trump had offered/);
    expect(m.editor).toBe("Sean Sinico");
    const o = m.provenance!.outlet!;
    expect(text.slice(o.span!.start, o.span!.end)).toBe("DW");
  });

  it("002: A News with bullet metadata", () => {
    const { m } = meta("002");
    expect(m.title).toBe("Mexican president rejects Trump’s offer to deploy US troops against drug cartels");
    expect(m.outlet).toBe("A News");
    expect(m.byline).toBe("Agencies and A News");
    expect(m.section).toBe("Americas");
    expect(m.published).toBe("2025-05-04T10:39");
    expect(m.standfirst).toMatch(/^Mexican President Claudia Sheinbaum confirmed she rejected/);
    expect(m.agencies).toEqual(["Agencies"]);
  });

  it("003: no title, date from the inline prefix", () => {
    const { m } = meta("003");
    expect(m.title).toBeNull();
    expect(m.published).toBe("2025-05-04");
  });

  it("004: no title, no date", () => {
    const { m, layout } = meta("004");
    expect(m.title).toBeNull();
    expect(m.published).toBeNull();
    expect(layout.captions.map((c) => c.credit)).toEqual(["ALFREDO ESTRELLA/AFP via Getty Images", "Andrew Harnik/Getty Images"]);
  });
});

describe("parseTextDate", () => {
  it("reads the formats news pages print, keeping local times without a zone", () => {
    expect(parseTextDate("Posted May 3, 2025 6:17 pm.")).toBe("2025-05-03T18:17");
    expect(parseTextDate("Last Updated May 3, 2025 9:56 pm.")).toBe("2025-05-03T21:56");
    expect(parseTextDate("May 3, 2025")).toBe("2025-05-03");
    expect(parseTextDate("- Published Date: 10:39 | 04 May 2025")).toBe("2025-05-04T10:39");
    expect(parseTextDate("date 2025-05-04")).toBe("2025-05-04");
    expect(parseTextDate("Nov. 19, 2019 12:05 a.m.")).toBe("2019-11-19T00:05");
    expect(parseTextDate("19/11/2019")).toBe("2019-11-19");
    expect(parseTextDate("no date here")).toBeNull();
    expect(parseTextDate("February 30, 1800")).toBeNull();
  });
});

describe("detectLanguage", () => {
  it("names the language or says null when unsure", () => {
    expect(detectLanguage("Mexican President Claudia Sheinbaum said on Saturday that she rejected the offer.")).toBe("en");
    expect(detectLanguage("La presidenta de México dijo el sábado que rechazó la oferta de enviar tropas.")).toBe("es");
    expect(detectLanguage("")).toBeNull();
  });
});

describe("a date line under the title with both times (fixture written for it)", () => {
  it("reads a law firm blog's 'On behalf of X posted in <category> on <day>' as the publication line", () => {
    const text = "Woman killed in hit-and-run crash\nOn behalf of Jo Lee, Esq. posted in Pedestrian Accidents on Wednesday, September 18, 2013.\nAccording to investigators, a woman was killed by a hit-and-run driver in Queens on the night of Sept. 13.\n";
    const { layout } = cleanText(text, "blog.txt");
    expect(extractTextMetadata(layout).published).toBe("2013-09-18");
    expect(layout.paragraphs.map((p) => text.slice(p.span.start, p.span.end))).toEqual(["According to investigators, a woman was killed by a hit-and-run driver in Queens on the night of Sept. 13."]);
  });

  it("reads a blog's '12 January 2010 @ 09:29 pm' as the publication, not as a sentence of the article", () => {
    const text = "Escaped inmate back in custody\n12 January 2010 @ 09:29 pm\nA convicted rapist recaptured last month after eight days on the run was moved to a maximum security unit, officials said.\n";
    const { layout } = cleanText(text, "blog.txt");
    const m = extractTextMetadata(layout);
    expect(m.published).toBe("2010-01-12T21:29");
    expect(layout.paragraphs.map((p) => text.slice(p.span.start, p.span.end))).toEqual(["A convicted rapist recaptured last month after eight days on the run was moved to a maximum security unit, officials said."]);
  });

  it("reads 'on <day> at <time>, updated <day> at <time>' as published and updated, apart from the title", () => {
    const text = "Jury convicts man in office shooting\non April 30, 2008 at 4:31 AM, updated April 30, 2008 at 8:33 AM\nA jury on Tuesday convicted a man charged in last year's shooting at an accounting firm that left a receptionist dead.\n";
    const m = extractTextMetadata(cleanText(text, "jury.txt").layout);
    expect(m.title).toBe("Jury convicts man in office shooting");
    expect(m.published).toBe("2008-04-30T04:31");
    expect(m.updated).toBe("2008-04-30T08:33");
    const p = m.provenance!.published!;
    expect(text.slice(p.span!.start, p.span!.end)).toBe("on April 30, 2008 at 4:31 AM");
  });
});
