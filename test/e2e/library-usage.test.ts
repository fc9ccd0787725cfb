import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { rashomonAsync, tempDir } from "./library-helpers.js";

describe("rashomon option values", () => {
  it("refuses impossible or malformed reference dates as bad usage (exit 2), saying why", async () => {
    const dir = tempDir();
    const text = join(dir, "note.txt");
    writeFileSync(text, "A short note.\n\nIt has two paragraphs of plain prose, written for this test.\n");
    const cases: [string[], RegExp][] = [
      [["ingest", text, "--db", join(dir, "a.db"), "--reference-date", "2025-02-30"], /'2025-02-30' is invalid\. February 2025 has no day 30 \(it has 28 days\)/],
      [["ingest", text, "--db", join(dir, "a.db"), "--reference-date", "2025-04-31"], /April 2025 has no day 31/],
      [["analyze", text, "--reference-date", "2025-13-01"], /there is no month 13/],
      [["analyze", text, "--reference-date", "2023-02-29"], /February 2023 has no day 29/],
      [["analyze", text, "--reference-date", "2025-05-03T24:00"], /24:00 is not a time of day/],
      [["analyze", text, "--reference-date", "3 May 2025"], /expected an ISO date such as 2025-05-03/],
    ];
    const runs = await Promise.all(cases.map(([args]) => rashomonAsync(args)));
    for (const [k, r] of runs.entries()) {
      expect(r.code, cases[k]![0].join(" ")).toBe(2);
      expect(r.stderr).toMatch(cases[k]![1]);
    }
    const leap = await rashomonAsync(["ingest", text, "--db", join(dir, "b.db"), "--reference-date", "2024-02-29"]);
    expect(leap.code).toBe(0);
  });
});

describe("rashomon stories on a terminal", () => {
  it("escapes control characters and isolates direction controls in titles and outlets", async () => {
    const dir = tempDir();
    const title = "Harbour closed \u001b[31mRED\u001b[0m \u202eevil\u001b]0;pwned\u0007 \u009b2J end\nfake line\twith tab";
    const outlet = "Outlet \u2067Isolate never closed";
    const record = {
      id: "evil-1", outlet, published: "2025-03-10T10:00", title,
      text: "Vell Harbour: the bridge closed after a crack was found, officials said.\n\nThe harbour master said the bridge would stay shut for a week while engineers inspect it.",
    };
    const records = join(dir, "records.jsonl");
    writeFileSync(records, JSON.stringify(record) + "\n");
    const db = join(dir, "library.db");
    expect((await rashomonAsync(["ingest", records, "--db", db])).code).toBe(0);

    const table = await rashomonAsync(["stories", "--db", db]);
    expect(table.code).toBe(0);
    expect(table.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/); // no ESC, BEL, CSI ...: only tabs and newlines
    const lines = table.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(2); // the title's newline did not start a line
    const fields = lines[1]!.split("\t");
    expect(fields).toHaveLength(6); // nor its tab a field
    expect(fields[5]).toBe("\u2068Harbour closed \\x1B[31mRED\\x1B[0m \u202eevil\\x1B]0;pwned\\x07 \\x9B2J end\\nfake line\\twith tab\u202c\u2069");
    expect(fields[4]).toBe("\u2068Outlet \u2067Isolate never closed\u2069\u2069");

    const json = await rashomonAsync(["stories", "--db", db, "--format", "json"]);
    expect(json.stdout).not.toMatch(/[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    const [story] = JSON.parse(json.stdout) as { title: string; outlets: string[] }[];
    expect(story!.title).toBe(title); // same value, escaped only in the text
    expect(story!.outlets).toEqual([outlet]);
  });
});
