import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import type { RashomonDocument } from "../../src/model/index.js";
import { rashomon, schemaErrors, SEEDS, spanProblems } from "./helpers.js";

/** Acceptance 1 of the clean-article issue, through the real command line. */
describe("rashomon analyze ../shared/seeds --format json", () => {
  let out: { documents: RashomonDocument[]; stories: unknown[]; messages: unknown[] };
  let docs: Record<string, RashomonDocument>;
  let code: number;

  beforeAll(() => {
    const r = rashomon(["analyze", SEEDS, "--format", "json"]);
    code = r.code;
    out = JSON.parse(r.stdout);
    docs = Object.fromEntries(out.documents.map((d) => [d.id, d]));
  });

  it("exits 0 with one document per seed, matching the JSON Schema", () => {
    expect(code).toBe(0);
    expect(Object.keys(docs).sort()).toEqual([
      "000_4e495020b5c344bc", "001_b5f02f746b628a14", "002_1963f2aa61433c20", "003_93455575c53b0e54", "004_6ff7339e114991e9",
    ]);
    expect(schemaErrors(out)).toBe("");
  });

  it("keeps each plain-text input exactly as given, with every span inside it", () => {
    for (const doc of out.documents) {
      expect(doc.format).toBe("text");
      expect(doc.text).toBe(readFileSync(`${SEEDS}${doc.id}.txt`, "utf8"));
      expect(spanProblems(doc)).toEqual([]);
    }
  });

  it("000: AP story republished in Toronto", () => {
    const d = docs["000_4e495020b5c344bc"]!;
    expect(d.title).toBe("Mexico’s president says she rejected Trump’s plan to send US troops across the border");
    expect(d.agencies).toEqual(["AP"]);
    expect(d.dateline).toMatchObject({ place: "MEXICO CITY", agency: "AP" });
    expect(d.published).toBe("2025-05-03T18:17");
    expect(d.updated).toBe("2025-05-03T21:56");
    expect(d.captions).toHaveLength(1);
    expect(d.captions[0]!.credit).toBe("AP Photo/Marco Ugarte");
  });

  it("001: DW with AFP and EFE", () => {
    const d = docs["001_b5f02f746b628a14"]!;
    expect(d.title).toBe("Mexican president says she rejected Trump troops offer");
    expect(d.outlet).toBe("DW");
    expect(d.authors).toEqual(["Karl Sexton"]);
    expect(d.agencies).toEqual(["AFP", "EFE"]);
    expect(d.published).toBe("2025-05-03");
    expect(d.section).toBe("Politics / Mexico");
    expect(d.standfirst).toMatch(/^Claudia Sheinbaum said Donald Trump had offered/);
    expect(d.captions.map((c) => c.credit)).toEqual(["Alfredo Estrella/AFP", "Carlos A. Moreno/ZUMA/picture alliance"]);
    expect(d.editor).toBe("Sean Sinico");
    const headings = d.paragraphs.filter((p) => p.kind === "heading").map((p) => d.text.slice(p.span.start, p.span.end));
    expect(headings).toEqual(["What else did Sheinbaum tell Trump?", "US weapons contributing to cartel violence", "A delicate dance"]);
  });

  it("002: A News on agency copy", () => {
    const d = docs["002_1963f2aa61433c20"]!;
    expect(d.title).toBe("Mexican president rejects Trump’s offer to deploy US troops against drug cartels");
    expect(d.outlet).toBe("A News");
    expect(d.byline).toBe("Agencies and A News");
    expect(d.section).toBe("Americas");
    expect(d.published).toBe("2025-05-04T10:39");
    expect(d.standfirst).toMatch(/^Mexican President Claudia Sheinbaum confirmed she rejected/);
  });

  it("003: no title, body starts at the first sentence", () => {
    const d = docs["003_93455575c53b0e54"]!;
    expect(d.title).toBeNull();
    expect(d.published).toBe("2025-05-04");
    expect(d.body.startsWith("Mexican President Claudia Sheinbaum revealed on Saturday")).toBe(true);
  });

  it("004: no title, no date, two Getty captions", () => {
    const d = docs["004_6ff7339e114991e9"]!;
    expect(d.title).toBeNull();
    expect(d.published).toBeNull();
    expect(d.captions.map((c) => c.credit)).toEqual(["ALFREDO ESTRELLA/AFP via Getty Images", "Andrew Harnik/Getty Images"]);
  });

  it("bodies hold no clutter", () => {
    const clutter = [
      "Top Stories", "Kensington Market", "Toronto Pearson", "Most Watched Today", "More Videos", "02:53", "3h ago",
      "This browser does not support", "Skip to", "Submit a Correction", "Accessibility Feedback",
      "Writer and editor focused", "Edited by", "Posted May 3", "Last Updated", "By The Associated Press",
      "TikTok deadline", "Greenland", "Published Date", "Image:", "(AP Photo", "Getty Images", "DW's Top Story",
    ];
    for (const d of out.documents) for (const c of clutter) expect(d.body, `${d.id} contains ${c}`).not.toContain(c);
  });

  it("bodies hold every paragraph of the article", () => {
    const expected: Record<string, string[]> = {
      "000_4e495020b5c344bc": [
        "Mexican President Claudia Sheinbaum said on Saturday", "Her remarks to supporters in eastern Mexico",
        "How can we help you fight drug trafficking", "Sovereignty is not for sale. Sovereignty is loved",
        "White House National Security Council spokesman James Hewitt", "Dangerous Foreign Terrorist Organizations",
        "The U.S. military presence has increased steadily", "The U.S. Northern Command has surged",
        "Trump designated many of the gangs", "hardline stance Saturday signaled", "We can work together, but you in your territory",
      ],
      "001_b5f02f746b628a14": [
        "Mexican President Claudia Sheinbaum said Saturday that she had turned down", "At an event in Texcoco",
        "our territory is inviolable", "There is no need", "Her remarks come after the",
        "Sheinbaum also said she had urged Trump", "She told the event in Texcoco", "The massive amounts of arms",
        "Over 450,000 people have been killed", "Trump has often complained", "The sweeping tariffs are expected",
        "Since Trump returned to the White House", "Trump's rhetoric has repeatedly angered", "When he first announced his intention",
      ],
      "002_1963f2aa61433c20": [
        "Mexican President Claudia Sheinbaum announced Saturday", "During a public event, Sheinbaum confirmed",
        "\"It's true,\" Sheinbaum said", "Sheinbaum said that she rebuffed his proposal", "According to a Wall Street Journal report on May 2",
      ],
      "003_93455575c53b0e54": [
        "Responding to a Friday report", "He said, ‘How can we help", "She continued, “Sovereignty is not for sale",
        "According to the WSJ report, the 45-minute phone call", "Trump has previously asserted", "A White House spokesperson said at the time",
        "Trump has overseen an increase", "In a presidential memorandum", "While Sheinbaum has cooperated", "We will never accept the presence",
      ],
      "004_6ff7339e114991e9": [
        "has disclosed details of Donald Trump", "Tensions between the two leaders", "Despite these strained relations",
        "On May 3, Sheinbaum spoke", "In one of the calls, Trump said", "And you know what I told him", "Doubling down on the response",
        "She resolved:", "Later that day, White House", "Hewitt said Sheinbaum and Trump", "However, he added:",
        "The President has been crystal clear", "Elsewhere in the phone call",
      ],
    };
    for (const [id, phrases] of Object.entries(expected)) {
      for (const p of phrases) expect(docs[id]!.body, `${id} lacks ${p}`).toContain(p);
    }
  });
});
