import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storyContent, storyTitle } from "../../src/feeds/fixtures.js";
import { rss, startServer as startFeedServer, type TestServer } from "../../src/feeds/test-server.js";
import { launchChromium, watchedPage } from "./browser.js";
import { ROOT } from "./helpers.js";
import { postJson, seedRecords, startServe, TEST_TOKEN, type ServeProcess } from "./serve-helpers.js";

const FILE_ID = /\b\d{3}_[0-9a-f]{16}\b/;
const PASTED = `Council closes pier after divers find corroded piles

The harbour master said the pier would stay shut until repairs end in spring, after divers found corroded piles beneath the deck.

Engineers from the council will inspect the remaining piles next week, the harbour master said.
`;

describe("rashomon serve in headless Chromium", () => {
  let serve: ServeProcess;
  let feeds: TestServer;
  let browser: Browser;
  const errors: string[] = [];
  const offsite: string[] = [];

  /** A page that records console errors and any request that leaves the server. */
  async function open(width = 1280, height = 900): Promise<Page> {
    return (await watchedPage(browser, { width, height }, (url) => url.startsWith(serve.url) || url.startsWith("data:"), errors, offsite)).page;
  }

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "rashomon-serve-"));
    feeds = await startFeedServer(0);
    feeds.route("/feed.xml", { headers: { "content-type": "application/rss+xml" }, body: rss("Wire Feed", [{ title: storyTitle(0), link: `${feeds.base}/a/0`, description: storyContent(0) }]) });
    serve = await startServe(join(dir, "library.db"), ["--allow-private"]);
    const added = await postJson(`${serve.url}/api/v1/documents`, { records: seedRecords() });
    expect(added.status).toBe(201);
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    if (process.env.SHOW_SERVE_LOG) console.log(serve?.output());
    await serve?.stop();
    await feeds?.close();
  });

  it("lists the seeds as one story of five documents, named by outlet, never by file id", async () => {
    const page = await open();
    await page.goto(`${serve.url}/`);
    const items = page.locator("#story-list > li");
    expect(await items.count()).toBe(1);
    const text = await items.first().innerText();
    expect(text).toContain("5 documents");
    expect(text).toMatch(/DW/);
    expect(text).not.toMatch(FILE_ID);
    // With the keyboard alone: tab to the story and open it.
    let onStory = false;
    for (let i = 0; i < 20 && !onStory; i++) {
      await page.keyboard.press("Tab");
      onStory = await page.evaluate(() => !!document.activeElement?.closest("#story-list a"));
    }
    expect(onStory).toBe(true);
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/stories\//);
    // Readable on a phone: nothing wider than the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${serve.url}/`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390 + 1);
    await page.close();
  });

  it("shows the story page with every dossier part; a citation click highlights its sentence and the way back returns", async () => {
    const page = await open();
    await page.goto(`${serve.url}/`);
    await page.locator("#story-list a").first().click();
    await page.waitForURL(/\/stories\//);
    for (const selector of ["ol.summary li", "table.coverage", "svg.axis", "ul.utterances", "svg.lineage", ".discrepancy"]) {
      expect(await page.locator(selector).count(), selector).toBeGreaterThan(0);
    }
    const link = page.locator("ol.summary a.cite-link").first();
    await link.scrollIntoViewIfNeeded();
    const target = decodeURIComponent((await link.getAttribute("href"))!.slice(1));
    await link.click();
    const cited = page.locator(`[id="${target}"]`);
    expect(await cited.evaluate((el) => el.matches(":target"))).toBe(true);
    expect(await cited.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe("rgba(0, 0, 0, 0)");
    expect(await cited.isVisible()).toBe(true);
    const back = page.locator("button.back-to");
    await expect.poll(() => back.isVisible()).toBe(true);
    await back.click();
    await expect.poll(() => link.evaluate((el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; })).toBe(true);
    const shots = join(ROOT, "docs");
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: join(shots, "story-page-1280.png"), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(page.url().split("#")[0]!);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390 + 1);
    await page.screenshot({ path: join(shots, "story-page-390.png"), fullPage: true });
    await page.close();
  });

  it("finds 'sovereignty' with search, and opens the document at the passage", async () => {
    const page = await open();
    await page.goto(`${serve.url}/search`);
    await page.getByLabel("Words").fill("sovereignty");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/search\?q=sovereignty/);
    const hits = page.locator("ul.hits > li a");
    expect(await hits.count()).toBeGreaterThanOrEqual(3);
    await hits.first().click();
    await page.waitForURL(/\/documents\//);
    expect(await page.locator("#hit").count()).toBe(1);
    const passage = (await page.locator(".doc-text .hit").allInnerTexts()).join("");
    expect(passage.toLowerCase()).toContain("sovereign");
    await page.getByRole("link", { name: /Back to its story/ }).click();
    await page.waitForURL(/\/stories\//);
    await page.close();
  });

  it("shows a story from a followed feed in the open story list without a reload", async () => {
    const page = await open();
    await page.goto(`${serve.url}/`);
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
    const sub = await postJson(`${serve.url}/api/v1/feeds`, { url: `${feeds.base}/feed.xml`, intervalSeconds: 1 });
    expect(sub.status).toBe(201);
    await page.waitForFunction(() => document.querySelectorAll("#story-list > li").length === 2, null, { timeout: 30_000 });
    // The feed gains an item: the poller takes it, and the open list shows its story.
    feeds.route("/feed.xml", {
      headers: { "content-type": "application/rss+xml" },
      body: rss("Wire Feed", [
        { title: storyTitle(4), link: `${feeds.base}/a/4`, description: storyContent(4) },
        { title: storyTitle(0), link: `${feeds.base}/a/0`, description: storyContent(0) },
      ]),
    });
    await page.waitForFunction(() => document.querySelectorAll("#story-list > li").length === 3, null, { timeout: 40_000 });
    expect(await page.locator("#story-list").innerText()).toMatch(/Iceland volcano erupts/);
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
    const feedList = await (await fetch(`${serve.url}/api/v1/feeds`)).json();
    expect(feedList.feeds[0]).toMatchObject({ lastError: null, itemsIngested: 2 });
    await page.goto(`${serve.url}/feeds`);
    expect(await page.locator("table.feeds").innerText()).toContain("Wire Feed");
    await page.close();
  }, 90_000);

  it("adds a pasted article from the ingest page once the browser is unlocked with the token", async () => {
    const page = await open();
    await page.goto(`${serve.url}/ingest`);
    expect(await page.locator("textarea[name=text]").count()).toBe(0);
    await page.getByLabel("Token").fill(TEST_TOKEN);
    await page.getByRole("button", { name: "Unlock" }).click();
    await page.goto(`${serve.url}/ingest`);
    await page.getByLabel(/paste an article/).fill(PASTED);
    await page.getByLabel("Outlet").fill("Harbour Gazette");
    await page.getByRole("button", { name: "Add" }).click();
    await expect.poll(() => page.locator(".notice").innerText()).toContain("1 added");
    await page.locator(".notice a").first().click();
    await page.waitForURL(/\/stories\//);
    expect(await page.locator("h1").first().innerText()).toContain("pier");
    await page.close();
  });

  it("shows article text as text: markup in a title or body never runs, in the story and document pages", async () => {
    const added = await postJson(`${serve.url}/api/v1/documents`, {
      id: "hostile", outlet: "Courier <b>bold</b>",
      text: 'Council shuts market <script>document.title="pwned"</script>\n\nThe mayor said the market would stay shut <img src=x onerror="document.title=\'pwned\'"> until the roof is repaired, after inspectors found cracks in its beams.\n\nTraders will move to the square next week, the mayor said.',
    });
    expect(added.status).toBe(201);
    const story = added.body.documents[0].story;
    for (const path of [`/stories/${story}`, "/documents/hostile", "/search?q=market+roof"]) {
      const page = await open();
      await page.goto(`${serve.url}${path}`);
      expect(await page.title(), path).not.toBe("pwned");
      expect(await page.locator("main img, main b").count(), path).toBe(0);
      expect(await page.locator("body").innerText(), path).toContain("<script>");
      await page.close();
    }
  });

  it("had no console error and no request leaving the machine", () => {
    expect(errors).toEqual([]);
    expect(offsite).toEqual([]);
  });
});
