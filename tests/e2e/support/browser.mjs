// Launches Debian's Chromium through playwright-core (never a downloaded
// browser) with the flags this machine needs, and collects page errors so
// that every journey can assert a clean console.
import { chromium } from "playwright-core";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/** A new page whose console errors and uncaught exceptions are recorded. */
export async function newPage(browser, { locale = "en-US", viewport = { width: 1280, height: 800 }, hasTouch = false } = {}) {
  const context = await browser.newContext({ locale, viewport, hasTouch, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console: ${m.text()}`);
  });
  return { context, page, errors };
}
