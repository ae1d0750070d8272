// Journey: an accessibility check of the main screen with axe-core, in both
// languages, with a template with several options, a selection and the
// tier picker open: no serious or critical violations.
import { test } from "node:test";
import assert from "node:assert/strict";

import { journey } from "./support/journey.mjs";
import { axeViolations, seriousOrCritical } from "./support/axe.mjs";

const j = journey();

for (const locale of ["en-US", "zh-CN"]) {
  test(`axe finds no serious or critical violations on the main screen (${locale})`, async () => {
    const { planner, context, errors } = await j.start({ locale, viewport: { width: 1280, height: 720 } });
    await planner.openTemplate("s3-euraflow");
    await planner.byTestId("option-compare").waitFor();
    assert.deepEqual(seriousOrCritical(await axeViolations(planner.page)), [], "the plan as it opens");

    await planner.selectPlacement("postgres");
    await planner.finding("db-connections-over-max").locator("summary").click();
    assert.deepEqual(seriousOrCritical(await axeViolations(planner.page)), [], "a placement selected");

    await planner.serverCards().first().locator('[data-testid="tier-picker"]').click();
    await planner.byTestId("tier-panel").waitFor();
    assert.deepEqual(seriousOrCritical(await axeViolations(planner.page)), [], "the tier picker open");
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test("axe finds no serious or critical violations on a phone", async () => {
  const { planner, context, errors } = await j.start({ viewport: { width: 390, height: 844 } });
  assert.deepEqual(seriousOrCritical(await axeViolations(planner.page)), []);
  assert.deepEqual(errors, []);
  await context.close();
});
