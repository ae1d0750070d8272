// Journey: S2's question. Five more services on a 2C2G do not fit; the
// finding's fix (an upgrade within Alibaba ECS) makes them fit.
import { test } from "node:test";
import assert from "node:assert/strict";

import { journey } from "./support/journey.mjs";

const j = journey();

test("applying the fix on S2 turns does-not-fit into fits", async () => {
  const { planner, page, context, errors } = await j.start();
  await planner.openTemplate("s2-ecs-2c2g");
  await planner.pickOption("plus-standard");
  assert.equal(await planner.verdict(), "does-not-fit");
  const before = await planner.totalMonthly();

  const finding = planner.finding("does-not-fit");
  await finding.waitFor();
  assert.match(await finding.textContent(), /Does not fit by [\d.]+\s(MiB|GiB)/);
  await finding.locator('[data-testid="apply-fix"]').click();

  await page.waitForFunction(() => document.querySelector('[data-testid="verdict"]')?.dataset.verdict === "fits");
  assert.equal(await planner.finding("does-not-fit").count(), 0);
  // The label's size follows the upgrade instead of contradicting it.
  assert.equal(await planner.finding("tier-spec-mismatch").count(), 0);
  assert.notEqual(await planner.totalMonthly(), before, "the upgrade changes the cost");
  await planner.screenshot("s2-after-fix");

  // The fix is one action: undo brings the question back.
  await planner.undo();
  await page.waitForFunction(() => document.querySelector('[data-testid="verdict"]')?.dataset.verdict === "does-not-fit");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a fix on a duplicated option changes that option, not the one it was copied from", async () => {
  // A copy has the same findings as its original; the findings list must
  // not keep the original's buttons, whose fixes name the original option.
  const { planner, page, context, errors } = await j.start();
  await planner.openTemplate("s2-ecs-2c2g");
  await planner.pickOption("plus-standard");
  await planner.finding("does-not-fit").waitFor();
  const tabs = planner.byTestId("option-tabs").locator(".option-tab");
  const before = await tabs.count();
  await planner.byTestId("option-duplicate").click();
  assert.equal(await tabs.count(), before + 1);
  assert.equal(await planner.byTestId("option-tab-plus-standard").getAttribute("class").then((c) => c.includes("active")), false, "the copy is on screen");
  await planner.finding("does-not-fit").locator('[data-testid="apply-fix"]').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="verdict"]')?.dataset.verdict === "fits");

  await planner.pickOption("plus-standard");
  await page.waitForFunction(() => document.querySelector('[data-testid="verdict"]')?.dataset.verdict === "does-not-fit");
  await planner.finding("does-not-fit").waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});
