// Journey: the issue's "done when" — a new user rebuilds S2's question from an
// empty plan with the UI alone, and gets the template's answer.
import { test } from "node:test";
import assert from "node:assert/strict";

import { journey } from "./support/journey.mjs";

const j = journey();

// `docker stats` on the 2C2G, and the five new services at standard size (MiB).
const MEASURED = { mysql: 376, neo4j: 372, elasticsearch: 311, weaviate: 49, postgres: 16, redis: 7 };
const NEW_STANDARD = [600, 600, 250, 250, 200];

/** Places `service` on the only server through the keyboard menu; the new placement is selected. */
async function place(planner, page, service) {
  await planner.paletteItem(service).focus();
  await page.keyboard.press("Enter");
  await planner.byTestId("place-menu").locator('[role="menuitem"]').first().press("Enter");
}

async function setField(planner, testid, value) {
  const field = planner.byTestId("inspector").locator(`[data-testid="${testid}"]`);
  await field.fill(String(value));
  await field.press("Enter");
  await field.blur();
}

test("S2 rebuilt from an empty plan gives the template's verdict and shortfall", async () => {
  const { planner, page, context, errors } = await j.start();
  await planner.openTemplate("empty");
  const card = planner.serverCards().first();
  await card.waitFor();

  // The box: an Alibaba ECS 2C2G that shows 1.8 GiB (1843 MiB) to the OS.
  await card.locator('[data-testid="tier-picker"]').click();
  await planner.byTestId("tier-option-aliyun-ecs-e-c1m1-large").click();
  await card.locator('[data-testid="server-label"]').click();
  await setField(planner, "usable", 1843);

  for (const [service, mib] of Object.entries(MEASURED)) {
    await place(planner, page, service);
    await setField(planner, "measured", mib);
  }
  for (const mib of NEW_STANDARD) {
    await place(planner, page, "custom");
    await setField(planner, "knob-expected_mib", mib);
  }
  await page.waitForFunction(() => document.querySelector('[data-testid="verdict"]')?.dataset.verdict === "does-not-fit");
  const built = {
    expected: await card.getAttribute("data-expected-mib"),
    allocatable: await card.getAttribute("data-allocatable-mib"),
  };
  const numbers = await planner.finding("does-not-fit").locator(".numbers dl").textContent();
  await planner.screenshot("s2-rebuilt");

  // The template's answer for the same question.
  await planner.openTemplate("s2-ecs-2c2g");
  await planner.pickOption("plus-standard");
  const template = planner.serverCards().first();
  assert.equal(await planner.verdict(), "does-not-fit");
  assert.deepEqual(built, {
    expected: await template.getAttribute("data-expected-mib"),
    allocatable: await template.getAttribute("data-allocatable-mib"),
  });
  assert.equal(await planner.finding("does-not-fit").locator(".numbers dl").textContent(), numbers, "the same numbers behind the finding");
  assert.deepEqual(errors, []);
  await context.close();
});
