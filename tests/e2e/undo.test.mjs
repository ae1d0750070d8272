// Journey: undo and redo, with the buttons and with the keyboard.
import { test } from "node:test";
import assert from "node:assert/strict";

import { journey } from "./support/journey.mjs";

const j = journey();

async function placeNginx(planner, page) {
  await planner.paletteItem("nginx").focus();
  await page.keyboard.press("Enter");
  await planner.byTestId("place-menu").locator('[role="menuitem"]').first().click();
}

test("the undo and redo buttons step through changes", async () => {
  const { planner, page, context, errors } = await j.start();
  assert.equal(await planner.byTestId("undo").isDisabled(), true, "nothing to undo on a fresh plan");
  await placeNginx(planner, page);
  await planner.placements("nginx").waitFor();

  await planner.undo();
  await planner.placements("nginx").waitFor({ state: "detached" });
  assert.equal(await planner.byTestId("redo").isDisabled(), false);

  await planner.redo();
  await planner.placements("nginx").waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test("Ctrl+Z undoes and Ctrl+Shift+Z redoes, but not while typing in a field", async () => {
  const { planner, page, context, errors } = await j.start();
  await placeNginx(planner, page);
  await planner.placements("nginx").waitFor();
  await page.locator("body").click({ position: { x: 5, y: 790 } });

  await page.keyboard.press("Control+z");
  await planner.placements("nginx").waitFor({ state: "detached" });
  await page.keyboard.press("Control+Shift+z");
  await planner.placements("nginx").waitFor();

  // In the search box, Ctrl+Z is the field's own undo.
  await planner.byTestId("palette-search").focus();
  await page.keyboard.press("Control+z");
  assert.equal(await planner.placements("nginx").count(), 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test("while a dialog is open, Ctrl+Z changes nothing behind it", async () => {
  const { planner, page, context, errors } = await j.start();
  await placeNginx(planner, page);
  await planner.placements("nginx").waitFor();
  await planner.byTestId("compare-open").click();
  await planner.byTestId("compare-view").waitFor();
  await page.keyboard.press("Control+z");
  await page.keyboard.press("Escape");
  await planner.byTestId("compare-view").waitFor({ state: "detached" });
  assert.equal(await planner.placements("nginx").count(), 1, "the placement made before the dialog stays");
  await page.keyboard.press("Control+z");
  await planner.placements("nginx").waitFor({ state: "detached" });
  assert.deepEqual(errors, []);
  await context.close();
});
