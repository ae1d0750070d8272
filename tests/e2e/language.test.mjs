// Journey: open the planner, switch the language, see the text change, and
// find the choice remembered after a reload.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";

import { serveStatic } from "./support/server.mjs";
import { launch, newPage } from "./support/browser.mjs";
import { Planner } from "./pages/planner.mjs";

let site;
let browser;

before(async () => {
  mkdirSync("target/screenshots", { recursive: true });
  site = await serveStatic();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await site?.close();
});

test("an English browser opens in English and the switch turns the UI Chinese", async () => {
  const { context, page, errors } = await newPage(browser, { locale: "en-US" });
  const planner = new Planner(page, site.url);
  await planner.open();

  assert.equal(await planner.paletteHeading(), "Services");
  assert.equal(await planner.htmlLang(), "en");
  assert.ok((await planner.serverCards().count()) >= 1, "the board shows a server");
  await planner.screenshot("language-en");

  await planner.switchLanguage();
  await page.waitForFunction(() => document.querySelector(".palette h2")?.textContent === "服务目录");
  assert.equal(await planner.htmlLang(), "zh-CN");
  assert.equal((await planner.langSwitch.textContent()).trim(), "English");
  await planner.screenshot("language-zh");

  // The choice is remembered.
  await page.reload();
  await planner.byTestId("app-ready").waitFor();
  assert.equal(await planner.paletteHeading(), "服务目录");

  assert.deepEqual(errors, []);
  await context.close();
});

test("a Chinese browser opens in Chinese", async () => {
  const { context, page, errors } = await newPage(browser, { locale: "zh-CN" });
  const planner = new Planner(page, site.url);
  await planner.open();
  assert.equal(await planner.paletteHeading(), "服务目录");
  assert.equal(await planner.htmlLang(), "zh-CN");
  assert.deepEqual(errors, []);
  await context.close();
});
