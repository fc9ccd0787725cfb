import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { ROOT, SEEDS } from "./helpers.js";

describe("the package", () => {
  it("exports the typed library API to Node as `rashomon` (built by npm's prepare step)", () => {
    const script = `
      import { analyze, renderReport } from "rashomon";
      const result = await analyze([${JSON.stringify(`${SEEDS}002_1963f2aa61433c20.txt`)}]);
      console.log(JSON.stringify({ n: result.documents.length, md: typeof renderReport(result, "md") }));
    `;
    const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toEqual({ n: 1, md: "string" });
  });
});
