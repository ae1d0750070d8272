// Journey: the inspector of a selected server or placement is not part of
// the first load. It runs in the extras, which load when the pointer first
// reaches the workspace or on the first selection; a load that takes a
// while says so, one that fails says why in the user's language and keeps
// the plan, and the next try loads it. Once there, it edits the page's plan:
// one plan, one undo history.
import { test } from "node:test";
import assert from "node:assert/strict";

import { journey } from "./support/journey.mjs";

const j = journey();

/** The files the page has fetched so far. */
const fetched = (page) => page.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name));
const extrasWasm = /\/stackfit-extras_bg\.wasm(\?|$)/;

test("the first load carries no inspector; the first selection loads it and it edits the page's plan", async () => {
  const { planner, page, context, errors } = await j.start({ viewport: { width: 1280, height: 900 } });
  assert.ok(!(await fetched(page)).some((u) => extrasWasm.test(u)), "the extras are not part of the first load");
  // The plan settings are the planner's own: there before any extras.
  assert.equal(await planner.byTestId("inspector-heading").textContent(), "Plan settings");
  assert.ok(!(await fetched(page)).some((u) => extrasWasm.test(u)));

  await planner.placementById("postgres").locator(".placement-name").click();
  const heading = planner.byTestId("inspector-selected").locator('[data-testid="inspector-heading"]');
  await heading.waitFor();
  assert.match(await heading.textContent(), /PostgreSQL/);
  assert.ok((await fetched(page)).some((u) => extrasWasm.test(u)), "the first selection loaded the extras");
  assert.equal(await planner.byTestId("inspector-heading").count(), 1, "the plan settings made way");
  await planner.screenshot("screen-inspector-loaded-en-1280x900");

  // A limit typed in the inspector changes the page's plan (its diagram),
  // and a knob typed as a run is one step of the page's undo history.
  const card = planner.serverCards().first();
  const diagram = () => card.locator('[data-testid="memory-diagram-text"]').textContent();
  assert.match(await diagram(), /PostgreSQL limit 512 MiB/);
  await planner.typeAndCommit("limit", "768M");
  await page.waitForFunction(() =>
    document.querySelector('[data-testid="server-card"] [data-testid="memory-diagram-text"]').textContent.includes("PostgreSQL limit 768 MiB"),
  );
  const field = planner.byTestId("knob-shared_buffers_mib");
  assert.equal(await field.inputValue(), "128");
  await field.fill("");
  await field.pressSequentially("900");
  await field.press("Enter");
  await planner.undo();
  await page.waitForFunction(() => document.querySelector('[data-testid="knob-shared_buffers_mib"]').value === "128");
  assert.match(await diagram(), /PostgreSQL limit 768 MiB/, "one undo took the typed run back, not the limit");
  await planner.undo();
  await page.waitForFunction(() =>
    document.querySelector('[data-testid="server-card"] [data-testid="memory-diagram-text"]').textContent.includes("PostgreSQL limit 512 MiB"),
  );
  assert.equal(await planner.byTestId("undo").isDisabled(), true);

  // Another selection, a server's, and back to the plan settings.
  await planner.serverCards().first().locator('[data-testid="server-label"]').focus();
  await planner.byTestId("private-address").waitFor();
  await planner.byTestId("show-plan-settings").click();
  await planner.byTestId("headroom-target").waitFor();
  assert.equal(await planner.byTestId("inspector-selected").isHidden(), true);
  assert.deepEqual(errors, []);
  await context.close();
});

test("an inspector slow to arrive says it is loading; one that cannot load says why and keeps the plan, in Chinese", async () => {
  const { planner, page, context, errors } = await j.start({ viewport: { width: 1280, height: 900 }, locale: "zh-CN" });
  await page.route(extrasWasm, (r) => r.fulfill({ status: 404, body: "not found" }));
  const name = await planner.byTestId("plan-name").inputValue();
  await planner.placementById("postgres").locator(".placement-name").click();
  const failed = planner.byTestId("inspector-failed");
  await failed.waitFor({ timeout: 20_000 });
  assert.match(await failed.locator("span").textContent(), /^检查器的程序文件没能加载（\.\/stackfit-extras_bg\.wasm: HTTP 404）。服务器上没有这个文件，网站可能正在更新：请刷新页面；仍然不行，请告诉网站的维护者。$/);
  assert.equal(await planner.byTestId("plan-name").inputValue(), name, "the plan on screen stays");
  await planner.screenshot("screen-inspector-failed-zh-1280x900");

  // The next try, slow this time: it says it is loading, then shows.
  await page.unroute(extrasWasm);
  await page.route(extrasWasm, async (r) => {
    await new Promise((done) => setTimeout(done, 1500));
    await r.continue();
  });
  await failed.locator("button").click();
  const loading = planner.byTestId("inspector-loading");
  await loading.waitFor();
  assert.equal(await loading.textContent(), "正在加载检查器…");
  await planner.screenshot("screen-inspector-loading-zh-1280x900");
  await planner.byTestId("inspector-selected").locator('[data-testid="inspector-heading"]').waitFor({ timeout: 20_000 });
  await loading.waitFor({ state: "detached" });
  assert.equal(await failed.count(), 0, "the message goes once the inspector shows");
  assert.deepEqual(errors.filter((e) => !/404|Failed to load resource/.test(e)), []);
  await context.close();
});
