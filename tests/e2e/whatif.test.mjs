// Journey: the load slider and the breaking points (issue 12). On S3 a drag
// of the slider changes the diagram and the verdict live, marks the option
// as shown at that load, is one undo step, and "back to ×1" returns; the
// keyboard moves it too; each server's breaking point is on the summary in
// English and Chinese and is not recomputed by the slider; screenshots at
// 1280×720 in both languages and at 390×844.
import { test } from "node:test";
import assert from "node:assert/strict";

import { journey } from "./support/journey.mjs";

const j = journey();

test("S3: dragging the load slider changes the diagram and the verdict; the breaking point stays", async () => {
  const { planner, page, context, errors } = await j.start({ viewport: { width: 1280, height: 720 } });
  await planner.openTemplate("s3-euraflow");
  await planner.pickOption("a-single");
  assert.equal(await planner.loadValue(), "×1");
  assert.equal(await planner.byTestId("load-mark").count(), 0);
  const before = await planner.breakingPoints();
  assert.equal(before.length, 1);
  assert.match(before[0].text, /^A 8C16G: (breaks at ×[\d.]+ \(.+ gives out first\)|already over at ×0\.5 \(.+\)|holds to ×10)$/);
  assert.ok(before[0].gives.length > 0);
  const card = planner.serverCard("A");
  const expected = await planner.expectedMib("A");
  const verdict = await card.getAttribute("data-verdict");
  const run = await planner.byTestId("breaking-points").getAttribute("data-run");

  // A mouse drag to the far end (×10): figures grow, the verdict gets worse.
  await planner.dragLoadTo(1);
  assert.equal(await planner.loadValue(), "×10");
  await page.waitForFunction(
    (e) => Number(document.querySelector('[data-testid="server-card"][data-server-label^="A"]').dataset.expectedMib) > e,
    expected,
  );
  assert.notEqual(await card.getAttribute("data-verdict"), verdict, "the verdict follows the load");
  assert.match(await planner.byTestId("load-mark").textContent(), /showing ×10 load/);
  assert.equal((await planner.byTestId("option-load-a-single").textContent()).trim(), "×10");
  assert.equal(await planner.loadSlider.getAttribute("aria-valuetext"), "×10");
  // The breaking point is relative to the plan as set: the slider does not move it.
  assert.deepEqual(await planner.breakingPoints(), before);
  assert.equal(await planner.byTestId("breaking-points").getAttribute("data-run"), run, "not recomputed");
  await planner.screenshot("whatif-en-1280");

  // The whole drag is one undo step.
  await planner.undo();
  assert.equal(await planner.loadValue(), "×1");
  assert.equal(await planner.expectedMib("A"), expected);
  assert.equal(await card.getAttribute("data-verdict"), verdict);

  // The keyboard: two steps right is ×1.5; back to ×1 in one click.
  await planner.nudgeLoad("ArrowRight", 2);
  assert.equal(await planner.loadValue(), "×1.5");
  assert.ok((await planner.expectedMib("A")) > expected);
  await planner.byTestId("load-reset").click();
  assert.equal(await planner.loadValue(), "×1");
  assert.equal(await planner.expectedMib("A"), expected);
  assert.equal(await planner.byTestId("load-reset").count(), 0);

  // The inspector shows what a worker's load needs, in the engine's words.
  await planner.selectPlacement("celery-prefork");
  const derivation = planner.byTestId("load-derivation");
  await derivation.waitFor();
  assert.match(await derivation.textContent(), /tasks\/h at peak.*in flight.*concurrency \d+/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the breaking point names what gives out, per server, in Chinese; a server past it is marked", async () => {
  const { planner, page, context, errors } = await j.start({ viewport: { width: 1280, height: 720 }, locale: "zh-CN" });
  await planner.openTemplate("s4-voc");
  const points = await planner.breakingPoints();
  assert.equal(points.length, 2);
  const b = points.find((p) => p.server === "b");
  assert.ok(b && b.load !== "none" && Number(b.load) < 1000, JSON.stringify(points));
  assert.equal(b.gives, "memory");
  assert.match(b.text, /在 ×0\.\d+ 时撑不住（先耗尽的是内存）/);
  // B is past its point at ×1 already.
  assert.equal(await page.locator('[data-testid="breaking-point"][data-server-id="b"].past').count(), 1);
  await planner.nudgeLoad("ArrowLeft", 2);
  assert.equal(await planner.loadValue(), "×0.5");
  assert.match(await planner.byTestId("load-mark").textContent(), /当前显示的是 ×0\.5 负载下的情况/);
  await planner.screenshot("whatif-zh-1280");
  assert.deepEqual(errors, []);
  await context.close();
});

test("the load slider on a phone", async () => {
  const { planner, context, errors } = await j.start({ viewport: { width: 390, height: 844 }, hasTouch: true });
  await planner.openTemplate("s3-euraflow", "template-menu-phone");
  await planner.nudgeLoad("ArrowRight", 4);
  assert.equal(await planner.loadValue(), "×2");
  await planner.byTestId("whatif").scrollIntoViewIfNeeded();
  await planner.screenshot("whatif-en-390");
  assert.deepEqual(errors, []);
  await context.close();
});
