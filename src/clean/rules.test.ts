import { describe, expect, it } from "vitest";
import { cleanText } from "./index.js";

const body = (text: string) => {
  const { layout, messages } = cleanText(text, "fixture");
  return { layout, messages, paras: layout.paragraphs.map((p) => text.slice(p.span.start, p.span.end)) };
};
const P1 = "The city council voted on Tuesday to approve the new budget, which the mayor said would pay for more buses and longer library hours across the city.";
const P2 = "Opponents said the plan relied on optimistic revenue forecasts and that it would leave the city with little room if the economy slowed next year.";
const P3 = "The budget now goes to the state board, which has until the end of the month to review it and can send it back to the council with changes.";

describe("clean rules on fixtures", () => {
  it("keeps a short quoted sentence between paragraphs as a paragraph, not a subheading", () => {
    const text = [P1, "She's in rehab right now.", "Nothing bad is going to happen. \"", P2, "What the budget pays for", P3].join("\n\n");
    const { layout } = body(text);
    const headings = layout.paragraphs.filter((p) => p.kind === "heading").map((p) => text.slice(p.span.start, p.span.end));
    expect(headings).toEqual(["What the budget pays for"]);
  });

  it("drops a comment section after the article", () => {
    const text = [P1, P2, P3, "34 responses to “Council passes budget”", "Gary M says:", "I think this budget is a waste of money and the council should be ashamed of what it did to the buses in this city.", "Reply", "Jane on September 17, 2018 at 8:50 pm said:", "The library hours are the best part of this plan and I am glad that the council finally listened to the readers here."].join("\n\n");
    const { paras, layout } = body(text);
    expect(paras).toEqual([P1, P2, P3]);
    expect(layout.removed.some((r) => r.reason === "comments")).toBe(true);
  });

  it("takes a site name above its menu as the outlet, not as the title", () => {
    const text = ["Skip to content", "Northfield Gazette", "News | Sport | Business | Weather", "Council approves budget for more buses", "By Jo Lee", P1, P2, P3].join("\n");
    const { layout, paras } = body(text);
    const field = layout.fields.find((f) => f.kind === "outlet");
    expect(field && text.slice(field.span.start, field.span.end)).toBe("Northfield Gazette");
    expect(layout.title && text.slice(layout.title.start, layout.title.end)).toBe("Council approves budget for more buses");
    expect(paras).toEqual([P1, P2, P3]);
  });

  it("drops cookie banners, share buttons and newsletter promos", () => {
    const text = ["We use cookies to improve your experience. By continuing to browse you accept our use of cookies.", "Share on Facebook", P1, "Sign up for our daily newsletter", P2, P3, "© 2025 Example Media. All rights reserved."].join("\n\n");
    expect(body(text).paras).toEqual([P1, P2, P3]);
  });

  it("drops a list of teasers (headline + summary) after the article", () => {
    const teasers = ["Storm knocks out power to thousands", "Crews worked through the night to restore power after the storm brought down lines across the region on Sunday.", "School board names new superintendent", "The board picked a former principal after a six-month search that drew more than forty applicants from three states.", "Local bakery wins national prize", "The bakery, which opened two years ago, won the top prize for its sourdough at a competition held in Chicago last week."];
    const text = [P1, P2, P3, ...teasers].join("\n\n");
    expect(body(text).paras).toEqual([P1, P2, P3]);
  });

  it("joins hard-wrapped lines into one paragraph", () => {
    const text = "The city council voted on Tuesday to approve the new budget, which\nthe mayor said would pay for more buses and longer library hours.\n\n" + P2;
    const { paras } = body(text);
    expect(paras[0]).toContain("which\nthe mayor said");
    expect(paras).toHaveLength(2);
  });

  it("finds datelines of several shapes", () => {
    for (const [line, dl] of [["HAYWARD, Calif. (AP) — ", "HAYWARD, Calif. (AP) —"], ["(Reuters) - ", "(Reuters) -"], ["BUFFALO, N.Y. — ", "BUFFALO, N.Y. —"]] as const) {
      const text = `${line}${P1}\n\n${P2}\n\n${P3}`;
      const { layout } = cleanText(text);
      const f = layout.fields.find((x) => x.kind === "dateline");
      expect(f && text.slice(f.span.start, f.span.end)).toBe(dl);
    }
  });

  it("keeps a short unclear line inside the article and says so", () => {
    const text = [P1, "Budget vote tally, seven for, two against,", P2, P3].join("\n\n");
    const { paras, messages } = body(text);
    expect(paras).toContain("Budget vote tally, seven for, two against,");
    expect(messages.some((m) => m.ruleId === "clean:unsure-block" && m.span !== null)).toBe(true);
  });

  it("sets aside photo captions with their credits", () => {
    const text = [P1, "The mayor speaks at City Hall on Monday. (Photo by Jane Roe/Getty Images)", P2, "Image credit: City of Example", P3].join("\n\n");
    const { layout, paras } = body(text);
    expect(paras).toEqual([P1, P2, P3]);
    expect(layout.captions[0]).toMatchObject({ text: "The mayor speaks at City Hall on Monday.", credit: "Photo by Jane Roe/Getty Images" });
    const withCredit = [P1, "Above: The council chamber before the vote.", "Image Credit: City of Example", P2, P3].join("\n\n");
    const c = cleanText(withCredit).layout.captions;
    expect(c).toHaveLength(1);
    expect(c[0]!.credit).toBe("City of Example");
    expect(withCredit.slice(c[0]!.span.start, c[0]!.span.end)).toBe("Above: The council chamber before the vote.\n\nImage Credit: City of Example");
  });
});

describe("fallback when no body stands out", () => {
  it("keeps a short clutter-free note as paragraphs, with a message for each", () => {
    const text = "A short note.\n\nIt has two paragraphs of plain prose, written for this test.\n";
    const { layout, messages } = cleanText(text);
    expect(layout.paragraphs.map((p) => text.slice(p.span.start, p.span.end))).toEqual([
      "A short note.",
      "It has two paragraphs of plain prose, written for this test.",
    ]);
    expect(messages.filter((m) => m.ruleId === "clean:unsure-block")).toHaveLength(2);
  });
});
