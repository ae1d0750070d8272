// Journey: plans are autosaved; a reload brings back the plan being edited,
// on the option that was on screen;
// saved plans are listed; a broken saved plan is reported and never
// overwritten.
import { test } from "node:test";
import assert from "node:assert/strict";

import { journey } from "./support/journey.mjs";

const j = journey();

test("a reload keeps the plan, its changes and the list of saved plans", async () => {
  const { planner, page, context, errors } = await j.start();
  await planner.openTemplate("s3-euraflow");
  const name = planner.byTestId("plan-name");
  await name.fill("EuraFlow budget review");
  await name.press("Enter");
  await planner.pickOption(await planner.byTestId("option-tabs").locator(".option-tab").nth(1).getAttribute("data-testid").then((t) => t.replace("option-tab-", "")));
  await planner.paletteItem("flower").focus();
  await page.keyboard.press("Enter");
  await planner.byTestId("place-menu").locator('[role="menuitem"]').first().click();
  await planner.placements("flower").waitFor();
  const expected = await planner.serverCards().first().getAttribute("data-expected-mib");

  await page.reload();
  await planner.ready();

  assert.equal(await planner.byTestId("plan-name").inputValue(), "EuraFlow budget review");
  // It opens on the option that was on screen, with the change made there.
  const second = planner.byTestId("option-tabs").locator(".option-tab").nth(1);
  assert.match(await second.getAttribute("class"), /\bactive\b/, "the option on screen before the reload");
  assert.equal(await planner.placements("flower").count(), 1);
  assert.equal(await planner.serverCards().first().getAttribute("data-expected-mib"), expected);

  // Both the first-visit plan (S0) and this one are saved.
  await planner.byTestId("plan-menu").click();
  const saved = await planner.byTestId("saved-plan").allTextContents();
  assert.ok(saved.some((s) => s.includes("EuraFlow budget review")), saved.join(" | "));
  assert.ok(saved.some((s) => s.includes("FinRep")), saved.join(" | "));
  // Opened again from the menu, each plan shows the option it was left on.
  await planner.byTestId("saved-plan").filter({ hasText: "FinRep" }).first().click();
  await page.waitForFunction(() => document.querySelector('[data-testid="plan-name"]')?.value.includes("FinRep"));
  await planner.byTestId("plan-menu").click();
  await planner.byTestId("saved-plan").filter({ hasText: "EuraFlow budget review" }).first().click();
  await page.waitForFunction(() => document.querySelector('[data-testid="plan-name"]')?.value === "EuraFlow budget review");
  assert.match(await second.getAttribute("class"), /\bactive\b/, "the option it was left on");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a broken saved plan is reported, the app still opens, and the plan is not overwritten", async () => {
  const { planner, page, context, errors } = await j.start();
  const current = await page.evaluate(() => JSON.parse(localStorage.getItem("stackfit.current")));
  const broken = '{"format":"stackfit-plan","version":1,"plan":{"name":"x",\n"options": 3}}';
  await page.evaluate(([id, text]) => localStorage.setItem(`stackfit.plan.${id}`, JSON.stringify(text)), [current, broken]);

  await page.reload();
  await planner.ready();

  const notice = await planner.byTestId("notice").textContent();
  assert.match(notice, /could not be read/);
  assert.match(notice, /line 2/);
  const kept = await page.evaluate((id) => JSON.parse(localStorage.getItem(`stackfit.plan.${id}`)), current);
  assert.equal(kept, broken, "the broken plan is left as it was");
  assert.notEqual(await page.evaluate(() => JSON.parse(localStorage.getItem("stackfit.current"))), current);
  assert.deepEqual(errors, []);
  await context.close();
});

test("when storage is full the planner says so and keeps working", async () => {
  const { context, page, errors } = await (async () => {
    const { newPage } = await import("./support/browser.mjs");
    return newPage(j.browser);
  })();
  await page.addInitScript(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    };
  });
  const { Planner } = await import("./pages/planner.mjs");
  const planner = new Planner(page, j.site.url);
  await planner.open();

  await planner.byTestId("notice").waitFor();
  assert.match(await planner.byTestId("notice").textContent(), /Can't save to browser storage/);
  await planner.paletteItem("nginx").focus();
  await page.keyboard.press("Enter");
  await planner.byTestId("place-menu").locator('[role="menuitem"]').first().click();
  await planner.placements("nginx").waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});
