// Journey: the compare view — every option side by side with the cost
// chart (an unknown price drawn as unknown, never as ¥0), differences
// against a baseline the user picks (the options table follows), today's
// setup marked for comparison and never recommended, the rule stated; the
// change is one undo step; axe finds nothing serious in the dialog.
import { test } from "node:test";
import assert from "node:assert/strict";

import { journey } from "./support/journey.mjs";
import { axeViolations, seriousOrCritical } from "./support/axe.mjs";

const j = journey();

async function delta(planner, option) {
  return (await planner.comparisonRow(option).locator('[data-testid="comparison-delta"]').textContent()).trim();
}

test("the compare view compares against the baseline the user picks", async () => {
  const { planner, page, context, errors } = await j.start({ viewport: { width: 1440, height: 900 } });
  await planner.openTemplate("s3-euraflow");
  await planner.byTestId("option-compare").waitFor();
  await planner.openCompare();
  const view = planner.compareView;

  // Every option, one bar each; today's 2C4G has no known price: a box that says so.
  assert.equal(await view.locator('[data-testid="comparison-row"]').count(), 9);
  assert.equal(await planner.costBars().count(), 9);
  const unknown = planner.costBars().and(page.locator('[data-option-id="now"]'));
  assert.equal(await unknown.getAttribute("data-unknown"), "true");
  assert.match(await unknown.textContent(), /price unknown \(not counted as 0\)/);
  assert.match(await planner.comparisonRow("now").locator('[data-testid="comparison-monthly"]').textContent(), /unknown/);

  // The first option is the baseline at first; the recommendation follows the stated rule.
  assert.equal(await delta(planner, "a-single"), "—");
  assert.equal(await delta(planner, "b-split"), "+¥1,200.00");
  assert.match(await view.locator('[data-testid="compare-rule"]').textContent(), /Recommended: the cheapest option that fits/);
  assert.equal(await planner.comparisonRow("a-tencent").locator('[data-testid="comparison-recommended"]').count(), 1);
  assert.match(await planner.comparisonRow("a-single").locator('[data-testid="comparison-price-sources"]').textContent(), /the plan's own price/);
  assert.deepEqual(seriousOrCritical(await axeViolations(page)), [], "the compare view");

  // B as the baseline: differences against B, here and in the options table.
  await view.locator('[data-testid="compare-baseline"]').selectOption("b-split");
  await page.waitForFunction(() => document.querySelector('[data-testid="comparison-row"][data-option-id="b-split"] [data-testid="comparison-delta"]').textContent.trim() === "—");
  assert.equal(await delta(planner, "a-single"), "-¥1,200.00");
  assert.equal(await delta(planner, "a-tencent"), "-¥1,250.00");
  assert.equal(await planner.comparisonRow("b-split").locator('[data-testid="comparison-baseline"]').count(), 1);
  assert.match(await view.locator('[data-testid="cost-chart"] svg.wide').textContent(), /baseline: B: split web/);
  await planner.settle(300);
  await planner.screenshot("compare-baseline-b");
  await planner.closeDialog();
  // Focus goes back to the button.
  await planner.focusReturnsTo("compare-open");
  assert.match(await planner.byTestId("option-compare").locator("thead").textContent(), /vs\. B: split web/);
  assert.equal((await planner.compareRow("b-split").locator('[data-testid="compare-delta"]').textContent()).trim(), "—");
  assert.equal((await planner.compareRow("a-single").locator('[data-testid="compare-delta"]').textContent()).trim(), "-¥1,200.00");

  // Marked as today's setup, the recommended option is compared but no longer recommended.
  await planner.openCompare();
  await planner.comparisonRow("a-tencent").locator('[data-testid="reference-toggle"]').check();
  await planner.comparisonRow("a-tencent").locator('[data-testid="comparison-reference"]').waitFor();
  assert.equal(await planner.comparisonRow("a-tencent").locator('[data-testid="comparison-recommended"]').count(), 0);
  assert.equal(await planner.comparisonRow("a-single").locator('[data-testid="comparison-recommended"]').count(), 1);
  await planner.closeDialog();

  // Each change is an undo step.
  await planner.undo();
  await planner.openCompare();
  assert.equal(await planner.comparisonRow("a-tencent").locator('[data-testid="comparison-recommended"]').count(), 1);
  assert.equal(await delta(planner, "b-split"), "—", "the baseline is still B");
  await planner.closeDialog();
  await planner.undo();
  await planner.openCompare();
  assert.equal(await delta(planner, "a-single"), "—", "back to the first option");
  assert.deepEqual(errors, []);
  await context.close();
});

test("the compare view in Chinese", async () => {
  const { planner, page, context, errors } = await j.start({ locale: "zh-CN" });
  await planner.openTemplate("s3-euraflow");
  await planner.openCompare();
  const view = planner.compareView;
  assert.match(await view.locator("h2").first().textContent(), /方案对比/);
  assert.match(await view.locator('[data-testid="compare-rule"]').textContent(), /推荐规则/);
  assert.match(await planner.costBars().and(page.locator('[data-option-id="now"]')).textContent(), /价格未知（未计为 0）/);
  assert.deepEqual(seriousOrCritical(await axeViolations(page)), [], "the compare view in Chinese");
  assert.deepEqual(errors, []);
  await context.close();
});

test("an edit made while the compare view's code is still loading is not undone by the view", async () => {
  const { planner, page, context, errors } = await j.start({ viewport: { width: 1440, height: 900 } });
  await planner.openTemplate("s3-euraflow");
  await planner.byTestId("option-compare").waitFor();
  // The extras' code takes a while on this connection.
  let release;
  const held = new Promise((r) => (release = r));
  await page.route("**/stackfit-extras_bg.wasm*", async (route) => {
    await held;
    await route.continue();
  });
  await planner.byTestId("compare-open").click();
  await planner.byTestId("extras-loading").waitFor();
  // Meanwhile the plan is renamed.
  await planner.byTestId("plan-name").fill("S3 for the board");
  await planner.byTestId("plan-name").press("Enter");
  release();
  await planner.compareView.waitFor();
  // A change in the view (another baseline) comes back with the new name kept.
  await planner.compareView.locator('[data-testid="compare-baseline"]').selectOption("b-split");
  await planner.closeDialog();
  await planner.compareView.waitFor({ state: "detached" });
  assert.equal(await planner.byTestId("plan-name").inputValue(), "S3 for the board");
  assert.deepEqual(errors, []);
  await context.close();
});

for (const [locale, words] of [
  ["en-US", { none: "no servers yet", summary: /^No servers yet: add one$/ }],
  ["zh-CN", { none: "尚无服务器", summary: /^尚无服务器：先添加一台$/ }],
]) {
  test(`an option without servers is neither judged nor priced at ¥0 (${locale})`, async () => {
    const { planner, page, context, errors } = await j.start({ locale, viewport: { width: 1440, height: 900 } });
    const before = await planner.byTestId("option-tabs").locator(".option-tab").count();
    await planner.byTestId("option-add").click();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="option-tabs"] .option-tab').length === n + 1, before);
    const tab = planner.byTestId("option-tabs").locator(".option-tab.active");
    const id = (await tab.getAttribute("data-testid")).replace("option-tab-", "");
    // The summary: no badge, no ¥0.
    assert.equal(await planner.byTestId("verdict").getAttribute("data-verdict"), null);
    assert.match((await planner.byTestId("option-limited-by").textContent()).trim(), words.summary);
    assert.equal(await planner.totalMonthly(), "—");
    assert.equal((await planner.byTestId("total-yearly").textContent()).trim(), "—");
    assert.equal(await tab.locator(".verdict").count(), 0, "no verdict on its tab");
    // The options table and the compare view say the same.
    const row = planner.compareRow(id);
    assert.equal(await row.locator(".verdict").count(), 0);
    assert.match(await row.textContent(), new RegExp(words.none));
    assert.doesNotMatch(await row.textContent(), /¥0\.00/);
    await planner.openCompare();
    const compared = planner.comparisonRow(id);
    assert.equal((await compared.locator('[data-testid="comparison-monthly"]').textContent()).trim(), "—");
    assert.equal((await compared.locator('[data-testid="comparison-delta"]').textContent()).trim(), "—");
    const bar = planner.costBars().and(page.locator(`[data-option-id="${id}"]`));
    assert.equal(await bar.locator("rect").count(), 0, "no bar of ¥0");
    assert.match(await bar.textContent(), new RegExp(words.none));
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test("an option of managed services is priced by its quote and not judged", async () => {
  const { planner, context, errors } = await j.start({ locale: "zh-CN" });
  await planner.openTemplate("s3-euraflow");
  await planner.pickOption("c-cloud-native");
  assert.equal(await planner.byTestId("verdict").getAttribute("data-verdict"), null);
  assert.equal((await planner.byTestId("option-limited-by").textContent()).trim(), "按整体报价计费，没有服务器可评估");
  assert.equal(await planner.totalMonthly(), "¥3,000.00");
  const quote = (await planner.byTestId("option-quote").textContent()).trim();
  assert.match(quote, /^这是整个方案的报价：¥3,000\.00\/月（方案中没有自建服务器）。来源：/);
  assert.doesNotMatch(quote, /0 台|（）/);
  assert.match(await planner.compareRow("c-cloud-native").textContent(), /未评估¥3,000\.00/);
  assert.deepEqual(errors, []);
  await context.close();
});
