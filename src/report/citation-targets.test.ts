import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { analyze } from "../pipeline/index.js";
import { renderHtml } from "./index.js";

const SEEDS = fileURLToPath(new URL("../../../shared/seeds/", import.meta.url));
const EXAMPLE = fileURLToPath(new URL("../../examples/harbour-bridge/", import.meta.url));

describe("citation links in the HTML report", () => {
  it("every link of the seeds' and the example's report opens an element of the page (headline claims and overlapping spans included)", async () => {
    const page = renderHtml(await analyze([SEEDS, EXAMPLE]));
    const ids = new Set([...page.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
    const links = [...page.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(100);
    expect(links.filter((l) => !ids.has(l))).toEqual([]);
  });
});
