import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HOSTILE as HOSTILE_FIELDS, writeHostileRecords } from "../../src/report/test-helpers.js";
import { ROOT, rashomon, SEEDS } from "./helpers.js";

/** Debian's chromium package; .ci/run installs it when missing. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const HOSTILE = `Local council closes pier <script>document.title="pwned"</script>

The harbour master said the pier would stay shut <img src=x onerror="document.title='pwned'"> until repairs end in spring, after divers found corroded piles beneath the deck.

Engineers from the council will inspect the remaining piles next week, the harbour master said.
`;

describe("the HTML report in headless Chromium", () => {
  let browser: Browser;
  let reportUrl: string;
  let hostileUrl: string;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "rashomon-browser-"));
    writeFileSync(join(dir, "hostile.txt"), HOSTILE);
    const report = join(dir, "report.html");
    const r = rashomon(["analyze", SEEDS, join(dir, "hostile.txt"), "--format", "html", "-o", report]);
    expect(r.code).toBe(0);
    reportUrl = pathToFileURL(report).href;
    const hostile = join(dir, "hostile.html");
    const h = rashomon(["analyze", writeHostileRecords(), "--format", "html", "-o", hostile]);
    expect(h.code).toBe(0);
    hostileUrl = pathToFileURL(hostile).href;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
  });

  it("renders with no console error and no network request, and shows every dossier part", async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const errors: string[] = [];
    const requests: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("request", (req) => {
      if (req.url() !== reportUrl) requests.push(req.url());
    });
    await page.goto(reportUrl);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    for (const selector of ["ol.summary li", "table.coverage", "svg.axis", "table.timeline", "ul.utterances", "svg.lineage", ".discrepancy"]) {
      expect(await page.locator(selector).count(), selector).toBeGreaterThan(0);
    }
    const shots = join(ROOT, "docs");
    if (!existsSync(shots)) mkdirSync(shots);
    await page.screenshot({ path: join(shots, "report-screenshot.png"), fullPage: false });
    await page.close();
  });

  it("highlights the cited sentence when a citation is clicked", async () => {
    const page = await browser.newPage();
    await page.goto(reportUrl);
    const link = page.locator("ol.summary a.cite-link").first();
    const target = (await link.getAttribute("href"))!.slice(1);
    await link.click();
    const cited = page.locator(`[id="${target}"]`);
    expect(await cited.evaluate((el) => el.matches(":target"))).toBe(true);
    const background = await cited.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(background).not.toBe("rgba(0, 0, 0, 0)");
    expect(await cited.isVisible()).toBe(true);
    await page.close();
  });

  it("renders markup in article text as text", async () => {
    const page = await browser.newPage();
    await page.goto(reportUrl);
    expect(await page.title()).toBe("Rashomon report");
    const body = await page.locator("body").innerText();
    expect(body).toContain('<script>document.title="pwned"</script>');
    expect(body).toContain(`<img src=x onerror="document.title='pwned'">`);
    expect(await page.locator("main img").count()).toBe(0);
    expect(await page.locator("script").count()).toBe(0);
    await page.close();
  });

  it("keeps a right-to-left override in a title from reversing the outlet and id shown after it", async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("request", (req) => {
      if (req.url() !== hostileUrl) requests.push(req.url());
    });
    await page.goto(hostileUrl);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    expect(await page.locator("main img, script, main i").count()).toBe(0);
    const item = page.locator("ul.story-docs li", { hasText: "Harbour bridge shuts" });
    expect(await item.count()).toBe(1);
    for (const part of [item.locator(".outlet"), item.locator(".docid"), page.locator("article.document h3", { hasText: "Harbour bridge shuts" }).locator(".docid")]) {
      // Whether its characters are laid out left to right, in the order they come. (Inline: the
      // test transform adds helpers to named functions that the page does not have.)
      const leftToRight = await part.evaluate((element) => {
        const xs: number[] = [];
        const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          for (let i = 0; i < node.textContent!.length; i++) {
            if (/\s/.test(node.textContent![i]!)) continue;
            const range = document.createRange();
            range.setStart(node, i);
            range.setEnd(node, i + 1);
            xs.push(range.getBoundingClientRect().x);
          }
        }
        return xs.length > 1 && xs.every((x, i) => i === 0 || x > xs[i - 1]!);
      });
      expect(leftToRight, await part.innerText()).toBe(true);
    }
    expect(await item.locator(".outlet").innerText()).toBe(HOSTILE_FIELDS.courierOutlet);
    await page.close();
  });
});
