import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPORT_SCRIPT } from "../../src/report/index.js";
import { HOSTILE as HOSTILE_FIELDS, writeHostileRecords } from "../../src/report/test-helpers.js";
import { launchChromium, watchedPage } from "./browser.js";
import { ROOT, rashomon, SEEDS } from "./helpers.js";

const HOSTILE = `Local council closes pier <script>document.title="pwned"</script>

The harbour master said the pier would stay shut <img src=x onerror="document.title='pwned'"> until repairs end in spring, after divers found corroded piles beneath the deck.

Engineers from the council will inspect the remaining piles next week, the harbour master said.
`;

interface Box {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The boxes of the visible elements a selector finds (an element CSS hides has an empty box). */
async function visibleBoxes(page: Page, selector: string): Promise<Box[]> {
  return page.locator(selector).evaluateAll((els) =>
    els
      .map((e) => {
        const r = e.getBoundingClientRect();
        return { text: e.textContent ?? "", x: r.x, y: r.y + window.scrollY, width: r.width, height: r.height };
      })
      .filter((b) => b.width > 0 && b.height > 0),
  );
}

/** Pairs of boxes that overlap (touching edges do not count). */
function overlapping(boxes: Box[]): string[] {
  const out: string[] = [];
  boxes.forEach((a, i) =>
    boxes.slice(i + 1).forEach((b) => {
      if (a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5) out.push(`${a.text} / ${b.text}`);
    }),
  );
  return out;
}

describe("the HTML report in headless Chromium", () => {
  let browser: Browser;
  let reportUrl: string;
  let seedsUrl: string;
  let hostileUrl: string;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "rashomon-browser-"));
    writeFileSync(join(dir, "hostile.txt"), HOSTILE);
    const report = join(dir, "report.html");
    const r = rashomon(["analyze", SEEDS, join(dir, "hostile.txt"), "--format", "html", "-o", report]);
    expect(r.code).toBe(0);
    reportUrl = pathToFileURL(report).href;
    const seeds = join(dir, "seeds.html");
    expect(rashomon(["analyze", SEEDS, "--format", "html", "-o", seeds]).code).toBe(0);
    seedsUrl = pathToFileURL(seeds).href;
    const hostile = join(dir, "hostile.html");
    const h = rashomon(["analyze", writeHostileRecords(), "--format", "html", "-o", hostile]);
    expect(h.code).toBe(0);
    hostileUrl = pathToFileURL(hostile).href;
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
  });

  it("renders with no console error and no network request, runs only its hashed script, and shows every dossier part", async () => {
    const { page, errors, requests } = await watchedPage(browser, { width: 1200, height: 900 }, (url) => url === reportUrl);
    await page.goto(reportUrl);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    for (const selector of ["nav.toc", "ol.summary li", "table.coverage", "svg.axis", "table.timeline", "ul.utterances", "svg.lineage", ".discrepancy", "article.document"]) {
      expect(await page.locator(selector).count(), selector).toBeGreaterThan(0);
    }
    // The CSP let the script run (it adds the back button, hidden until a link is followed): allowed by its hash.
    expect(await page.locator("button.back-to").count()).toBe(1);
    await page.close();
  });

  for (const width of [1280, 390]) {
    it(`reads well at ${width} px: short page, wide fact column, no overlapping labels, nothing wider than the screen`, async () => {
      const { page, errors, requests } = await watchedPage(browser, { width, height: 900 }, (url) => url === seedsUrl);
      await page.goto(seedsUrl);
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(scrollWidth).toBeLessThanOrEqual(width);
      if (width === 1280) {
        expect(height).toBeLessThan(10_000);
        const fact = await page.locator("table.coverage thead th.fact").boundingBox();
        expect(fact!.width).toBeGreaterThanOrEqual(300);
      }
      for (const part of ["summary", "coverage", "differ", "timeline", "quotes", "lineage"]) {
        expect(await page.locator(`section.part.${part}`).isVisible(), part).toBe(true);
      }
      // Every document is named: no coverage header, citation or graph node shows a file id.
      const shown = await page.locator("th.doc, a.cite-link, svg.lineage text, ul.story-docs .outlet").allInnerTexts();
      expect(shown.filter((t) => /\d{3}_[0-9a-f]{16}/.test(t))).toEqual([]);
      const dates = await visibleBoxes(page, "svg.axis text.date");
      expect(dates.length).toBeGreaterThan(3);
      expect(overlapping(dates)).toEqual([]);
      const nodes = await visibleBoxes(page, "svg.lineage text");
      expect(nodes.length).toBeGreaterThan(10);
      expect(overlapping(nodes)).toEqual([]);
      // The coverage header row stays in view while the matrix scrolls.
      const matrix = page.locator(".matrix");
      const headTop = await page.locator("table.coverage thead th.fact").evaluate((e) => e.getBoundingClientRect().top);
      await matrix.evaluate((e) => e.scrollBy(0, 400));
      expect(await page.locator("table.coverage thead th.fact").evaluate((e) => e.getBoundingClientRect().top)).toBeCloseTo(headTop, 0);
      await matrix.evaluate((e) => e.scrollTo(0, 0));
      expect(errors).toEqual([]);
      expect(requests).toEqual([]);
      const shots = join(ROOT, "docs");
      if (!existsSync(shots)) mkdirSync(shots);
      await page.screenshot({ path: join(shots, `report-${width}.png`), fullPage: true });
      await page.close();
    });
  }

  it("filters the coverage matrix with CSS alone, and opens a collapsed document at a cited sentence without script", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(seedsUrl);
    const rows = page.locator("table.coverage tbody tr");
    const all = await rows.count();
    const disputed = await page.locator("table.coverage tbody tr.disputed").count();
    expect(disputed).toBeGreaterThan(0);
    expect(disputed).toBeLessThan(all);
    await page.locator("label", { hasText: "Disputed" }).click();
    expect(await rows.evaluateAll((trs) => trs.filter((tr) => (tr as HTMLElement).offsetHeight > 0).length)).toBe(disputed);
    await page.locator("label", { hasText: "All" }).first().click();
    expect(await rows.evaluateAll((trs) => trs.filter((tr) => (tr as HTMLElement).offsetHeight > 0).length)).toBe(all);
    // A sentence cited from the matrix sits in a collapsed document: following the link opens it.
    const href = await page.locator("table.coverage a.cite-link").evaluateAll(
      (links) => links.map((a) => a.getAttribute("href")!).find((h) => document.getElementById(h.slice(1))?.closest(".body")) ?? "",
    );
    expect(href).not.toBe("");
    const link = page.locator(`table.coverage a.cite-link[href="${href}"]`).first();
    const cited = page.locator(`[id="${href.slice(1)}"]`);
    expect(await cited.isVisible()).toBe(false);
    await link.click();
    expect(await cited.evaluate((el) => el.matches(":target"))).toBe(true);
    expect(await cited.isVisible()).toBe(true);
    // Without script, the browser's back button returns to the citation (a hash navigation).
    const linkInView = () => link.evaluate((el) => el.getBoundingClientRect().bottom > 0 && el.getBoundingClientRect().top < window.innerHeight);
    expect(await linkInView()).toBe(false);
    await page.goBack();
    expect(await linkInView()).toBe(true);
    await context.close();
  });

  it("highlights the cited sentence when a citation is clicked, and the back button returns to the citation", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(reportUrl);
    const link = page.locator("ol.summary a.cite-link").first();
    const target = (await link.getAttribute("href"))!.slice(1);
    await link.click();
    const cited = page.locator(`[id="${target}"]`);
    expect(await cited.evaluate((el) => el.matches(":target"))).toBe(true);
    const background = await cited.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(background).not.toBe("rgba(0, 0, 0, 0)");
    expect(await cited.isVisible()).toBe(true);
    const inView = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.bottom > 0 && r.top < window.innerHeight;
    };
    expect(await cited.evaluate(inView)).toBe(true);
    expect(await link.evaluate(inView)).toBe(false);
    const back = page.locator("button.back-to");
    expect(await back.isVisible()).toBe(true);
    await back.click();
    expect(await link.evaluate(inView)).toBe(true);
    expect(await link.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await back.isVisible()).toBe(false);
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
    // No script but the report's own, which its CSP allows by hash.
    expect(await page.locator("script").allTextContents()).toEqual([REPORT_SCRIPT]);
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
    expect(await page.locator("main img, main i").count()).toBe(0);
    expect(await page.locator("script").allTextContents()).toEqual([REPORT_SCRIPT]);
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
