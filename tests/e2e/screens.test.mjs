// Screenshots of every screen issue 7 changed, in English and Chinese, at
// 1280×720, 1440×900 and a 390×844 phone, for a person to look at
// (target/screenshots/screen-*.png). Each also checks that the screen
// shows what it is for and that the console stayed clean.
import { test } from "node:test";
import assert from "node:assert/strict";

import { journey } from "./support/journey.mjs";

const j = journey();
const SIZES = [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
];
const phone = (v) => v.width < 700;

for (const locale of ["en-US", "zh-CN"]) {
  const lang = locale.slice(0, 2);
  for (const viewport of SIZES) {
    const size = `${viewport.width}x${viewport.height}`;
    test(`screens ${lang} ${size}`, async () => {
      const { planner, page, context, errors } = await j.start({ locale, viewport });
      const shot = (name) => planner.screenshot(`screen-${name}-${lang}-${size}`);
      const menu = phone(viewport) ? "template-menu-phone" : "template-menu";

      // S3 as it opens: tabs, summary with the limiting resource, the options side by side.
      await planner.openTemplate("s3-euraflow", menu);
      await planner.byTestId("option-compare").waitFor();
      await planner.settle(300);
      await shot("s3");
      if (phone(viewport)) {
        await planner.byTestId("option-compare").scrollIntoViewIfNeeded();
        await shot("s3-compare");
        await planner.serverCards().first().scrollIntoViewIfNeeded();
        await shot("s3-card");
      }

      // The split option: an option-level quote.
      await planner.pickOption("b-split");
      await planner.byTestId("option-quote").waitFor();
      await planner.byTestId("summary").scrollIntoViewIfNeeded();
      await shot("s3-quote");

      // The plan menu (read-only on a phone).
      await planner.byTestId("plan-menu").click();
      await planner.byTestId("saved-plan").first().waitFor();
      await shot("plan-menu");
      await page.keyboard.press("Escape");

      // A CPU-bound option: the verdict names CPU, the finding its numbers and fix.
      await planner.openTemplate("s2-ecs-2c2g", menu);
      await planner.pickOption("upgrade-2c4g");
      const cpu = planner.finding("cpu-oversubscribed");
      await cpu.waitFor();
      await cpu.locator("summary").click();
      if (!phone(viewport)) await planner.serverCards().first().scrollIntoViewIfNeeded();
      await shot("s2-cpu-card");
      await cpu.scrollIntoViewIfNeeded();
      await shot("s2-cpu-finding");
      assert.match(await planner.verdict(), /does-not-fit/);

      if (!phone(viewport)) {
        // The tier picker open.
        await planner.openTemplate("s3-euraflow", menu);
        await planner.serverCards().first().locator('[data-testid="tier-picker"]').click();
        await planner.byTestId("tier-panel").waitFor();
        await shot("tier-picker");
        await page.keyboard.press("Escape");

        // A placement selected, with a refused value and its message.
        await planner.selectPlacement("celery-prefork", 1);
        await planner.typeAndCommit("replicas", "-5");
        await planner.typeAndCommit("knob-concurrency", "99999999");
        await planner.byTestId("replicas-error").waitFor();
        await shot("inspector-refused");

        // Nothing selected: the plan settings, with a refused rate.
        await page.keyboard.press("Escape");
        await planner.clickEmptyBoard();
        await planner.typeAndCommit("fx-rate", "0");
        await shot("plan-settings-refused");
      }
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
}
