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
