// Journey: on a 390×844 phone the planner is a usable read-only report:
// summary, findings and servers stacked, no editing controls, no sideways
// scrolling.
import { test } from "node:test";
import assert from "node:assert/strict";

import { journey } from "./support/journey.mjs";

const j = journey();

test("a phone shows a read-only layout without horizontal scrolling", async () => {
  const { planner, page, context, errors } = await j.start({ viewport: { width: 390, height: 844 } });
  assert.equal(await planner.palette.isVisible(), false, "no palette on a phone");
  assert.equal(await planner.byTestId("inspector").isVisible(), false);
  assert.equal(await planner.byTestId("undo").isVisible(), false);
  assert.equal(await planner.byTestId("verdict").isVisible(), true);
  assert.equal(await planner.byTestId("total-monthly").isVisible(), true);
  assert.equal(await planner.serverCards().first().isVisible(), true);
  assert.equal(await planner.byTestId("findings").isVisible(), true);
  assert.equal(await planner.byTestId("apply-fix").first().isVisible(), false, "no fixes to apply on a phone");
  // Switching options still works: reading the options is what a phone is for.
  const tabs = planner.byTestId("option-tabs").locator(".option-tab");
  const second = (await tabs.nth(1).getAttribute("data-testid")).replace("option-tab-", "");
  await planner.pickOption(second);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
  await planner.screenshot("phone-390x844");
  // The inspector is not shown on a phone, so touching the servers (which
  // on a desktop starts loading it) and selecting one load no extras.
  await planner.serverCards().first().hover();
  await planner.serverCards().first().locator('[data-testid="server-label"]').focus();
  await page.evaluate(() => new Promise((done) => setTimeout(done, 500)));
  const fetched = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name));
  assert.ok(!fetched.some((u) => /\/stackfit-extras_bg\.wasm(\?|$)/.test(u)), "no extras fetched for a hidden inspector");
  assert.deepEqual(errors, []);
  await context.close();
});
