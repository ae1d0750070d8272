// Journey: bad input. Every figure a person types is checked against the
// engine's range before it is applied: a refused value is named in the
// user's language, the plan never changes on the way, and the field goes
// back to the value the plan holds. Names are capped with a counter, and an
// undo step is one intent.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

import { journey } from "./support/journey.mjs";

const j = journey();
const LEAN = "2C4G lean";

/** The card's numbers and the undo state: what "the plan did not change" means on screen. */
async function planState(planner) {
  return {
    expected: await planner.expectedMib(LEAN),
    peak: await planner.serverCard(LEAN).getAttribute("data-peak-mib"),
    allocatable: await planner.serverCard(LEAN).getAttribute("data-allocatable-mib"),
    canUndo: !(await planner.byTestId("undo").isDisabled()),
  };
}

test("a knob refuses 99999999 while it is typed and applies nothing on the way", async () => {
  const { planner, page, context, errors } = await j.start();
  await planner.selectPlacement("postgres");
  const before = await planState(planner);
  const knob = planner.byTestId("knob-max_connections");
  const held = await knob.inputValue();
  // The range is on screen before anything is typed.
  assert.match(await planner.byTestId("knob-max_connections-range").textContent(), /Allowed from \d+ to \d+/);

  await knob.fill("");
  await knob.type("99999999", { delay: 30 });
  await page.waitForTimeout(900);
  assert.match(await planner.byTestId("knob-max_connections-error").textContent(), /must be from \d+ to \d+; 99999999 was not applied/);
  assert.equal(await knob.getAttribute("aria-invalid"), "true");
  assert.deepEqual(await planState(planner), before, "the plan did not change while typing");
  assert.equal(await planner.byTestId("refusal").count(), 0, "no banner claims a refusal of something applied");

  await knob.press("Enter");
  assert.equal(await knob.inputValue(), held, "the field shows the value the plan holds");
  assert.deepEqual(await planState(planner), before);
  assert.deepEqual(errors, []);
  await context.close();
});

test("replicas -5 is refused and the field does not keep showing it", async () => {
  const { planner, context, errors } = await j.start();
  await planner.selectPlacement("postgres");
  const before = await planState(planner);
  await planner.typeAndCommit("replicas", "-5");
  assert.match(await planner.byTestId("replicas-error").textContent(), /Replicas must be from 1 to 200; -5 was not applied/);
  assert.equal(await planner.byTestId("replicas").inputValue(), "1");
  assert.deepEqual(await planState(planner), before);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the OS reserve refuses 99999999 MiB: no option turns ✕", async () => {
  const { planner, context, errors } = await j.start();
  const before = await planState(planner);
  const verdict = await planner.verdict();
  await planner.typeAndCommit("reserve-os", "99999999");
  assert.match(await planner.byTestId("reserve-os-error").textContent(), /OS reserve must be from 0\sMiB to 16\sGiB; 97656.2\sGiB was not applied/);
  assert.equal(await planner.byTestId("reserve-os").inputValue(), "256");
  assert.equal(await planner.verdict(), verdict);
  assert.deepEqual(await planState(planner), before);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the exchange rate refuses 0, abc and -5 and says why; 7.1 is applied", async () => {
  const { planner, context, errors } = await j.start();
  const rate = planner.byTestId("fx-rate");
  const held = await rate.inputValue();
  for (const [typed, why] of [
    ["0", /exchange rate must be from 1\.000 to 20\.000; 0\.000 was not applied/],
    ["abc", /“abc” is not a number such as 7\.1/],
    ["-5", /exchange rate must be from 1\.000 to 20\.000; -5\.000 was not applied/],
  ]) {
    await planner.typeAndCommit("fx-rate", typed);
    assert.match(await planner.byTestId("fx-rate-error").textContent(), why, typed);
    assert.equal(await rate.inputValue(), held, `after ${typed}`);
  }
  assert.equal(await planner.byTestId("undo").isDisabled(), true, "nothing was applied");
  await planner.typeAndCommit("fx-rate", "7.1");
  assert.equal(await planner.byTestId("fx-rate-error").textContent(), "");
  assert.equal(await rate.inputValue(), "7.100");
  assert.equal(await planner.byTestId("undo").isDisabled(), false);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a price of ¥99,999,999/month is refused and the total stays", async () => {
  const { planner, context, errors } = await j.start();
  const card = planner.serverCard(LEAN);
  const price = card.locator('[data-testid="price-override"]');
  const total = await planner.totalMonthly();
  await price.fill("99999999");
  await price.press("Enter");
  assert.match(await card.locator('[data-testid="price-override-error"]').textContent(), /Monthly price must be from ¥0\.00\/month to ¥2,000,000\.00\/month/);
  assert.equal(await planner.totalMonthly(), total);
  assert.equal(await price.inputValue(), "150.00", "the field shows the price the plan holds");
  assert.deepEqual(errors, []);
  await context.close();
});

test("names are capped with a counter and a 10,000-character name pushes nothing off screen", async () => {
  const { planner, page, context, errors } = await j.start({ viewport: { width: 1280, height: 720 } });
  const long = "名".repeat(10_000);
  for (const [testid, max] of [["plan-name", 80], ["option-name", 80], ["server-label", 60]]) {
    const field = planner.byTestId(testid).first();
    await field.fill(long);
    assert.equal((await field.inputValue()).length, max, `${testid} stops at ${max}`);
    const counter = field.locator("xpath=following-sibling::span[contains(@class,'counter')]");
    assert.equal(await counter.isVisible(), true, `${testid} shows its counter`);
    assert.equal((await counter.textContent()).trim(), `${max}/${max}`);
    await field.press("Enter");
  }
  // The header's menu, the tabs' tools and the findings stay on screen.
  const width = page.viewportSize().width;
  for (const testid of ["plan-menu", "option-add", "findings", "lang-switch"]) {
    const box = await planner.byTestId(testid).boundingBox();
    assert.ok(box && box.x >= 0 && box.x + box.width <= width + 1, `${testid} is on screen: ${JSON.stringify(box)}`);
  }
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
  await planner.screenshot("bad-input-long-names-en-1280x720");
  assert.deepEqual(errors, []);
  await context.close();
});

test("an empty name is refused and the old one comes back", async () => {
  const { planner, context, errors } = await j.start();
  const name = planner.byTestId("plan-name");
  const held = await name.inputValue();
  await name.fill("   ");
  await name.press("Enter");
  assert.equal(await name.inputValue(), held);
  assert.match(await planner.byTestId("plan-name-error").textContent(), /The plan name can't be empty/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("typing the value a knob already holds, then more, is one undo step: the placement stays", async () => {
  const { planner, page, context, errors } = await j.start();
  await planner.paletteItem("fastapi").focus();
  await page.keyboard.press("Enter");
  await planner.byTestId("place-menu").locator('[role="menuitem"]').first().click();
  await planner.placements("fastapi").nth(1).waitFor();
  const placed = await planner.expectedMib(LEAN);
  const workers = planner.byTestId("knob-workers");
  const held = await workers.inputValue();
  // The same value first (it changes nothing), then one more digit.
  await workers.fill(held);
  await page.waitForTimeout(700);
  await workers.press("End");
  await workers.type("2");
  await workers.press("Enter");
  await page.waitForFunction((b) => Number(document.querySelector('[data-testid="server-card"]').dataset.expectedMib) !== b, placed);

  await planner.undo();
  await page.waitForFunction((b) => Number(document.querySelector('[data-testid="server-card"]').dataset.expectedMib) === b, placed);
  assert.equal(await planner.placements("fastapi").count(), 2, "one undo took back the typing, not the placement");
  assert.equal(await workers.inputValue(), held);
  assert.deepEqual(errors, []);
  await context.close();
});

test("in Chinese every refusal is entirely Chinese", async () => {
  const { planner, context, errors } = await j.start({ locale: "zh-CN" });
  await planner.selectPlacement("postgres");
  await planner.typeAndCommit("replicas", "-5");
  const replicas = await planner.byTestId("replicas-error").textContent();
  assert.equal(replicas, "副本数须在 1 到 200 之间，未应用 -5。");
  await planner.typeAndCommit("limit", "abc");
  const limit = await planner.byTestId("limit-error").textContent();
  assert.match(limit, /^无法识别内存大小“abc”：可写 512（MiB）/);
  for (const text of [replicas, limit]) {
    assert.doesNotMatch(text, /cannot|read|range|applied|expected|must/, text);
  }
  assert.match(await planner.byTestId("replicas-range").textContent(), /^可填 1 到 200 之间$/);
  await planner.screenshot("bad-input-zh-1280x800");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a value refused or still being typed when another plan opens is dropped cleanly", async () => {
  const { planner, context, errors } = await j.start();
  for (const [testid, text, commit] of [["replicas", "2.5", true], ["knob-max_connections", "-1", true], ["limit", "700m", false]]) {
    await planner.openTemplate("s0-finrep");
    await planner.selectPlacement("postgres");
    if (commit) await planner.typeAndCommit(testid, text);
    else await planner.byTestId(testid).fill(text);
    await planner.openTemplate("s4-voc");
    await planner.serverCards().first().waitFor();
  }
  assert.deepEqual(errors, []);
  await context.close();
});

/** A plan file of one server crowded with public proxies: each after the
 * first publishes host port 80 (and 443) again, one critical finding each. */
function crowdedPlan(n) {
  const file = JSON.parse(readFileSync("assets/templates/s4-voc.en.json", "utf8"));
  const plan = file.plan;
  plan.name = `${n} proxies on one server`;
  const server = plan.options[0].servers[0];
  server.placements = Array.from({ length: n }, (_, k) => ({ id: `proxy-${k}`, service: "nginx", public: true }));
  plan.options = [{ ...plan.options[0], servers: [server] }];
  return JSON.stringify(file);
}

test("a plan of 1,500 findings opens without freezing the page: the worst 50 first, more on request", async () => {
  const { planner, page, context, errors } = await j.start({ viewport: { width: 1280, height: 800 } });
  const started = Date.now();
  await planner.dropFile("crowded.stackfit.json", crowdedPlan(1500));
  const panel = planner.byTestId("findings");
  // 1,499 clashes (each proxy after the first) and the server's own.
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="findings"] h2 .count')?.textContent) > 1499);
  console.log(`crowded plan: dropped to findings drawn in ${Date.now() - started} ms`);
  const total = Number(await panel.locator("h2 .count").textContent());
  const thousands = (n) => n.toLocaleString("en-US");
  const items = panel.locator('[data-testid^="finding-"]');
  assert.equal(await items.count(), 50);
  assert.equal(await panel.locator("li.severity-critical").count(), 50, "the critical ones first");
  assert.equal(await panel.locator('[data-testid="finding-host-port-clash"]').count(), 48);
  const more = panel.locator('[data-testid="findings-more"]');
  assert.equal((await more.textContent()).trim(), `Show 50 more (${thousands(total - 50)} not shown)`);
  await more.click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="findings"] li').length === 100);
  await planner.switchLanguage();
  assert.equal((await more.textContent()).trim(), `再显示 50 条（还有 ${thousands(total - 100)} 条未显示）`);
  await more.scrollIntoViewIfNeeded();
  await planner.screenshot("screen-findings-more-zh-1280x800");
  await planner.switchLanguage();
  await more.scrollIntoViewIfNeeded();
  await planner.screenshot("screen-findings-more-en-1280x800");
  // Another plan opens at one page, from its first draw.
  await planner.dropFile("crowded-again.stackfit.json", crowdedPlan(1400));
  await page.waitForFunction((t) => document.querySelector('[data-testid="findings"] h2 .count')?.textContent !== String(t), total);
  assert.equal(await items.count(), 50);
  assert.deepEqual(errors, []);
  await context.close();
});
