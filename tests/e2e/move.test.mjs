// Journey: move a placement from one server to another, by mouse and by the
// keyboard's "move to" menu; both servers' totals follow.
import { test } from "node:test";
import assert from "node:assert/strict";

import { journey } from "./support/journey.mjs";

const j = journey();

test("dragging a placement to another server moves it", async () => {
  // Tall enough that both servers of S4 are on screen for the drag.
  const { planner, page, context, errors } = await j.start({ viewport: { width: 1280, height: 1400 } });
  await planner.openTemplate("s4-voc");
  const a = planner.serverCard("A");
  const b = planner.serverCard("B");
  await b.waitFor();
  const [aBefore, bBefore] = [await planner.expectedMib("A"), await planner.expectedMib("B")];
  const chip = b.locator("[data-placement-id]").first();
  const id = await chip.getAttribute("data-placement-id");

  await planner.mouseDrag(chip, a);

  await a.locator(`[data-placement-id="${id}"]`).waitFor();
  assert.equal(await b.locator(`[data-placement-id="${id}"]`).count(), 0);
  assert.ok((await planner.expectedMib("A")) > aBefore);
  assert.ok((await planner.expectedMib("B")) < bBefore);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the move-to menu moves a placement without a mouse", async () => {
  const { planner, page, context, errors } = await j.start();
  await planner.openTemplate("s4-voc");
  const b = planner.serverCard("B");
  await b.waitFor();
  const chip = b.locator("[data-placement-id]").first();
  const id = await chip.getAttribute("data-placement-id");
  const serverA = await planner.serverCard("A").getAttribute("data-server-id");

  // Focus the chip (Tab would land here too), then use its menu.
  await chip.focus();
  await chip.locator('[data-testid="move-to"]').selectOption(serverA);

  await planner.serverCard("A").locator(`[data-placement-id="${id}"]`).waitFor();
  assert.equal(await b.locator(`[data-placement-id="${id}"]`).count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});
