// Journey: place a service with the keyboard alone — focus it in the
// palette, press Enter, pick the server from the menu.
import { test } from "node:test";
import assert from "node:assert/strict";

import { journey } from "./support/journey.mjs";

const j = journey();

test("Enter on a palette item opens the server menu and places the service", async () => {
  const { planner, page, context, errors } = await j.start();
  await planner.openTemplate("s4-voc");
  await planner.serverCard("B").waitFor();
  const before = await planner.placements("postgres").count();

  // Reach the search box, type, then Tab into the results.
  await planner.byTestId("palette-search").focus();
  await page.keyboard.type("mongo");
  await page.keyboard.press("Tab");
  const focused = await page.evaluate(() => document.activeElement?.dataset.testid);
  assert.equal(focused, "palette-item-mongodb");
  await page.keyboard.press("Enter");
  await planner.byTestId("place-menu").waitFor();
  // The menu's first server has focus; Tab to the second (B) and choose it.
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");

  const b = planner.serverCard("B");
  await planner.placements("mongodb", b).waitFor();
  assert.equal(await planner.placements("mongodb", planner.serverCard("A")).count(), 0);
  assert.equal(await planner.placements("postgres").count(), before);
  assert.equal(await planner.byTestId("place-menu").count(), 0, "the menu closes");
  assert.deepEqual(errors, []);
  await context.close();
});

test("Escape closes the server menu without placing anything", async () => {
  const { planner, page, context, errors } = await j.start();
  await planner.paletteItem("nginx").focus();
  await page.keyboard.press("Enter");
  await planner.byTestId("place-menu").waitFor();
  await page.keyboard.press("Escape");
  await planner.byTestId("place-menu").waitFor({ state: "detached" });
  assert.equal(await planner.placements("nginx").count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test("on a touch screen, tapping ＋ and a server places the service", async () => {
  const { planner, page, context, errors } = await j.start({ hasTouch: true, viewport: { width: 1024, height: 768 } });
  await planner.openTemplate("s4-voc");
  await planner.serverCard("B").waitFor();
  await planner.paletteItem("memcached").locator(".place-button").tap();
  const serverB = await planner.serverCard("B").getAttribute("data-server-id");
  await planner.byTestId(`place-on-${serverB}`).tap();
  await planner.placements("memcached", planner.serverCard("B")).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});
