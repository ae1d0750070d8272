// Journey: open the planner, switch the language, see the text change, and
// find the choice remembered after a reload.
import { test } from "node:test";
import assert from "node:assert/strict";

import { journey } from "./support/journey.mjs";

const j = journey();

test("an English browser opens in English and the switch turns the UI Chinese", async () => {
  const { planner, page, context, errors } = await j.start({ locale: "en-US" });
  assert.equal(await planner.paletteHeading(), "Services");
  assert.equal(await planner.htmlLang(), "en");
  assert.ok((await planner.serverCards().count()) >= 1, "the board shows a server");
  const findingEn = await planner.byTestId("findings").locator(".message").first().textContent();
  await planner.screenshot("language-en");

  await planner.switchLanguage();
  await page.waitForFunction(() => document.querySelector(".palette h2")?.textContent === "服务目录");
  assert.equal(await planner.htmlLang(), "zh-CN");
  // The visible text; the rest of the name says what it does.
  assert.equal((await planner.langSwitch.locator("span").first().textContent()).trim(), "English");
  assert.equal(await planner.langSwitch.locator("span").first().getAttribute("lang"), "en");
  const findingZh = await planner.byTestId("findings").locator(".message").first().textContent();
  assert.notEqual(findingZh, findingEn, "engine findings follow the language");
  assert.match(findingZh, /[\u4e00-\u9fff]/);
  assert.match(await planner.byTestId("verdict").textContent(), /[\u4e00-\u9fff]/);
  await planner.screenshot("language-zh");

  // The choice is remembered.
  await page.reload();
  await planner.ready();
  assert.equal(await planner.paletteHeading(), "服务目录");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a Chinese browser opens in Chinese", async () => {
  const { planner, context, errors } = await j.start({ locale: "zh-CN" });
  assert.equal(await planner.paletteHeading(), "服务目录");
  assert.equal(await planner.htmlLang(), "zh-CN");
  assert.deepEqual(errors, []);
  await context.close();
});

test("the built-in plan, untouched, follows the language switch; a plan the user changed stays as written", async () => {
  const { planner, page, context, errors } = await j.start({ locale: "zh-CN" });
  assert.equal(await planner.planName(), "FinRep 日报系统（S0）");
  await planner.pickOption("standard-4c8g");
  await planner.switchLanguage();
  await page.waitForFunction(() => !/[\u4e00-\u9fff]/.test(document.querySelector('[data-testid="plan-name"]').value));
  assert.match(await planner.planName(), /^FinRep/);
  assert.doesNotMatch(await planner.byTestId("option-tabs").textContent(), /[\u4e00-\u9fff]/, "the options' names too");
  assert.ok(await planner.byTestId("option-tab-standard-4c8g").evaluate((t) => t.classList.contains("active")), "on the same option");
  // Saved under the same entry: one plan, in English.
  await page.reload();
  await planner.ready();
  assert.deepEqual(await planner.savedPlanNames(), [await planner.planName()]);

  // Renamed by the user, the plan is theirs: the switch leaves it as written.
  await planner.byTestId("plan-name").fill("我的方案");
  await planner.byTestId("plan-name").press("Enter");
  await planner.switchLanguage();
  await page.waitForFunction(() => document.documentElement.lang === "zh-CN");
  assert.equal(await planner.planName(), "我的方案");
  assert.deepEqual(errors, []);
  await context.close();
});
