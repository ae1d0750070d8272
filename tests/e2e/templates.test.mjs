// Journey: every built-in template opens without console errors, shows its
// options and verdicts, and is captured at 1280×800 for review.
import { test } from "node:test";
import assert from "node:assert/strict";

import { journey } from "./support/journey.mjs";

const j = journey();
const TEMPLATES = ["s0-finrep", "s1-observability", "s2-ecs-2c2g", "s3-euraflow", "s4-voc", "empty"];

for (const id of TEMPLATES) {
  test(`template ${id} opens cleanly`, async () => {
    const { planner, page, context, errors } = await j.start({ viewport: { width: 1280, height: 800 } });
    const asked = [];
    page.on("request", (r) => {
      if (r.url().includes("/templates/")) asked.push(r.url());
    });
    if (id !== "s0-finrep") await planner.openTemplate(id);
    if (id !== "s0-finrep" && id !== "empty") {
      // Fetched as of this deploy: the planner's file hash as a version.
      assert.equal(asked.length, 1);
      assert.match(asked[0], new RegExp(`/templates/${id}\\.en\\.json\\?v=[0-9a-f]+$`));
    }
    await planner.serverCards().first().waitFor();
    assert.ok(["fits", "tight", "oom-risk", "does-not-fit"].includes(await planner.verdict()));
    assert.ok((await planner.byTestId("option-tabs").locator(".option-tab").count()) >= 1);
    // Every server with placements draws its diagram.
    const cards = await planner.serverCards().count();
    assert.equal(await planner.board.locator('[data-testid="memory-diagram"]').count(), cards);
    await page.waitForTimeout(100);
    await planner.screenshot(`template-${id}`);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test("the last template picked wins: one still on its way does not replace it", async () => {
  const { planner, page, context, errors } = await j.start();
  // S2's file takes a while to arrive.
  let release;
  const held = new Promise((r) => (release = r));
  await page.route("**/templates/s2-ecs-2c2g.*", async (route) => {
    await held;
    await route.continue();
  });
  const arrived = page.waitForResponse((r) => r.url().includes("/templates/s2-ecs-2c2g."));
  await planner.byTestId("template-menu").selectOption("s2-ecs-2c2g");
  // Meanwhile the user picks S3, which opens.
  await planner.openTemplate("s3-euraflow");
  const s3 = await planner.byTestId("plan-name").inputValue();
  const plans = await planner.savedPlanNames();
  release();
  await arrived;
  // S2's file is in; S4, picked next, has a fetch of its own to wait for:
  // by the time S4 is on screen, S2's late answer has long been handled.
  await planner.openTemplate("s4-voc");
  const s4 = await planner.byTestId("plan-name").inputValue();
  assert.notEqual(s4, s3);
  const names = await planner.savedPlanNames();
  assert.ok(plans.includes(s3), plans.join(" | "));
  assert.ok(!names.some((n) => /\(S2\)/.test(n)), `S2 never opened: ${names.join(" | ")}`);
  assert.deepEqual(names.filter((n) => !plans.includes(n)), [s4], "only S4 is new since S3");
  assert.deepEqual(errors, []);
  await context.close();
});
