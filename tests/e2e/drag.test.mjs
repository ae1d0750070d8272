// Journey: drag a service from the palette onto a server with the real mouse;
// the server's totals and the placements change.
import { test } from "node:test";
import assert from "node:assert/strict";

import { journey } from "./support/journey.mjs";

const j = journey();

test("a real mouse drag from the palette places the service and changes the totals", async () => {
  const { planner, page, context, errors } = await j.start();
  // The first visit opens S0; its lean 2C4G server has one Redis.
  const card = planner.serverCard("2C4G lean");
  const before = await planner.expectedMib("2C4G lean");
  assert.equal(await planner.placements("redis", card).count(), 1);

  await planner.mouseDrag(planner.paletteItem("redis"), card);

  await page.waitForFunction(
    (b) => Number(document.querySelector('[data-testid="server-card"]').dataset.expectedMib) > b,
    before,
  );
  assert.equal(await planner.placements("redis", card).count(), 2);
  assert.ok((await planner.expectedMib("2C4G lean")) > before);
  // The new placement is selected and the inspector shows it.
  await planner.byTestId("inspector").locator("text=redis-2").waitFor();
  await planner.screenshot("drag-after");
  assert.deepEqual(errors, []);
  await context.close();
});
