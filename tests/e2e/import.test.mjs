// Journeys through the import dialog (issue 11): a real stack's compose
// file (tests/corpus/immich) with a team's override file, its .env and a
// docker stats capture, pasted → the preview lists what was recognised,
// assumed and ignored, with the verdict → confirmed as a new plan, the old
// one kept, the images, commands, environment, ports and mounts the stack ran kept for the export (its secrets by name, generated anew), and the export written with them; as an option and merged into the option on screen, each taken
// back by one undo; broken YAML named by file:line:column in both
// languages with confirm disabled; files chosen and dropped; axe on the
// dialog; screenshots in both languages on a laptop and a phone.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

import { journey } from "./support/journey.mjs";
import { ReportPage } from "./pages/report.mjs";
import { axeViolations, seriousOrCritical } from "./support/axe.mjs";

const j = journey();
const FIXTURES = "tests/e2e/fixtures/import";
const fixture = (name) => readFileSync(`${FIXTURES}/${name}`, "utf8");
const COMPOSE = fixture("docker-compose.yml");
const OVERRIDE = fixture("docker-compose.override.yml");
const ENV = fixture(".env");
const STATS = fixture("docker-stats.txt");
const SMALL = "name: shop\nservices:\n  db:\n    image: postgres:16\n  cache:\n    image: redis:7\n";

/** Pastes the immich stack: two compose files (in -f order), .env, stats. */
async function pasteImmich(planner) {
  await planner.importPaste("compose-0", COMPOSE);
  await planner.byTestId("import-add-compose").click();
  await planner.importPaste("compose-1", OVERRIDE);
  await planner.importPaste("env", ENV);
  await planner.importPaste("stats", STATS);
  await planner.importSettled();
}

test("a real stack pasted with its .env and docker stats becomes a new plan; the old one stays", async () => {
  const { planner, page, context, errors } = await j.start({ viewport: { width: 1280, height: 800 } });
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  await planner.serverCards().first().waitFor();
  const before = await planner.byTestId("plan-name").inputValue();

  await planner.openImport();
  assert.ok(!requests.some((u) => u.includes("stackfit-tools")), "the importer loads only once there is something to import");
  assert.equal(await planner.byTestId("import-confirm").isDisabled(), true, "nothing to import yet");
  await pasteImmich(planner);
  assert.ok(requests.some((u) => /stackfit-tools_bg\.wasm\?v=[0-9a-f]+$/.test(u)), "the worker imports");

  const recognised = await planner.importList("import-recognised");
  for (const [name, entry] of [
    ["immich-server", "Immich server"],
    ["immich-machine-learning", "Immich machine learning"],
    ["redis", "Valkey"],
    ["database", "PostgreSQL"],
  ]) {
    const line = recognised.find((l) => l.startsWith(name));
    assert.ok(line?.includes(entry), `${name} recognised as ${entry}: ${recognised.join(" | ")}`);
  }
  assert.match(recognised.find((l) => l.startsWith("immich-server")), /measured 413\sMiB/);
  const assumed = await planner.importList("import-assumed");
  assert.equal(assumed.length, 1);
  assert.match(assumed[0], /^backup/);
  assert.match(assumed[0], /docker-compose\.2\.yml:\d+:\d+/, "where it is defined");
  const idle = await planner.importList("import-not-running");
  assert.match(idle.join(" "), /migrate.*one-shot/);
  const unknown = await planner.importList("import-unknown-containers");
  assert.match(unknown.join(" "), /portainer/);
  const verdict = await planner.byTestId("import-verdict").getAttribute("data-verdict");
  assert.ok(["fits", "tight", "oom-risk", "does-not-fit"].includes(verdict));
  assert.equal(await planner.byTestId("import-errors").count(), 0);

  await planner.byTestId("import-confirm").click();
  await planner.byTestId("import-dialog").waitFor({ state: "detached" });
  assert.equal(await planner.byTestId("plan-name").inputValue(), "Imported: immich");
  for (const id of ["immich-server", "immich-machine-learning", "redis", "database", "backup"]) {
    await planner.placementById(id).waitFor();
  }
  assert.equal(await planner.placementById("migrate").count(), 0, "the one-shot job is not placed");
  assert.equal(await planner.verdict(), verdict, "the board's verdict is the preview's");
  assert.match(await planner.announced(), /Imported as a new plan/);
  await page.waitForFunction(() => document.activeElement?.dataset?.testid === "import-open");
  // The plan that was on screen is still saved, unchanged.
  await planner.byTestId("plan-menu").click();
  const saved = await planner.byTestId("saved-plan").allTextContents();
  assert.ok(saved.some((s) => s.includes(before)), `${before} in ${saved.join(" | ")}`);
  await page.keyboard.press("Escape");
  // What the stack ran and mounted is what the plan keeps for the export:
  // immich's own PostgreSQL build (not the catalog's) on its data directory.
  await planner.placementById("database").locator(".placement-name").click();
  const kept = planner.byTestId("inspector").locator('[data-testid="deploy-kept"]');
  assert.match(await kept.locator('[data-testid="kept-image"]').textContent(), /^ghcr\.io\/immich-app\/postgres:14-vectorchord/);
  assert.deepEqual(await kept.locator('[data-testid="kept-mount"]').allTextContents(), ["./postgres:/var/lib/postgresql/data"]);
  await planner.placementById("immich-server").locator(".placement-name").click();
  assert.deepEqual(await kept.locator('[data-testid="kept-mount"]').allTextContents(), ["./library:/data", "/etc/localtime:/etc/localtime:ro"]);
  assert.deepEqual(await kept.locator('[data-testid="kept-port"]').allTextContents(), ["2283:2283"]);
  // Its environment (the .env it reads), less the secrets, is the placement's own.
  const envLine = (name) => planner.byTestId("inspector").locator(`[data-testid="env-line-${name}"]`);
  assert.match(await envLine("IMMICH_VERSION").textContent(), /v1\.135\.3/);
  assert.equal(await envLine("DB_PASSWORD").count(), 0, "a secret stays out of the plan");
  // The machine-learning service read DB_PASSWORD from the .env too: kept
  // by name, a new value generated at export.
  await planner.placementById("immich-machine-learning").locator(".placement-name").click();
  const secret = planner.byTestId("inspector").locator('[data-testid="env-secret-DB_PASSWORD"]');
  assert.match(await secret.textContent(), /generated at export \(DB_PASSWORD\)/);
  assert.equal(await envLine("DB_PASSWORD").count(), 0, "no value in the plan");
  await planner.byTestId("env").scrollIntoViewIfNeeded();
  await planner.screenshot("screen-inspector-kept-secret-en-1280x800");
  // A setting taken for a secret can be let go (and the undo brings it back).
  const letGo = planner.byTestId("secret-remove-DB_PASSWORD");
  assert.equal(await letGo.getAttribute("aria-label"), "Stop writing DB_PASSWORD at export");
  await letGo.click();
  await secret.waitFor({ state: "detached" });
  await planner.byTestId("undo").click();
  await secret.waitFor();
  // The same in Chinese.
  await planner.byTestId("lang-switch").click();
  await page.waitForFunction(() => document.querySelector('[data-testid="env-secret-DB_PASSWORD"]')?.textContent.includes("导出时生成"));
  assert.equal(await letGo.getAttribute("aria-label"), "导出时不再写入 DB_PASSWORD");
  await planner.byTestId("env").scrollIntoViewIfNeeded();
  await planner.screenshot("screen-inspector-kept-secret-zh-1280x800");
  await planner.byTestId("lang-switch").click();
  await page.waitForFunction(() => document.querySelector('[data-testid="env-secret-DB_PASSWORD"]')?.textContent.includes("generated at export"));
  // The sidecar's own command, as a shell would read it.
  await planner.placementById("backup").locator(".placement-name").click();
  assert.deepEqual(await kept.locator('[data-testid="kept-command"]').allTextContents(), ['pg-backup --schedule "0 3 * * *" --keep 7']);
  assert.deepEqual(errors, []);
  await context.close();
});

test("an imported stack exports with its own command, environment and one shared password", async () => {
  const { planner, context, errors } = await j.start({ viewport: { width: 1280, height: 800 } });
  await planner.serverCards().first().waitFor();
  await planner.openImport();
  await pasteImmich(planner);
  await planner.byTestId("import-confirm").click();
  await planner.byTestId("import-dialog").waitFor({ state: "detached" });
  await planner.placementById("backup").waitFor();
  await planner.openExport();
  const names = await planner.exportTabNames();
  const compose = await planner.exportTab(names.find((n) => n.startsWith("docker-compose.")));
  assert.match(compose, /backup:[\s\S]*command:\s*\n\s*- pg-backup\n\s*- "--schedule"\n\s*- "0 3 \* \* \*"/, "the sidecar runs its own command");
  assert.match(compose, /IMMICH_VERSION: "\$\{[A-Z_]*IMMICH_VERSION\}"/, "its environment is passed on");
  // The database and its clients read one generated password.
  assert.match(compose, /POSTGRES_PASSWORD: "\$\{DB_PASSWORD\}"/);
  assert.equal((compose.match(/ DB_PASSWORD: "\$\{DB_PASSWORD\}"/g) ?? []).length, 2, "immich-server and machine learning");
  const env = await planner.exportTab(names.find((n) => n.startsWith(".env.") && n !== ".env.swarm"));
  assert.match(env, /^DB_PASSWORD=\S{16,}$/m, "generated on this machine");
  assert.doesNotMatch(env, /^DB_PASSWORD=postgres$/m, "not the value the .env had");
  assert.match(env, /^[A-Z_]*IMMICH_VERSION=v1\.135\.3$/m);
  assert.deepEqual(errors, []);
  await context.close();
});

test("imported as an option or merged into the option on screen, one undo takes it back", async () => {
  const { planner, page, context, errors } = await j.start({ viewport: { width: 1280, height: 800 } });
  await planner.serverCards().first().waitFor();
  const tabs = () => page.locator('[data-testid^="option-tab-"]').count();
  const optionsBefore = await tabs();
  const cardsBefore = await planner.serverCards().count();
  const name = await planner.byTestId("plan-name").inputValue();

  await planner.openImport();
  await planner.importPaste("compose-0", SMALL);
  await planner.importSettled();
  await planner.byTestId("import-as-option").check();
  await planner.byTestId("import-confirm").click();
  await planner.byTestId("import-dialog").waitFor({ state: "detached" });
  assert.equal(await tabs(), optionsBefore + 1);
  assert.equal(await planner.byTestId("plan-name").inputValue(), name, "the same plan");
  await planner.placementById("db").waitFor();
  assert.match(await page.locator('[data-testid^="option-tab-"].active').textContent(), /Imported: shop/);
  await planner.undo();
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid^="option-tab-"]').length === n, optionsBefore);

  // The dialog kept what was pasted: merge it into the option on screen.
  await planner.openImport();
  await planner.importSettled();
  await planner.byTestId("import-as-merge").check();
  await planner.byTestId("import-confirm").click();
  await planner.byTestId("import-dialog").waitFor({ state: "detached" });
  assert.equal(await planner.serverCards().count(), cardsBefore + 1);
  assert.equal(await tabs(), optionsBefore);
  await planner.undo();
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="server-card"]').length === n, cardsBefore);
  await planner.redo();
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="server-card"]').length === n, cardsBefore + 1);
  assert.deepEqual(errors, []);
  await context.close();
});

for (const [locale, heading, blocked] of [
  ["en-US", /Errors \(\d+\)/, /error\(s\) above/],
  ["zh-CN", /错误（\d+）/, /个错误，改正后才能导入/],
]) {
  test(`broken YAML is named by file:line:column (${locale}) and blocks the import`, async () => {
    const { planner, context, errors } = await j.start({ locale, viewport: { width: 1280, height: 800 } });
    await planner.serverCards().first().waitFor();
    await planner.openImport();
    await planner.importPaste("compose-0", "services:\n  web:\n    image: nginx\n   ports: [80\n");
    await planner.importSettled();
    assert.match(await planner.byTestId("import-errors").locator("h3").textContent(), heading);
    const first = await planner.byTestId("import-error").first().textContent();
    assert.match(first, /^docker-compose\.yml:\d+:\d+ /);
    if (locale === "zh-CN") assert.match(first, /[\u4e00-\u9fff]/, "the message is in Chinese");
    assert.equal(await planner.byTestId("import-confirm").isDisabled(), true);
    assert.match(await planner.byTestId("import-blocked").textContent(), blocked);
    assert.equal(await planner.byTestId("import-verdict").count(), 0);
    // Fixing the line makes it importable.
    await planner.byTestId("import-text").fill("services:\n  web:\n    image: nginx\n    ports: [80]\n");
    await planner.importSettled();
    assert.equal(await planner.byTestId("import-errors").count(), 0);
    assert.equal(await planner.byTestId("import-confirm").isDisabled(), false);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test("files chosen or dropped go to their tabs: compose files in order, .env, docker stats", async () => {
  const { planner, page, context, errors } = await j.start({ viewport: { width: 1280, height: 800 } });
  await planner.serverCards().first().waitFor();
  await planner.openImport();
  // Chosen: the stats capture and .env by their header and name.
  await planner.byTestId("import-file-input").setInputFiles([
    `${FIXTURES}/docker-stats.txt`,
    `${FIXTURES}/.env`,
  ]);
  await planner.byTestId("import-tab-stats").waitFor();
  await page.waitForFunction(() => document.querySelector('[data-testid="import-tab-env"]')?.getAttribute("aria-selected") === "true");
  assert.match(await planner.byTestId("import-text").inputValue(), /^UPLOAD_LOCATION=/m);
  await planner.byTestId("import-tab-stats").click();
  assert.match(await planner.byTestId("import-text").inputValue(), /^CONTAINER ID/);
  // Dropped: two compose files together, in order.
  const dropped = await page.evaluateHandle(
    ([a, b]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([a], "docker-compose.yml"));
      dt.items.add(new File([b], "docker-compose.override.yml"));
      return dt;
    },
    [COMPOSE, OVERRIDE],
  );
  await planner.byTestId("import-dialog").locator(".import-input").dispatchEvent("drop", { dataTransfer: dropped });
  await planner.byTestId("import-tab-compose-1").waitFor();
  const names = await planner.byTestId("import-dialog").locator('[role="tab"] .export-tab-name').allTextContents();
  assert.deepEqual(names, ["docker-compose.yml", "docker-compose.override.yml", ".env", "docker stats"]);
  await planner.importSettled();
  assert.equal((await planner.importList("import-assumed")).length, 1, "the override's backup service");
  assert.match((await planner.importList("import-unknown-containers")).join(" "), /portainer/);
  assert.equal(await planner.byTestId("import-confirm").isDisabled(), false);
  // Escape closes and gives focus back to the button.
  await page.keyboard.press("Escape");
  await planner.byTestId("import-dialog").waitFor({ state: "detached" });
  await page.waitForFunction(() => document.activeElement?.dataset?.testid === "import-open");
  assert.deepEqual(errors, []);
  await context.close();
});

for (const locale of ["en-US", "zh-CN"]) {
  test(`axe finds no serious or critical violations in the import dialog (${locale})`, async () => {
    const { planner, context, errors } = await j.start({ locale, viewport: { width: 1280, height: 720 } });
    await planner.serverCards().first().waitFor();
    await planner.openImport();
    assert.deepEqual(seriousOrCritical(await axeViolations(planner.page)), [], "empty");
    await pasteImmich(planner);
    assert.deepEqual(seriousOrCritical(await axeViolations(planner.page)), [], "with a preview");
    await planner.importPaste("compose-0", "services:\n  web: [\n");
    await planner.importSettled();
    assert.deepEqual(seriousOrCritical(await axeViolations(planner.page)), [], "with errors");
    assert.deepEqual(errors, []);
    await context.close();
  });
}

for (const locale of ["en-US", "zh-CN"]) {
  const lang = locale.slice(0, 2);
  for (const viewport of [
    { width: 1280, height: 720 },
    { width: 390, height: 844 },
  ]) {
    const size = `${viewport.width}x${viewport.height}`;
    test(`import dialog screenshots ${lang} ${size}`, async () => {
      const { planner, page, context, errors } = await j.start({ locale, viewport });
      const phone = viewport.width < 700;
      await planner.byTestId("import-open").waitFor();
      await planner.openImport();
      await pasteImmich(planner);
      await planner.importPaste("compose-0", COMPOSE);
      await planner.settle(200);
      await planner.screenshot(`screen-import-${lang}-${size}`);
      if (phone) {
        await planner.byTestId("import-preview").scrollIntoViewIfNeeded();
        await planner.screenshot(`screen-import-preview-${lang}-${size}`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
        assert.deepEqual(seriousOrCritical(await axeViolations(page)), [], "the dialog on a phone");
      }
      await planner.importPaste("compose-0", "services:\n  web:\n    image: nginx\n   ports: [80\n");
      await planner.importSettled();
      await planner.screenshot(`screen-import-error-${lang}-${size}`);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
}

test("an imported stack whose two services publish host port 80 is told before any export, in both languages", async () => {
  const { planner, page, context, errors } = await j.start({ viewport: { width: 1280, height: 800 } });
  await planner.serverCards().first().waitFor();
  await planner.openImport();
  await planner.importPaste(
    "compose-0",
    "name: edge\nservices:\n  web:\n    image: nginx:1.27\n    ports: [\"80:80\"]\n  proxy:\n    image: caddy:2\n    ports: [\"80:80\", \"443:443\"]\n",
  );
  await planner.importSettled();
  // The preview says it beside its verdict already.
  const previewBadge = planner.byTestId("import-verdict").locator('[data-testid="port-clash-badge"]');
  assert.equal((await previewBadge.textContent()).trim(), "⚠port clash");
  assert.match(await previewBadge.getAttribute("title"), /^proxy publishes host port 80\/tcp, which web on this server publishes too/);
  await planner.screenshot("screen-host-port-clash-import-preview-en-1280x800");
  await planner.byTestId("import-confirm").click();
  await planner.byTestId("import-dialog").waitFor({ state: "detached" });

  const finding = planner.finding("host-port-clash");
  await finding.waitFor();
  assert.equal(await finding.count(), 1);
  assert.match(
    await finding.textContent(),
    /proxy publishes host port 80\/tcp, which web on this server publishes too: Docker would start web and refuse proxy/,
  );
  assert.equal(await finding.locator("details.numbers").count(), 0, "no numbers to open");
  // The server's card, the option's summary and its tab say it beside
  // their memory verdicts, in the finding's words when hovered (the tab,
  // showing only the ⚠, leads its tooltip with the words).
  assert.equal(await page.locator('[data-testid="port-clash-badge"]').count(), 3);
  const badge = planner.serverCards().first().locator('[data-testid="port-clash-badge"]');
  const summaryBadge = planner.byTestId("summary").locator('[data-testid="port-clash-badge"]');
  const tabBadge = planner.byTestId("option-tabs").locator('[data-testid="port-clash-badge"]');
  assert.equal((await badge.textContent()).trim(), "⚠port clash");
  assert.equal(await summaryBadge.getAttribute("title"), await badge.getAttribute("title"));
  assert.match(await badge.getAttribute("title"), /^proxy publishes host port 80\/tcp, which web on this server publishes too/);
  assert.equal(await tabBadge.getAttribute("title"), `port clash: ${await badge.getAttribute("title")}`);
  await badge.scrollIntoViewIfNeeded();
  await planner.screenshot("screen-host-port-clash-card-en-1280x800");
  await finding.scrollIntoViewIfNeeded();
  await planner.screenshot("screen-host-port-clash-en-1280x800");
  await planner.switchLanguage();
  await page.waitForFunction(() => document.querySelector('[data-testid="finding-host-port-clash"]')?.textContent.includes("已被本服务器上的 web 占用"));
  const zh = planner.finding("host-port-clash");
  assert.equal((await badge.textContent()).trim(), "⚠端口冲突");
  assert.match(await badge.getAttribute("title"), /^proxy 发布的主机端口 80\/tcp 已被本服务器上的 web 占用/);
  assert.equal(await tabBadge.getAttribute("title"), `端口冲突：${await badge.getAttribute("title")}`);
  await badge.scrollIntoViewIfNeeded();
  await planner.screenshot("screen-host-port-clash-card-zh-1280x800");
  assert.match(await zh.locator('[data-testid="apply-fix"]').textContent(), /把 proxy 发布的主机端口 80 改为 81/);
  await zh.scrollIntoViewIfNeeded();
  await planner.screenshot("screen-host-port-clash-zh-1280x800");
  await planner.switchLanguage();
  // Its fix moves proxy's own 80 to the first free host port: the clash
  // is gone, and the inspector shows the port the file will publish.
  const fix = planner.finding("host-port-clash").locator('[data-testid="apply-fix"]');
  assert.match(await fix.textContent(), /Publish proxy on host port 81 instead of 80/);
  await fix.click();
  await planner.finding("host-port-clash").waitFor({ state: "detached" });
  assert.equal(await page.locator('[data-testid="port-clash-badge"]').count(), 0, "the badges go with the clash");
  await planner.placementById("proxy").locator(".placement-name").click();
  const kept = planner.byTestId("inspector").locator('[data-testid="deploy-kept"]');
  assert.deepEqual(await kept.locator('[data-testid="kept-port"]').allTextContents(), ["81:80", "443:443"]);
  await kept.scrollIntoViewIfNeeded();
  await planner.screenshot("screen-host-port-moved-en-1280x800");
  // A kept port can be let go: × on 443:443 (the label names it).
  const remove = kept.locator('[data-testid="kept-port-remove-443:443"]');
  assert.equal(await remove.getAttribute("aria-label"), "Remove 443:443, kept from the compose file");
  await remove.click();
  assert.deepEqual(await kept.locator('[data-testid="kept-port"]').allTextContents(), ["81:80"]);
  await planner.switchLanguage();
  assert.equal(await kept.locator('[data-testid="kept-port-remove-81:80"]').getAttribute("aria-label"), "删除导入时保留的端口 81:80");
  await kept.scrollIntoViewIfNeeded();
  await planner.screenshot("screen-host-port-moved-zh-1280x800");
  // Undo brings it back.
  await planner.byTestId("undo").click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="kept-port"]').length === 2);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a port clash is said beside the verdict in the compare view and the report, only for the option that has it", async () => {
  const { planner, page, context, errors } = await j.start({ viewport: { width: 1280, height: 800 } });
  await planner.serverCards().first().waitFor();
  await planner.openImport();
  await planner.importPaste("compose-0", "name: edge\nservices:\n  web:\n    image: nginx:1.27\n    ports: [\"80:80\"]\n  proxy:\n    image: caddy:2\n    ports: [\"80:80\"]\n");
  await planner.importSettled();
  await planner.byTestId("import-confirm").click();
  await planner.byTestId("import-dialog").waitFor({ state: "detached" });
  await planner.finding("host-port-clash").waitFor();
  const original = await page.locator('[role="tab"][aria-selected="true"]').getAttribute("data-testid");
  // A copy of the option, whose clash is fixed: only the original's tab keeps the ⚠.
  await planner.byTestId("option-duplicate").click();
  await page.waitForFunction(() => document.querySelectorAll('[role="tab"]').length === 2);
  await planner.finding("host-port-clash").locator('[data-testid="apply-fix"]').click();
  await planner.finding("host-port-clash").waitFor({ state: "detached" });
  const tabs = planner.byTestId("option-tabs");
  assert.equal(await tabs.locator('[data-testid="port-clash-badge"]').count(), 1);
  assert.equal(await tabs.locator(`[data-testid="${original}"] [data-testid="port-clash-badge"]`).count(), 1);
  const originalId = original.replace(/^option-tab-/, "");
  // The options side by side beside the board say it in the original's row.
  const panel = planner.byTestId("option-compare");
  assert.equal(await panel.locator('[data-testid="port-clash-badge"]').count(), 1);
  assert.equal(await panel.locator(`tr[data-option-id="${originalId}"] [data-testid="port-clash-badge"]`).count(), 1);
  await panel.scrollIntoViewIfNeeded();
  await planner.screenshot("screen-host-port-clash-summary-compare-en-1280x800");
  const clashWords = /^proxy publishes host port 80\/tcp, which web on this server publishes too/;

  for (const [lang, words, title] of [
    ["en", "⚠port clash", clashWords],
    ["zh", "⚠端口冲突", /^proxy 发布的主机端口 80\/tcp 已被本服务器上的 web 占用/],
  ]) {
    if (lang === "zh") await planner.switchLanguage();
    await planner.openCompare();
    const badges = planner.compareView.locator('[data-testid="port-clash-badge"]');
    await badges.first().waitFor();
    assert.equal(await badges.count(), 1);
    const row = planner.comparisonRow(originalId).locator('[data-testid="port-clash-badge"]');
    assert.equal((await row.textContent()).trim(), words);
    assert.match(await row.getAttribute("title"), title);
    await planner.screenshot(`screen-host-port-clash-compare-${lang}-1280x800`);
    await planner.closeDialog();
    await planner.compareView.waitFor({ state: "detached" });
  }
  await planner.switchLanguage();

  // The report page: the original's comparison row and its server's heading.
  const report = await planner.openReport(ReportPage);
  const badges = report.page.locator('[data-testid="port-clash-badge"]');
  assert.equal(await badges.count(), 2);
  assert.equal(await report.page.locator('[data-testid="report-server"] [data-testid="port-clash-badge"]').count(), 1);
  for (const b of await badges.all()) {
    assert.equal((await b.textContent()).trim(), "⚠port clash");
    assert.match(await b.getAttribute("title"), clashWords);
  }
  await report.page.locator('[data-testid="report-server"] [data-testid="port-clash-badge"]').scrollIntoViewIfNeeded();
  await report.screenshot("screen-host-port-clash-report-en");
  await report.switchLanguage();
  await report.page.waitForFunction(() => document.querySelector('[data-testid="report-server"] [data-testid="port-clash-badge"]')?.textContent.includes("端口冲突"));
  await report.page.locator('[data-testid="report-server"] [data-testid="port-clash-badge"]').scrollIntoViewIfNeeded();
  await report.screenshot("screen-host-port-clash-report-zh");
  await report.page.close();
  assert.deepEqual(errors, []);
  await context.close();
});
