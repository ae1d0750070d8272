// Journey: the keyboard alone. The palette is one Tab stop with arrow keys
// inside; Enter opens the "place on…" menu; placing is announced and focus
// comes back to the palette; popovers close on Escape (focus back to what
// opened them) and on a click outside; Escape or a click on the empty board
// goes back to the plan settings.
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
  // Said in the live region, and focus is back on the service, not the page.
  assert.match(await planner.announced(), /^MongoDB placed on B — worker 4C8G\.$/);
  await planner.focusReturnsTo("palette-item-mongodb");
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
  // Focus returns to the service.
  await planner.focusReturnsTo("palette-item-nginx");
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

test("the palette is one Tab stop and arrow keys move inside it", async () => {
  const { planner, page, context, errors } = await j.start();
  await planner.byTestId("palette-search").focus();
  await page.keyboard.press("Tab");
  const first = await planner.focusedTestId();
  assert.match(first, /^palette-item-/);
  await page.keyboard.press("ArrowDown");
  const second = await planner.focusedTestId();
  assert.match(second, /^palette-item-/);
  assert.notEqual(second, first);
  await page.keyboard.press("ArrowUp");
  assert.equal(await planner.focusedTestId(), first);
  await page.keyboard.press("End");
  const last = await planner.focusedTestId();
  // One Tab leaves the palette: the next stop is past its 30-odd services.
  await page.keyboard.press("Tab");
  const after = await planner.focusedTestId();
  assert.doesNotMatch(after ?? "", /^palette-item-/, `Tab went to ${after}`);
  // Shift+Tab comes back to the service that had focus last.
  await page.keyboard.press("Shift+Tab");
  assert.equal(await planner.focusedTestId(), last);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the tier picker closes on Escape (focus back on it) and on a click outside", async () => {
  const { planner, page, context, errors } = await j.start();
  const button = planner.serverCards().first().locator('[data-testid="tier-picker"]');
  await button.click();
  await planner.byTestId("tier-panel").waitFor();
  await page.keyboard.press("Escape");
  await planner.byTestId("tier-panel").waitFor({ state: "detached" });
  await planner.focusReturnsTo("tier-picker");

  await button.click();
  await planner.byTestId("tier-panel").waitFor();
  await planner.byTestId("summary").click({ position: { x: 5, y: 5 } });
  await planner.byTestId("tier-panel").waitFor({ state: "detached" });
  assert.deepEqual(errors, []);
  await context.close();
});

test("the plan menu closes on Escape and on a click outside", async () => {
  const { planner, page, context, errors } = await j.start();
  await planner.byTestId("plan-menu").click();
  await planner.byTestId("plan-new").waitFor();
  await page.keyboard.press("Escape");
  await planner.byTestId("plan-new").waitFor({ state: "detached" });
  await planner.focusReturnsTo("plan-menu");
  await planner.byTestId("plan-menu").click();
  await planner.byTestId("plan-new").waitFor();
  await planner.clickEmptyBoard();
  await planner.byTestId("plan-new").waitFor({ state: "detached" });
  assert.deepEqual(errors, []);
  await context.close();
});

test("Escape, the back button or a click on the empty board shows the plan settings again", async () => {
  const { planner, page, context, errors } = await j.start();
  const settings = "Plan settings";
  assert.equal(await planner.inspectorHeading(), settings);

  await planner.selectPlacement("postgres");
  assert.notEqual(await planner.inspectorHeading(), settings);
  await planner.placements("postgres").first().focus();
  await page.keyboard.press("Escape");
  await page.waitForFunction(() => document.querySelector('[data-testid="inspector-heading"]')?.textContent === "Plan settings");

  await planner.selectPlacement("postgres");
  await planner.clickEmptyBoard();
  await page.waitForFunction(() => document.querySelector('[data-testid="inspector-heading"]')?.textContent === "Plan settings");

  await planner.selectPlacement("postgres");
  await planner.byTestId("show-plan-settings").click();
  await page.waitForFunction(() => document.querySelector('[data-testid="inspector-heading"]')?.textContent === "Plan settings");
  // Focus stays in the inspector.
  await planner.focusReturnsTo("inspector-heading");
  assert.deepEqual(errors, []);
  await context.close();
});

test("Delete on a focused chip removes it, says so, and keeps focus on its server", async () => {
  const { planner, page, context, errors } = await j.start();
  const chip = planner.placements("redis").first();
  await chip.focus();
  await page.keyboard.press("Delete");
  await chip.waitFor({ state: "detached" });
  assert.match(await planner.announced(), /^Redis removed from 2C4G lean\.$/);
  await page.waitForFunction(() => document.activeElement?.dataset?.testid === "server-label");
  assert.deepEqual(errors, []);
  await context.close();
});
