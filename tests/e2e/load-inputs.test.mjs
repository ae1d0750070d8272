// Journey: a worker's load inputs in the inspector (issue 12 item 1) — S3's
// workers carry the report's load; the engine's derivation is shown in
// words (the option's ~100 tasks/h → 20–30 in flight); a changed rate moves
// the derivation and the finding, a bad value is named and leaves the plan,
// the finding's fix is applied from the section and undone; a web service
// takes requests per second and latency. In English and in Chinese, with
// screenshots at 1280×720.
import { test } from "node:test";
import assert from "node:assert/strict";

import { axeViolations, seriousOrCritical } from "./support/axe.mjs";
import { journey } from "./support/journey.mjs";

const j = journey();
const viewport = { width: 1280, height: 720 };

/** The server card of S3's option A, where the workers are. */
const serverA = (planner) => planner.serverCard("A 8C16G");

test("S3's worker shows its load and the derivation; a change, a bad value, the fix and undo", async () => {
  const { planner, page, context, errors } = await j.start({ viewport });
  await planner.openTemplate("s3-euraflow");
  await planner.serverCards().first().waitFor();
  await planner.selectForLoad("worker-high");

  // The template's load, in the fields' units: 50 tasks within 3 min, 36 s, p95 54 s.
  assert.deepEqual(await planner.loadValues(), { tasks: "50", window: "3", mean: "36", p95: "54" });
  assert.match(
    await planner.loadDerivation(),
    /~50 tasks\/h at peak, arriving within 3 min, 36–54 s each → 10–15 in flight → concurrency 13 \(×1\.25 of 10\)/,
  );
  // The option's three workers together: the report's 20–30 at once.
  assert.match(
    await planner.loadOption(),
    /~100 tasks\/h at peak, arriving within 3 min, 36–54 s each → 20–30 in flight → concurrency 26/,
  );
  const fix = planner.byTestId("load-fix");
  assert.equal((await fix.textContent()).trim(), "Set concurrency to 13, as the load needs");
  assert.match(await planner.byTestId("load-window-range").textContent(), /from 1\ss to 60\smin; empty: spread over the hour/);
  const before = await planner.expectedMib("A 8C16G");

  // Twice the tasks: the derivation, the option's line, the finding and its fix follow.
  await planner.enterLoad("load-tasks-per-hour", "100");
  await planner.waitForLoadWords("load-derivation", /~100 tasks\/h at peak.* → 20–30 in flight → concurrency 25 \(×1\.25 of 20\)/);
  await planner.waitForLoadWords("load-option", /~150 tasks\/h at peak.* → 30–45 in flight → concurrency 38/);
  assert.equal((await fix.textContent()).trim(), "Set concurrency to 25, as the load needs");
  const finding = planner.finding("load-needs-concurrency").filter({ hasText: "worker-high" });
  assert.match(await finding.textContent(), /its load needs concurrency 25/);
  // The memory diagram follows the plan's knobs, not the load: until the
  // fix is applied the worker still runs its 4 children.
  assert.equal(await planner.expectedMib("A 8C16G"), before);

  // Bad values are named in the field and leave the plan as it was.
  await planner.enterLoad("load-tasks-per-hour", "0");
  assert.equal(await planner.loadError("load-tasks-per-hour"), "Tasks per hour must be from 1 to 10,000,000; 0 was not applied.");
  await planner.enterLoad("load-p95", "10");
  assert.equal(await planner.loadError("load-p95"), "The p95 duration (10 s) is shorter than the mean (36 s); nothing was applied.");
  await planner.enterLoad("load-mean", "abc");
  assert.match(await planner.loadError("load-mean"), /“abc” is not a number/);
  assert.deepEqual(await planner.loadValues(), { tasks: "100", window: "3", mean: "36", p95: "54" });
  assert.match(await planner.loadDerivation(), /~100 tasks\/h/);
  await planner.byTestId("load-inputs").scrollIntoViewIfNeeded();
  await planner.screenshot("screen-inspector-load-en-1280x720");
  await planner.byTestId("load-option").scrollIntoViewIfNeeded();
  await planner.screenshot("screen-inspector-load-derivation-en-1280x720");

  // The finding's fix, from the section: the knob and the diagram change.
  await fix.click();
  await page.waitForFunction(() => document.querySelector('[data-testid="knob-concurrency"]')?.value === "25");
  await fix.waitFor({ state: "detached" });
  await planner.waitForLoadWords("load-derivation", /concurrency 25 .*as the plan has it/);
  assert.ok((await planner.expectedMib("A 8C16G")) > before, "21 more children take memory");

  // Undo: the fix, then the rate.
  await planner.undo();
  await page.waitForFunction(() => document.querySelector('[data-testid="knob-concurrency"]')?.value === "4");
  assert.equal(await planner.expectedMib("A 8C16G"), before);
  await planner.undo();
  await page.waitForFunction(() => document.querySelector('[data-testid="load-tasks-per-hour"]')?.value === "50");
  await planner.waitForLoadWords("load-derivation", /~50 tasks\/h/);

  // Emptying every field removes the load; until then nothing is applied.
  await planner.enterLoad("load-tasks-per-hour", "");
  assert.match(
    (await planner.byTestId("load-missing").textContent()).trim(),
    /^Still needed: tasks per hour\. Nothing is applied/,
  );
  assert.match(await planner.loadDerivation(), /~50 tasks\/h/);
  for (const id of ["load-window", "load-mean", "load-p95"]) await planner.enterLoad(id, "");
  await planner.byTestId("load-derivation").waitFor({ state: "detached" });
  assert.equal(await planner.byTestId("load-missing").textContent(), "");
  assert.equal(await planner.finding("load-needs-concurrency").filter({ hasText: "worker-high" }).count(), 0);
  await planner.undo();
  await planner.waitForLoadWords("load-derivation", /~50 tasks\/h/);
  assert.deepEqual(await planner.loadValues(), { tasks: "50", window: "3", mean: "36", p95: "54" });
  assert.equal(await serverA(planner).count(), 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test("in Chinese: the derivation, a refusal and the fix read as written, and a web service takes requests", async () => {
  const { planner, page, context, errors } = await j.start({ locale: "zh-CN", viewport });
  await planner.openTemplate("s3-euraflow");
  await planner.serverCards().first().waitFor();
  await planner.selectForLoad("worker-high");
  assert.match(
    await planner.loadDerivation(),
    /峰值每小时约 50 个任务，集中在 3 分钟内到达，每个 36–54 秒 → 同时在处理 10–15 个 → 并发数 13（10 的 1\.25 倍）/,
  );
  assert.match(await planner.loadOption(), /峰值每小时约 100 个任务.*同时在处理 20–30 个 → 并发 26/);
  assert.match(await planner.byTestId("load-mean-range").textContent(), /可填 0\.001 到 86,400\s秒之间/);

  await planner.enterLoad("load-p95", "10");
  assert.equal(await planner.loadError("load-p95"), "p95 耗时（10 秒）短于平均耗时（36 秒），未应用。");
  await planner.enterLoad("load-window", "90");
  assert.equal(await planner.loadError("load-window"), "到达窗口须在 1 秒到 60 分钟之间，未应用 90 分钟。");
  assert.deepEqual(await planner.loadValues(), { tasks: "50", window: "3", mean: "36", p95: "54" });
  await planner.byTestId("load-inputs").scrollIntoViewIfNeeded();
  await planner.screenshot("screen-inspector-load-zh-1280x720");
  await planner.byTestId("load-option").scrollIntoViewIfNeeded();
  await planner.screenshot("screen-inspector-load-derivation-zh-1280x720");
  assert.deepEqual(seriousOrCritical(await axeViolations(page)), [], "the section, refusals shown, passes axe");

  const fix = planner.byTestId("load-fix");
  assert.equal((await fix.textContent()).trim(), "按负载所需把并发数设为 13");
  await fix.click();
  await page.waitForFunction(() => document.querySelector('[data-testid="knob-concurrency"]')?.value === "13");
  await planner.waitForLoadWords("load-derivation", /并发数 13（10 的 1\.25 倍）.*与方案一致/);
  await planner.undo();
  await page.waitForFunction(() => document.querySelector('[data-testid="knob-concurrency"]')?.value === "4");

  // A web service: requests per second and latency, both needed.
  await planner.selectForLoad("api");
  assert.deepEqual(await planner.loadValues(), { rps: "", latency: "" });
  assert.equal(await planner.loadDerivation(), "");
  await planner.enterLoad("load-rps", "50");
  assert.match((await planner.byTestId("load-missing").textContent()).trim(), /^还需填写：平均延迟。填全后才会应用/);
  assert.equal(await planner.loadDerivation(), "", "nothing applied until the latency is in");
  await planner.enterLoad("load-latency", "200");
  await planner.waitForLoadWords("load-derivation", /峰值每秒 50 个请求，每个 200 毫秒 → 同时在处理 10 个/);
  await planner.byTestId("load-inputs").scrollIntoViewIfNeeded();
  await planner.screenshot("screen-inspector-load-web-zh-1280x720");
  await planner.undo();
  await planner.byTestId("load-derivation").waitFor({ state: "detached" });
  assert.deepEqual(errors, []);
  await context.close();
});
