// Journey: a first visit on a 390×844 phone. The templates are on the first
// screen (there is no palette), S3 opens from them, and the read-only
// layout offers only what it can do: no new, duplicate or delete.
import { test } from "node:test";
import assert from "node:assert/strict";

import { journey } from "./support/journey.mjs";

const j = journey();
const PHONE = { width: 390, height: 844 };

for (const locale of ["en-US", "zh-CN"]) {
  test(`a phone's first visit reaches the templates and opens S3 (${locale})`, async () => {
    const { planner, page, context, errors } = await j.start({ viewport: PHONE, locale });
    const menu = planner.byTestId("template-menu-phone");
    assert.equal(await menu.isVisible(), true, "the templates are on the first screen");
    const box = await menu.boundingBox();
    assert.ok(box.y + box.height <= PHONE.height, "without scrolling");
    // A read-only layout does not offer an empty plan to fill in.
    assert.equal(await menu.locator('option[value="empty"]').count(), 0);
    await planner.screenshot(`phone-first-visit-${locale}-390x844`);

    await planner.openTemplate("s3-euraflow", "template-menu-phone");
    await planner.compareRow("b-split").waitFor();
    assert.match(await planner.byTestId("plan-name").inputValue(), /S3/);
    // The options side by side, scrolled to, are readable on a phone.
    await planner.byTestId("option-compare").scrollIntoViewIfNeeded();
    assert.equal(await planner.byTestId("option-compare").isVisible(), true);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);

    // The plan menu lists saved plans only.
    await planner.byTestId("plan-menu").click();
    await planner.byTestId("saved-plan").first().waitFor();
    for (const id of ["plan-new", "plan-duplicate", "plan-delete"]) {
      assert.equal(await planner.byTestId(id).isVisible(), false, `${id} is not offered on a phone`);
    }
    await page.keyboard.press("Escape");
    await planner.byTestId("option-compare").scrollIntoViewIfNeeded();
    await planner.screenshot(`phone-s3-compare-${locale}-390x844`);
    assert.deepEqual(errors, []);
    await context.close();
  });
}
