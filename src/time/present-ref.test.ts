import { describe, expect, it } from "vitest";
import { extractTimes } from "./index.js";
import { todayIsPresent } from "./present-ref.js";

/** The "today" of `text` as [value, rule], for a report published on 12 March 2024. */
function today(text: string): [string, string] {
  const t = extractTimes({ id: "t", text, paragraphs: [], published: "2024-03-12" }).times.find((x) => /^today$/i.test(x.text));
  if (!t) throw new Error(`no "today" in ${text}`);
  return [t.value, t.rule ?? ""];
}

describe("'today' meaning nowadays is PRESENT_REF (TimeML), the day of the report stays a date", () => {
  it("reads 'today's' before a lasting thing as the present era, before an event as the day", () => {
    expect(today("Small farms struggle in today's economy, the minister said.")).toEqual(["PRESENT_REF", "ref:today-present"]);
    expect(today("Today's teenagers hardly ever write letters.")[0]).toBe("PRESENT_REF");
    expect(today("Few firms can compete in today's digital marketplace.")[0]).toBe("PRESENT_REF");
    // A name standing alone: the firm as it is now.
    expect(today("The brand means little to the buyers of today's Renault.")[0]).toBe("PRESENT_REF");
    // Before an event, an edition or a name of several words, it is the day.
    expect(today("Today's vote was postponed.")).toEqual(["2024-03-12", "date:today"]);
    expect(today("Today's council meeting ran late.")[0]).toBe("2024-03-12");
    expect(today("The story ran in today's Evening Standard.")[0]).toBe("2024-03-12");
    expect(today("Today's Senate hearing was closed.")[0]).toBe("2024-03-12");
  });

  it("reads 'the world today', 'the youth of today', 'today, more than ever' as the present, 'the events of today' as the day", () => {
    expect(today("Hunger is the gravest problem facing the world today.")[0]).toBe("PRESENT_REF");
    expect(today("The youth of today read on their phones.")[0]).toBe("PRESENT_REF");
    expect(today("The skaters of today train all year.")[0]).toBe("PRESENT_REF");
    expect(today("Today, more than ever, the harbour needs dredging.")[0]).toBe("PRESENT_REF");
    // The reported day: "announced today", "the events of today", "around the world today".
    expect(today("The ferry company announced today that it would cut routes.")[0]).toBe("2024-03-12");
    expect(today("The mayor called the events of today a disgrace.")[0]).toBe("2024-03-12");
    expect(today("Share prices fell around the world today.")[0]).toBe("2024-03-12");
    expect(today("Police arrested four people today as the protest grew.")[0]).toBe("2024-03-12");
    expect(today("The fishing industry today asked for help.")[0]).toBe("2024-03-12");
  });

  it("decides from the words around the 'today' it is given", () => {
    const s = "We live in today's world.";
    expect(todayIsPresent(s, s.indexOf("today"), s.indexOf("today") + 5)).toBe(true);
    const d = "We met today at noon.";
    expect(todayIsPresent(d, d.indexOf("today"), d.indexOf("today") + 5)).toBe(false);
  });
});
