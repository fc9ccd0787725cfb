import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { cleanText } from "./index.js";

const dir = fileURLToPath(new URL("../../../shared/seeds/", import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith(".txt")).sort();
function seed(prefix: string) {
  const f = files.find((x) => x.startsWith(prefix))!;
  const text = readFileSync(dir + f, "utf8");
  const { layout, messages } = cleanText(text, f);
  const paras = layout.paragraphs.map((p) => text.slice(p.span.start, p.span.end));
  const body = paras.join("\n\n");
  return { text, layout, messages, paras, body, headings: layout.paragraphs.filter((p) => p.kind === "heading").map((p) => text.slice(p.span.start, p.span.end)) };
}
function expectAll(body: string, present: string[], absent: string[]) {
  for (const p of present) expect(body, `missing: ${p}`).toContain(p);
  for (const a of absent) expect(body, `clutter kept: ${a}`).not.toContain(a);
}

describe("cleanText on the seeds", () => {
  it("keeps layout.text identical and spans in bounds on every seed", () => {
    for (const f of files) {
      const text = readFileSync(dir + f, "utf8");
      const { layout } = cleanText(text, f);
      expect(layout.text).toBe(text);
      const spans = [...layout.paragraphs, ...layout.captions, ...layout.removed, ...layout.fields].map((x) => x.span);
      for (const s of spans) expect(s.start >= 0 && s.start <= s.end && s.end <= text.length).toBe(true);
      // Body paragraphs never overlap removed material.
      for (const p of layout.paragraphs) for (const r of layout.removed) expect(p.span.start < r.span.end && r.span.start < p.span.end).toBe(false);
    }
  });

  it("000 (AP via CityNews): every paragraph, none of the Toronto teasers or video widgets", () => {
    const s = seed("000");
    expect(s.text.slice(s.layout.title!.start, s.layout.title!.end)).toBe("Mexico’s president says she rejected Trump’s plan to send US troops across the border");
    expect(s.paras[0]).toMatch(/^MEXICO CITY \(AP\) — Mexican President Claudia Sheinbaum said on Saturday/);
    expectAll(s.body, [
      "Her remarks to supporters in eastern Mexico", "And you know what I said to him?", "She added: “Sovereignty is not for sale.",
      "National Security Council spokesman James Hewitt", "Dangerous Foreign Terrorist Organizations", "The U.S. military presence has increased steadily",
      "Northern Command has surged troops", "foreign terrorist organizations on Feb. 19", "hardline stance Saturday signaled", "you in your territory and us in ours,” Sheinbaum said.",
    ], [
      "Toronto", "Kensington", "Albertans", "grocery", "3h ago", "2:09", "Rainy week", "Submit a Correction", "Accessibility Feedback", "Top Stories",
      "Most Watched", "More Videos", "By The Associated Press", "Posted May 3", "Last Updated", "AP Photo", "FILE -", "Lake Ontario",
    ]);
    expect(s.paras.at(-1)).toBe("“We can work together, but you in your territory and us in ours,” Sheinbaum said.");
    expect(s.layout.captions).toHaveLength(1);
    expect(s.layout.captions[0]!.credit).toBe("AP Photo/Marco Ugarte");
    const kinds = s.layout.fields.map((f) => f.kind);
    expect(kinds).toEqual(expect.arrayContaining(["title", "byline", "published", "updated", "dateline", "credit"]));
    const dl = s.layout.fields.find((f) => f.kind === "dateline")!;
    expect(s.text.slice(dl.span.start, dl.span.end)).toBe("MEXICO CITY (AP) —");
    expect(s.layout.removed.filter((r) => r.reason === "metadata").length).toBeGreaterThanOrEqual(4);
  });

  it("001 (DW): paragraphs kept, subheadings are headings, captions set aside, video widgets removed", () => {
    const s = seed("001");
    expect(s.text.slice(s.layout.title!.start, s.layout.title!.end)).toBe("Mexican president says she rejected Trump troops offer");
    expect(s.text.slice(s.layout.standfirst!.start, s.layout.standfirst!.end)).toMatch(/^Claudia Sheinbaum said Donald Trump had offered/);
    expect(s.headings).toEqual(["What else did Sheinbaum tell Trump?", "US weapons contributing to cartel violence", "A delicate dance"]);
    expectAll(s.body, [
      "she had turned down an offer from her US counterpart", "At an event in Texcoco", "our sovereignty is not for sale",
      "There is no need — we can collaborate", "Her remarks come after the", "urged Trump to halt weapons smuggling", "issued an order on Friday",
      "The massive amounts of arms", "Over 450,000 people have been killed", "Trump has often complained of cross-border drug smuggling",
      "The sweeping tariffs are expected", "Since Trump returned to the White House in January", "Trump's rhetoric has repeatedly angered Mexicans",
      "When he first announced his intention to run for president in 2015",
    ], [
      "Skip", "PoliticsMexico", "Karl Sexton", "May 3, 2025", "Image:", "Palacio Nacional", "Mexico began sending troops", "Hundreds of thousands displaced",
      "02:53", "03:15", "browser does not support", "Growing US militarization", "Edited by", "Writer and editor", "Top Story", "More stories from DW",
      "Claudia Sheinbaum said Donald Trump had offered",
    ]);
    expect(s.layout.captions.map((c) => c.credit)).toEqual(["Alfredo Estrella/AFP", "Carlos A. Moreno/ZUMA/picture alliance"]);
    expect(s.layout.captions[0]!.text).toMatch(/^Mexico's President Claudia Sheinbaum gestures[\s\S]*Sheinbaum has endured tense relations/);
    const kinds = s.layout.fields.map((f) => f.kind);
    expect(kinds).toEqual(expect.arrayContaining(["section", "byline", "published", "editor", "author-bio", "outlet"]));
  });

  it("002 (A News): body without the standfirst, metadata bullets or the headline list", () => {
    const s = seed("002");
    expect(s.text.slice(s.layout.title!.start, s.layout.title!.end)).toBe("Mexican president rejects Trump’s offer to deploy US troops against drug cartels");
    expect(s.text.slice(s.layout.standfirst!.start, s.layout.standfirst!.end)).toMatch(/^Mexican President Claudia Sheinbaum confirmed she rejected/);
    expect(s.paras).toHaveLength(5);
    expectAll(s.body, [
      "announced Saturday that she had turned down", "During a public event", "\"It's true,\" Sheinbaum said", "Sheinbaum said that she rebuffed his proposal",
      "According to a Wall Street Journal report on May 2",
    ], ["Americas", "Agencies and A News", "Published Date", "Greenland", "Peruvian mine", "Netanyahu", "Powell", "TikTok", "confirmed she rejected"]);
    expect(s.layout.removed.some((r) => r.reason === "related-links" && s.text.slice(r.span.start, r.span.end).includes("Greenland"))).toBe(true);
  });

  it("003: inline date before the first paragraph; the body starts at the first sentence", () => {
    const s = seed("003");
    expect(s.layout.title).toBeNull();
    expect(s.paras[0]).toMatch(/^Mexican President Claudia Sheinbaum revealed on Saturday/);
    expect(s.paras).toHaveLength(11);
    const pub = s.layout.fields.find((f) => f.kind === "published")!;
    expect(s.text.slice(pub.span.start, pub.span.end).trim()).toBe("date 2025-05-04");
    expectAll(s.body, ["Roosevelt Reservation", "We will never accept the presence of the United States military in our territory"], ["date 2025"]);
  });

  it("004: no title, every paragraph, two captions with credits", () => {
    const s = seed("004");
    expect(s.layout.title).toBeNull();
    expect(s.paras[0]).toMatch(/^Mexico’s President Claudia Sheinbaum has disclosed details/);
    expectAll(s.body, [
      "Tensions between the two leaders", "Despite these strained relations", "On May 3, Sheinbaum spoke", "She said: “In one of the calls",
      "And you know what I told him?", "Doubling down on the response", "She resolved:", "Later that day, White House", "Hewitt said Sheinbaum and Trump",
      "However, he added:", "The President has been crystal clear", "Elsewhere in the phone call, the pair discussed ongoing trade issues.",
    ], ["Getty Images", "drew the line", "quickly shot down"]);
    expect(s.layout.captions.map((c) => c.credit)).toEqual(["ALFREDO ESTRELLA/AFP via Getty Images", "Andrew Harnik/Getty Images"]);
    expect(s.layout.captions[0]!.text).toBe("Sheinbaum drew the line at US troops coming over");
  });
});
