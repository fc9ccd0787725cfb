/**
 * Debian's Chromium for the browser tests, and pages that record what the
 * tests forbid: console errors and requests that leave the allowed origin.
 */
import { chromium, type Browser, type Page } from "playwright-core";

/** Debian's chromium package; .ci/run installs it when missing. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Starts headless Chromium with nothing running in the background (this machine's network is closed). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/** A page with its console errors and the requests that `allowed` refuses, as they happen. */
export async function watchedPage(
  browser: Browser, viewport: { width: number; height: number }, allowed: (url: string) => boolean,
  errors: string[] = [], requests: string[] = [],
): Promise<{ page: Page; errors: string[]; requests: string[] }> {
  const page = await browser.newPage({ viewport });
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("request", (r) => {
    if (!allowed(r.url())) requests.push(r.url());
  });
  return { page, errors, requests };
}
