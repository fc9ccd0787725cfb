import { describe, expect, it } from "vitest";
import { extractTimes } from "./index.js";

/** [text, type, value] of every expression in `text`, for a report published on Saturday 3 May 2025 unless given. */
const run = (text: string, published = "2025-05-03") =>
  extractTimes({ id: "t", text, paragraphs: [], published }).times.map((t) => [t.text, t.type, t.value]);

describe("ranges: each end is an expression (TimeML)", () => {
  it("reads 'from 2027 to 2029' and 'between 2031 and 2033' as two years each", () => {
    expect(run("The yard will build the hulls from 2027 to 2029 and the decks between 2031 and 2033.")).toEqual([
      ["2027", "DATE", "2027"], ["2029", "DATE", "2029"], ["2031", "DATE", "2031"], ["2033", "DATE", "2033"],
    ]);
  });
  it("gives the first count of 'between 30 and 45 days' the unit of the second", () => {
    expect(run("The review could take between 30 and 45 days.")).toEqual([
      ["30", "DURATION", "P30D"], ["45 days", "DURATION", "P45D"],
    ]);
  });
});

describe("the same period a year before", () => {
  it("steps back a year from the month or quarter the text last named", () => {
    expect(run("Exports rose 8% in March compared with the same month a year ago.")).toEqual([
      ["March", "DATE", "2025-03"], ["the same month a year ago", "DATE", "2024-03"],
    ]);
    expect(run("Orders in the first quarter of 2025 were up on the year-earlier quarter.")).toEqual([
      ["the first quarter of 2025", "DATE", "2025-Q1"], ["the year-earlier quarter", "DATE", "2024-Q1"],
    ]);
    expect(run("Sales in April beat the same period last year.")).toEqual([
      ["April", "DATE", "2025-04"], ["the same period last year", "DATE", "2024-04"],
    ]);
  });
});

describe("the day, the day after", () => {
  it("reads 'late in the day after dropping' as that day, not the next one", () => {
    expect(run("Shares recovered late in the day after dropping 3%.")).toEqual([["late in the day", "DATE", "2025-05-03"]]);
  });
});

describe("rates and yearly events are sets", () => {
  it("reads '12 ships a year' and 'twice a week' as SETs", () => {
    expect(run("The yard delivers 12 ships a year and inspects them twice a week.")).toEqual([
      ["a year", "SET", "P1Y"], ["a week", "SET", "P1W"],
    ]);
    expect(run("He drove at 120 miles an hour.")).toEqual([["an hour", "DURATION", "PT1H"]]);
  });
  it("keeps 'a year after' a duration", () => {
    expect(run("The line opened in 2019 a year after the depot.")[1]).toEqual(["a year", "DURATION", "P1Y"]);
  });
  it("reads 'annual meeting' as a SET and 'annual revenue' as a year's amount", () => {
    expect(run("At the annual meeting the board reported annual revenue of $4 million.")).toEqual([
      ["annual", "SET", "P1Y"], ["annual", "DURATION", "P1Y"],
    ]);
  });
});

describe("vague and fractional quantities", () => {
  it("reads 'over the years' as an unspecified number of years", () => {
    expect(run("The club has changed its colours over the years.")).toEqual([["the years", "DURATION", "PXY"]]);
  });
  it("reads 'about a quarter of the workers' as a fraction, and keeps 'two consecutive quarters of decline'", () => {
    expect(run("About a quarter of the workers voted, and a quarter, of those, abstained.")).toEqual([]);
    expect(run("The firm posted two consecutive quarters of decline.")).toEqual([["two consecutive quarters", "DURATION", "P2Q"]]);
  });
  it("reads 'the last year of $3 million' as last year, an amount following", () => {
    expect(run("The mill reported a profit for the last year of $3 million.")).toEqual([["last year", "DATE", "2024"]]);
  });
  it("reads no year in an index name", () => {
    expect(run("The Russell 2000 index fell 2%.")).toEqual([]);
  });
});

describe("tense of scheduled events and quarters", () => {
  it("reads 'has been scheduled' as pointing ahead", () => {
    expect(run("A July 9 hearing has been scheduled in the district court.")).toEqual([["July 9", "DATE", "2025-07-09"]]);
  });
  it("takes the nearer fourth quarter when no verb says which way", () => {
    expect(run("Output falls 20% as ten plants close during the fourth quarter.", "2025-08-19")).toEqual([["the fourth quarter", "DATE", "2025-Q4"]]);
    expect(run("Output falls 20% as ten plants close during the fourth quarter.", "2025-01-19")).toEqual([["the fourth quarter", "DATE", "2024-Q4"]]);
  });
});

describe("weeks of a month", () => {
  it("reads 'the last week of March' as the ISO week holding the month's last Thursday", () => {
    expect(run("Orders picked up in the last week of March.")).toEqual([["the last week of March", "DATE", "2025-W13"]]);
    expect(run("Talks resume in the first week of June 2026.")).toEqual([["the first week of June 2026", "DATE", "2026-W23"]]);
  });
});

describe("anaphoric years and months", () => {
  it("counts 'the following year' and 'the year before' from the year the text last named", () => {
    expect(run("The plant shut in 2019; the following year it reopened.")).toEqual([
      ["2019", "DATE", "2019"], ["the following year", "DATE", "2020"],
    ]);
    expect(run("Costs fell to $9 million in 2021, $2 million less than the year before.")).toEqual([
      ["2021", "DATE", "2021"], ["the year before", "DATE", "2020"],
    ]);
    expect(run("Fares rose in February and fell the following month.")).toEqual([
      ["February", "DATE", "2025-02"], ["the following month", "DATE", "2025-03"],
    ]);
  });
  it("counts from publication when nothing was named", () => {
    expect(run("Sales are down from the previous year.")).toEqual([["the previous year", "DATE", "2024"]]);
  });
});

describe("the year a report is about", () => {
  it("reads 'for the entire year' as the year just named, and 'the end of the year' as the publication's", () => {
    expect(run("Net income was $5 million in the third quarter of 2023 and $18 million for the entire year.")).toEqual([
      ["the third quarter of 2023", "DATE", "2023-Q3"], ["the entire year", "DATE", "2023"],
    ]);
    expect(run("The firm, founded in 1998, will hire 50 people by the end of the year.")).toEqual([
      ["1998", "DATE", "1998"], ["the end of the year", "DATE", "2025"],
    ]);
  });
  it("lets a period named far back no longer count", () => {
    const far = "The mill opened in 1998. " + "Its owners kept the looms running and the staff busy. ".repeat(8);
    expect(run(far + "Costs are now higher than the previous year.").at(-1)).toEqual(["the previous year", "DATE", "2024"]);
  });
});

describe("'a year earlier' with no event after it", () => {
  it("dates it from the period last named, keeping that period's quarter", () => {
    expect(run("Third-quarter profit in 2024 rose 9% from a year earlier.").at(-1)).toEqual(["a year earlier", "DATE", "2023"]);
    expect(run("Profit in the third quarter of 2024 rose 9% from a year earlier.")[1]).toEqual(["a year earlier", "DATE", "2023-Q3"]);
    expect(run("The mill closed in 2008. Two years later, it reopened.")[1]).toEqual(["Two years later", "DATE", "2010"]);
    expect(run("The mill closed in 2008. Two years later it reopened.")[1]).toEqual(["Two years later", "DATE", "2010"]);
  });
  it("leaves '41 years later' unanchored when nothing before it was named", () => {
    expect(run("This morning, 41 years later, police made an arrest.")[1]).toEqual(["41 years later", "DATE", "XXXX"]);
  });
  it("keeps a duration when an event or a comparison follows", () => {
    expect(run("He resigned two weeks after the vote.")).toEqual([["two weeks", "DURATION", "P2W"]]);
    expect(run("It opened on May 9, three days later than planned.")[1]).toEqual(["three days", "DURATION", "P3D"]);
  });
});

describe("halves of a year", () => {
  it("reads a bare 'the second half' as the latest one, or the coming one when the verb looks ahead", () => {
    expect(run("Sales fell in the second half.", "2025-03-15")).toEqual([["the second half", "DATE", "2024-H2"]]);
    expect(run("Sales should recover in the second half.", "2025-03-15")).toEqual([["the second half", "DATE", "2025-H2"]]);
    expect(run("He scored in the first half of the match.")).toEqual([]);
  });
});

describe("periods named by their end", () => {
  it("reads 'the year ended Dec. 31' as the year holding that day", () => {
    expect(run("The group reported results for the year ended Dec. 31.", "2025-03-01")).toEqual([
      ["the year", "DATE", "2024"], ["Dec. 31", "DATE", "2024-12-31"],
    ]);
    expect(run("Profit rose in the quarter ending June 30, 2024.")[0]).toEqual(["the quarter", "DATE", "2024-Q2"]);
  });
  it("reads a bare 'the last quarter' as the quarter before the current one", () => {
    expect(run("Profit fell in the last quarter.", "2025-08-10")).toEqual([["the last quarter", "DATE", "2025-Q2"]]);
    expect(run("Profit fell in the last quarter of 2024.")).toEqual([["the last quarter of 2024", "DATE", "2024-Q4"]]);
  });
});

describe("holidays and centuries", () => {
  it("dates fixed and moving holidays in the year the tense points to", () => {
    expect(run("The shops were shut on Christmas Eve.", "2025-03-10")).toEqual([["Christmas Eve", "DATE", "2024-12-24"]]);
    expect(run("Markets will close on Good Friday.", "2025-03-10")).toEqual([["Good Friday", "DATE", "2025-04-18"]]);
    expect(run("Turnout peaked on Thanksgiving 2023.")).toEqual([["Thanksgiving 2023", "DATE", "2023-11-23"]]);
  });
  it("writes a century as its two leading digits", () => {
    expect(run("It was the worst flood of the 19th century.")).toEqual([["the 19th century", "DATE", "18"]]);
  });
});

describe("holidays and halves that are not dates", () => {
  it("leaves out a holiday that names a thing, and a match's half", () => {
    expect(run("He opened fire at the office Christmas party.")).toEqual([]);
    expect(run("We will not reopen until Christmas.", "2025-12-01")).toEqual([["Christmas", "DATE", "2025-12-25"]]);
    expect(run("The Colts kept the Chiefs out of the end zone in the first half.")).toEqual([]);
    expect(run("A field goal tied the game late in the third quarter.")).toEqual([]);
    expect(run("Profit rose 4% in the first half.", "2025-08-01")).toEqual([["the first half", "DATE", "2025-H1"]]);
  });
});

describe("a month of the year named before, and awards", () => {
  it("reads 'September of that year' in the year last named", () => {
    expect(run("She arrived in January 2007 and moved in September of that year.")).toEqual([
      ["January 2007", "DATE", "2007-01"], ["September of that year", "DATE", "2007-09"],
    ]);
  });
  it("reads no time in 'coach of the year'", () => {
    expect(run("He was named coach of the year.")).toEqual([]);
  });
});

describe("parts of the day the narrative is on", () => {
  it("reads 'in morning trading' as the morning of the day last named", () => {
    expect(run("The carmaker reported on Thursday. Its shares rose in morning trading.")).toEqual([
      ["Thursday", "DATE", "2025-05-01"], ["morning", "TIME", "2025-05-01TMO"],
    ]);
    expect(run("He swims every day in the morning.")).toEqual([["every day", "SET", "P1D"]]);
  });
});
