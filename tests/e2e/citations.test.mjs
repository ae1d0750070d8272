// Journey: a placement's figures and where they come from. The inspector
// says how sure its memory figures are (the report's basis: the catalog
// with its grade, the user's measurement, or an assumption); opening
// "where the figures come from" lists each default's citation, read from
// catalog/citations.tsv, which the first load does not fetch. A file that
// cannot be read is said in the user's language and can be retried.
import { test } from "node:test";
import assert from "node:assert/strict";

import { journey } from "./support/journey.mjs";

const j = journey();

async function select(planner, id) {
  await planner.placementById(id).locator(".placement-name").click();
  await planner.byTestId("citations").waitFor();
}

test("the inspector cites each default, fetched when opened, and says how sure the figures are", async () => {
  const { planner, page, context, errors } = await j.start({ locale: "zh-CN", viewport: { width: 1440, height: 900 } });
  const asked = [];
  page.on("request", (r) => {
    if (r.url().includes("citations.tsv")) asked.push(r.url());
  });
  await planner.serverCards().first().waitFor();
  await select(planner, "postgres");
  const panel = planner.byTestId("citations");
  const basis = () => panel.locator('[data-testid="basis"]').textContent();
  // S0's figures are the report's example output: an estimate.
  assert.equal(await basis(), "估算");
  // Without it, the catalog's figures, with their grade; with the user's own, measured.
  await planner.typeAndCommit("measured", "");
  await page.waitForFunction(() => /^有出处（[ABC] 级）$/.test(document.querySelector('[data-testid="basis"]')?.textContent));
  await planner.typeAndCommit("measured", "300");
  await page.waitForFunction(() => document.querySelector('[data-testid="basis"]')?.textContent === "实测");
  assert.deepEqual(asked, [], "the citations are not part of the first load");

  await panel.locator("summary").click();
  const figure = panel.locator('[data-testid="citation-shared_buffers_mib"]');
  await figure.waitFor();
  // One citation, the figures it backs listed together under it.
  const item = panel.locator("li", { has: page.getByTestId("citation-shared_buffers_mib") });
  assert.equal(asked.length, 1);
  assert.match(asked[0], /\/catalog\/citations\.tsv\?v=[0-9a-f]+$/, "asked for as of this deploy");
  assert.equal(await figure.textContent(), "shared_buffers：128 MiB");
  assert.deepEqual((await item.locator('[data-testid^="citation-"]').allTextContents()).slice(0, 3), [
    "shared_buffers：128 MiB",
    "最大连接数：100",
    "work_mem：4 MiB",
  ]);
  // Each figure with its note: what the default is and why.
  assert.equal(await figure.locator("xpath=..").locator(".cited-note").textContent(), "PostgreSQL default 128MB");
  assert.equal(await item.locator(".grade").textContent(), "A 级");
  const link = item.locator("a.cited-title");
  assert.match(await link.getAttribute("href"), /^https:\/\/www\.postgresql\.org\/docs\//);
  assert.equal(await link.getAttribute("target"), "_blank");
  assert.match(await item.locator(".cited-date").textContent(), /^\d{4}-\d{2}-\d{2}$/);
  await panel.scrollIntoViewIfNeeded();
  await planner.screenshot("screen-inspector-citations-zh-1440x900");

  // Another placement shows its own citations at once: the file is read once.
  await select(planner, "redis");
  await planner.byTestId("citations").locator("summary").click();
  await planner.byTestId("citations").locator('[data-testid^="citation-"]').first().waitFor();
  assert.equal(asked.length, 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test("English words, and a sources file that cannot be read is said and retried", async () => {
  const { planner, page, context, errors } = await j.start({ locale: "en-US", viewport: { width: 1440, height: 900 } });
  await planner.serverCards().first().waitFor();
  await page.route("**/catalog/citations.tsv*", (route) => route.fulfill({ status: 404, body: "not found" }));
  await select(planner, "postgres");
  const panel = planner.byTestId("citations");
  assert.equal(await panel.locator('[data-testid="basis"]').textContent(), "estimated");
  await panel.locator("summary").click();
  const error = panel.locator('[data-testid="citations-error"]');
  await error.waitFor();
  assert.equal(
    await error.textContent(),
    "The sources file catalog/citations.tsv could not be read (HTTP 404). Close and open this again to retry.",
  );
  // The plan is as it was: the failure touched nothing but this panel.
  assert.equal(await planner.serverCards().count() > 0, true);

  await page.unroute("**/catalog/citations.tsv*");
  await panel.locator("summary").click(); // closes
  await panel.locator("summary").click(); // opens again: read again
  const figure = panel.locator('[data-testid="citation-max_connections"]');
  await figure.waitFor();
  const item = panel.locator("li", { has: page.getByTestId("citation-max_connections") });
  assert.equal(await figure.textContent(), "max_connections: 100");
  assert.equal(await item.locator(".grade").textContent(), "grade A");
  await panel.scrollIntoViewIfNeeded();
  await planner.screenshot("screen-inspector-citations-en-1440x900");
  // The one console error is the browser's own line for the refused file.
  assert.deepEqual(
    errors.filter((e) => !/404/.test(e)),
    [],
  );
  await context.close();
});

test("selecting the placement already selected keeps its open sources and a field's refusal as they are", async () => {
  const { planner, page, context, errors } = await j.start();
  await select(planner, "postgres");
  const panel = planner.byTestId("citations");
  await panel.locator("summary").click();
  await panel.locator('[data-testid="citation-shared_buffers_mib"]').waitFor();
  // A refused value: its message stays until the user fixes it.
  await planner.typeAndCommit("replicas", "0");
  const refusal = planner.byTestId("inspector").locator('[role="alert"]').filter({ hasText: /\S/ });
  await refusal.first().waitFor();
  const said = await refusal.first().textContent();
  // The same chip clicked again, with the mouse and with Enter.
  await planner.placementById("postgres").locator(".placement-name").click();
  await planner.placementById("postgres").locator(".placement-name").press("Enter");
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  assert.equal(await panel.evaluate((d) => d.open), true, "the sources stay open");
  assert.equal(await panel.locator('[data-testid="citation-shared_buffers_mib"]').count(), 1);
  assert.equal(await refusal.first().textContent(), said, "the refusal stays");
  assert.deepEqual(errors, []);
  await context.close();
});
