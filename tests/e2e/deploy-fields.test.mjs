// Journey: the inspector fields the exports need — a placement's own
// environment lines, Celery queues, public flag and port; a server's
// private address — each an engine action (undo works), each refusal named
// in the field, and what was set is what the export writes.
import { test } from "node:test";
import assert from "node:assert/strict";

import { journey } from "./support/journey.mjs";

const j = journey();

async function selectById(planner, id) {
  await planner.placementById(id).locator(".placement-name").click();
  await planner.byTestId("inspector").locator('[data-testid="deploy"]').waitFor();
}

test("environment lines and queues are edited through the engine, refused in words, undone, exported", async () => {
  const { planner, page, context, errors } = await j.start({ viewport: { width: 1440, height: 900 } });
  await planner.openTemplate("s4-voc");
  await planner.serverCards().first().waitFor();
  await selectById(planner, "worker-insight");
  const inspector = planner.byTestId("inspector");
  assert.match(await inspector.locator('[data-testid="env-line-INSIGHT_PARALLEL_SIZE"]').textContent(), /INSIGHT_PARALLEL_SIZE\s*40/);
  assert.equal(await planner.byTestId("queues").inputValue(), "insight_extraction");

  // A line changed, one not readable, one the engine refuses.
  await planner.typeAndCommit("env-add", "INSIGHT_PARALLEL_SIZE=30");
  await inspector.locator('[data-testid="env-line-INSIGHT_PARALLEL_SIZE"]').locator("text=30").waitFor();
  assert.equal(await planner.byTestId("env-add").inputValue(), "", "the add field empties once applied");
  await planner.typeAndCommit("env-add", "NO_EQUALS_SIGN");
  assert.match(await planner.byTestId("env-add-error").textContent(), /Write it as NAME=value/);
  await planner.typeAndCommit("env-add", "1BAD=x");
  assert.match(await planner.byTestId("env-add-error").textContent(), /"1BAD" is not a valid name/);
  await planner.byTestId("env").scrollIntoViewIfNeeded();
  await planner.screenshot("screen-inspector-deploy-en-1440x900");

  // Queues: a bad name is refused and the field shows the plan's again.
  await planner.typeAndCommit("queues", "insight_extraction,no spaces");
  assert.match(await planner.byTestId("queues-error").textContent(), /"no spaces" is not a valid name/);
  assert.equal(await planner.byTestId("queues").inputValue(), "insight_extraction");
  await planner.typeAndCommit("queues", "insight_extraction, reports");
  await page.waitForFunction(() => document.querySelector('[data-testid="queues"]').value === "insight_extraction,reports");

  // What the inspector holds is what the export writes.
  await planner.openExport();
  const compose = await planner.exportTab("docker-compose.b.yml");
  assert.match(compose, /- "-Q"\n\s+- "insight_extraction,reports"/);
  assert.match(await planner.exportTab(".env.b"), /^WORKER_INSIGHT_INSIGHT_PARALLEL_SIZE=30$/m);
  await page.keyboard.press("Escape");

  // Undo walks back through the engine's history: the queues, then the line.
  await planner.undo();
  await page.waitForFunction(() => document.querySelector('[data-testid="queues"]').value === "insight_extraction");
  await planner.undo();
  await inspector.locator('[data-testid="env-line-INSIGHT_PARALLEL_SIZE"]').locator("text=40").waitFor();

  // Removing a line.
  await planner.byTestId("env-remove-INSIGHT_PARALLEL_SIZE").click();
  await inspector.locator('[data-testid="env-line-INSIGHT_PARALLEL_SIZE"]').waitFor({ state: "detached" });
  assert.deepEqual(errors, []);
  await context.close();
});

test("a database's password is generated at export, never typed into the plan", async () => {
  const { planner, context, errors } = await j.start({ locale: "zh-CN", viewport: { width: 1440, height: 900 } });
  await planner.openTemplate("s4-voc");
  await planner.serverCards().first().waitFor();
  await selectById(planner, "postgres");
  const fixed = planner.byTestId("env-fixed-POSTGRES_PASSWORD");
  assert.match(await fixed.textContent(), /POSTGRES_PASSWORD\s*导出时生成/);
  // Why the image needs it: its tooltip, from the catalog's citations file
  // (read when the pointer first reaches the list; the wasm leaves it out).
  assert.equal(await fixed.getAttribute("title"), null);
  await fixed.hover();
  await planner.page.waitForFunction(() => document.querySelector('[data-testid="env-fixed-POSTGRES_PASSWORD"]')?.title);
  assert.equal(await fixed.getAttribute("title"), "没有超级用户密码时，入口脚本拒绝初始化空的数据目录，容器直接退出");
  await planner.typeAndCommit("env-add", "POSTGRES_PASSWORD=hunter2");
  assert.equal(
    (await planner.byTestId("env-add-error").textContent()).trim(),
    "POSTGRES_PASSWORD 是机密：导出时在你的电脑上生成，不会保存在方案里。",
  );
  assert.equal(await planner.byTestId("inspector").locator('[data-testid^="env-line-"]').count(), 0);
  await planner.byTestId("env").scrollIntoViewIfNeeded();
  await planner.screenshot("screen-inspector-deploy-zh-1440x900");

  // Public and its port: an engine action each, undone by undo.
  const pub = planner.byTestId("public");
  assert.equal(await pub.isChecked(), false);
  await pub.check();
  assert.equal(await pub.isChecked(), true);
  await planner.typeAndCommit("port", "70000");
  assert.match(await planner.byTestId("port-error").textContent(), /端口须在 1 到 65535 之间/);
  await planner.typeAndCommit("port", "5433");
  await planner.openExport();
  assert.match(await planner.exportTab("docker-compose.a.yml"), /- "5433:5433"/);
  await planner.page.keyboard.press("Escape");
  await planner.undo();
  await planner.undo();
  assert.equal(await pub.isChecked(), false);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a server's private address is set in the inspector and written where other servers reach it", async () => {
  const { planner, page, context, errors } = await j.start({ viewport: { width: 1440, height: 900 } });
  await planner.openTemplate("s4-voc");
  await planner.serverCards().first().locator('[data-testid="server-label"]').focus();
  const address = planner.byTestId("private-address");
  await address.waitFor();
  assert.equal(await address.inputValue(), "192.168.36.36");
  await planner.typeAndCommit("private-address", "10.0.0.5");
  await planner.openExport();
  assert.match(await planner.exportTab("docker-compose.b.yml"), /POSTGRES_HOST: "10\.0\.0\.5"/);
  await page.keyboard.press("Escape");
  await planner.focusReturnsTo("export-open");
  // Emptied: the export asks for it in .env instead of inventing one.
  await planner.serverCards().first().locator('[data-testid="server-label"]').focus();
  await address.fill("");
  await address.press("Enter");
  await planner.openExport();
  assert.match(await planner.exportTab("docker-compose.b.yml"), /POSTGRES_HOST: "\$\{SERVER_A_PRIVATE_ADDRESS/);
  await page.keyboard.press("Escape");
  await planner.focusReturnsTo("export-open");
  await planner.undo();
  await planner.serverCards().first().locator('[data-testid="server-label"]').focus();
  await page.waitForFunction(() => document.querySelector('[data-testid="private-address"]')?.value === "10.0.0.5");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a pool's database password and address come from its database at export, in both languages", async () => {
  for (const [locale, password, address] of [
    ["zh-CN", "导出时取所依赖数据库的密码", "导出时取所依赖数据库的地址"],
    ["en-US", "its database's password, at export", "its database's address, at export"],
  ]) {
    const { planner, page, context, errors } = await j.start({ locale, viewport: { width: 1440, height: 900 } });
    await planner.serverCards().first().waitFor();
    await planner.paletteItem("pgbouncer").focus();
    await page.keyboard.press("Enter");
    await planner.byTestId("place-menu").locator('[role="menuitem"]').first().click();
    await planner.placements("pgbouncer").waitFor();
    assert.equal((await planner.byTestId("env-fixed-DB_PASSWORD").locator("em").textContent()).trim(), password);
    assert.equal((await planner.byTestId("env-fixed-DB_HOST").locator("em").textContent()).trim(), address);
    // Never typed into the plan, like any generated secret.
    await planner.typeAndCommit("env-add", "DB_PASSWORD=hunter2");
    assert.match(await planner.byTestId("env-add-error").textContent(), /DB_PASSWORD/);
    assert.equal(await planner.byTestId("inspector").locator('[data-testid^="env-line-"]').count(), 0);
    assert.deepEqual(errors, []);
    await context.close();
  }
});
