// Journeys through the export dialog: S4's files from the planner (the
// worker starts on first use, not before), the zip downloaded and read here
// with the files it must hold; per-file downloads with their exact names;
// the keyboard (tablist arrows, Escape back to the opener); copy announced;
// axe on the open dialog; screenshots in both languages at three sizes.
import { test } from "node:test";
import assert from "node:assert/strict";

import { journey } from "./support/journey.mjs";
import { axeViolations, seriousOrCritical } from "./support/axe.mjs";
import { readStoredZip } from "./support/zip.mjs";

const j = journey();
const S4_FILES = [
  "docker-compose.a.yml",
  ".env.a",
  "postgresql.postgres.conf",
  "alter-system.postgres.sql",
  "docker-compose.b.yml",
  ".env.b",
  "kubernetes.yml",
  "stack.yml",
  ".env.swarm",
  "DEPLOY.md",
];

/** `NAME=value` lines of a .env. */
function envLines(text) {
  return Object.fromEntries(
    text
      .split("\n")
      .filter((l) => l && !l.startsWith("#") && l.includes("="))
      .map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]),
  );
}

test("S4: the export dialog gives every file, and the zip holds them (worker on first use)", async () => {
  const { planner, page, context, errors } = await j.start({ viewport: { width: 1280, height: 800 } });
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  await planner.openTemplate("s4-voc");
  await planner.serverCards().first().waitFor();
  assert.ok(!requests.some((u) => u.includes("stackfit-tools")), "the exporter is not part of the first load");
  assert.ok(!requests.some((u) => u.includes("stackfit-extras")), "the export dialog is not part of the first load");
  const dialogSheets = () =>
    page.evaluate(() => {
      const sheet = document.getElementById("stackfit-extras-sheets");
      return sheet ? sheet.textContent.includes(".export-dialog") : null;
    });
  assert.equal(await dialogSheets(), null, "nor are the dialogs' style sheets");

  await planner.openExport();
  assert.equal(await dialogSheets(), true, "the extras add the dialogs' sheets before the dialog shows");
  const dialogWidth = await page.evaluate(() => document.querySelector('[data-testid="export-dialog"]').getBoundingClientRect().width);
  assert.ok(dialogWidth > 1000, `the dialog is styled by its sheet (${dialogWidth}px wide at 1280)`);
  // Versioned by the planner's file hash: no CDN hands an earlier deploy's extras or worker to this planner.
  const preload = await page.evaluate(() => document.querySelector('link[rel="modulepreload"][href*="stackfit-planner-"]').getAttribute("href"));
  const build = preload.match(/stackfit-planner-([0-9a-f]+)\.js$/)[1];
  for (const file of ["stackfit-tools_loader.js", "stackfit-tools.js", "stackfit-tools_bg.wasm"]) {
    assert.ok(requests.some((u) => u.endsWith(`${file}?v=${build}`)), `the worker's ${file} loads on first use, versioned`);
  }
  assert.ok(requests.some((u) => u.endsWith(`stackfit-extras_bg.wasm?v=${build}`)), "the dialog's wasm (the extras) loads on first use");
  assert.ok(requests.some((u) => u.endsWith(`stackfit-extras.js?v=${build}`)));
  assert.deepEqual(await planner.exportTabNames(), S4_FILES);

  // The zip: every file, in the dialog's order, with the dialog's text.
  const zip = await planner.download("export-zip");
  assert.equal(zip.name, "stackfit-as-planned.zip");
  const entries = readStoredZip(zip.bytes);
  assert.deepEqual(entries.map((e) => e.name), S4_FILES);
  const text = (name) => entries.find((e) => e.name === name).text;
  assert.equal(await planner.exportTab(".env.a"), text(".env.a"), "what is shown is what is downloaded");
  assert.equal(await planner.exportTab("docker-compose.b.yml"), text("docker-compose.b.yml"));

  // Files that start: -Q per worker, public ports, the plan's env lines, the private address.
  const a = text("docker-compose.a.yml");
  assert.match(a, /^services:/m);
  assert.doesNotMatch(a, /^version:/m);
  assert.match(a, /- "8000:8000"/);
  assert.match(a, /- "-Q"\n\s+- "ingestion,reports,celery"/);
  const b = text("docker-compose.b.yml");
  assert.match(b, /POSTGRES_HOST: "192\.168\.36\.36"/);
  assert.match(b, /INSIGHT_PARALLEL_SIZE: "\$\{WORKER_INSIGHT_INSIGHT_PARALLEL_SIZE\}"/);
  assert.equal(envLines(text(".env.b")).WORKER_INSIGHT_INSIGHT_PARALLEL_SIZE, "40");
  // One secret per option, from the browser's crypto: 32 letters and
  // digits, the same on both servers, in no saved plan.
  const secret = envLines(text(".env.a")).POSTGRES_PASSWORD;
  assert.match(secret, /^[A-Za-z0-9]{32}$/);
  assert.equal(envLines(text(".env.b")).POSTGRES_PASSWORD, secret);
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }));
  assert.ok(!stored.includes(secret), "the secret is not stored with the plan");
  assert.match(text("DEPLOY.md"), /^# /m);
  assert.match(text("postgresql.postgres.conf"), /^shared_buffers = /m);
  assert.match(text("kubernetes.yml"), /^kind: Deployment/m);

  // A file alone, with its exact name.
  await planner.exportTab("docker-compose.b.yml");
  const one = await planner.download("export-download");
  assert.equal(one.name, "docker-compose.b.yml");
  assert.equal(one.bytes.toString("utf8"), text("docker-compose.b.yml"));
  // Chromium drops a leading dot from any download's name (a hidden
  // file): the dialog says so, and the zip keeps the exact names.
  await planner.exportTab(".env.b");
  const env = await planner.download("export-download");
  assert.ok([".env.b", "env.b"].includes(env.name), env.name);
  assert.equal(env.bytes.toString("utf8"), text(".env.b"));
  assert.match(await planner.byTestId("export-dot-note").textContent(), /rename it to \.env\.b/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the dialog works from the keyboard and gives focus back to its button", async () => {
  const { planner, page, context, errors } = await j.start({ viewport: { width: 1280, height: 800 } });
  await planner.openTemplate("s4-voc");
  await planner.byTestId("export-open").focus();
  await page.keyboard.press("Enter");
  await planner.byTestId("export-tabs").waitFor();
  // The selected tab has the focus once the files are there.
  await page.waitForFunction(() => document.activeElement?.getAttribute("role") === "tab");
  // The focused tab's file name, once focus has settled on `expected`.
  const selected = async (expected) => {
    await page
      .waitForFunction((n) => document.activeElement?.querySelector(".export-tab-name")?.textContent === n, expected, { timeout: 2000 })
      .catch(() => {});
    return page.evaluate(() => document.activeElement.querySelector(".export-tab-name")?.textContent);
  };
  assert.equal(await selected("docker-compose.a.yml"), "docker-compose.a.yml");
  await page.keyboard.press("ArrowDown");
  assert.equal(await selected(".env.a"), ".env.a");
  await page.waitForFunction(() => document.querySelector('[data-testid="export-file-name"]')?.textContent === ".env.a");
  await page.keyboard.press("End");
  assert.equal(await selected("DEPLOY.md"), "DEPLOY.md");
  await page.keyboard.press("ArrowRight");
  assert.equal(await selected("docker-compose.a.yml"), "docker-compose.a.yml", "the arrows wrap around");
  await page.keyboard.press("ArrowUp");
  assert.equal(await selected("DEPLOY.md"), "DEPLOY.md");
  await page.keyboard.press("Home");
  assert.equal(await selected("docker-compose.a.yml"), "docker-compose.a.yml");
  // One Tab stop for the tabs: Tab goes on to the panel's buttons.
  await page.keyboard.press("Tab");
  assert.equal(await planner.focusedTestId(), "export-copy");
  // Escape closes and returns focus to the button that opened the dialog.
  await page.keyboard.press("Escape");
  await planner.byTestId("export-dialog").waitFor({ state: "detached" });
  await page.waitForFunction(() => document.activeElement?.dataset?.testid === "export-open");
  assert.equal(await planner.focusedTestId(), "export-open");
  assert.deepEqual(errors, []);
  await context.close();
});

test("when the worker cannot load, the dialog says so, and the next try starts a fresh one", async () => {
  const { planner, page, context, errors } = await j.start({ viewport: { width: 1280, height: 800 } });
  const loader = /\/stackfit-tools_loader\.js(\?|$)/;
  await page.route(loader, (r) => r.fulfill({ status: 404, body: "not found" }));
  await planner.openTemplate("s4-voc");
  await planner.byTestId("export-open").click();
  await planner.byTestId("export-error").waitFor({ timeout: 20_000 });
  assert.match(await planner.byTestId("export-error").textContent(), /could not start/);
  await page.keyboard.press("Escape");
  await page.unroute(loader);
  await planner.openExport();
  assert.deepEqual(await planner.exportTabNames(), S4_FILES);
  // The only console error is the refused load itself.
  assert.deepEqual(errors.filter((e) => !/404|Failed to load resource/.test(e)), []);
  await context.close();
});

test("when the dialogs' wasm cannot load, the page says so in the user's language and keeps the plan; the next try loads it", async () => {
  const { planner, page, context, errors } = await j.start({ viewport: { width: 1280, height: 800 }, locale: "zh-CN" });
  const extrasJs = /\/stackfit-extras\.js(\?|$)/;
  await page.route(extrasJs, (r) => r.fulfill({ status: 404, body: "not found" }));
  await planner.openTemplate("s4-voc");
  const name = await planner.byTestId("plan-name").inputValue();
  await planner.byTestId("export-open").click();
  const failed = planner.byTestId("extras-failed");
  await failed.waitFor({ timeout: 20_000 });
  assert.match(await failed.locator("span").textContent(), /^这个窗口的程序文件没能加载（\.\/stackfit-extras\.js）。请检查网络后重试。$/);
  assert.equal(await planner.byTestId("export-dialog").count(), 0);
  assert.equal(await planner.byTestId("plan-name").inputValue(), name, "the plan on screen stays");
  await page.unroute(extrasJs);
  await planner.openExport();
  assert.deepEqual(await planner.exportTabNames(), S4_FILES);
  assert.equal(await failed.count(), 0, "the message goes once the dialog opens");
  assert.deepEqual(errors.filter((e) => !/404|Failed to load resource/.test(e)), []);
  await context.close();
});

test("a dialog whose code is slow to arrive says it is loading, then opens", async () => {
  const { planner, page, context, errors } = await j.start({ viewport: { width: 1280, height: 800 } });
  await page.route(/\/stackfit-extras_bg\.wasm(\?|$)/, async (r) => {
    await new Promise((done) => setTimeout(done, 1500));
    await r.continue();
  });
  await planner.openTemplate("s4-voc");
  await planner.byTestId("export-open").click();
  const loading = planner.byTestId("extras-loading");
  await loading.waitFor();
  assert.equal(await loading.textContent(), "Loading this dialog…");
  await planner.byTestId("export-tabs").waitFor({ timeout: 20_000 });
  await loading.waitFor({ state: "detached" });
  assert.deepEqual(await planner.exportTabNames(), S4_FILES);
  assert.deepEqual(errors, []);
  await context.close();
});

test("copy puts the file on the clipboard and says so", async () => {
  const { planner, page, context, errors } = await j.start({ viewport: { width: 1280, height: 800 } });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(page.url()).origin });
  await planner.openTemplate("s4-voc");
  await planner.openExport();
  const shown = await planner.exportTab("docker-compose.a.yml");
  await planner.byTestId("export-copy").click();
  await page.waitForFunction(() => document.querySelector('[data-testid="announcer"]').textContent.includes("Copied"));
  assert.match(await planner.announced(), /^Copied docker-compose\.a\.yml to the clipboard\./);
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), shown);
  assert.deepEqual(errors, []);
  await context.close();
});

test("in Chinese the dialog, its words and DEPLOY.md are Chinese", async () => {
  const { planner, context, errors } = await j.start({ locale: "zh-CN", viewport: { width: 1280, height: 800 } });
  await planner.openTemplate("s4-voc");
  await planner.openExport();
  assert.equal((await planner.byTestId("export-zip").textContent()).trim(), "全部下载（zip）");
  const deploy = await planner.exportTab("DEPLOY.md");
  assert.match(deploy, /[\u4e00-\u9fff]/, "DEPLOY.md is written in Chinese");
  assert.match(await planner.byTestId("export-tab-docker-compose.a.yml").textContent(), /Compose 文件 · A — 主节点 8C16G/);
  assert.deepEqual(errors, []);
  await context.close();
});

for (const locale of ["en-US", "zh-CN"]) {
  test(`axe finds no serious or critical violations in the export dialog (${locale})`, async () => {
    const { planner, context, errors } = await j.start({ locale, viewport: { width: 1280, height: 720 } });
    await planner.openTemplate("s4-voc");
    await planner.openExport();
    await planner.exportTab("docker-compose.a.yml");
    assert.deepEqual(seriousOrCritical(await axeViolations(planner.page)), [], "compose tab");
    await planner.exportTab("DEPLOY.md");
    assert.deepEqual(seriousOrCritical(await axeViolations(planner.page)), [], "DEPLOY.md tab");
    assert.deepEqual(errors, []);
    await context.close();
  });
}

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
];

for (const locale of ["en-US", "zh-CN"]) {
  const lang = locale.slice(0, 2);
  for (const viewport of SIZES) {
    const size = `${viewport.width}x${viewport.height}`;
    test(`export dialog screenshots ${lang} ${size}`, async () => {
      const { planner, page, context, errors } = await j.start({ locale, viewport });
      const phone = viewport.width < 700;
      await planner.openTemplate("s4-voc", phone ? "template-menu-phone" : "template-menu");
      await planner.openExport();
      await planner.exportTab("docker-compose.b.yml");
      await planner.settle(200);
      await planner.screenshot(`screen-export-${lang}-${size}`);
      await planner.exportTab("DEPLOY.md");
      await planner.screenshot(`screen-export-deploy-${lang}-${size}`);
      if (phone) {
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
        assert.deepEqual(seriousOrCritical(await axeViolations(page)), [], "the dialog on a phone");
      }
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
}
