import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { within } from "../../test/support/time-limit.js";
import { extractTimes } from "./index.js";
import { quotedRegions, tenseOf } from "./tense.js";

const LANTERN = fileURLToPath(new URL("../../examples/harbour-bridge/05-lantern-post.html", import.meta.url));

const run = (text: string, published: string) =>
  extractTimes({ id: "t", text, paragraphs: [], published }).times.map((t) => [t.text, t.value]);

describe("weekdays in past-tense reporting (the bundled example's 'Tuesday night')", () => {
  it("dates the Lantern Post's 'told the Lantern Post on Tuesday night' to the Tuesday before publication", () => {
    // The real example file: its paragraph as written and its own publication time
    // (Wednesday 15 October 2025, 06:30). The truth file: she spoke on Tuesday 14 October.
    const html = readFileSync(LANTERN, "utf8");
    const published = /<meta property="article:published_time" content="([^"]+)">/.exec(html)![1]!;
    const para = /<p>("I will not take risks[^<]*)<\/p>/.exec(html)![1]!;
    expect(published).toBe("2025-10-15T06:30:00+02:00");
    const t = extractTimes({ id: "05", text: para, paragraphs: [], published }).times.find((x) => x.text === "Tuesday night")!;
    expect(t).toMatchObject({ value: "2025-10-14TNI", type: "TIME", rule: "date:weekday", anchor: "publication" });
  });

  it("reads the narrator's tense, not the quoted speaker's, for a date outside the quotation", () => {
    // Published Wednesday 15 October 2025. The quoted "will" is what was said, "wrote" dates the writing.
    expect(run(`"We will reopen the road," the minister wrote on Monday.`, "2025-10-15")).toEqual([["Monday", "2025-10-13"]]);
    expect(run(`“The bridge will stay shut,” the mayor said on Friday night.`, "2025-10-15")).toEqual([["Friday night", "2025-10-10TNI"]]);
  });

  it("takes irregular pasts (told, met, spoke...) as past cues before a future later in the sentence", () => {
    expect(run("The mayor told reporters on Friday that the road will reopen.", "2025-10-15")[0]).toEqual(["Friday", "2025-10-10"]);
    expect(run("The council met on Monday and will vote again.", "2025-10-15")[0]).toEqual(["Monday", "2025-10-13"]);
  });

  it("still reads the speaker's tense for a date inside the quotation", () => {
    expect(run(`She said: "We will meet them on Friday."`, "2025-10-15")).toEqual([["Friday", "2025-10-17"]]);
    // A quotation with no cue of its own takes the reporting sentence's tense.
    expect(run(`"Friday," she said, when asked the day of the vote.`, "2025-10-15")).toEqual([["Friday", "2025-10-10"]]);
  });

  it("reads 'could be seen' and 'could not be reached' as past reporting, 'could be held' as ahead", () => {
    expect(run("On Tuesday, investigators could be seen inside the store on Bridge Street.", "2013-03-13")).toEqual([["Tuesday", "2013-03-12"]]);
    expect(run("The harbour master could not be reached for comment on Tuesday.", "2013-03-13")).toEqual([["Tuesday", "2013-03-12"]]);
    expect(run("The council vote could be held on Tuesday.", "2013-03-13")).toEqual([["Tuesday", "2013-03-19"]]);
  });

  it("does not take a passive participle after 'be' for a past ('to be held on')", () => {
    expect(run("Apple announced today another event to be held on October 12.", "2005-10-04")).toContainEqual(["October 12", "2005-10-12"]);
  });
});

describe("a month named in future-tense reporting is the next one, in past-tense reporting the last one", () => {
  // Published 20 November 2025: March ahead is March 2026, March behind is March 2025.
  const month = (text: string) => run(text, "2025-11-20").find(([t]) => /March|June/.test(t!))![1];
  it("reads a schedule, an expectation or an intention as pointing ahead", () => {
    expect(month("The islanders will hold elections in March.")).toBe("2026-03");
    expect(month("The referendum is scheduled for March.")).toBe("2026-03");
    expect(month("The second ferry is slated for June.")).toBe("2026-06");
    expect(month("A ruling is expected in March.")).toBe("2026-03");
    expect(month("The junta promised to hold a vote in March.")).toBe("2026-03");
    expect(month("The council plans to reopen the pool in June.")).toBe("2026-06");
    expect(month("Ahead of the upcoming March poll, parties campaigned hard.")).toBe("2026-03");
    // Past-tense reporting, a past infinitive and "agreed to a deal" stay in the past.
    expect(run("The union agreed to a deal on Saturday.", "2025-11-20")).toEqual([["Saturday", "2025-11-15"]]);
    expect(month("The islanders held elections in March.")).toBe("2025-03");
    expect(month("Sales were thought to have dipped in March.")).toBe("2025-03");
    expect(month("The club began to rebuild the stand in June.")).toBe("2025-06");
  });
});

describe("quotedRegions and tenseOf", () => {
  it("finds curly, straight and guillemet quotations between their marks", () => {
    const s = `He said "yes" and “no” and «peut-être».`;
    expect(quotedRegions(s, 0, s.length).map((r) => s.slice(r.start, r.end))).toEqual(["yes", "no", "peut-être"]);
  });
  it("takes a straight quote after a digit for an inch mark, and closes a quotation at a line break", () => {
    const s = `A 12" pipe, "open\nthen "shut" now`;
    expect(quotedRegions(s, 0, s.length).map((r) => s.slice(r.start, r.end))).toEqual(["open", "shut"]);
  });
  it("ignores quoted cues for an expression outside the quotation", () => {
    const s = `"It will close" on Tuesday was her promise.`;
    const at = s.indexOf("Tuesday");
    expect(tenseOf(s, at, at + 7)).toBe(1); // without the quotations known, the quoted "will" wins
    expect(tenseOf(s, at, at + 7, quotedRegions(s, 0, s.length))).toBe(-1);
  });
  it("ends within a second on long runs of quote marks and dates", () => {
    for (const ch of ['"', "“", "”", "\n"]) {
      const text = `${ch}Friday `.repeat(10_000);
      const r = within(1000, `${JSON.stringify(ch)} runs`, () => extractTimes({ id: "adv", text, paragraphs: [], published: "2025-05-04" }));
      expect(r.times.length).toBeGreaterThan(0);
    }
    const q = within(1000, "quote marks", () => quotedRegions('"'.repeat(1_000_000), 0, 1_000_000));
    expect(q.length).toBe(500_000);
  });
});

describe("a day ahead named in a past-tense sentence (fixtures written for these cues)", () => {
  it("dates a pending hearing, a trial set for a day and the next court date ahead of publication", () => {
    expect(run("The judge ordered him held without bail pending his next court hearing April 19.", "2007-04-11")).toEqual([["April 19", "2007-04-19"]]);
    expect(run("The trial was set for June 2, the court clerk said.", "2007-04-11")).toEqual([["June 2", "2007-06-02"]]);
    expect(run("He said his next court appearance on May 7 would decide it.", "2007-04-11")).toEqual([["May 7", "2007-05-07"]]);
    expect(run("The judge has given him a May 10 deadline, the news wire said.", "2013-05-02")).toEqual([["May 10", "2013-05-10"]]);
    // Without such a cue, a past-tense day after publication is last year's.
    expect(run("The company said it closed the plant on June 2.", "2007-04-11")).toEqual([["June 2", "2006-06-02"]]);
  });
});
