// Journey: editing a server and a placement by hand — tier, price, limits,
// options — with bad input named and nothing lost.
import { test } from "node:test";
import assert from "node:assert/strict";

import { journey } from "./support/journey.mjs";

const j = journey();

test("the tier picker filters, changes the tier, and the price override sets the cost", async () => {
  const { planner, page, context, errors } = await j.start();
  const card = planner.serverCards().first();
  await card.locator('[data-testid="tier-picker"]').click();
  const panel = planner.byTestId("tier-panel");
  await panel.locator("select").nth(0).selectOption("8");
  assert.equal(await panel.locator('[data-testid="tier-option-aliyun-ecs-c7-large"]').count(), 0, "2 vCPU tiers are filtered out");
  await panel.locator('[data-testid="tier-option-aliyun-ecs-c7-2xlarge"]').click();
  assert.match(await card.locator('[data-testid="tier-picker"]').textContent(), /ecs\.c7\.2xlarge/);
  // The new tier has no sourced price: the total says so instead of ¥0.
  assert.match(await planner.totalMonthly(), /price unknown/);
  assert.equal(await card.locator('[data-testid="tier-picker"] .tier-price').textContent(), "price unknown");

  const price = card.locator('[data-testid="price-override"]');
  await price.fill("¥1,299.50");
  await price.press("Enter");
  await page.waitForFunction(() => document.querySelector('[data-testid="total-monthly"]').textContent.includes("1,299.50"));
  // The tier button says the server costs its own price now, not "price unknown".
  const tierPrice = card.locator('[data-testid="tier-picker"] .tier-price');
  assert.equal(await tierPrice.textContent(), "the plan's own price");

  // A bad amount is named, and the price stays.
  await price.fill("lots");
  await price.press("Enter");
  assert.match(await card.locator('[data-testid="price-override-error"]').textContent(), /Can't read “lots”/);
  assert.match(await planner.totalMonthly(), /1,299\.50/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a limit typed as people write it is understood, and a bad one is named", async () => {
  const { planner, page, context, errors } = await j.start();
  await planner.placements("postgres").first().click();
  const inspector = planner.byTestId("inspector");
  const limit = inspector.locator('[data-testid="limit"]');
  await limit.fill("1.5g");
  await limit.press("Enter");
  await page.waitForFunction(() => document.querySelector('[data-testid="limit"]').value === "1536 MiB");
  // The settings derived from the limit follow it.
  await inspector.locator('[data-testid="tuning"]').locator("text=1.5 GiB").waitFor();

  await limit.fill("a lot");
  await limit.press("Enter");
  assert.match(await inspector.locator('[data-testid="limit-error"]').textContent(), /Can't read “a lot”/);
  assert.match(await inspector.locator('[data-testid="tuning"] h3').textContent(), /1\.5 GiB/, "the limit is unchanged");
  assert.deepEqual(errors, []);
  await context.close();
});

test("options can be added, renamed, duplicated and deleted", async () => {
  const { planner, page, context, errors } = await j.start();
  const tabs = planner.byTestId("option-tabs").locator(".option-tab");
  const before = await tabs.count();
  await planner.byTestId("option-duplicate").click();
  assert.equal(await tabs.count(), before + 1);
  const name = planner.byTestId("option-name");
  await name.fill("Lean, with Flower");
  await name.press("Enter");
  await planner.byTestId("option-tabs").locator("text=Lean, with Flower").first().waitFor();
  // The comparison lists every option.
  assert.equal(await planner.byTestId("option-compare").locator("tbody tr").count(), before + 1);
  await planner.byTestId("option-delete").click();
  assert.equal(await tabs.count(), before);
  await planner.byTestId("option-add").click();
  assert.equal(await tabs.count(), before + 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a knob being typed keeps the text as typed, and the caret, while its value applies", async () => {
  const { planner, page, context, errors } = await j.start();
  await planner.selectPlacement("postgres");
  assert.equal(await planner.byTestId("undo").isDisabled(), true);
  const field = planner.byTestId("inspector").locator('[data-testid="knob-max_connections"]');
  await field.fill("");
  await field.type("0120");
  // The value applies after the typing pauses; the field is the same field.
  await page.waitForFunction(() => !document.querySelector('[data-testid="undo"]').disabled);
  assert.equal(await field.inputValue(), "0120", "the text as typed");
  assert.equal(await field.evaluate((e) => e === document.activeElement && e.selectionStart), 4, "focus and caret at the end");
  await field.press("Enter");
  assert.equal(await field.inputValue(), "120", "Enter shows the plan's value");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a CPU knob is typed in CPUs, as its range reads", async () => {
  const { planner, page, context, errors } = await j.start();
  const card = planner.serverCard("2C4G lean");
  await planner.placeByKeyboard("celery-gevent");
  await planner.placements("celery-gevent", card).first().waitFor();
  const cpu = planner.byTestId("inspector").locator('[data-testid="knob-cpu_millicores"]');
  assert.equal(await cpu.inputValue(), "0.500");
  const range = planner.byTestId("inspector").locator('[data-testid="knob-cpu_millicores-range"]');
  assert.match(await range.textContent(), /CPUs? to 1\sCPU/);
  await planner.typeAndCommit("knob-cpu_millicores", "0.25");
  await page.waitForFunction(() => document.querySelector('[data-testid="knob-cpu_millicores"]')?.value === "0.250");
  assert.equal(await planner.byTestId("knob-cpu_millicores-error").textContent(), "");
  // 250 would be 250 CPUs: refused by its range, in those words.
  await planner.typeAndCommit("knob-cpu_millicores", "250");
  assert.match(await planner.byTestId("knob-cpu_millicores-error").textContent(), /250\sCPUs was not applied/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("typing a knob updates the server live, and one undo takes the whole edit back", async () => {
  const { planner, page, context, errors } = await j.start();
  const card = planner.serverCard("2C4G lean");
  // A fresh Celery worker (S0's own worker carries a measured figure, which
  // the knobs do not change).
  await planner.placeByKeyboard("celery-prefork");
  await planner.placements("celery-prefork", card).nth(1).waitFor();
  const placed = await planner.expectedMib("2C4G lean");

  const concurrency = planner.byTestId("inspector").locator('[data-testid="knob-concurrency"]');
  await concurrency.fill("");
  await concurrency.type("1");
  // No Enter, no blur: the card follows the keystrokes.
  await page.waitForFunction((b) => Number(document.querySelector('[data-testid="server-card"]').dataset.expectedMib) !== b, placed);
  const one = await planner.expectedMib("2C4G lean");
  await concurrency.type("2");
  await page.waitForFunction((b) => Number(document.querySelector('[data-testid="server-card"]').dataset.expectedMib) > b, one);

  await page.locator("body").click({ position: { x: 5, y: 790 } });
  await planner.undo();
  await page.waitForFunction((b) => Number(document.querySelector('[data-testid="server-card"]').dataset.expectedMib) === b, placed);
  // One more undo removes the placement: the typing was a single step.
  await planner.undo();
  await planner.placements("celery-prefork", card).nth(1).waitFor({ state: "detached" });
  assert.deepEqual(errors, []);
  await context.close();
});
